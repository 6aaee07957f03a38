/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_blkstats.c: DOMAIN_BLOCK_STATS_FLAGS, a disk's counters as
 * typed parameters (virsh domblkstat asks it first, and falls back to
 * DOMAIN_BLOCK_STATS when the driver has no such slot). Driver threads.
 */
#include "daemon/dispatch_counted.h"
#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"

int
dispatch_domain_block_stats_flags(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const remote_domain_block_stats_flags_args *a = args;
    remote_domain_block_stats_flags_ret *r = ret;
    const struct counted_get g = {
        .dom = &a->dom, .device = a->path, .nparams = a->nparams,
        .limit = REMOTE_DOMAIN_BLOCK_STATS_PARAMETERS_MAX,
        .flags = a->flags, .fn = conn->driver->domain_block_stats_flags,
        .val = &r->params.params_val, .len = &r->params.params_len,
        .n_out = &r->nparams };

    if (DISPATCH_NEED_AS(conn, domain_block_stats_flags,
                         "virDomainBlockStatsFlags", err) < 0)
        return -1;
    return counted_get(conn, &g, err);
}
