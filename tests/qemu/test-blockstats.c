/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-blockstats.c: query-blockstats' parser and a disk's lookup in its
 * answer (drivers/qemu/monitor_blockstats.h), on a reply as QEMU 7.2
 * writes it for a virtio disk of two -blockdev nodes (captured from
 * qemu-system-x86_64 7.2, trimmed), and on malformed ones.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/qemu/monitor_blockstats.h"
#include "tests/qemu/json-test.h"
#include "tests/tap.h"

/* One virtio disk (id virtio-disk0, format node libvirt-1-format on
 * storage node libvirt-1-storage) that the firmware read once, and an
 * IDE disk with an id of its own. */
static const char reply_text[] =
    "{\"return\": ["
    "{\"device\": \"\", \"node-name\": \"libvirt-1-format\","
    " \"qdev\": \"/machine/peripheral/virtio-disk0/virtio-backend\","
    " \"parent\": {\"node-name\": \"libvirt-1-storage\","
    "  \"stats\": {\"wr_highest_offset\": 4096, \"rd_operations\": 0}},"
    " \"stats\": {\"rd_operations\": 1, \"rd_bytes\": 512,"
    "  \"wr_operations\": 2, \"wr_bytes\": 8192, \"flush_operations\": 3,"
    "  \"rd_total_time_ns\": 178909, \"wr_total_time_ns\": 1000,"
    "  \"flush_total_time_ns\": 2000, \"wr_highest_offset\": 0,"
    "  \"timed_stats\": [], \"account_invalid\": true}},"
    "{\"device\": \"\", \"node-name\": \"libvirt-2-format\","
    " \"qdev\": \"sata0-0-0\","
    " \"stats\": {\"rd_operations\": 7, \"rd_bytes\": 3584}}"
    "]}";

static void
check_answer(void)
{
    json_object *reply = json_test_parse(reply_text);
    struct vireo_error err = { 0 };
    struct monitor_blockstats *all = monitor_parse_blockstats(reply, &err);
    const struct monitor_blockstat *b;

    tap_ok(all != NULL && all->n_items == 2,
           "query-blockstats: both block backends are read");
    b = monitor_blockstats_find(all, "virtio-disk0", NULL);
    tap_ok(b != NULL && b->rd_req == 1 && b->rd_bytes == 512 &&
           b->wr_req == 2 && b->wr_bytes == 8192 && b->flush_req == 3 &&
           b->rd_total_ns == 178909 && b->wr_total_ns == 1000 &&
           b->flush_total_ns == 2000,
           "a virtio disk is found by its alias below its QOM path, with "
           "its counters");
    tap_ok(b != NULL && b->wr_highest_offset == 4096,
           "its allocation is its storage node's highest write");
    tap_ok(monitor_blockstats_find(all, "virtio-disk", NULL) == NULL,
           "an alias that only begins another's finds nothing");
    b = monitor_blockstats_find(all, NULL, "libvirt-2-format");
    tap_ok(b != NULL && b->rd_req == 7 && b->rd_bytes == 3584 &&
           b->wr_req == 0, "a disk is found by its format node's name");
    b = monitor_blockstats_find(all, "sata0-0-0", NULL);
    tap_ok(b != NULL && b->rd_req == 7,
           "a device with an id of its own is found by it");
    tap_ok(monitor_blockstats_find(all, "ua-none", "libvirt-9-format") ==
           NULL, "a disk QEMU does not report is not found");
    free(all);
    json_object_put(reply);
}

static void
check_malformed(const char *text, const char *what)
{
    json_object *reply = json_test_parse(text);
    struct vireo_error err = { 0 };
    struct monitor_blockstats *all = monitor_parse_blockstats(reply, &err);

    tap_ok(all == NULL && err.code == VIR_ERR_INTERNAL_ERROR,
           "query-blockstats: %s is refused", what);
    free(all);
    json_object_put(reply);
}

static void
check_empty(void)
{
    json_object *empty = json_test_parse("{\"return\": []}");
    struct vireo_error err = { 0 };
    struct monitor_blockstats *all = monitor_parse_blockstats(empty, &err);

    tap_ok(all != NULL && all->n_items == 0 &&
           monitor_blockstats_find(all, "virtio-disk0", NULL) == NULL,
           "a guest without disks answers an empty list");
    free(all);
    json_object_put(empty);
}

int
main(void)
{
    tap_plan(7 + 2 + 1);
    check_answer();
    check_malformed("{\"return\": {}}", "a return that is not a list");
    check_malformed("{\"error\": {\"class\": \"GenericError\"}}",
                    "an error reply");
    check_empty();
    return tap_done();
}
