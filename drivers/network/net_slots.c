/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_slots.c: the network driver's calls that change networks: define,
 * create, start, destroy, undefine, autostart and update, with libvirt's
 * network driver's checks, words and lifecycle events. Network thread;
 * a start or a stop that waits for nft answers its call later (call.h).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/call.h"
#include "drivers/conf/network_xml.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/network/net_dnsmasq.h"
#include "drivers/network/net_ipv4.h"
#include "drivers/network/net_run.h"
#include "drivers/network/net_slots.h"
#include "drivers/network/net_state.h"
#include "drivers/network/net_store.h"
#include "drivers/network_handle.h"

/* A call's recorded answer, if this is its second run. */
static bool
replayed(int *rc, struct vireo_error *err, void **data)
{
    struct call *c = call_current();

    return c != NULL && call_replay(c, rc, err, data);
}

struct vireo_network *
netdrv_network_define_xml(struct vireo_conn *conn, const char *xml,
                          unsigned flags, struct vireo_error *err)
{
    struct net_state *st = conn->priv;
    struct network_def *def;
    struct net_obj *obj;
    bool was_new;

    if (error_check_flags(err, VIR_FROM_NETWORK, flags,
                          VIREO_NETWORK_DEFINE_VALIDATE,
                          "networkDefineXMLFlags") < 0 ||
        (def = network_def_parse(xml, err)) == NULL)
        return NULL;
    was_new = net_objs_find_uuid(st, def->uuid) == NULL;
    if ((obj = net_objs_assign(st, def, false, err)) == NULL)
        return NULL;
    if (net_store_save_config(st, obj, err) < 0) {
        if (was_new)
            net_objs_remove(st, obj);
        return NULL;
    }
    net_objs_emit(st, obj, VIR_NETWORK_EVENT_DEFINED);
    return handle_network_new(conn, obj->base.def->name, obj->base.def->uuid, err);
}

/* After a start that failed at once, a transient network is forgotten
 * (one the start still waits for stays, and its answer decides). */
static void
drop_failed(struct net_state *st, const char *name)
{
    struct net_obj *obj = net_objs_find_name(st, name);

    if (obj != NULL && !obj->base.is_persistent && !obj->base.is_active &&
        !obj->is_starting)
        net_objs_remove(st, obj);
}

/* The running network of xml's name, as a handle. */
static struct vireo_network *
handle_of(struct vireo_conn *conn, const char *name, struct vireo_error *err)
{
    struct net_obj *obj = net_objs_find_name(conn->priv, name);

    if (obj == NULL || !obj->base.is_active) {
        error_set(err, VIR_ERR_NO_NETWORK, VIR_FROM_NETWORK,
                  "no network with matching name '%s'", name);
        return NULL;
    }
    return handle_network_new(conn, obj->base.def->name, obj->base.def->uuid, err);
}

/* libvirt's VIR_NETWORK_CREATE_VALIDATE has DEFINE_VALIDATE's value. */
struct vireo_network *
netdrv_network_create_xml(struct vireo_conn *conn, const char *xml,
                          unsigned flags, struct vireo_error *err)
{
    struct net_state *st = conn->priv;
    struct vireo_network *result = NULL;
    struct network_def *def;
    struct net_obj *obj;
    char *name;
    int rc;

    if (error_check_flags(err, VIR_FROM_NETWORK, flags,
                          VIREO_NETWORK_DEFINE_VALIDATE,
                          "networkCreateXMLFlags") < 0 ||
        (def = network_def_parse(xml, err)) == NULL)
        return NULL;
    if ((name = strdup(def->name)) == NULL) {
        network_def_free(def);
        error_no_memory(err);
        return NULL;
    }
    if (replayed(&rc, err, NULL)) {
        network_def_free(def);
        result = rc == 0 ? handle_of(conn, name, err) : NULL;
    } else if ((obj = net_objs_assign(st, def, true, err)) != NULL) {
        if (net_run_start(st, obj, call_current(), err) == 0)
            result = handle_of(conn, name, err);
        else
            drop_failed(st, name);
    }
    free(name);
    return result;
}

/* A start or a stop of the network net names, answered now or, once
 * nft has answered, on the call's second run. */
static int
start_or_stop(struct vireo_network *net,
              int (*fn)(struct net_state *st, struct net_obj *obj,
                        struct call *c, struct vireo_error *err),
              struct vireo_error *err)
{
    struct net_obj *obj;
    int rc;

    if (replayed(&rc, err, NULL))
        return rc;
    if ((obj = net_slots_obj(net, err)) == NULL)
        return -1;
    return fn(net->conn->priv, obj, call_current(), err);
}

int
netdrv_network_create(struct vireo_network *net, struct vireo_error *err)
{
    return start_or_stop(net, net_run_start, err);
}

int
netdrv_network_destroy(struct vireo_network *net, struct vireo_error *err)
{
    return start_or_stop(net, net_run_stop, err);
}

/* libvirt's networkUndefine: a running network becomes transient and
 * goes when it stops. */
/* The persistent network net names, or NULL with err set: absent, or
 * transient (VIR_ERR_OPERATION_INVALID with refusal, libvirt's words). */
static struct net_obj *
persistent(struct vireo_network *net, const char *refusal,
           struct vireo_error *err)
{
    struct net_obj *obj = net_slots_obj(net, err);

    if (obj != NULL && !obj->base.is_persistent) {
        error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK, "%s",
                  refusal);
        obj = NULL;
    }
    return obj;
}

int
netdrv_network_undefine(struct vireo_network *net, struct vireo_error *err)
{
    struct net_state *st = net->conn->priv;
    struct net_obj *obj = persistent(net, "can't undefine transient network",
                                     err);

    if (obj == NULL)
        return -1;
    net_store_delete_config(st, obj->base.def->name);
    obj->base.is_autostart = false;
    net_objs_emit(st, obj, VIR_NETWORK_EVENT_UNDEFINED);
    if (!obj->base.is_active) {
        net_objs_remove(st, obj);
        return 0;
    }
    obj->base.is_persistent = false;
    network_def_free(obj->base.new_def);
    obj->base.new_def = NULL;
    return 0;
}

int
netdrv_network_set_autostart(struct vireo_network *net, int autostart,
                             struct vireo_error *err)
{
    struct net_state *st = net->conn->priv;
    struct net_obj *obj = persistent(net, "cannot set autostart for "
                                     "transient network", err);

    if (obj == NULL)
        return -1;
    if (obj->base.is_autostart == (autostart != 0))
        return 0;
    if (net_store_set_autostart(st, obj->base.def->name, autostart != 0,
                                err) < 0)
        return -1;
    obj->base.is_autostart = autostart != 0;
    return 0;
}

/* ---- virNetworkUpdate ------------------------------------------------- */

/* The running network takes live: what dnsmasq must know is told to it
 * (the fixed DHCP hosts, through its hosts file and SIGHUP). */
static int
apply_live(struct net_state *st, struct net_obj *obj,
           struct network_def *live, struct vireo_error *err)
{
    struct net_ipv4 ip;

    network_def_free(obj->base.def);
    obj->base.def = live;
    if (net_store_save_status(st, obj, err) < 0 ||
        net_ipv4_read(obj->base.def, &ip, err) < 0)
        return -1;
    return obj->dnsmasq != NULL ? net_dnsmasq_reload_hosts(st, obj, &ip, err)
                                : 0;
}

int
netdrv_network_update(struct vireo_network *net, unsigned command,
                      unsigned section, int parent_index, const char *xml,
                      unsigned flags, struct vireo_error *err)
{
    struct net_state *st = net->conn->priv;
    struct network_def *live, *config;
    struct net_obj *obj;

    if (error_check_flags(err, VIR_FROM_NETWORK, flags,
                          VIREO_NETWORK_UPDATE_AFFECT_LIVE |
                          VIREO_NETWORK_UPDATE_AFFECT_CONFIG,
                          "networkUpdate") < 0 ||
        (obj = net_slots_obj(net, err)) == NULL ||
        network_obj_updated_defs(&obj->base, command, section, parent_index,
                                 xml, flags, &live, &config, err) < 0)
        return -1;
    if (config != NULL) {
        network_obj_assign(&obj->base, config, false);
        if (net_store_save_config(st, obj, err) < 0) {
            network_def_free(live);
            return -1;
        }
    }
    return live != NULL ? apply_live(st, obj, live, err) : 0;
}
