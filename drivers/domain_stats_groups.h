/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_stats_groups.h: what every driver's domstats
 * (virConnectGetAllDomainStats, virDomainListGetStats) does alike: the
 * flags and groups check, a domain's record when the filters select it,
 * and the "state" group. On the calling driver's thread.
 */
#ifndef VIREO_DRIVERS_DOMAIN_STATS_GROUPS_H
#define VIREO_DRIVERS_DOMAIN_STATS_GROUPS_H

#include "api/vireo.h"

struct domain_obj;

/* The list filters (VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE ... OTHER). */
#define DOMAIN_STATS_FILTERS 0xffu

/* Check flags (the filters and libvirt's NOWAIT, BACKING and
 * ENFORCE_STATS, named fn in the error) and the groups asked for: none
 * means every group the driver supports; one it does not is dropped, or
 * refused with ENFORCE_STATS ("Stats types bits 0x%x are not supported
 * by this daemon"). 0, or -1 with err set (error domain from). */
int domain_stats_check(unsigned int *groups, unsigned int supported,
                       unsigned flags, int from, const char *fn,
                       struct vireo_error *err);

/* Append obj's empty record (a handle of conn on it) at recs[*n] when
 * flags' filters select it. 1 when appended, 0 when filtered out, -1 with
 * err set. */
int domain_stats_append(struct vireo_domain_stats_record *recs, int *n,
                        struct vireo_conn *conn, const struct domain_obj *obj,
                        unsigned flags, struct vireo_error *err);

/* libvirt's "state" group: state.state and state.reason. */
int domain_stats_add_state(const struct domain_obj *obj,
                           struct vireo_typed_params *p,
                           struct vireo_error *err);

#endif /* VIREO_DRIVERS_DOMAIN_STATS_GROUPS_H */
