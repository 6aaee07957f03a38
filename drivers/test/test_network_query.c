/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_network_query.c: what the test driver tells about its networks
 * (counts, lists, lookups, XML, bridge, autostart, state) and network
 * event registrations. On the test driver's thread (test_call.h).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/network_xml.h"
#include "drivers/error.h"
#include "drivers/network_handle.h"
#include "drivers/object_event.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_network_priv.h"
#include "drivers/test/test_slots.h"

#define LIST_FILTERS_ALL 0x3f   /* VIREO_CONNECT_LIST_NETWORKS_* */

/* What a query carries to the test thread and back. */
struct query_io {
    struct vireo_conn     *conn;
    struct vireo_network  *net;
    const char            *name;
    const unsigned char   *uuid;
    bool                   is_active;     /* which networks a list wants */
    char                 **names;
    int                    maxnames;
    unsigned               flags;
    int                    value;         /* in or out */
    char                  *text;          /* out, malloc'ed */
    struct vireo_network  *result;
    struct vireo_network **nets;
    bool                   wants_handles; /* list_all: else only counts */
    /* Events. */
    int                    event_id;
    vireo_network_event_generic_cb cb;
    void                  *opaque;
    vireo_free_cb          free_cb;
};

/* ---- Counts and lists ------------------------------------------------- */

static int
op_count(struct test_state *st, void *p, struct vireo_error *err)
{
    struct query_io *io = p;
    int n = 0;

    (void)err;
    for (struct network_obj *o = test_networks_of(st)->list; o; o = o->next)
        n += o->is_active == io->is_active;
    return n;
}

static int
op_names(struct test_state *st, void *p, struct vireo_error *err)
{
    struct query_io *io = p;
    int n = 0;

    for (struct network_obj *o = test_networks_of(st)->list;
         o != NULL && n < io->maxnames; o = o->next) {
        if (o->is_active != io->is_active)
            continue;
        if ((io->names[n] = strdup(o->def->name)) == NULL) {
            while (n > 0)
                free(io->names[--n]);
            return error_no_memory(err);
        }
        n++;
    }
    return n;
}

static int
count(struct vireo_conn *conn, bool is_active, struct vireo_error *err)
{
    struct query_io io = { .conn = conn, .is_active = is_active };

    return test_call(conn, op_count, &io, err);
}

static int
names(struct vireo_conn *conn, bool is_active, char **out, int maxnames,
      struct vireo_error *err)
{
    struct query_io io = { .conn = conn, .is_active = is_active,
                           .names = out, .maxnames = maxnames };

    return test_call(conn, op_names, &io, err);
}

int
testdrv_connect_num_of_networks(struct vireo_conn *conn,
                                struct vireo_error *err)
{
    return count(conn, true, err);
}

int
testdrv_connect_num_of_defined_networks(struct vireo_conn *conn,
                                        struct vireo_error *err)
{
    return count(conn, false, err);
}

int
testdrv_connect_list_networks(struct vireo_conn *conn, char **out,
                              int maxnames, struct vireo_error *err)
{
    return names(conn, true, out, maxnames, err);
}

int
testdrv_connect_list_defined_networks(struct vireo_conn *conn, char **out,
                                      int maxnames, struct vireo_error *err)
{
    return names(conn, false, out, maxnames, err);
}

static int
op_list_all(struct test_state *st, void *p, struct vireo_error *err)
{
    struct query_io *io = p;
    int n = 0, cap = 0;

    if (error_check_flags(err, VIR_FROM_NETWORK, io->flags, LIST_FILTERS_ALL,
                          "testConnectListAllNetworks") < 0)
        return -1;
    for (struct network_obj *o = test_networks_of(st)->list; o; o = o->next)
        cap += network_obj_is_listed(o, io->flags);
    if (!io->wants_handles)
        return cap;
    io->nets = calloc((size_t)cap + 1, sizeof(*io->nets));
    if (io->nets == NULL)
        return error_no_memory(err);
    for (struct network_obj *o = test_networks_of(st)->list; o; o = o->next) {
        if (!network_obj_is_listed(o, io->flags))
            continue;
        io->nets[n] = handle_network_new(io->conn, o->def->name,
                                         o->def->uuid, err);
        if (io->nets[n++] == NULL) {
            handle_network_array_free(io->nets, n - 1);
            io->nets = NULL;
            return -1;
        }
    }
    return n;
}

int
testdrv_connect_list_all_networks(struct vireo_conn *conn,
                                  struct vireo_network ***nets,
                                  unsigned flags, struct vireo_error *err)
{
    struct query_io io = { .conn = conn, .flags = flags,
                           .wants_handles = nets != NULL };
    int n = test_call(conn, op_list_all, &io, err);

    if (nets != NULL)
        *nets = n >= 0 ? io.nets : NULL;
    return n;
}

/* ---- Lookups ---------------------------------------------------------- */

static int
op_lookup(struct test_state *st, void *p, struct vireo_error *err)
{
    struct query_io *io = p;
    struct network_obj *o = io->name != NULL
        ? test_networks_by_name(test_networks_of(st), io->name, err)
        : test_networks_by_uuid(test_networks_of(st), io->uuid, err);

    if (o == NULL)
        return -1;
    io->result = handle_network_new(io->conn, o->def->name, o->def->uuid,
                                    err);
    return io->result != NULL ? 0 : -1;
}

struct vireo_network *
testdrv_network_lookup_by_name(struct vireo_conn *conn, const char *name,
                               struct vireo_error *err)
{
    struct query_io io = { .conn = conn, .name = name };

    test_call(conn, op_lookup, &io, err);
    return io.result;
}

struct vireo_network *
testdrv_network_lookup_by_uuid(struct vireo_conn *conn,
                               const unsigned char *uuid,
                               struct vireo_error *err)
{
    struct query_io io = { .conn = conn, .uuid = uuid };

    test_call(conn, op_lookup, &io, err);
    return io.result;
}

/* ---- One network ------------------------------------------------------ */

static int
op_xml_desc(struct test_state *st, void *p, struct vireo_error *err)
{
    struct query_io *io = p;
    struct network_obj *o;

    /* libvirt's test driver takes no flags here, not even INACTIVE. */
    if (error_check_flags(err, VIR_FROM_NETWORK, io->flags, 0,
                          "testNetworkGetXMLDesc") < 0 ||
        (o = test_networks_by_name(test_networks_of(st), io->net->name,
                                   err)) == NULL)
        return -1;
    io->text = network_def_format(o->def);
    return io->text != NULL ? 0 : error_no_memory(err);
}

static int
op_bridge_name(struct test_state *st, void *p, struct vireo_error *err)
{
    struct query_io *io = p;
    struct network_obj *o = test_networks_by_name(test_networks_of(st),
                                                  io->net->name, err);

    if (o == NULL)
        return -1;
    if (o->def->bridge == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK,
                         "network '%s' does not have a bridge name.",
                         o->def->name);
    io->text = strdup(o->def->bridge);
    return io->text != NULL ? 0 : error_no_memory(err);
}

static int
op_get_autostart(struct test_state *st, void *p, struct vireo_error *err)
{
    struct query_io *io = p;
    struct network_obj *o = test_networks_by_name(test_networks_of(st),
                                                  io->net->name, err);

    if (o == NULL)
        return -1;
    io->value = o->is_autostart;
    return 0;
}

static int
op_set_autostart(struct test_state *st, void *p, struct vireo_error *err)
{
    struct query_io *io = p;
    struct network_obj *o = test_networks_by_name(test_networks_of(st),
                                                  io->net->name, err);

    if (o == NULL)
        return -1;
    o->is_autostart = io->value != 0;
    return 0;
}

static int
op_is_active(struct test_state *st, void *p, struct vireo_error *err)
{
    struct query_io *io = p;
    struct network_obj *o = test_networks_by_uuid(test_networks_of(st),
                                                  io->net->uuid, err);

    return o == NULL ? -1 : o->is_active;
}

static int
op_is_persistent(struct test_state *st, void *p, struct vireo_error *err)
{
    struct query_io *io = p;
    struct network_obj *o = test_networks_by_uuid(test_networks_of(st),
                                                  io->net->uuid, err);

    return o == NULL ? -1 : o->is_persistent;
}

/* Run op about net with value and flags; io's outputs in *out. */
static int
about(struct vireo_network *net, test_op op, int value, unsigned flags,
      struct query_io *out, struct vireo_error *err)
{
    *out = (struct query_io){ .conn = net->conn, .net = net, .value = value,
                              .flags = flags };
    return test_call(net->conn, op, out, err);
}

char *
testdrv_network_get_xml_desc(struct vireo_network *net, unsigned flags,
                             struct vireo_error *err)
{
    struct query_io io;

    return about(net, op_xml_desc, 0, flags, &io, err) < 0 ? NULL : io.text;
}

char *
testdrv_network_get_bridge_name(struct vireo_network *net,
                                struct vireo_error *err)
{
    struct query_io io;

    return about(net, op_bridge_name, 0, 0, &io, err) < 0 ? NULL : io.text;
}

int
testdrv_network_get_autostart(struct vireo_network *net, int *autostart,
                              struct vireo_error *err)
{
    struct query_io io;

    if (about(net, op_get_autostart, 0, 0, &io, err) < 0)
        return -1;
    *autostart = io.value;
    return 0;
}

int
testdrv_network_set_autostart(struct vireo_network *net, int autostart,
                              struct vireo_error *err)
{
    struct query_io io;

    return about(net, op_set_autostart, autostart, 0, &io, err);
}

int
testdrv_network_is_active(struct vireo_network *net, struct vireo_error *err)
{
    struct query_io io;

    return about(net, op_is_active, 0, 0, &io, err);
}

int
testdrv_network_is_persistent(struct vireo_network *net,
                              struct vireo_error *err)
{
    struct query_io io;

    return about(net, op_is_persistent, 0, 0, &io, err);
}

/* ---- Events ----------------------------------------------------------- */

static int
op_register(struct test_state *st, void *p, struct vireo_error *err)
{
    struct query_io *io = p;

    return object_event_register(test_networks_of(st)->events, io->conn,
                                 NULL, io->net != NULL ? io->net->uuid : NULL,
                                 io->event_id, OBJECT_EVENT_CB(io->cb),
                                 io->opaque, io->free_cb, err);
}

static int
op_deregister(struct test_state *st, void *p, struct vireo_error *err)
{
    struct query_io *io = p;

    return object_event_deregister(test_networks_of(st)->events, io->conn,
                                   io->value, err);
}

int
testdrv_network_event_register_any(struct vireo_conn *conn,
                                   struct vireo_network *net, int event_id,
                                   vireo_network_event_generic_cb cb,
                                   void *opaque, vireo_free_cb free_cb,
                                   struct vireo_error *err)
{
    struct query_io io = { .conn = conn, .net = net, .event_id = event_id,
                           .cb = cb, .opaque = opaque, .free_cb = free_cb };

    return test_call(conn, op_register, &io, err);
}

int
testdrv_network_event_deregister_any(struct vireo_conn *conn,
                                     int callback_id,
                                     struct vireo_error *err)
{
    struct query_io io = { .conn = conn, .value = callback_id };

    return test_call(conn, op_deregister, &io, err);
}
