/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote-object-events.c URI: storage pool and node device events
 * through vireo's remote driver, on an application's poll(2) loop. The
 * same program runs against vireod and against a real libvirtd
 * (test-object-events.sh), so what it expects is what libvirtd sends:
 * callbacks of both kinds and several event ids at once on one
 * connection, filtered by pool and by device, each deregistration ending
 * only its own callback.
 */
#include <stdio.h>
#include <string.h>

#include "api/vireo.h"
#include "tests/core/object_event_seen.h"
#include "tests/integration/loop_wait.h"
#include "tests/tap.h"


static void
on_pool_lifecycle(struct vireo_conn *conn, struct vireo_storage_pool *pool,
                  int event, int detail, void *opaque)
{
    (void)conn;
    (void)detail;
    seen_add(opaque, vireo_storage_pool_get_name(pool), event);
}

static void
on_pool_refresh(struct vireo_conn *conn, struct vireo_storage_pool *pool,
                void *opaque)
{
    (void)conn;
    seen_add(opaque, vireo_storage_pool_get_name(pool), -1);
}

static void
on_dev_lifecycle(struct vireo_conn *conn, struct vireo_node_device *dev,
                 int event, int detail, void *opaque)
{
    (void)conn;
    (void)detail;
    seen_add(opaque, vireo_node_device_get_name(dev), event);
}

static void
on_dev_update(struct vireo_conn *conn, struct vireo_node_device *dev,
              void *opaque)
{
    (void)conn;
    seen_add(opaque, vireo_node_device_get_name(dev), -1);
}

/* Run the loop until s has want events, or 5 s have gone by. */
static void
wait_for(const struct seen *s, int want)
{
    long long end = now_ms() + 5000;
    int timer = vireo_event_add_timeout(50, loop_wait_tick, NULL, NULL);

    while (s->n < want && now_ms() < end)
        poll_impl_run_once();
    vireo_event_remove_timeout(timer);
}

/* The callbacks of one run, and their ids. */
struct watchers {
    struct seen pools, default_pool, refreshed, devs, computer;
    int         id_pools, id_default_pool, id_refreshed, id_devs,
                id_computer;
};

static void
register_all(struct vireo_conn *conn, struct watchers *w)
{
    struct vireo_error err = { 0 };
    struct vireo_storage_pool *pool =
        vireo_storage_pool_lookup_by_name(conn, "default-pool", &err);
    struct vireo_node_device *computer =
        vireo_node_device_lookup_by_name(conn, "computer", &err);

    w->id_pools = vireo_conn_storage_pool_event_register_any(
        conn, NULL, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
        VIREO_STORAGE_POOL_EVENT_CALLBACK(on_pool_lifecycle), &w->pools,
        NULL, &err);
    w->id_default_pool = vireo_conn_storage_pool_event_register_any(
        conn, pool, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
        VIREO_STORAGE_POOL_EVENT_CALLBACK(on_pool_lifecycle),
        &w->default_pool, NULL, &err);
    w->id_refreshed = vireo_conn_storage_pool_event_register_any(
        conn, NULL, VIR_STORAGE_POOL_EVENT_ID_REFRESH, on_pool_refresh,
        &w->refreshed, NULL, &err);
    w->id_devs = vireo_conn_node_device_event_register_any(
        conn, NULL, VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
        VIREO_NODE_DEVICE_EVENT_CALLBACK(on_dev_lifecycle), &w->devs, NULL,
        &err);
    w->id_computer = vireo_conn_node_device_event_register_any(
        conn, computer, VIR_NODE_DEVICE_EVENT_ID_UPDATE, on_dev_update,
        &w->computer, NULL, &err);
    tap_ok(w->id_pools >= 0 && w->id_default_pool >= 0 &&
           w->id_refreshed >= 0 && w->id_devs >= 0 && w->id_computer >= 0,
           "five callbacks of two kinds and four event ids register");
    vireo_storage_pool_free(pool);
    vireo_node_device_free(computer);
}

/* Stop, start and refresh default-pool; make and destroy a vHBA. */
static void
change(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_storage_pool *pool =
        vireo_storage_pool_lookup_by_name(conn, "default-pool", &err);
    struct vireo_node_device *dev;

    tap_ok(vireo_storage_pool_destroy(pool, &err) == 0 &&
           vireo_storage_pool_create(pool, 0, &err) == 0 &&
           vireo_storage_pool_refresh(pool, 0, &err) == 0,
           "default-pool stops, starts and is refreshed");
    dev = vireo_node_device_create_xml(conn, SEEN_VHBA_XML, 0, &err);
    tap_ok(dev != NULL && vireo_node_device_destroy(dev, &err) == 0,
           "a vHBA is created and destroyed");
    vireo_node_device_free(dev);
    vireo_storage_pool_free(pool);
}

static void
check_first(struct watchers *w)
{
    wait_for(&w->pools, 2);
    wait_for(&w->default_pool, 2);
    wait_for(&w->refreshed, 1);
    wait_for(&w->devs, 2);
    tap_is_str(w->pools.events, "default-pool:3 default-pool:2 ",
               "every pool's callback sees default-pool stop and start");
    tap_is_str(w->default_pool.events, w->pools.events,
               "and so does the one filtered on default-pool");
    tap_is_str(w->refreshed.events, "default-pool ",
               "the refresh callback sees the refresh");
    tap_is_str(w->devs.events, "scsi_host12:0 scsi_host12:1 ",
               "the device callback sees the vHBA created and deleted");
    tap_is_int(w->computer.n, 0, "nothing updates computer");
}

/* After every pool's callback goes, the filtered one still hears. */
static void
check_after_deregistering(struct vireo_conn *conn, struct watchers *w)
{
    struct vireo_error err = { 0 };
    struct vireo_storage_pool *pool =
        vireo_storage_pool_lookup_by_name(conn, "default-pool", &err);

    tap_is_int(vireo_conn_storage_pool_event_deregister_any(
                   conn, w->id_pools, &err), 0,
               "every pool's callback deregisters");
    vireo_storage_pool_destroy(pool, &err);
    vireo_storage_pool_create(pool, 0, &err);
    wait_for(&w->default_pool, 4);
    tap_is_int(w->default_pool.n, 4,
               "the filtered callback still sees default-pool stop and "
               "start");
    tap_is_int(w->pools.n, 2, "the deregistered one saw nothing more");
    tap_ok(vireo_conn_storage_pool_event_deregister_any(conn, w->id_pools,
                                                        &err) < 0,
           "deregistering it again fails (%s)", err.message);
    vireo_storage_pool_free(pool);
}

int
main(int argc, char **argv)
{
    struct vireo_error err = { 0 };
    struct watchers w = { 0 };
    struct vireo_conn *conn;

    if (argc != 2) {
        fprintf(stderr, "usage: %s URI\n", argv[0]);
        return 2;
    }
    tap_plan(14);
    tap_is_int(poll_impl_register(), 0, "the application registers its "
               "own poll(2) loop");
    conn = vireo_conn_open(argv[1], 0, &err);
    if (!tap_ok(conn != NULL, "the daemon's test:///default opens")) {
        tap_diag("%s", err.message);
        return tap_done();
    }
    register_all(conn, &w);
    change(conn);
    check_first(&w);
    check_after_deregistering(conn, &w);
    vireo_conn_storage_pool_event_deregister_any(conn, w.id_default_pool,
                                                 &err);
    vireo_conn_storage_pool_event_deregister_any(conn, w.id_refreshed, &err);
    vireo_conn_node_device_event_deregister_any(conn, w.id_devs, &err);
    vireo_conn_node_device_event_deregister_any(conn, w.id_computer, &err);
    vireo_conn_close(conn);
    loop_wait_settle();
    return tap_done();
}
