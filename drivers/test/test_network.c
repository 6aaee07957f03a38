/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_network.c: the networks of a test state and the calls that change
 * them (define, create, start, destroy, undefine, update), with libvirt's
 * test driver's checks, words and lifecycle events. Queries are in
 * test_network_query.c. Everything runs on the test driver's thread
 * (test_call.h).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/network_xml.h"
#include "drivers/conf/uuid.h"
#include "drivers/error.h"
#include "drivers/network_event.h"
#include "drivers/network_handle.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_network_priv.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"

const char test_networks_default_xml[] =
    "<network>"
    "  <name>default</name>"
    "  <uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>"
    "  <bridge name='virbr0'/>"
    "  <forward/>"
    "  <ip address='192.168.122.1' netmask='255.255.255.0'>"
    "    <dhcp>"
    "      <range start='192.168.122.2' end='192.168.122.254'/>"
    "    </dhcp>"
    "  </ip>"
    "</network>";

/* ---- The set ---------------------------------------------------------- */

struct test_networks *
test_networks_new(void)
{
    struct test_networks *nets = calloc(1, sizeof(*nets));

    if (nets == NULL)
        return NULL;
    nets->events = object_event_state_new(&network_event_kind);
    if (nets->events == NULL) {
        free(nets);
        return NULL;
    }
    return nets;
}

static void
obj_free(struct network_obj *obj)
{
    network_def_free(obj->def);
    network_def_free(obj->new_def);
    free(obj);
}

void
test_networks_free(struct test_networks *nets)
{
    if (nets == NULL)
        return;
    while (nets->list != NULL) {
        struct network_obj *obj = nets->list;

        nets->list = obj->next;
        obj_free(obj);
    }
    object_event_state_free(nets->events);
    free(nets);
}

void
test_networks_close_conn(struct test_networks *nets, struct vireo_conn *conn)
{
    object_event_deregister_conn(nets->events, conn);
}

struct network_obj *
test_networks_find_name(struct test_networks *nets, const char *name)
{
    for (struct network_obj *o = nets->list; o != NULL; o = o->next)
        if (strcmp(o->def->name, name) == 0)
            return o;
    return NULL;
}

struct network_obj *
test_networks_find_uuid(struct test_networks *nets, const unsigned char *uuid)
{
    for (struct network_obj *o = nets->list; o != NULL; o = o->next)
        if (memcmp(o->def->uuid, uuid, VIREO_UUID_BUFLEN) == 0)
            return o;
    return NULL;
}

/* The network handle net names, by name as libvirt's test driver looks
 * most of them up. */
struct network_obj *
test_networks_by_name(struct test_networks *nets, const char *name,
                      struct vireo_error *err)
{
    struct network_obj *obj = test_networks_find_name(nets, name);

    if (obj == NULL)
        error_set(err, VIR_ERR_NO_NETWORK, VIR_FROM_NETWORK,
                  "no network with matching name '%s'", name);
    return obj;
}

struct network_obj *
test_networks_by_uuid(struct test_networks *nets, const unsigned char *uuid,
                      struct vireo_error *err)
{
    struct network_obj *obj = test_networks_find_uuid(nets, uuid);
    char text[VIREO_UUID_STRING_BUFLEN];

    if (obj == NULL) {
        uuid_format(uuid, text);
        error_set(err, VIR_ERR_NO_NETWORK, VIR_FROM_NETWORK,
                  "no network with matching uuid '%s'", text);
    }
    return obj;
}

void
test_networks_emit(struct test_networks *nets, const struct network_obj *obj,
                   int event)
{
    object_event_queue_lifecycle(nets->events, obj->def->name,
                                 obj->def->uuid, event, 0);
}

static void
append(struct test_networks *nets, struct network_obj *obj)
{
    struct network_obj **pp = &nets->list;

    while (*pp != NULL)
        pp = &(*pp)->next;
    *pp = obj;
}

static void
unlink_obj(struct test_networks *nets, struct network_obj *obj)
{
    for (struct network_obj **pp = &nets->list; *pp; pp = &(*pp)->next)
        if (*pp == obj) {
            *pp = obj->next;
            obj_free(obj);
            return;
        }
}

/* ---- Assigning a definition (libvirt's virNetworkObjAssignDef) -------- */

/* The network def would take: the one with its uuid (whose name must be
 * def's), else none (then no other may have its name). *found NULL: a new
 * network. 0, or -1 with err set. */
static int
check_clash(struct test_networks *nets, const struct network_def *def,
            bool is_live, struct network_obj **found,
            struct vireo_error *err)
{
    struct network_obj *obj = test_networks_find_uuid(nets, def->uuid);
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
    obj = test_networks_find_name(nets, def->name);
    if (obj != NULL) {
        uuid_format(obj->def->uuid, text);
        return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_NETWORK,
                         "network '%s' already exists with uuid %s",
                         def->name, text);
    }
    return 0;
}

/* Give obj def (taken over): as its running definition (is_live), else
 * as its persistent one. */
static void
assign(struct network_obj *obj, struct network_def *def, bool is_live)
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

/* Take def over (freed on failure) into nets; the network it now
 * defines, or NULL with err set. */
static struct network_obj *
assign_def(struct test_networks *nets, struct network_def *def, bool is_live,
           struct vireo_error *err)
{
    struct network_obj *obj;

    if (check_clash(nets, def, is_live, &obj, err) < 0) {
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
    obj->def = def;
    obj->is_persistent = !is_live;
    append(nets, obj);
    return obj;
}

int
test_networks_add_initial(struct test_networks *nets, const char *xml,
                          struct vireo_error *err)
{
    struct network_def *def = network_def_parse(xml, err);
    struct network_obj *obj;

    if (def == NULL || (obj = assign_def(nets, def, false, err)) == NULL)
        return -1;
    obj->is_active = true;
    return 0;
}

/* ---- Slots ------------------------------------------------------------ */

/* A lifecycle call on one network. */
typedef int (*net_change)(struct test_networks *nets, struct network_obj *obj,
                          struct vireo_error *err);

/* What a slot carries to the test thread and back. */
struct net_io {
    net_change            change;    /* the lifecycle call to make */
    struct vireo_conn    *conn;
    struct vireo_network *net;       /* the handle a call names */
    const char           *xml;
    unsigned              flags;
    unsigned              command;
    unsigned              section;
    int                   parent_index;
    struct vireo_network *result;    /* a handle for the caller */
};

struct test_networks *
test_networks_of(struct test_state *st)
{
    return st->networks;
}

static int
put_result(struct net_io *io, const struct network_obj *obj,
           struct vireo_error *err)
{
    io->result = handle_network_new(io->conn, obj->def->name, obj->def->uuid,
                                    err);
    return io->result != NULL ? 0 : -1;
}

static int
op_define(struct test_state *st, void *p, struct vireo_error *err)
{
    struct net_io *io = p;
    struct network_def *def;
    struct network_obj *obj;

    if (error_check_flags(err, VIR_FROM_NETWORK, io->flags,
                          VIREO_NETWORK_DEFINE_VALIDATE,
                          "testNetworkDefineXMLFlags") < 0 ||
        (def = network_def_parse(io->xml, err)) == NULL ||
        (obj = assign_def(st->networks, def, false, err)) == NULL)
        return -1;
    test_networks_emit(st->networks, obj, VIR_NETWORK_EVENT_DEFINED);
    return put_result(io, obj, err);
}

static int
op_create_xml(struct test_state *st, void *p, struct vireo_error *err)
{
    struct net_io *io = p;
    struct network_def *def;
    struct network_obj *obj;

    if (error_check_flags(err, VIR_FROM_NETWORK, io->flags, 0,
                          "testNetworkCreateXMLFlags") < 0 ||
        (def = network_def_parse(io->xml, err)) == NULL ||
        (obj = assign_def(st->networks, def, true, err)) == NULL)
        return -1;
    obj->is_active = true;
    test_networks_emit(st->networks, obj, VIR_NETWORK_EVENT_STARTED);
    return put_result(io, obj, err);
}

struct vireo_network *
testdrv_network_define_xml(struct vireo_conn *conn, const char *xml,
                           unsigned flags, struct vireo_error *err)
{
    struct net_io io = { .conn = conn, .xml = xml, .flags = flags };

    test_call(conn, op_define, &io, err);
    return io.result;
}

struct vireo_network *
testdrv_network_create_xml(struct vireo_conn *conn, const char *xml,
                           unsigned flags, struct vireo_error *err)
{
    struct net_io io = { .conn = conn, .xml = xml, .flags = flags };

    test_call(conn, op_create_xml, &io, err);
    return io.result;
}

/* The lifecycle calls, on the network a handle names (by name, as
 * libvirt's test driver finds them). */

static int
undefine(struct test_networks *nets, struct network_obj *obj,
         struct vireo_error *err)
{
    if (obj->is_active)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK,
                         "Network '%s' is still running", obj->def->name);
    test_networks_emit(nets, obj, VIR_NETWORK_EVENT_UNDEFINED);
    unlink_obj(nets, obj);
    return 0;
}

static int
start(struct test_networks *nets, struct network_obj *obj,
      struct vireo_error *err)
{
    if (obj->is_active)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK,
                         "Network '%s' is already running", obj->def->name);
    obj->is_active = true;
    test_networks_emit(nets, obj, VIR_NETWORK_EVENT_STARTED);
    return 0;
}

/* libvirt's test driver stops a network whatever its state, and forgets
 * it if it is transient. */
static int
stop(struct test_networks *nets, struct network_obj *obj,
     struct vireo_error *err)
{
    (void)err;
    obj->is_active = false;
    test_networks_emit(nets, obj, VIR_NETWORK_EVENT_STOPPED);
    if (!obj->is_persistent)
        unlink_obj(nets, obj);
    return 0;
}

static int
op_change(struct test_state *st, void *p, struct vireo_error *err)
{
    struct net_io *io = p;
    struct network_obj *obj = test_networks_by_name(st->networks,
                                                    io->net->name, err);

    return obj != NULL ? io->change(st->networks, obj, err) : -1;
}

static int
change(struct vireo_network *net, net_change fn, struct vireo_error *err)
{
    struct net_io io = { .conn = net->conn, .net = net, .change = fn };

    return test_call(net->conn, op_change, &io, err);
}

int
testdrv_network_undefine(struct vireo_network *net, struct vireo_error *err)
{
    return change(net, undefine, err);
}

int
testdrv_network_create(struct vireo_network *net, struct vireo_error *err)
{
    return change(net, start, err);
}

int
testdrv_network_destroy(struct vireo_network *net, struct vireo_error *err)
{
    return change(net, stop, err);
}

/* ---- virNetworkUpdate (libvirt's virNetworkObjUpdate) ----------------- */

/* def updated as io says, into a copy: the copy, or NULL with err set. */
static struct network_def *
updated(const struct network_def *def, const struct net_io *io,
        struct vireo_error *err)
{
    struct network_def *copy = network_def_copy(def, err);

    if (copy != NULL &&
        network_def_update(copy, io->command, io->section, io->parent_index,
                           io->xml, err) < 0) {
        network_def_free(copy);
        copy = NULL;
    }
    return copy;
}

static int
check_update(const struct network_obj *obj, unsigned flags,
             struct vireo_error *err)
{
    if (!obj->is_active && (flags & VIREO_NETWORK_UPDATE_AFFECT_LIVE))
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK,
                         "%s", "network is not running");
    if ((flags & VIREO_NETWORK_UPDATE_AFFECT_CONFIG) && !obj->is_persistent)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK,
                         "%s", "cannot change persistent config of a "
                         "transient network");
    return 0;
}

static int
op_update(struct test_state *st, void *p, struct vireo_error *err)
{
    struct net_io *io = p;
    unsigned flags = io->flags;
    struct network_def *live = NULL, *config = NULL;
    struct network_obj *obj;

    if (error_check_flags(err, VIR_FROM_NETWORK, flags,
                          VIREO_NETWORK_UPDATE_AFFECT_LIVE |
                          VIREO_NETWORK_UPDATE_AFFECT_CONFIG,
                          "testNetworkUpdate") < 0 ||
        (obj = test_networks_by_uuid(st->networks, io->net->uuid,
                                     err)) == NULL)
        return -1;
    if ((flags & (VIREO_NETWORK_UPDATE_AFFECT_LIVE |
                  VIREO_NETWORK_UPDATE_AFFECT_CONFIG)) == 0)
        flags |= obj->is_active ? VIREO_NETWORK_UPDATE_AFFECT_LIVE
                                : VIREO_NETWORK_UPDATE_AFFECT_CONFIG;
    if (check_update(obj, flags, err) < 0)
        return -1;
    if ((flags & VIREO_NETWORK_UPDATE_AFFECT_LIVE) &&
        (live = updated(obj->def, io, err)) == NULL)
        return -1;
    if ((flags & VIREO_NETWORK_UPDATE_AFFECT_CONFIG) &&
        (config = updated(obj->new_def != NULL ? obj->new_def : obj->def, io,
                          err)) == NULL) {
        network_def_free(live);
        return -1;
    }
    if (config != NULL)
        assign(obj, config, false);
    if (live != NULL) {
        network_def_free(obj->def);
        obj->def = live;
    }
    return 0;
}

int
testdrv_network_update(struct vireo_network *net, unsigned command,
                       unsigned section, int parent_index, const char *xml,
                       unsigned flags, struct vireo_error *err)
{
    struct net_io io = { .conn = net->conn, .net = net, .xml = xml,
                         .flags = flags, .command = command,
                         .section = section, .parent_index = parent_index };

    return test_call(net->conn, op_update, &io, err);
}
