/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_stats.c: a running guest's disk and interface counters, as
 * libvirt's QEMU driver gives them to domblkstat and domifstat: a disk's
 * from QMP's query-blockstats (the call waits for QEMU's answer as a
 * recorded step, call.h, and never blocks the driver's thread), an
 * interface's from its tap on the host. The driver's thread.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/call.h"
#include "drivers/conf/domain_def.h"
#include "drivers/domain_device_find.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/qemu/monitor_blockstats.h"
#include "drivers/qemu/qemu_guest.h"
#include "drivers/qemu/qemu_slots.h"
#include "drivers/qemu/qemu_state.h"
#include "drivers/qemu/qemu_stats.h"
#include "drivers/qemu/tap_stats.h"

/* The flag libvirt's API adds for drivers that take string parameters
 * (VIR_TYPED_PARAM_STRING_OKAY). */
#define STRING_OKAY (1u << 2)

struct domain_obj *
qemu_stats_running(struct vireo_domain *dom, struct vireo_error *err)
{
    struct domain_obj *obj = qemu_state_find(dom->conn->priv, dom, err);

    if (obj == NULL)
        return NULL;
    if (!domain_obj_is_active(obj) || obj->priv == NULL) {
        error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_QEMU, "%s",
                  "domain is not running");
        return NULL;
    }
    return obj;
}

/* ---- block ------------------------------------------------------------- */

/* The answer to query-blockstats, tagged with its guest's uuid. */
static int
keep_blockstats(struct qemu_guest *g, json_object *reply,
                const struct vireo_error *qerr, void **data,
                struct vireo_error *err)
{
    struct monitor_blockstats *all;

    if (qerr != NULL)
        return error_set_raw(err, qerr->code, VIR_FROM_QEMU, qerr->message);
    all = monitor_parse_blockstats(reply, err);
    if (all == NULL)
        return -1;
    memcpy(all->uuid, g->obj->def->uuid, sizeof(all->uuid));
    *data = all;
    return 0;
}

int
qemu_stats_ask_blockstats(struct qemu_guest *g, struct vireo_error *err)
{
    return qemu_guest_command(g, monitor_query_blockstats, keep_blockstats,
                              "QEMU's answer to 'query-blockstats'", err);
}

const struct monitor_blockstat *
qemu_stats_disk(const struct monitor_blockstats *all,
                const struct domain_def *def, int i)
{
    char node[32];

    snprintf(node, sizeof(node), "libvirt-%d-format", i + 1);
    return monitor_blockstats_find(all, def->disks[i].info.alias, node);
}

/* The counters of disk i, or with i -1 the sum over every disk, as
 * libvirt sums them for an empty path. */
static int
fill_block_stats(const struct monitor_blockstats *all,
                 const struct domain_def *def, int i,
                 struct vireo_block_stats *stats, struct vireo_error *err)
{
    const struct monitor_blockstat *b;

    memset(stats, 0, sizeof(*stats));
    stats->errs = -1;                   /* QEMU does not count them */
    if (i < 0) {
        for (int j = 0; j < all->n_items; j++) {
            stats->rd_req += (long long)all->items[j].rd_req;
            stats->rd_bytes += (long long)all->items[j].rd_bytes;
            stats->wr_req += (long long)all->items[j].wr_req;
            stats->wr_bytes += (long long)all->items[j].wr_bytes;
        }
        return 0;
    }
    b = qemu_stats_disk(all, def, i);
    if (b == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                         "cannot find statistics for device '%s'",
                         def->disks[i].info.alias != NULL
                         ? def->disks[i].info.alias : def->disks[i].target_dev);
    stats->rd_req = (long long)b->rd_req;
    stats->rd_bytes = (long long)b->rd_bytes;
    stats->wr_req = (long long)b->wr_req;
    stats->wr_bytes = (long long)b->wr_bytes;
    return 0;
}

/* The disk the path names into *index (-1 for "", which stands for all
 * of them). 0, or -1 with libvirt's error. */
static int
find_disk(const struct domain_obj *obj, const char *disk, int *index,
          struct vireo_error *err)
{
    *index = disk[0] == '\0' ? -1 : domain_def_disk_index(obj->def, disk);
    if (disk[0] != '\0' && *index < 0)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_QEMU,
                         "invalid path: %s", disk);
    return 0;
}

/* The current call's query-blockstats answer for dom's disk (its index
 * in *index, -1 for all), or NULL: with err set, or with *is_waiting when
 * the call now waits for QEMU. */
static const struct monitor_blockstats *
blockstats_for(struct vireo_domain *dom, const char *disk,
               const struct domain_def **def, int *index, bool *is_waiting,
               struct vireo_error *err)
{
    struct call *c = call_current();
    struct domain_obj *obj;
    void *data = NULL;
    int rc;

    *is_waiting = false;
    if (c == NULL) {
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU, "%s",
                  "the QEMU driver answers only calls vireod makes");
        return NULL;
    }
    /* libvirt's order: the domain must run, then the path must name one
     * of its disks. */
    if ((obj = qemu_stats_running(dom, err)) == NULL ||
        find_disk(obj, disk, index, err) < 0)
        return NULL;
    if (!call_replay(c, &rc, err, &data)) {
        *is_waiting = qemu_stats_ask_blockstats(obj->priv, err) == 0;
        return NULL;
    }
    if (rc < 0)
        return NULL;
    if (memcmp(((struct monitor_blockstats *)data)->uuid, obj->def->uuid,
               sizeof(obj->def->uuid)) != 0) {
        error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_QEMU, "%s",
                  "the domain changed while its statistics were read");
        return NULL;
    }
    *def = obj->def;
    return data;
}

int
qemudrv_domain_block_stats(struct vireo_domain *dom, const char *disk,
                           struct vireo_block_stats *stats,
                           struct vireo_error *err)
{
    const struct domain_def *def = NULL;
    bool is_waiting;
    int i;
    const struct monitor_blockstats *all =
        blockstats_for(dom, disk, &def, &i, &is_waiting, err);

    if (all == NULL)
        return is_waiting ? 0 : -1;
    return fill_block_stats(all, def, i, stats, err);
}

/* libvirt's order for a QEMU disk's typed counters. */
static int
add_typed(const struct vireo_block_stats *s, const struct monitor_blockstat *b,
          struct vireo_typed_params *p, struct vireo_error *err)
{
    const struct { const char *name; long long value; } fields[] = {
        { "wr_bytes", s->wr_bytes }, { "wr_operations", s->wr_req },
        { "rd_bytes", s->rd_bytes }, { "rd_operations", s->rd_req },
        { "flush_operations", (long long)b->flush_req },
        { "wr_total_times", (long long)b->wr_total_ns },
        { "rd_total_times", (long long)b->rd_total_ns },
        { "flush_total_times", (long long)b->flush_total_ns },
    };
    size_t n = sizeof(fields) / sizeof(fields[0]);

    for (size_t i = 0; p != NULL && i < n; i++)
        if (vireo_typed_params_add_llong(p, fields[i].name, fields[i].value,
                                         err) < 0)
            return -1;
    return (int)n;
}

/* The sum of every disk's counters, for the path "". */
static void
sum_all(const struct monitor_blockstats *all, struct monitor_blockstat *sum)
{
    memset(sum, 0, sizeof(*sum));
    for (int j = 0; j < all->n_items; j++) {
        sum->flush_req += all->items[j].flush_req;
        sum->rd_total_ns += all->items[j].rd_total_ns;
        sum->wr_total_ns += all->items[j].wr_total_ns;
        sum->flush_total_ns += all->items[j].flush_total_ns;
    }
}

int
qemudrv_domain_block_stats_flags(struct vireo_domain *dom, const char *disk,
                                 struct vireo_typed_params *params,
                                 unsigned flags, struct vireo_error *err)
{
    const struct domain_def *def = NULL;
    const struct monitor_blockstats *all;
    struct monitor_blockstat sum;
    struct vireo_block_stats s;
    bool is_waiting;
    int i;

    if (error_check_flags(err, VIR_FROM_QEMU, flags, STRING_OKAY,
                          "qemuDomainBlockStatsFlags") < 0)
        return -1;
    all = blockstats_for(dom, disk, &def, &i, &is_waiting, err);
    if (all == NULL)
        return is_waiting ? 0 : -1;
    if (fill_block_stats(all, def, i, &s, err) < 0)
        return -1;
    if (i < 0)
        sum_all(all, &sum);
    return add_typed(&s, i < 0 ? &sum : qemu_stats_disk(all, def, i), params,
                     err);
}

/* ---- interfaces -------------------------------------------------------- */

/* Only a tap's counters are known here; macvtap (type direct) shares the
 * host's view and would not be swapped, but the driver runs none. */
int
qemu_stats_interface(const struct domain_interface *net,
                     struct vireo_interface_stats *stats,
                     struct vireo_error *err)
{
    return tap_stats_read(net->target_dev,
                          net->type == NULL ||
                          strcmp(net->type, "direct") != 0,
                          stats, err);
}

int
qemudrv_domain_interface_stats(struct vireo_domain *dom, const char *device,
                               struct vireo_interface_stats *stats,
                               struct vireo_error *err)
{
    struct domain_obj *obj = qemu_stats_running(dom, err);
    const struct domain_interface *net;

    if (obj == NULL ||
        (net = domain_def_find_interface(obj->def, device, err)) == NULL)
        return -1;
    return qemu_stats_interface(net, stats, err);
}
