/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * host.h: what every driver says alike of the host it runs on, in
 * libvirt's words: its name, and the head of the <host> element of the
 * capabilities document. Stateless; any thread.
 */
#ifndef VIREO_DRIVERS_HOST_H
#define VIREO_DRIVERS_HOST_H

#include <stdio.h>

#include "api/vireo.h"

/* The host's name, malloc'ed; NULL with err set (VIR_ERR_SYSTEM_ERROR,
 * error domain `from`). */
char *host_name(int from, struct vireo_error *err);

/* "  <host>" and its <cpu> (arch and topology), <power_management/> and
 * <iommu support='no'/>, as libvirt writes them; the caller goes on with
 * the topology of its cells and closes the element. */
void host_write_cpu(FILE *out, const char *arch, unsigned sockets,
                    unsigned cores, unsigned threads);

#endif /* VIREO_DRIVERS_HOST_H */
