/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * proc_read_only.h: which of libvirt's calls its API refuses on a
 * read-only connection (VIR_CONNECT_RO, or a client of the read-only
 * socket), whatever the driver serves: libvirt checks that before it
 * asks the driver, so a daemon answers "read only access prevents <API>"
 * (VIR_ERR_OPERATION_DENIED) rather than "not supported" to such a call
 * it does not serve.
 *
 * The table is constant; the function may be called from any thread.
 */
#ifndef VIREO_WIRE_PROC_READ_ONLY_H
#define VIREO_WIRE_PROC_READ_ONLY_H

#include <stdbool.h>
#include <stdint.h>

#include "api/vireo.h"

/* Whether libvirt 9.0's API behind procedure number of program prog (the
 * remote, QEMU or LXC program) refuses a read-only connection. Some of
 * them check their arguments first (virDomainRename's new name, ...):
 * a daemon that does not serve the call cannot, and refuses at once. */
bool wire_proc_refuses_read_only(uint32_t prog, int number);

/* Set err to libvirt's refusal of that call on a read-only connection:
 * VIR_ERR_OPERATION_DENIED, "operation forbidden: read only access
 * prevents <API>", from the API family's error domain (as
 * wire_error_not_supported_in). Returns -1 when err was set, 0 (err
 * untouched) when libvirt lets a read-only connection make the call. */
int wire_error_read_only_in(struct vireo_error *err, uint32_t prog,
                            int number);

#endif /* VIREO_WIRE_PROC_READ_ONLY_H */
