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
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"

/* The list filters, and the modifiers the test driver accepts and
 * ignores (it never waits, and has no backing chains). */
#define STATS_FILTERS  0xffu
#define STATS_FLAGS    (STATS_FILTERS |                                    \
                        VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT |         \
                        VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING |        \
                        VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS)
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

static int
add_state_group(const struct domain_obj *obj, struct vireo_typed_params *p,
                struct vireo_error *err)
{
    if (vireo_typed_params_add_int(p, "state.state", obj->state, err) < 0 ||
        vireo_typed_params_add_int(p, "state.reason", obj->reason, err) < 0)
        return -1;
    return 0;
}

/* Append obj's record, if the filters select it. */
static int
add_record(struct stats_io *s, const struct domain_obj *obj,
           struct vireo_error *err)
{
    struct vireo_domain_stats_record *rec = &s->recs[s->n_recs];

    if ((s->flags & STATS_FILTERS) &&
        !domain_obj_matches_filter(obj, s->flags & STATS_FILTERS))
        return 0;
    *rec = (struct vireo_domain_stats_record){ 0 };
    rec->dom = test_state_handle(s->conn, obj, err);
    if (rec->dom == NULL)
        return -1;
    s->n_recs++;
    if ((s->groups & VIR_DOMAIN_STATS_STATE) &&
        add_state_group(obj, &rec->params, err) < 0)
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

    if (error_check_flags(err, VIR_FROM_TEST, flags, STATS_FLAGS,
                          "testConnectGetAllDomainStats") < 0)
        return -1;
    if (stats == 0)
        s.groups = STATS_GROUPS;
    else if ((stats & ~STATS_GROUPS) &&
             (flags & VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS))
        return error_set(err, VIR_ERR_ARGUMENT_UNSUPPORTED, VIR_FROM_TEST,
                         "Stats types bits 0x%x are not supported by this "
                         "daemon", stats & ~STATS_GROUPS);
    n = test_call(conn, op_get_all_domain_stats, &s, err);
    if (n >= 0)
        *records = s.recs;
    return n;
}
