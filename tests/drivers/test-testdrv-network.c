/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-network.c: the test driver's networks through its slots:
 * test:///default's `default` network, define, create, start, destroy,
 * undefine and update with libvirt's test driver's rules and errors, and
 * the lifecycle events they queue, delivered on the loop.
 */
#include "drivers/driver.h"
#include "drivers/network_handle.h"
#include "loop/uv_impl.h"
#include "tests/core/event_wait.h"
#include "tests/drivers/testdrv-helpers.h"

#define ISOLATED "<network><name>iso</name>" \
                 "<uuid>6b1f0e5a-1f44-4a7c-9a35-6f0f2b7d2c11</uuid></network>"

struct seen {
    int  n;
    char events[128];   /* "<name>:<event> " for each */
};

static void
on_lifecycle(struct vireo_conn *conn, struct vireo_network *net, int event,
             int detail, void *opaque)
{
    struct seen *s = opaque;
    size_t used = strlen(s->events);

    (void)conn;
    (void)detail;
    s->n++;
    snprintf(s->events + used, sizeof(s->events) - used, "%s:%d ", net->name,
             event);
}

static const struct driver *
drv(void)
{
    return &testdrv;
}

static void
check_default(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_network *net = drv()->network_lookup_by_name(conn, "default",
                                                              &err);
    char *bridge = net != NULL ? drv()->network_get_bridge_name(net, &err)
                               : NULL;

    tap_ok(net != NULL, "test:///default has the network 'default'");
    tap_is_str(bridge != NULL ? bridge : "", "virbr0", "on bridge virbr0");
    tap_is_int(net != NULL ? drv()->network_is_active(net, &err) : -1, 1,
               "running");
    tap_is_int(drv()->connect_num_of_networks(conn, &err), 1,
               "one network is running");
    tap_is_int(drv()->connect_num_of_defined_networks(conn, &err), 0,
               "none is only defined");
    tap_ok(drv()->network_undefine(net, &err) < 0 &&
           strcmp(err.message, "Requested operation is not valid: Network "
                  "'default' is still running") == 0,
           "a running network cannot be undefined (%s)", err.message);
    free(bridge);
    handle_network_unref(net);
}

static void
check_lifecycle(struct vireo_conn *conn, struct seen *seen)
{
    struct vireo_error err = { 0 };
    struct vireo_network *net = drv()->network_define_xml(conn, ISOLATED, 0,
                                                          &err);

    tap_ok(net != NULL, "an isolated network is defined");
    tap_is_int(drv()->network_is_persistent(net, &err), 1, "persistent");
    tap_is_int(drv()->network_create(net, &err), 0, "it starts");
    tap_ok(drv()->network_create(net, &err) < 0 &&
           err.code == VIR_ERR_OPERATION_INVALID,
           "a second start is refused (%s)", err.message);
    tap_is_int(drv()->network_update(
                   net, VIREO_NETWORK_UPDATE_COMMAND_ADD_LAST,
                   VIREO_NETWORK_SECTION_PORTGROUP, -1,
                   "<portgroup name='p'/>",
                   VIREO_NETWORK_UPDATE_AFFECT_CONFIG, &err), 0,
               "its persistent config takes a portgroup");
    tap_is_int(drv()->network_destroy(net, &err), 0, "it stops");
    tap_is_int(drv()->network_undefine(net, &err), 0, "and is undefined");
    tap_ok(drv()->network_lookup_by_name(conn, "iso", &err) == NULL &&
           strcmp(err.message, "Network not found: no network with "
                  "matching name 'iso'") == 0,
           "then it is gone (%s)", err.message);
    handle_network_unref(net);
    event_wait_until(&seen->n, 4);
    tap_is_str(seen->events, "iso:0 iso:2 iso:3 iso:1 ",
               "defined, started, stopped and undefined events arrive in "
               "order");
}

static void
check_transient(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_network *net = drv()->network_create_xml(conn, ISOLATED, 0,
                                                          &err);
    struct vireo_network **nets = NULL;
    int n;

    tap_is_int(drv()->network_is_persistent(net, &err), 0,
               "a created network is transient");
    n = drv()->connect_list_all_networks(
        conn, &nets, VIREO_CONNECT_LIST_NETWORKS_TRANSIENT, &err);
    tap_ok(n == 1 && strcmp(nets[0]->name, "iso") == 0,
           "listed as the only transient network");
    handle_network_array_free(nets, n);
    drv()->network_destroy(net, &err);
    tap_ok(drv()->network_is_active(net, &err) < 0 &&
           err.code == VIR_ERR_NO_NETWORK,
           "stopping it makes it disappear");
    handle_network_unref(net);
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct seen seen = { 0 };
    struct vireo_conn *conn;
    int id;

    if (!tap_ok(uv_impl_register() == 0, "the libuv loop registers"))
        return tdrv_done();
    conn = tdrv_open("test:///default", &err);
    if (!tap_ok(conn != NULL, "test:///default opens"))
        return tdrv_done();
    id = drv()->network_event_register_any(
        conn, NULL, VIR_NETWORK_EVENT_ID_LIFECYCLE,
        VIREO_NETWORK_EVENT_CALLBACK(on_lifecycle), &seen, NULL, &err);
    tap_ok(id >= 0, "a network lifecycle callback registers");
    check_default(conn);
    check_lifecycle(conn, &seen);
    check_transient(conn);
    tap_is_int(drv()->network_event_deregister_any(conn, id, &err), 0,
               "and deregisters");
    /* Deliveries hold the connection: once they are done, this unref is
     * the last, and the close (which frees the networks' documents) runs
     * before the process exits. */
    event_wait_settle();
    handle_conn_unref(conn);
    return tdrv_done();
}
