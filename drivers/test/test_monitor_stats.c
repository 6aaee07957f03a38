/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_monitor_stats.c: domstats on the test hypervisor
 * (virConnectGetAllDomainStats and virDomainListGetStats). Like libvirt's
 * test driver it fills only the "state" group; the other groups are
 * dropped, or refused when the caller enforces them. Test driver thread
 * (test_call.h).
 */
#include <stdlib.h>

#include "drivers/domain_list.h"
#include "drivers/domain_stats_groups.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"

#define STATS_GROUPS   VIR_DOMAIN_STATS_STATE

struct stats_io {
    struct vireo_conn                 *conn;
    struct vireo_domain              **doms;     /* NULL: every domain */
    int                                n_doms;
    unsigned int                       groups;
    unsigned                           flags;
    struct vireo_domain_stats_record  *recs;
    int                                n_recs;
};

/* Append obj's record, if the filters select it. */
static int
add_record(struct stats_io *s, const struct domain_obj *obj,
           struct vireo_error *err)
{
    int rc = domain_stats_append(s->recs, &s->n_recs, s->conn, obj,
                                 s->flags, err);

    if (rc <= 0)
        return rc;
    if ((s->groups & VIR_DOMAIN_STATS_STATE) &&
        domain_stats_add_state(obj, &s->recs[s->n_recs - 1].params, err) < 0)
        return -1;
    return 0;
}

static int
collect(struct test_state *st, struct stats_io *s, struct vireo_error *err)
{
    size_t n_all = domain_list_count(st->domains);

    for (size_t i = 0; i < n_all; i++)
        if (add_record(s, domain_list_at(st->domains, i), err) < 0)
            return -1;
    return 0;
}

/* The domains asked for; those gone since are skipped, as in libvirt. */
static int
collect_listed(struct test_state *st, struct stats_io *s,
               struct vireo_error *err)
{
    for (int i = 0; i < s->n_doms; i++) {
        const struct domain_obj *obj =
            domain_list_find_by_uuid(st->domains, s->doms[i]->uuid);

        if (obj != NULL && add_record(s, obj, err) < 0)
            return -1;
    }
    return 0;
}

static int
op_get_all_domain_stats(struct test_state *st, void *io,
                        struct vireo_error *err)
{
    struct stats_io *s = io;
    size_t n_max = s->doms != NULL ? (size_t)s->n_doms
                                   : domain_list_count(st->domains);
    int rc;

    s->recs = calloc(n_max + 1, sizeof(*s->recs));
    if (s->recs == NULL)
        return error_no_memory(err);
    rc = s->doms != NULL ? collect_listed(st, s, err) : collect(st, s, err);
    if (rc < 0) {
        vireo_domain_stats_free(s->recs, s->n_recs);
        s->recs = NULL;
        return -1;
    }
    return s->n_recs;
}

int
testdrv_conn_get_all_domain_stats(struct vireo_conn *conn,
                                  struct vireo_domain **doms, int n_doms,
                                  unsigned int stats,
                                  struct vireo_domain_stats_record **records,
                                  unsigned flags, struct vireo_error *err)
{
    struct stats_io s = { .conn = conn, .doms = doms, .n_doms = n_doms,
                          .groups = stats, .flags = flags };
    int n;

    if (domain_stats_check(&s.groups, STATS_GROUPS, flags, VIR_FROM_TEST,
                           "testConnectGetAllDomainStats", err) < 0)
        return -1;
    n = test_call(conn, op_get_all_domain_stats, &s, err);
    if (n >= 0)
        *records = s.recs;
    return n;
}
