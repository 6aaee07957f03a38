/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * proc_names.h: every procedure of libvirt 9.0's remote program (1 ...
 * 443), served by vireo or not: its name, and the libvirt API a server
 * calls for it. A daemon answers a call it does not serve as libvirtd
 * answers a call its driver lacks: "this function is not supported by the
 * connection driver: <API>", from the error domain of that API's family.
 *
 * The table is constant; every function may be called from any thread.
 */
#ifndef VIREO_WIRE_PROC_NAMES_H
#define VIREO_WIRE_PROC_NAMES_H

#include <stdint.h>

#include "api/vireo.h"

/* The procedure's name without its REMOTE_PROC_ prefix ("DOMAIN_RESET"),
 * or NULL for a number libvirt 9.0 does not define. */
const char *wire_proc_name(int number);

/* The libvirt API behind the procedure ("virDomainReset"), or NULL when
 * the procedure is no API call: an event message a server sends, or the
 * RPC layer's own (open, close, authentication). */
const char *wire_proc_api_name(int number);

/* Set err to what libvirtd answers for a call of this procedure that its
 * driver lacks: VIR_ERR_NO_SUPPORT, from the API family's error domain
 * (VIR_FROM_DOMAIN for domains and the host, VIR_FROM_NETWORK, ...).
 * Returns -1 when err was set, 0 (err untouched) for a number that has no
 * API (wire_proc_api_name is NULL). */
int wire_error_not_supported(struct vireo_error *err, int number);

/* The libvirt API behind procedure number of program prog (as
 * wire_error_not_supported_in finds it), and in *error_domain the error
 * domain it reports from; NULL when the procedure has no API. */
const char *wire_proc_api_name_in(uint32_t prog, int number,
                                  int *error_domain);

/* libvirt's LXC program, which vireo does not serve: one call, 1
 * (virDomainLxcOpenNamespace). */
#define WIRE_LXC_PROGRAM 0x00068000u

/* The same as wire_error_not_supported for a procedure of program prog:
 * the remote program, libvirt's QEMU program (whose APIs, like the LXC
 * program's, report from VIR_FROM_NONE) or its LXC program. */
int wire_error_not_supported_in(struct vireo_error *err, uint32_t prog,
                                int number);

#endif /* VIREO_WIRE_PROC_NAMES_H */
