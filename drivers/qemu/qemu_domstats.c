/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_domstats.c: domstats on the QEMU driver (virConnectGetAllDomainStats
 * and virDomainListGetStats) with libvirt's groups "state", "interface"
 * and "block" and its field names; other groups are dropped, or refused
 * when the caller enforces them.
 *
 * A running guest's block group needs QEMU's query-blockstats: the call
 * then waits for the answer (call.h) and, once it comes, runs again from
 * the top, replaying the answers in the order it asked. Each answer
 * carries its guest's uuid, so that a domain started or stopped between
 * two runs can only lose its disk figures for this once, never get
 * another guest's. A guest that cannot answer loses its figures, as in
 * libvirt, and the others are still reported. The driver's thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/call.h"
#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/domain_stats_groups.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/qemu/disk_size.h"
#include "drivers/qemu/monitor_blockstats.h"
#include "drivers/qemu/qemu_slots.h"
#include "drivers/qemu/qemu_state.h"
#include "drivers/qemu/qemu_stats.h"

#define STATS_GROUPS   (VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_INTERFACE | \
                        VIR_DOMAIN_STATS_BLOCK)

/* One run's state; records are rebuilt on every run. */
struct stats_run {
    struct vireo_conn                 *conn;
    struct call                       *call;     /* NULL: never wait */
    unsigned int                       groups;
    unsigned                           flags;
    struct vireo_domain_stats_record  *recs;
    int                                n_recs;
    bool                               is_waiting;
};

/* ---- interface --------------------------------------------------------- */

static int
add_field(struct vireo_typed_params *p, const char *prefix, int i,
          const char *name, unsigned long long value, struct vireo_error *err)
{
    char field[VIREO_TYPED_PARAM_FIELD_LENGTH];

    snprintf(field, sizeof(field), "%s.%d.%s", prefix, i, name);
    return vireo_typed_params_add_ullong(p, field, value, err);
}

static int
add_string(struct vireo_typed_params *p, const char *prefix, int i,
           const char *name, const char *value, struct vireo_error *err)
{
    char field[VIREO_TYPED_PARAM_FIELD_LENGTH];

    snprintf(field, sizeof(field), "%s.%d.%s", prefix, i, name);
    return vireo_typed_params_add_string(p, field, value, err);
}

/* A counter the kernel does not keep reads -1: libvirt leaves it out. */
static int
add_counter(struct vireo_typed_params *p, int i, const char *name,
            long long value, struct vireo_error *err)
{
    return value < 0 ? 0 : add_field(p, "net", i, name,
                                     (unsigned long long)value, err);
}

static int
add_net_counters(struct vireo_typed_params *p, int i,
                 const struct vireo_interface_stats *s,
                 struct vireo_error *err)
{
    if (add_counter(p, i, "rx.bytes", s->rx_bytes, err) < 0 ||
        add_counter(p, i, "rx.pkts", s->rx_packets, err) < 0 ||
        add_counter(p, i, "rx.errs", s->rx_errs, err) < 0 ||
        add_counter(p, i, "rx.drop", s->rx_drop, err) < 0 ||
        add_counter(p, i, "tx.bytes", s->tx_bytes, err) < 0 ||
        add_counter(p, i, "tx.pkts", s->tx_packets, err) < 0 ||
        add_counter(p, i, "tx.errs", s->tx_errs, err) < 0 ||
        add_counter(p, i, "tx.drop", s->tx_drop, err) < 0)
        return -1;
    return 0;
}

/* Running guests only; an interface without a tap, or whose tap cannot be
 * read, shows its name alone. */
static int
add_interfaces(const struct domain_obj *obj, struct vireo_typed_params *p,
               struct vireo_error *err)
{
    const struct domain_def *def = obj->def;

    if (!domain_obj_is_active(obj))
        return 0;
    if (vireo_typed_params_add_uint(p, "net.count",
                                    (unsigned)def->n_interfaces, err) < 0)
        return -1;
    for (int i = 0; i < def->n_interfaces; i++) {
        const struct domain_interface *net = &def->interfaces[i];
        struct vireo_interface_stats s;
        struct vireo_error ignored = { 0 };

        if (net->target_dev == NULL)
            continue;
        if (add_string(p, "net", i, "name", net->target_dev, err) < 0)
            return -1;
        if (qemu_stats_interface(net, &s, &ignored) == 0 &&
            add_net_counters(p, i, &s, err) < 0)
            return -1;
    }
    return 0;
}

/* ---- block ------------------------------------------------------------- */

static int
add_disk_counters(struct vireo_typed_params *p, int i,
                  const struct monitor_blockstat *b, struct vireo_error *err)
{
    if (add_field(p, "block", i, "rd.reqs", b->rd_req, err) < 0 ||
        add_field(p, "block", i, "rd.bytes", b->rd_bytes, err) < 0 ||
        add_field(p, "block", i, "rd.times", b->rd_total_ns, err) < 0 ||
        add_field(p, "block", i, "wr.reqs", b->wr_req, err) < 0 ||
        add_field(p, "block", i, "wr.bytes", b->wr_bytes, err) < 0 ||
        add_field(p, "block", i, "wr.times", b->wr_total_ns, err) < 0 ||
        add_field(p, "block", i, "fl.reqs", b->flush_req, err) < 0 ||
        add_field(p, "block", i, "fl.times", b->flush_total_ns, err) < 0 ||
        add_field(p, "block", i, "allocation", b->wr_highest_offset,
                  err) < 0)
        return -1;
    return 0;
}

static int
add_sizes(struct vireo_typed_params *p, int i, const struct domain_disk *d,
          struct vireo_error *err)
{
    unsigned long long capacity, physical;

    if (d->source_path == NULL ||
        !disk_size_read(d->source_path, &capacity, &physical))
        return 0;
    if (add_field(p, "block", i, "capacity", capacity, err) < 0 ||
        add_field(p, "block", i, "physical", physical, err) < 0)
        return -1;
    return 0;
}

/* A disk's name, and its local path with the index of its image in the
 * guest's storage nodes (libvirt-N-format: N is libvirt's backingIndex). */
static int
add_header(struct vireo_typed_params *p, int i, const struct domain_disk *d,
           struct vireo_error *err)
{
    char field[VIREO_TYPED_PARAM_FIELD_LENGTH];

    if (add_string(p, "block", i, "name", d->target_dev, err) < 0)
        return -1;
    if (d->source_path == NULL)
        return 0;
    snprintf(field, sizeof(field), "block.%d.backingIndex", i);
    if (add_string(p, "block", i, "path", d->source_path, err) < 0 ||
        vireo_typed_params_add_uint(p, field, (unsigned)i + 1, err) < 0)
        return -1;
    return 0;
}

/* Every disk's header, its counters when QEMU gave them (all may be
 * NULL), and its image's sizes. */
static int
add_disks(const struct domain_def *def, const struct monitor_blockstats *all,
          struct vireo_typed_params *p, struct vireo_error *err)
{
    if (vireo_typed_params_add_uint(p, "block.count", (unsigned)def->n_disks,
                                    err) < 0)
        return -1;
    for (int i = 0; i < def->n_disks; i++) {
        const struct domain_disk *d = &def->disks[i];
        const struct monitor_blockstat *b = qemu_stats_disk(all, def, i);

        if (add_header(p, i, d, err) < 0 ||
            (b != NULL && add_disk_counters(p, i, b, err) < 0) ||
            add_sizes(p, i, d, err) < 0)
            return -1;
    }
    return 0;
}

/* The next recorded query-blockstats answer, if it is this guest's;
 * else ask for one (s->is_waiting then says the run ends here). NULL
 * when there are no figures to give. */
static struct monitor_blockstats *
blockstats_of(struct stats_run *s, const struct domain_obj *obj)
{
    struct vireo_error ignored = { 0 };
    void *data = NULL;
    int rc;

    if (s->call == NULL || obj->priv == NULL || obj->def->n_disks == 0)
        return NULL;
    if (!call_replay(s->call, &rc, &ignored, &data)) {
        s->is_waiting = qemu_stats_ask_blockstats(obj->priv, &ignored) == 0;
        return NULL;
    }
    if (rc < 0 || data == NULL ||
        memcmp(((struct monitor_blockstats *)data)->uuid, obj->def->uuid,
               sizeof(obj->def->uuid)) != 0)
        return NULL;
    return data;
}

static int
add_block(struct stats_run *s, const struct domain_obj *obj,
          struct vireo_typed_params *p, struct vireo_error *err)
{
    const struct monitor_blockstats *all =
        domain_obj_is_active(obj) ? blockstats_of(s, obj) : NULL;

    return s->is_waiting ? 0 : add_disks(obj->def, all, p, err);
}

/* ---- records ----------------------------------------------------------- */

/* Append obj's record, if the filters select it. */
static int
add_record(struct stats_run *s, const struct domain_obj *obj,
           struct vireo_error *err)
{
    struct vireo_typed_params *p;
    int rc = domain_stats_append(s->recs, &s->n_recs, s->conn, obj,
                                 s->flags, err);

    if (rc <= 0)
        return rc;
    p = &s->recs[s->n_recs - 1].params;
    if ((s->groups & VIR_DOMAIN_STATS_STATE) &&
        domain_stats_add_state(obj, p, err) < 0)
        return -1;
    if ((s->groups & VIR_DOMAIN_STATS_INTERFACE) &&
        add_interfaces(obj, p, err) < 0)
        return -1;
    if ((s->groups & VIR_DOMAIN_STATS_BLOCK) && add_block(s, obj, p, err) < 0)
        return -1;
    return 0;
}

/* The domains asked for (those gone since are skipped, as in libvirt),
 * or every domain. Stops early once the call waits. */
static int
collect(struct stats_run *s, struct qemu_state *st,
        struct vireo_domain **doms, int n_doms, struct vireo_error *err)
{
    int n = doms != NULL ? n_doms : (int)domain_list_count(st->domains);

    for (int i = 0; i < n && !s->is_waiting; i++) {
        const struct domain_obj *obj =
            doms != NULL ? domain_list_find_by_uuid(st->domains, doms[i]->uuid)
                         : domain_list_at(st->domains, (size_t)i);

        if (obj != NULL && add_record(s, obj, err) < 0)
            return -1;
    }
    return 0;
}

int
qemudrv_conn_get_all_domain_stats(struct vireo_conn *conn,
                                  struct vireo_domain **doms, int n_doms,
                                  unsigned int stats,
                                  struct vireo_domain_stats_record **records,
                                  unsigned flags, struct vireo_error *err)
{
    struct qemu_state *st = conn->priv;
    struct stats_run s = { .conn = conn, .call = call_current(),
                           .groups = stats, .flags = flags };
    size_t n_max = doms != NULL ? (size_t)n_doms
                                : domain_list_count(st->domains);

    if (domain_stats_check(&s.groups, STATS_GROUPS, flags, VIR_FROM_QEMU,
                           "qemuConnectGetAllDomainStats", err) < 0)
        return -1;
    s.recs = calloc(n_max + 1, sizeof(*s.recs));
    if (s.recs == NULL)
        return error_no_memory(err);
    if (collect(&s, st, doms, n_doms, err) < 0 || s.is_waiting) {
        vireo_domain_stats_free(s.recs, s.n_recs);
        return -1;              /* ignored when the call waits */
    }
    *records = s.recs;
    return s.n_recs;
}
