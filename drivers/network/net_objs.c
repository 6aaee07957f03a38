/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_objs.c: the network driver's list of networks (net_state.h): finding
 * them, giving them definitions with libvirt's checks
 * (virNetworkObjAssignDef, networkBridgeNameValidate), and what libvirt
 * fills in a definition (a bridge name, the bridge's MAC address). On the
 * network thread.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "drivers/conf/network_xml.h"
#include "drivers/conf/network_xml_shape.h"
#include "drivers/driver_warn.h"
#include "drivers/error.h"
#include "drivers/network/net_ipv6.h"
#include "drivers/network/net_link.h"
#include "drivers/network/net_state.h"
#include "drivers/object_event.h"

/* libvirt's template for the bridges it names, and how far it looks. */
#define BRIDGE_TEMPLATE "virbr%d"
#define MAX_BRIDGE_NUMBER 256

void
net_state_warn(struct net_state *st, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    driver_vwarn(st->log_warning, fmt, ap);
    va_end(ap);
}

static struct net_obj *
of(struct network_obj *base)
{
    return (struct net_obj *)base;    /* base is its first member */
}

struct net_obj *
net_objs_first(struct net_state *st)
{
    return of(st->list);
}

struct net_obj *
net_objs_next(struct net_obj *obj)
{
    return of(obj->base.next);
}

struct net_obj *
net_objs_find_name(struct net_state *st, const char *name)
{
    return of(network_list_find_name(st->list, name));
}

struct net_obj *
net_objs_find_uuid(struct net_state *st, const unsigned char *uuid)
{
    return of(network_list_find_uuid(st->list, uuid));
}

struct net_obj *
net_objs_by_uuid(struct net_state *st, const unsigned char *uuid,
                 struct vireo_error *err)
{
    return of(network_list_by_uuid(st->list, uuid, VIR_FROM_NETWORK, err));
}

struct network_def *
net_objs_persistent_def(struct net_obj *obj)
{
    return network_obj_persistent_def(&obj->base);
}

void
net_objs_emit(struct net_state *st, const struct net_obj *obj, int event)
{
    object_event_queue_lifecycle(st->events, obj->base.def->name, obj->base.def->uuid,
                                 event, 0);
}

void
net_objs_remove(struct net_state *st, struct net_obj *obj)
{
    network_list_unlink(&st->list, &obj->base);
    network_def_free(obj->base.def);
    network_def_free(obj->base.new_def);
    free(obj);
}

/* ---- Bridge names and MAC addresses ----------------------------------- */

static bool
has_own_bridge(int forward)
{
    return forward == NETWORK_FORWARD_NONE || forward == NETWORK_FORWARD_NAT ||
           forward == NETWORK_FORWARD_ROUTE || forward == NETWORK_FORWARD_OPEN;
}

/* libvirt's virNetworkObjBridgeInUse: another network (not named skip)
 * uses bridge, in its running or its persistent definition. */
static bool
bridge_in_use(struct net_state *st, const char *bridge, const char *skip)
{
    for (struct net_obj *o = net_objs_first(st); o; o = net_objs_next(o)) {
        if (strcmp(o->base.def->name, skip) == 0)
            continue;
        if ((o->base.def->bridge != NULL && strcmp(o->base.def->bridge, bridge) == 0) ||
            (o->base.new_def != NULL && o->base.new_def->bridge != NULL &&
             strcmp(o->base.new_def->bridge, bridge) == 0))
            return true;
    }
    return false;
}

static int
pick_bridge(struct net_state *st, struct network_def *def,
            struct vireo_error *err)
{
    const char *tmpl = def->bridge != NULL ? def->bridge : BRIDGE_TEMPLATE;
    char name[32];

    const char *pct = strstr(tmpl, "%d");
    int head = (int)(pct - tmpl);

    for (int i = 0; i < MAX_BRIDGE_NUMBER; i++) {
        snprintf(name, sizeof(name), "%.*s%d%s", head, tmpl, i, pct + 2);
        if (!bridge_in_use(st, name, def->name) && !net_link_exists(name)) {
            free(def->bridge);
            def->bridge = strdup(name);
            return def->bridge != NULL ? 0 : error_no_memory(err);
        }
    }
    return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK,
                     "Bridge generation exceeded max id %d",
                     MAX_BRIDGE_NUMBER);
}

/* libvirt's networkBridgeNameValidate. */
static int
check_bridge(struct net_state *st, struct network_def *def,
             struct vireo_error *err)
{
    const char *pct = def->bridge != NULL ? strchr(def->bridge, '%') : NULL;

    /* A template names its number once, as "%d", and nothing else. */
    if (pct != NULL && (strncmp(pct, "%d", 2) != 0 ||
                        strchr(pct + 1, '%') != NULL))
        return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                         "invalid bridge name template '%s'", def->bridge);
    if (def->bridge != NULL && pct == NULL) {
        if (bridge_in_use(st, def->bridge, def->name))
            return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK,
                             "bridge name '%s' already in use.", def->bridge);
        return 0;
    }
    return pick_bridge(st, def, err);
}

/* libvirt's virNetworkSetBridgeMacAddr: 52:54:00 and three random bytes,
 * in a <mac> element of the kept document. */
static int
add_mac(struct network_def *def, struct vireo_error *err)
{
    xmlNodePtr root = xmlDocGetRootElement(def->doc), mac;
    unsigned char b[3] = { 0 };
    char text[18];

    if (network_shape_child(root, "mac") != NULL)
        return 0;
    if (getrandom(b, sizeof(b), 0) != (ssize_t)sizeof(b))
        b[0] = (unsigned char)rand();
    snprintf(text, sizeof(text), "52:54:00:%02x:%02x:%02x", b[0], b[1], b[2]);
    mac = xmlNewChild(root, NULL, BAD_CAST "mac", NULL);
    if (mac == NULL || xmlNewProp(mac, BAD_CAST "address",
                                  BAD_CAST text) == NULL)
        return error_no_memory(err);
    return 0;
}

int
net_objs_fill_in(struct net_state *st, struct network_def *def,
                 struct vireo_error *err)
{
    if (!has_own_bridge(def->forward)) {
        if (def->forward == NETWORK_FORWARD_BRIDGE && def->bridge == NULL)
            return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                             "%s", "Network with forward mode 'bridge' "
                             "requires a bridge name or forward interface");
        return 0;
    }
    if (check_bridge(st, def, err) < 0 || net_ipv6_validate(def, err) < 0)
        return -1;
    return add_mac(def, err);
}

/* ---- Assigning a definition ------------------------------------------- */

struct net_obj *
net_objs_assign(struct net_state *st, struct network_def *def, bool is_live,
                struct vireo_error *err)
{
    struct network_obj *found;
    struct net_obj *obj;

    if (network_list_check_clash(st->list, def, is_live, &found, err) < 0 ||
        net_objs_fill_in(st, def, err) < 0) {
        network_def_free(def);
        return NULL;
    }
    if (found != NULL) {
        network_obj_assign(found, def, is_live);
        return of(found);
    }
    obj = calloc(1, sizeof(*obj));
    if (obj == NULL) {
        network_def_free(def);
        error_no_memory(err);
        return NULL;
    }
    obj->st = st;
    obj->base.def = def;
    obj->base.is_persistent = !is_live;
    network_list_append(&st->list, &obj->base);
    return obj;
}
