/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * monitor_blockstats.h: QMP's query-blockstats, and its answer as the
 * counters of each of a guest's disks. The sender runs on the
 * connection's worker thread; the parser and the lookup are pure.
 */
#ifndef VIREO_QEMU_MONITOR_BLOCKSTATS_H
#define VIREO_QEMU_MONITOR_BLOCKSTATS_H

#include <json-c/json.h>

#include "api/vireo.h"
#include "drivers/qemu/qmp.h"

/* One block backend's counters, as QEMU counts them. */
struct monitor_blockstat {
    char               qdev[128];       /* the device's id or QOM path */
    char               node_name[64];   /* its top node ("libvirt-1-format") */
    unsigned long long rd_req, rd_bytes, wr_req, wr_bytes, flush_req;
    unsigned long long rd_total_ns, wr_total_ns, flush_total_ns;
    unsigned long long wr_highest_offset;   /* of its storage node */
};

/* Every backend of one answer, in one allocation (freed with free()), so
 * that it can ride along a call's recorded answer. */
struct monitor_blockstats {
    unsigned char           uuid[16];   /* whose guest; the caller's to set */
    int                     n_items;
    struct monitor_blockstat items[];
};

unsigned long long monitor_query_blockstats(struct qmp *m, qmp_reply_cb cb,
                                            void *opaque,
                                            struct vireo_error *err);

/* The answer's backends, malloc'ed; NULL with VIR_ERR_INTERNAL_ERROR for
 * a reply that is not a list, or VIR_ERR_NO_MEMORY. */
struct monitor_blockstats *monitor_parse_blockstats(json_object *reply,
                                                    struct vireo_error *err);

/* The counters of the disk whose device has id alias (QEMU names a
 * virtio disk's backend by the QOM path below /machine/peripheral/ALIAS/)
 * or whose top node is node_name; NULL if none. */
const struct monitor_blockstat *
monitor_blockstats_find(const struct monitor_blockstats *all,
                        const char *alias, const char *node_name);

#endif /* VIREO_QEMU_MONITOR_BLOCKSTATS_H */
