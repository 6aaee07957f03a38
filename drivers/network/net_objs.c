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
#include "drivers/conf/uuid.h"
#include "drivers/error.h"
#include "drivers/network/net_link.h"
#include "drivers/network/net_state.h"
#include "drivers/object_event.h"

/* libvirt's template for the bridges it names, and how far it looks. */
#define BRIDGE_TEMPLATE "virbr%d"
#define MAX_BRIDGE_NUMBER 256

void
net_state_warn(struct net_state *st, const char *fmt, ...)
{
    char line[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    st->log_warning(line);
}

struct net_obj *
net_objs_find_name(struct net_state *st, const char *name)
{
    for (struct net_obj *o = st->list; o != NULL; o = o->next)
        if (strcmp(o->def->name, name) == 0)
            return o;
    return NULL;
}

struct net_obj *
net_objs_find_uuid(struct net_state *st, const unsigned char *uuid)
{
    for (struct net_obj *o = st->list; o != NULL; o = o->next)
        if (memcmp(o->def->uuid, uuid, VIREO_UUID_BUFLEN) == 0)
            return o;
    return NULL;
}

struct net_obj *
net_objs_by_uuid(struct net_state *st, const unsigned char *uuid,
                 struct vireo_error *err)
{
    struct net_obj *obj = net_objs_find_uuid(st, uuid);
    char text[VIREO_UUID_STRING_BUFLEN];

    if (obj == NULL) {
        uuid_format(uuid, text);
        error_set(err, VIR_ERR_NO_NETWORK, VIR_FROM_NETWORK,
                  "no network with matching uuid '%s'", text);
    }
    return obj;
}

struct network_def *
net_objs_persistent_def(struct net_obj *obj)
{
    return obj->new_def != NULL ? obj->new_def : obj->def;
}

void
net_objs_emit(struct net_state *st, const struct net_obj *obj, int event)
{
    object_event_queue_lifecycle(st->events, obj->def->name, obj->def->uuid,
                                 event, 0);
}

void
net_objs_remove(struct net_state *st, struct net_obj *obj)
{
    for (struct net_obj **pp = &st->list; *pp != NULL; pp = &(*pp)->next)
        if (*pp == obj) {
            *pp = obj->next;
            network_def_free(obj->def);
            network_def_free(obj->new_def);
            free(obj);
            return;
        }
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
    for (struct net_obj *o = st->list; o != NULL; o = o->next) {
        if (strcmp(o->def->name, skip) == 0)
            continue;
        if ((o->def->bridge != NULL && strcmp(o->def->bridge, bridge) == 0) ||
            (o->new_def != NULL && o->new_def->bridge != NULL &&
             strcmp(o->new_def->bridge, bridge) == 0))
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
    if (check_bridge(st, def, err) < 0)
        return -1;
    return add_mac(def, err);
}

/* ---- Assigning a definition ------------------------------------------- */

/* The network def would take: the one with its uuid (whose name must be
 * def's), else none (then no other may have its name). */
static int
check_clash(struct net_state *st, const struct network_def *def,
            bool is_live, struct net_obj **found, struct vireo_error *err)
{
    struct net_obj *obj = net_objs_find_uuid(st, def->uuid);
    char text[VIREO_UUID_STRING_BUFLEN];

    *found = obj;
    if (obj != NULL) {
        uuid_format(obj->def->uuid, text);
        if (strcmp(obj->def->name, def->name) != 0)
            return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_NETWORK,
                             "network '%s' is already defined with uuid %s",
                             obj->def->name, text);
        if (is_live && obj->is_active)
            return error_set(err, VIR_ERR_OPERATION_INVALID,
                             VIR_FROM_NETWORK,
                             "network is already active as '%s'",
                             obj->def->name);
        return 0;
    }
    obj = net_objs_find_name(st, def->name);
    if (obj != NULL) {
        uuid_format(obj->def->uuid, text);
        return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_NETWORK,
                         "network '%s' already exists with uuid %s",
                         def->name, text);
    }
    return 0;
}

static void
assign(struct net_obj *obj, struct network_def *def, bool is_live)
{
    if (is_live) {
        if (obj->is_persistent && obj->new_def == NULL) {
            obj->new_def = obj->def;
            obj->def = NULL;
        }
        network_def_free(obj->def);
        obj->def = def;
        return;
    }
    obj->is_persistent = true;
    if (obj->is_active) {
        network_def_free(obj->new_def);
        obj->new_def = def;
        return;
    }
    network_def_free(obj->def);
    obj->def = def;
}

struct net_obj *
net_objs_assign(struct net_state *st, struct network_def *def, bool is_live,
                struct vireo_error *err)
{
    struct net_obj *obj, **pp;

    if (check_clash(st, def, is_live, &obj, err) < 0 ||
        net_objs_fill_in(st, def, err) < 0) {
        network_def_free(def);
        return NULL;
    }
    if (obj != NULL) {
        assign(obj, def, is_live);
        return obj;
    }
    obj = calloc(1, sizeof(*obj));
    if (obj == NULL) {
        network_def_free(def);
        error_no_memory(err);
        return NULL;
    }
    obj->st = st;
    obj->def = def;
    obj->is_persistent = !is_live;
    for (pp = &st->list; *pp != NULL; pp = &(*pp)->next)
        ;
    *pp = obj;
    return obj;
}
