/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_stats_groups.c: the parts of domstats every driver shares (the
 * contract is in domain_stats_groups.h).
 */
#include "drivers/domain_list.h"
#include "drivers/domain_stats_groups.h"
#include "drivers/error.h"

#define STATS_FLAGS (DOMAIN_STATS_FILTERS |                                 \
                     VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT |            \
                     VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING |           \
                     VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS)

int
domain_stats_check(unsigned int *groups, unsigned int supported,
                   unsigned flags, int from, const char *fn,
                   struct vireo_error *err)
{
    if (error_check_flags(err, from, flags, STATS_FLAGS, fn) < 0)
        return -1;
    if (*groups == 0)
        *groups = supported;
    else if ((*groups & ~supported) &&
             (flags & VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS))
        return error_set(err, VIR_ERR_ARGUMENT_UNSUPPORTED, from,
                         "Stats types bits 0x%x are not supported by this "
                         "daemon", *groups & ~supported);
    return 0;
}

int
domain_stats_append(struct vireo_domain_stats_record *recs, int *n,
                    struct vireo_conn *conn, const struct domain_obj *obj,
                    unsigned flags, struct vireo_error *err)
{
    struct vireo_domain_stats_record *rec = &recs[*n];

    if ((flags & DOMAIN_STATS_FILTERS) &&
        !domain_obj_matches_filter(obj, flags & DOMAIN_STATS_FILTERS))
        return 0;
    *rec = (struct vireo_domain_stats_record){ 0 };
    rec->dom = domain_obj_handle(conn, obj, err);
    if (rec->dom == NULL)
        return -1;
    (*n)++;
    return 1;
}

int
domain_stats_add_state(const struct domain_obj *obj,
                       struct vireo_typed_params *p, struct vireo_error *err)
{
    if (vireo_typed_params_add_int(p, "state.state", obj->state, err) < 0 ||
        vireo_typed_params_add_int(p, "state.reason", obj->reason, err) < 0)
        return -1;
    return 0;
}
