/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_stats.h: what the block and interface statistics slots
 * (qemu_stats.c) and domstats (qemu_domstats.c) share. The driver's
 * thread.
 */
#ifndef VIREO_QEMU_QEMU_STATS_H
#define VIREO_QEMU_QEMU_STATS_H

#include "api/vireo.h"

struct domain_def;
struct domain_interface;
struct domain_obj;
struct monitor_blockstat;
struct monitor_blockstats;
struct qemu_guest;

/* The object of dom if it runs; else NULL with VIR_ERR_NO_DOMAIN or
 * VIR_ERR_OPERATION_INVALID "domain is not running". */
struct domain_obj *qemu_stats_running(struct vireo_domain *dom,
                                      struct vireo_error *err);

/* Ask g's QEMU for query-blockstats for the current call, which waits:
 * its replay's data is a struct monitor_blockstats whose uuid is g's
 * domain's. 0 once the call waits, or -1 with err set. */
int qemu_stats_ask_blockstats(struct qemu_guest *g, struct vireo_error *err);

/* The counters of def's disk i in all, or NULL. */
const struct monitor_blockstat *
qemu_stats_disk(const struct monitor_blockstats *all,
                const struct domain_def *def, int i);

/* An interface's counters from its tap, as the guest sees them. */
int qemu_stats_interface(const struct domain_interface *net,
                         struct vireo_interface_stats *stats,
                         struct vireo_error *err);

#endif /* VIREO_QEMU_QEMU_STATS_H */
