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
    return network_list_find_name(nets->list, name);
}

struct network_obj *
test_networks_find_uuid(struct test_networks *nets, const unsigned char *uuid)
{
    return network_list_find_uuid(nets->list, uuid);
}

struct network_obj *
test_networks_by_name(struct test_networks *nets, const char *name,
                      struct vireo_error *err)
{
    return network_list_by_name(nets->list, name, VIR_FROM_TEST, err);
}

struct network_obj *
test_networks_by_uuid(struct test_networks *nets, const unsigned char *uuid,
                      struct vireo_error *err)
{
    return network_list_by_uuid(nets->list, uuid, VIR_FROM_TEST, err);
}

void
test_networks_emit(struct test_networks *nets, const struct network_obj *obj,
                   int event)
{
    object_event_queue_lifecycle(nets->events, obj->def->name,
                                 obj->def->uuid, event, 0);
}

static void
unlink_obj(struct test_networks *nets, struct network_obj *obj)
{
    network_list_unlink(&nets->list, obj);
    obj_free(obj);
}

/* ---- Assigning a definition (libvirt's virNetworkObjAssignDef) -------- */

/* Take def over (freed on failure) into nets; the network it now
 * defines, or NULL with err set. */
static struct network_obj *
assign_def(struct test_networks *nets, struct network_def *def, bool is_live,
           struct vireo_error *err)
{
    struct network_obj *obj;

    if (network_list_check_clash(nets->list, def, is_live, &obj, err) < 0) {
        network_def_free(def);
        return NULL;
    }
    if (obj != NULL) {
        network_obj_assign(obj, def, is_live);
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
    network_list_append(&nets->list, obj);
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

static int
op_update(struct test_state *st, void *p, struct vireo_error *err)
{
    struct net_io *io = p;
    struct network_def *live, *config;
    struct network_obj *obj;

    if (error_check_flags(err, VIR_FROM_NETWORK, io->flags,
                          VIREO_NETWORK_UPDATE_AFFECT_LIVE |
                          VIREO_NETWORK_UPDATE_AFFECT_CONFIG,
                          "testNetworkUpdate") < 0 ||
        (obj = test_networks_by_uuid(st->networks, io->net->uuid,
                                     err)) == NULL ||
        network_obj_updated_defs(obj, io->command, io->section,
                                 io->parent_index, io->xml, io->flags, &live,
                                 &config, err) < 0)
        return -1;
    if (config != NULL)
        network_obj_assign(obj, config, false);
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
