/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-dispatch-route.c: companion connections (drivers/companion.h) and
 * the routing of calls to them (daemon/dispatch_route.h): a hypervisor
 * connection gets a companion per kind an installed companion serves for
 * its driver, with its identity; network and storage calls go to those
 * companions, every other call to the connection itself; a companion
 * that fails to open leaves none behind; closing the connection closes
 * its companions.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_route.h"
#include "drivers/companion.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/registry.h"
#include "tests/tap.h"
#include "wire/procs.h"

static int n_mate_opens;
static int n_mate_closes;
static bool is_storage_refusing;

static int
mate_open(struct vireo_conn *conn, const struct uri *uri, unsigned flags,
          struct vireo_error *err)
{
    (void)uri; (void)flags;
    if (is_storage_refusing &&
        conn->driver->companion_kind == CONN_COMPANION_STORAGE)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_STORAGE,
                         "storage refused");
    n_mate_opens++;
    return 0;
}

static void
mate_close(struct vireo_conn *conn)
{
    (void)conn;
    n_mate_closes++;
}

static const char *const hypervisors[] = { "hyper", NULL };

static const struct driver hyper = { .name = "hyper" };
static const struct driver other = { .name = "other" };
static const struct driver net_mate = {
    .name = "netmate", .daemon_only = true, .companion_of = hypervisors,
    .companion_kind = CONN_COMPANION_NETWORK,
    .open = mate_open, .close = mate_close,
};
static const struct driver storage_mate = {
    .name = "storagemate", .daemon_only = true, .companion_of = hypervisors,
    .companion_kind = CONN_COMPANION_STORAGE,
    .open = mate_open, .close = mate_close,
};
static const struct driver *const drivers[] = { &hyper, &other, &net_mate,
                                                &storage_mate, NULL };

static struct vireo_conn *
conn_on(const struct driver *drv)
{
    struct vireo_conn *conn = handle_conn_new("hyper:///system", false);

    conn->driver = drv;
    conn->identity = calloc(1, sizeof(*conn->identity));
    conn->identity->uid = 107;
    return conn;
}

static const struct wire_proc *
proc(int number)
{
    return wire_proc_lookup(number);
}

static void
test_companions_opened(void)
{
    struct vireo_conn *conn = conn_on(&hyper);
    struct vireo_error err = { 0 };
    struct vireo_conn *net, *pool;

    tap_ok(companion_open_all(conn, NULL, 0, &err) == 0 && n_mate_opens == 2,
           "a hypervisor connection opens one companion per kind");
    net = conn->companions[CONN_COMPANION_NETWORK];
    pool = conn->companions[CONN_COMPANION_STORAGE];
    tap_ok(net != NULL && net->driver == &net_mate && pool != NULL &&
           pool->driver == &storage_mate,
           "each companion is its kind's driver");
    tap_ok(net != NULL && net->identity != NULL &&
           net->identity->uid == 107 && strcmp(net->uri, conn->uri) == 0,
           "a companion has the connection's URI and identity");
    tap_ok(dispatch_route(conn, proc(REMOTE_PROC_NETWORK_CREATE)) == net &&
           dispatch_route(conn, proc(REMOTE_PROC_CONNECT_LIST_ALL_NETWORKS))
           == net &&
           dispatch_route(conn,
                          proc(REMOTE_PROC_CONNECT_NETWORK_EVENT_REGISTER_ANY))
           == net,
           "network calls go to the network companion");
    tap_ok(dispatch_route(conn, proc(REMOTE_PROC_STORAGE_VOL_CREATE_XML))
           == pool &&
           dispatch_route(conn,
                          proc(REMOTE_PROC_CONNECT_LIST_ALL_STORAGE_POOLS))
           == pool,
           "storage calls go to the storage companion");
    tap_ok(dispatch_route(conn, proc(REMOTE_PROC_DOMAIN_CREATE)) == conn &&
           dispatch_route(conn, proc(REMOTE_PROC_NODE_LIST_DEVICES)) == conn,
           "every other call stays on the connection");
    handle_conn_unref(conn);
    tap_ok(n_mate_closes == 2, "closing the connection closes both");
}

static void
test_no_companion(void)
{
    struct vireo_conn *conn = conn_on(&other);
    struct vireo_error err = { 0 };

    n_mate_opens = 0;
    tap_ok(companion_open_all(conn, NULL, 0, &err) == 0 && n_mate_opens == 0 &&
           dispatch_route(conn, proc(REMOTE_PROC_NETWORK_CREATE)) == conn,
           "a driver nobody accompanies serves every call itself");
    handle_conn_unref(conn);
}

static void
test_failed_companion(void)
{
    struct vireo_conn *conn = conn_on(&hyper);
    struct vireo_error err = { 0 };

    n_mate_closes = 0;
    is_storage_refusing = true;
    tap_ok(companion_open_all(conn, NULL, 0, &err) < 0 &&
           err.code == VIR_ERR_INTERNAL_ERROR,
           "a companion that fails to open fails the open with its error");
    tap_ok(conn->companions[CONN_COMPANION_NETWORK] == NULL &&
           conn->companions[CONN_COMPANION_STORAGE] == NULL &&
           n_mate_closes == 1,
           "and leaves no companion behind");
    handle_conn_unref(conn);
}

int
main(void)
{
    tap_plan(10);
    registry_install(drivers, true);
    test_companions_opened();
    test_no_companion();
    test_failed_companion();
    return tap_done();
}
