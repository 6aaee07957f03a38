/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-object-events.c: the storage pool and node device events
 * the test driver queues, as libvirt's test driver does: pool define,
 * build, start, refresh, destroy, delete and undefine; a vHBA's create
 * and destroy. Delivered on the loop, filtered by pool uuid and device
 * name, with the registration errors of object_event.h.
 */
#include "drivers/driver.h"
#include "drivers/nodedev_handle.h"
#include "drivers/storage_handle.h"
#include "loop/uv_impl.h"
#include "tests/core/event_wait.h"
#include "tests/core/object_event_seen.h"
#include "tests/drivers/testdrv-helpers.h"

#define POOL_XML "<pool type='dir'><name>ev</name>" \
                 "<uuid>0c4bd2a6-8f0e-4d55-8d3e-1c9b3d7e2a10</uuid>" \
                 "<target><path>/ev</path></target></pool>"
#define FC_POOL_XML "<pool type='scsi'><name>fc</name><source>" \
                    "<adapter type='fc_host' parent='scsi_host1' " \
                    "wwnn='2001001b32a9da4e' wwpn='2101001b32a9da4e'/>" \
                    "</source><target><path>/dev/disk/by-path</path>" \
                    "</target></pool>"

static void
on_pool_lifecycle(struct vireo_conn *conn, struct vireo_storage_pool *pool,
                  int event, int detail, void *opaque)
{
    (void)conn;
    (void)detail;
    seen_add(opaque, pool->name, event);
}

static void
on_pool_refresh(struct vireo_conn *conn, struct vireo_storage_pool *pool,
                void *opaque)
{
    (void)conn;
    seen_add(opaque, pool->name, -1);
}

static void
on_dev_lifecycle(struct vireo_conn *conn, struct vireo_node_device *dev,
                 int event, int detail, void *opaque)
{
    (void)conn;
    (void)detail;
    seen_add(opaque, dev->name, event);
}

static const struct driver *
drv(void)
{
    return &testdrv;
}

/* Every pool lifecycle call once, on a pool of its own, then a stop and
 * start of default-pool. */
static void
change_pools(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_storage_pool *pool =
        drv()->storage_pool_define_xml(conn, POOL_XML, 0, &err);
    struct vireo_storage_pool *def =
        drv()->storage_pool_lookup_by_name(conn, "default-pool", &err);

    tap_ok(pool != NULL && def != NULL, "a pool is defined beside "
           "default-pool");
    tap_ok(drv()->storage_pool_build(pool, 0, &err) == 0 &&
           drv()->storage_pool_create(pool, 0, &err) == 0 &&
           drv()->storage_pool_refresh(pool, 0, &err) == 0 &&
           drv()->storage_pool_destroy(pool, &err) == 0 &&
           drv()->storage_pool_delete(pool, 0, &err) == 0 &&
           drv()->storage_pool_undefine(pool, &err) == 0,
           "it is built, started, refreshed, stopped, deleted and undefined");
    tap_ok(drv()->storage_pool_refresh(pool, 0, &err) < 0,
           "a refresh that fails queues nothing (%s)", err.message);
    tap_ok(drv()->storage_pool_destroy(def, &err) == 0 &&
           drv()->storage_pool_create(def, 0, &err) == 0,
           "default-pool stops and starts again");
    handle_pool_unref(pool);
    handle_pool_unref(def);
}

static void
change_devices(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_node_device *dev =
        drv()->node_device_create_xml(conn, SEEN_VHBA_XML, 0, &err);
    struct vireo_node_device *computer =
        drv()->node_device_lookup_by_name(conn, "computer", &err);

    tap_ok(dev != NULL && strcmp(dev->name, "scsi_host12") == 0,
           "a vHBA is created as scsi_host12");
    tap_is_int(dev != NULL ? drv()->node_device_destroy(dev, &err) : -1, 0,
               "and destroyed");
    tap_is_int(drv()->node_device_destroy(computer, &err), 0,
               "destroying a device that is no vHBA answers success");
    handle_nodedev_unref(dev);
    handle_nodedev_unref(computer);
}

/* A pool on a Fibre Channel adapter makes its vHBA, and its destroy
 * removes it; started from a definition, it has none to remove. */
static void
change_fc_pool(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_storage_pool *pool =
        drv()->storage_pool_create_xml(conn, FC_POOL_XML, 0, &err);

    tap_ok(pool != NULL && drv()->storage_pool_destroy(pool, &err) == 0,
           "a pool on a fc_host adapter is created and destroyed");
    handle_pool_unref(pool);
    pool = drv()->storage_pool_define_xml(conn, FC_POOL_XML, 0, &err);
    tap_ok(pool != NULL && drv()->storage_pool_create(pool, 0, &err) == 0,
           "defined and started, it makes no vHBA");
    tap_ok(drv()->storage_pool_destroy(pool, &err) < 0 &&
           err.code == VIR_ERR_NO_NODE_DEVICE,
           "so its destroy fails (%s)", err.message);
    tap_is_int(drv()->storage_pool_is_active(pool, &err), 0,
               "and leaves it stopped");
    drv()->storage_pool_undefine(pool, &err);
    handle_pool_unref(pool);
}

/* The registration errors every kind shares (object_event.h). */
static void
check_refusals(struct vireo_conn *conn, struct seen *seen)
{
    struct vireo_error err = { 0 };

    tap_ok(drv()->storage_pool_event_register_any(
               conn, NULL, VIR_STORAGE_POOL_EVENT_ID_LAST,
               on_pool_refresh, seen, NULL, &err) < 0 &&
           err.code == VIR_ERR_INVALID_ARG &&
           strstr(err.message, "unsupported event ID 2") != NULL,
           "an unknown pool event id is refused (%s)", err.message);
    tap_ok(drv()->node_device_event_register_any(
               conn, NULL, VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
               VIREO_NODE_DEVICE_EVENT_CALLBACK(on_dev_lifecycle), seen, NULL,
               &err) < 0 &&
           strstr(err.message, "event callback already tracked") != NULL,
           "the same device callback twice is refused (%s)", err.message);
    tap_ok(drv()->storage_pool_event_deregister_any(conn, 999, &err) < 0 &&
           err.code == VIR_ERR_INVALID_ARG,
           "an unknown callback id is refused (%s)", err.message);
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct seen pools = { 0 }, one = { 0 }, refreshed = { 0 }, devs = { 0 };
    unsigned char uuid[VIREO_UUID_BUFLEN] = { 0x0c, 0x4b, 0xd2, 0xa6, 0x8f,
                                              0x0e, 0x4d, 0x55, 0x8d, 0x3e,
                                              0x1c, 0x9b, 0x3d, 0x7e, 0x2a,
                                              0x10 };
    struct vireo_storage_pool *filter;
    struct vireo_conn *conn;
    int ids[4];

    if (!tap_ok(uv_impl_register() == 0, "the libuv loop registers"))
        return tdrv_done();
    conn = tdrv_open("test:///default", &err);
    if (!tap_ok(conn != NULL, "test:///default opens"))
        return tdrv_done();
    filter = handle_pool_new(conn, "ev", uuid, &err);
    ids[0] = drv()->storage_pool_event_register_any(
        conn, NULL, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
        VIREO_STORAGE_POOL_EVENT_CALLBACK(on_pool_lifecycle), &pools, NULL,
        &err);
    ids[1] = drv()->storage_pool_event_register_any(
        conn, filter, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
        VIREO_STORAGE_POOL_EVENT_CALLBACK(on_pool_lifecycle), &one, NULL,
        &err);
    ids[2] = drv()->storage_pool_event_register_any(
        conn, NULL, VIR_STORAGE_POOL_EVENT_ID_REFRESH, on_pool_refresh,
        &refreshed, NULL, &err);
    ids[3] = drv()->node_device_event_register_any(
        conn, NULL, VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
        VIREO_NODE_DEVICE_EVENT_CALLBACK(on_dev_lifecycle), &devs, NULL,
        &err);
    tap_ok(ids[0] >= 0 && ids[1] >= 0 && ids[2] >= 0 && ids[3] >= 0,
           "pool lifecycle (all, one), refresh and device callbacks "
           "register");
    handle_pool_unref(filter);
    change_pools(conn);
    change_devices(conn);
    change_fc_pool(conn);
    check_refusals(conn, &devs);
    event_wait_until(&pools.n, 13);
    event_wait_until(&devs.n, 4);
    tap_is_str(pools.events, "ev:0 ev:4 ev:2 ev:3 ev:5 ev:1 default-pool:3 "
               "default-pool:2 fc:2 fc:3 fc:0 fc:2 fc:1 ",
               "defined, created, started, stopped, deleted and undefined "
               "arrive in order; a failed destroy sends none");
    tap_is_str(one.events, "ev:0 ev:4 ev:2 ev:3 ev:5 ev:1 ",
               "a callback filtered by uuid sees only its pool");
    tap_is_str(refreshed.events, "ev ", "a refresh is its own event");
    tap_is_str(devs.events, "scsi_host12:0 scsi_host12:1 scsi_host12:0 "
               "scsi_host12:1 ", "the vHBAs' creations and deletions "
               "arrive (nodedev-create, then the fc_host pool), nothing "
               "else");
    for (int i = 0; i < 3; i++)
        tap_is_int(drv()->storage_pool_event_deregister_any(conn, ids[i],
                                                            &err), 0,
                   "pool callback %d deregisters", ids[i]);
    tap_is_int(drv()->node_device_event_deregister_any(conn, ids[3], &err), 0,
               "the device callback deregisters");
    event_wait_settle();
    handle_conn_unref(conn);
    return tdrv_done();
}
