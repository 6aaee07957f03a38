/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * monitor_blockstats.c: query-blockstats and its parser (the contract is
 * in monitor_blockstats.h). The counters kept are those libvirt's QEMU
 * driver reports for domblkstat and domstats' block group.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/qemu/monitor_blockstats.h"

unsigned long long
monitor_query_blockstats(struct qmp *m, qmp_reply_cb cb, void *opaque,
                         struct vireo_error *err)
{
    return qmp_send(m, "query-blockstats", NULL, cb, opaque, err);
}

static unsigned long long
counter(json_object *stats, const char *name)
{
    json_object *v;

    if (!json_object_object_get_ex(stats, name, &v) ||
        !json_object_is_type(v, json_type_int))
        return 0;
    return (unsigned long long)json_object_get_int64(v);
}

static void
copy_string(json_object *entry, const char *name, char *buf, size_t size)
{
    json_object *v;

    buf[0] = '\0';
    if (json_object_object_get_ex(entry, name, &v) &&
        json_object_is_type(v, json_type_string))
        snprintf(buf, size, "%s", json_object_get_string(v));
}

static void
read_entry(json_object *entry, struct monitor_blockstat *b)
{
    json_object *stats = NULL, *parent;

    copy_string(entry, "qdev", b->qdev, sizeof(b->qdev));
    copy_string(entry, "node-name", b->node_name, sizeof(b->node_name));
    if (!json_object_object_get_ex(entry, "stats", &stats))
        return;
    b->rd_req = counter(stats, "rd_operations");
    b->rd_bytes = counter(stats, "rd_bytes");
    b->wr_req = counter(stats, "wr_operations");
    b->wr_bytes = counter(stats, "wr_bytes");
    b->flush_req = counter(stats, "flush_operations");
    b->rd_total_ns = counter(stats, "rd_total_time_ns");
    b->wr_total_ns = counter(stats, "wr_total_time_ns");
    b->flush_total_ns = counter(stats, "flush_total_time_ns");
    /* What was written furthest lies in the storage node below. */
    if (json_object_object_get_ex(entry, "parent", &parent) &&
        json_object_object_get_ex(parent, "stats", &stats))
        b->wr_highest_offset = counter(stats, "wr_highest_offset");
}

struct monitor_blockstats *
monitor_parse_blockstats(json_object *reply, struct vireo_error *err)
{
    json_object *ret;
    struct monitor_blockstats *all;
    size_t n;

    if (reply == NULL || !json_object_object_get_ex(reply, "return", &ret) ||
        !json_object_is_type(ret, json_type_array)) {
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU, "%s",
                  "QEMU's answer to 'query-blockstats' has no array "
                  "\"return\"");
        return NULL;
    }
    n = json_object_array_length(ret);
    all = calloc(1, sizeof(*all) + n * sizeof(all->items[0]));
    if (all == NULL) {
        error_no_memory(err);
        return NULL;
    }
    all->n_items = (int)n;
    for (size_t i = 0; i < n; i++)
        read_entry(json_object_array_get_idx(ret, i), &all->items[i]);
    return all;
}

/* QEMU names the backend of a device without an id of its own (a virtio
 * disk's) by its QOM path, which lies below its parent's. */
static bool
is_device(const char *qdev, const char *alias)
{
    static const char prefix[] = "/machine/peripheral/";
    size_t n = strlen(alias);

    if (strcmp(qdev, alias) == 0)
        return true;
    return strncmp(qdev, prefix, sizeof(prefix) - 1) == 0 &&
           strncmp(qdev + sizeof(prefix) - 1, alias, n) == 0 &&
           (qdev[sizeof(prefix) - 1 + n] == '/' ||
            qdev[sizeof(prefix) - 1 + n] == '\0');
}

const struct monitor_blockstat *
monitor_blockstats_find(const struct monitor_blockstats *all,
                        const char *alias, const char *node_name)
{
    for (int i = 0; all != NULL && i < all->n_items; i++) {
        const struct monitor_blockstat *b = &all->items[i];

        if ((alias != NULL && alias[0] != '\0' && is_device(b->qdev, alias)) ||
            (node_name != NULL && strcmp(b->node_name, node_name) == 0))
            return b;
    }
    return NULL;
}
