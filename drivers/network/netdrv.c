/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * netdrv.c: the network driver's table and what is not about one
 * network: startup (the definitions, libvirt's `default` network on the
 * first start, the networks that ran before the daemon restarted),
 * autostart, shutdown, companion connections and event registrations.
 *
 * Its thread ("vireo-net") owns every network; vireod runs each call of
 * a companion connection there, and the hooks, which the daemon calls on
 * its main thread, hand their work over. Networks outlive the daemon, as
 * libvirt's do: shutdown leaves them running, and the next startup finds
 * them again.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drivers/conf/network_xml.h"
#include "drivers/driver.h"
#include "drivers/driver_config.h"
#include "drivers/error.h"
#include "drivers/network/net_run.h"
#include "drivers/network/net_slots.h"
#include "drivers/network/net_state.h"
#include "drivers/network/net_store.h"
#include "drivers/network/netdrv.h"
#include "drivers/network/network_port_priv.h"
#include "drivers/network_event.h"
#include "drivers/network_handle.h"
#include "drivers/object_event.h"
#include "drivers/worker.h"
#include "drivers/worker_child.h"
#include "drivers/worker_lease.h"

/* What libvirt's packages install as /etc/libvirt/qemu/networks/default.xml
 * (with its autostart link) before libvirtd first starts. */
static const char default_network_xml[] =
    "<network>\n"
    "  <name>default</name>\n"
    "  <bridge name='virbr0'/>\n"
    "  <forward/>\n"
    "  <ip address='192.168.122.1' netmask='255.255.255.0'>\n"
    "    <dhcp>\n"
    "      <range start='192.168.122.2' end='192.168.122.254'/>\n"
    "    </dhcp>\n"
    "  </ip>\n"
    "</network>\n";

/* In the state directory once the first start has defined `default`:
 * a network the user undefined is not defined again. */
#define FIRST_START_MARK "default-network-defined"

static const char *const companion_of[] = { "qemu", NULL };

static struct worker_lease lease = WORKER_LEASE_INIT("vireo-net");

/* The state startup made. Network thread only. */
static struct net_state *the_state;

/* ---- the state (network thread) ---------------------------------------- */

static void
state_free(struct net_state *st)
{
    if (st->autostarted != NULL)    /* no start ends now: stop waiting */
        st->autostarted(st->autostarted_opaque);
    net_run_detach_all(st);
    while (st->list != NULL)
        net_objs_remove(st, net_objs_first(st));
    object_event_state_free(st->events);
    free(st->config_dir);
    free(st->autostart_dir);
    free(st->run_dir);
    free(st);
}

static void
state_unref(struct net_state *st)
{
    if (--st->refs > 0)
        return;
    if (st == the_state)
        the_state = NULL;
    state_free(st);
}

/* libvirt's default network, defined once, on the daemon's first start,
 * marked autostart unless network.conf says default_network_autostart = 0
 * (a test daemon that must not touch the host's network). */
static void
define_default(struct net_state *st, bool is_autostart)
{
    char *mark = net_store_path(st->config_dir, FIRST_START_MARK, "mark");
    struct vireo_error err = { 0 };
    struct network_def *def;
    struct net_obj *obj;

    if (mark == NULL || access(mark, F_OK) == 0) {
        free(mark);
        return;
    }
    if ((def = network_def_parse(default_network_xml, &err)) == NULL ||
        (obj = net_objs_assign(st, def, false, &err)) == NULL ||
        net_store_save_config(st, obj, &err) < 0 ||
        (is_autostart &&
         net_store_set_autostart(st, obj->base.def->name, true, &err) < 0) ||
        net_store_write(mark, "", &err) < 0)
        net_state_warn(st, "cannot define the default network: %s",
                       err.message);
    else
        obj->base.is_autostart = is_autostart;
    free(mark);
}

static struct net_state *
state_new(const struct driver_context *ctx, struct vireo_error *err)
{
    struct net_state *st = calloc(1, sizeof(*st));
    long long autostart = 1;

    if (st == NULL) {
        error_no_memory(err);
        return NULL;
    }
    st->refs = 1;
    st->is_privileged = ctx->is_privileged;
    st->log_warning = ctx->log_warning;
    if ((st->events = object_event_state_new(&network_event_kind)) == NULL ||
        (st->config_dir = strdup(ctx->state_dir)) == NULL ||
        (st->run_dir = strdup(ctx->run_dir)) == NULL ||
        asprintf(&st->autostart_dir, "%s/autostart", ctx->state_dir) < 0) {
        st->autostart_dir = NULL;
        state_free(st);
        error_no_memory(err);
        return NULL;
    }
    /* A bad value stops the daemon, as a bad qemu.conf does. */
    if (driver_config_get_int(ctx->config, "default_network_autostart", 0, 1,
                              &autostart, err) < 0) {
        state_free(st);
        return NULL;
    }
    net_store_load_configs(st);
    define_default(st, autostart != 0);
    return st;
}

/* ---- startup, autostart, shutdown (daemon main thread) ----------------- */

/* On the network thread: the definitions, then the networks that ran
 * before. */
static int
start_on_thread(const struct driver_context *ctx, struct vireo_error *err)
{
    the_state = state_new(ctx, err);
    if (the_state == NULL)
        return -1;
    net_run_reattach_all(the_state);
    return 0;
}

static int
netdrv_startup(const struct driver_context *ctx, struct vireo_error *err)
{
    return worker_lease_startup(&lease, start_on_thread, ctx, err);
}

/* The autostart hook's done, for the network thread to call. */
struct autostart_done {
    void (*fn)(void *opaque);
    void  *opaque;
};

/* Only a root daemon puts networks on the host. */
static void
autostart_on_thread(void *arg)
{
    struct autostart_done *done = arg;

    if (the_state != NULL && the_state->is_privileged)
        net_run_autostart_all(the_state, done->fn, done->opaque);
    else
        done->fn(done->opaque);
}

static void
netdrv_autostart(void (*done)(void *), void *opaque)
{
    struct autostart_done d = { done, opaque };

    if (!worker_lease_call(&lease, autostart_on_thread, &d))
        done(opaque);
}

static void
shutdown_on_thread(void *arg)
{
    (void)arg;
    if (the_state != NULL)
        state_unref(the_state);
}

/* The networks run on, their status on disk for the next start. */
static void
netdrv_shutdown(void)
{
    worker_lease_shutdown(&lease, shutdown_on_thread, NULL);
}

static struct worker *
netdrv_worker(void)
{
    return worker_lease_worker(&lease);
}

struct worker *
network_port_worker(void)
{
    return worker_lease_worker(&lease);
}

struct net_state *
network_port_state(void)
{
    return the_state;
}

/* ---- companion connections --------------------------------------------- */

static void
open_on_thread(void *arg)
{
    struct vireo_conn *conn = arg;

    if (the_state != NULL) {
        the_state->refs++;
        conn->priv = the_state;
    }
}

/* Runs on the qemu driver's thread: the state is reached on ours. */
static int
netdrv_open(struct vireo_conn *conn, const struct uri *uri, unsigned flags,
            struct vireo_error *err)
{
    struct worker *w = worker_lease_hold(&lease);

    (void)uri;
    (void)flags;
    if (w == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK, "%s",
                         "the network driver is not running");
    worker_call(w, open_on_thread, conn);
    if (conn->priv == NULL) {
        worker_lease_release(&lease);
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK, "%s",
                         "the network driver is not running");
    }
    conn->worker = w;
    return 0;
}

static void
close_on_thread(void *arg)
{
    struct vireo_conn *conn = arg;
    struct net_state *st = conn->priv;

    object_event_deregister_conn(st->events, conn);
    state_unref(st);
}

/* Any thread: the work moves to the network thread. */
static void
netdrv_close(struct vireo_conn *conn)
{
    worker_lease_close_conn(&lease, conn, close_on_thread);
}

static int
netdrv_event_register_any(struct vireo_conn *conn, struct vireo_network *net,
                          int event_id, vireo_network_event_generic_cb cb,
                          void *opaque, vireo_free_cb free_cb,
                          struct vireo_error *err)
{
    struct net_state *st = conn->priv;

    return object_event_register(st->events, conn, NULL,
                                 net != NULL ? net->uuid : NULL, event_id,
                                 OBJECT_EVENT_CB(cb), opaque, free_cb, err);
}

static int
netdrv_event_deregister_any(struct vireo_conn *conn, int callback_id,
                            struct vireo_error *err)
{
    struct net_state *st = conn->priv;

    return object_event_deregister(st->events, conn, callback_id, err);
}

const struct driver netdrv = {
    .name                             = "network",
    .daemon_only                      = true,
    .startup                          = netdrv_startup,
    .autostart                        = netdrv_autostart,
    .shutdown                         = netdrv_shutdown,
    .worker                           = netdrv_worker,
    .companion_of                     = companion_of,
    .companion_kind                   = CONN_COMPANION_NETWORK,
    .open                             = netdrv_open,
    .close                            = netdrv_close,
    .connect_num_of_networks          = netdrv_connect_num_of_networks,
    .connect_list_networks            = netdrv_connect_list_networks,
    .connect_num_of_defined_networks  = netdrv_connect_num_of_defined_networks,
    .connect_list_defined_networks    = netdrv_connect_list_defined_networks,
    .connect_list_all_networks        = netdrv_connect_list_all_networks,
    .network_lookup_by_name           = netdrv_network_lookup_by_name,
    .network_lookup_by_uuid           = netdrv_network_lookup_by_uuid,
    .network_define_xml               = netdrv_network_define_xml,
    .network_create_xml               = netdrv_network_create_xml,
    .network_undefine                 = netdrv_network_undefine,
    .network_create                   = netdrv_network_create,
    .network_destroy                  = netdrv_network_destroy,
    .network_get_xml_desc             = netdrv_network_get_xml_desc,
    .network_get_bridge_name          = netdrv_network_get_bridge_name,
    .network_get_autostart            = netdrv_network_get_autostart,
    .network_set_autostart            = netdrv_network_set_autostart,
    .network_is_active                = netdrv_network_is_active,
    .network_is_persistent            = netdrv_network_is_persistent,
    .network_update                   = netdrv_network_update,
    .network_event_register_any       = netdrv_event_register_any,
    .network_event_deregister_any     = netdrv_event_deregister_any,
    .network_get_dhcp_leases          = netdrv_network_get_dhcp_leases,
};
