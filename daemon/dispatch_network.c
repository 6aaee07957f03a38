/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_network.c: handlers of the network procedures (libvirt's
 * virNetwork* calls). Driver threads, as every handler.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_network.h"
#include "daemon/dispatch_slots.h"
#include "drivers/network_handle.h"

/* ---- Handles to and from the wire ------------------------------------- */

struct vireo_network *
dispatch_net_get(struct vireo_conn *conn, const remote_nonnull_network *wire,
                 struct vireo_error *err)
{
    return handle_network_new(conn, wire->name,
                              (const unsigned char *)wire->uuid, err);
}

int
dispatch_net_put(remote_nonnull_network *wire, struct vireo_network *net,
                 struct vireo_error *err)
{
    if (net == NULL)
        return -1;
    wire->name = strdup(net->name);
    memcpy(wire->uuid, net->uuid, sizeof(wire->uuid));
    handle_network_unref(net);
    return wire->name != NULL ? 0 : error_no_memory(err);
}

/* In a handler: a handle on the network wire names bound to net while
 * call is evaluated; returns call's value. */
#define WITH_NET(conn, wire, err, net, call)                             \
    do {                                                                 \
        int rc_;                                                         \
        struct vireo_network *net = dispatch_net_get(conn, wire, err);   \
        if (net == NULL)                                                 \
            return -1;                                                   \
        rc_ = (call);                                                    \
        handle_network_unref(net);                                       \
        return rc_;                                                      \
    } while (0)

#define NEED(conn, slot, api, err) DISPATCH_NEED_AS(conn, slot, api, err)

/* ---- Counts and lists ------------------------------------------------- */

static int
put_count(int n, int *out)
{
    if (n < 0)
        return -1;
    *out = n;
    return 0;
}

int
dispatch_connect_num_of_networks(struct vireo_conn *conn, const void *args,
                                 void *ret, struct vireo_error *err)
{
    remote_connect_num_of_networks_ret *r = ret;

    (void)args;
    if (NEED(conn, connect_num_of_networks, "virConnectNumOfNetworks",
             err) < 0)
        return -1;
    return put_count(conn->driver->connect_num_of_networks(conn, err),
                     &r->num);
}

int
dispatch_connect_num_of_defined_networks(struct vireo_conn *conn,
                                         const void *args, void *ret,
                                         struct vireo_error *err)
{
    remote_connect_num_of_defined_networks_ret *r = ret;

    (void)args;
    if (NEED(conn, connect_num_of_defined_networks,
             "virConnectNumOfDefinedNetworks", err) < 0)
        return -1;
    return put_count(conn->driver->connect_num_of_defined_networks(conn, err),
                     &r->num);
}

/* The names a list slot gives, up to maxnames, into *val and *len. */
static int
list_names(struct vireo_conn *conn,
           int (*slot)(struct vireo_conn *, char **, int,
                       struct vireo_error *),
           int maxnames, char ***val, u_int *len, struct vireo_error *err)
{
    int n;

    if (maxnames > REMOTE_NETWORK_NAME_LIST_MAX)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC, "%s",
                         "maxnames > REMOTE_NETWORK_NAME_LIST_MAX");
    if (maxnames < 0)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_RPC, "%s",
                         "maxnames must not be negative");
    *val = calloc((size_t)maxnames + 1, sizeof(char *));
    if (*val == NULL)
        return error_no_memory(err);
    n = slot(conn, *val, maxnames, err);
    if (n < 0)
        return -1;
    *len = (u_int)n;
    return 0;
}

int
dispatch_connect_list_networks(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_connect_list_networks_args *a = args;
    remote_connect_list_networks_ret *r = ret;

    if (NEED(conn, connect_list_networks, "virConnectListNetworks", err) < 0)
        return -1;
    return list_names(conn, conn->driver->connect_list_networks, a->maxnames,
                      &r->names.names_val, &r->names.names_len, err);
}

int
dispatch_connect_list_defined_networks(struct vireo_conn *conn,
                                       const void *args, void *ret,
                                       struct vireo_error *err)
{
    const remote_connect_list_defined_networks_args *a = args;
    remote_connect_list_defined_networks_ret *r = ret;

    if (NEED(conn, connect_list_defined_networks,
             "virConnectListDefinedNetworks", err) < 0)
        return -1;
    return list_names(conn, conn->driver->connect_list_defined_networks,
                      a->maxnames, &r->names.names_val, &r->names.names_len,
                      err);
}

int
dispatch_connect_list_all_networks(struct vireo_conn *conn, const void *args,
                                   void *ret, struct vireo_error *err)
{
    const remote_connect_list_all_networks_args *a = args;
    remote_connect_list_all_networks_ret *r = ret;
    struct vireo_network **nets = NULL;
    int n, rc = 0;

    if (NEED(conn, connect_list_all_networks, "virConnectListAllNetworks",
             err) < 0)
        return -1;
    n = conn->driver->connect_list_all_networks(
        conn, a->need_results ? &nets : NULL, a->flags, err);
    if (n < 0)
        return -1;
    if (n > REMOTE_NETWORK_LIST_MAX)
        rc = error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                       "too many networks: %d for a limit of %d", n,
                       REMOTE_NETWORK_LIST_MAX);
    r->ret = (u_int)n;
    if (nets != NULL && rc == 0) {
        r->nets.nets_val = calloc((size_t)n + 1, sizeof(*r->nets.nets_val));
        if (r->nets.nets_val == NULL)
            rc = error_no_memory(err);
    }
    for (int i = 0; nets != NULL && i < n; i++) {
        if (rc < 0) {
            handle_network_unref(nets[i]);
            continue;
        }
        rc = dispatch_net_put(&r->nets.nets_val[i], nets[i], err);
        r->nets.nets_len = (u_int)i + 1;
    }
    free(nets);
    return rc;
}

/* ---- Lookups, define, create ------------------------------------------ */

int
dispatch_network_lookup_by_name(struct vireo_conn *conn, const void *args,
                                void *ret, struct vireo_error *err)
{
    const remote_network_lookup_by_name_args *a = args;
    remote_network_lookup_by_name_ret *r = ret;

    if (NEED(conn, network_lookup_by_name, "virNetworkLookupByName",
             err) < 0)
        return -1;
    return dispatch_net_put(&r->net, conn->driver->network_lookup_by_name(
                                         conn, a->name, err), err);
}

int
dispatch_network_lookup_by_uuid(struct vireo_conn *conn, const void *args,
                                void *ret, struct vireo_error *err)
{
    const remote_network_lookup_by_uuid_args *a = args;
    remote_network_lookup_by_uuid_ret *r = ret;

    if (NEED(conn, network_lookup_by_uuid, "virNetworkLookupByUUID",
             err) < 0)
        return -1;
    return dispatch_net_put(&r->net, conn->driver->network_lookup_by_uuid(
        conn, (const unsigned char *)a->uuid, err), err);
}

static int
define(struct vireo_conn *conn, const char *xml, unsigned flags,
       remote_nonnull_network *out, struct vireo_error *err)
{
    if (NEED(conn, network_define_xml, "virNetworkDefineXML", err) < 0)
        return -1;
    return dispatch_net_put(out, conn->driver->network_define_xml(
                                     conn, xml, flags, err), err);
}

static int
create(struct vireo_conn *conn, const char *xml, unsigned flags,
       remote_nonnull_network *out, struct vireo_error *err)
{
    if (NEED(conn, network_create_xml, "virNetworkCreateXML", err) < 0)
        return -1;
    return dispatch_net_put(out, conn->driver->network_create_xml(
                                     conn, xml, flags, err), err);
}

int
dispatch_network_define_xml(struct vireo_conn *conn, const void *args,
                            void *ret, struct vireo_error *err)
{
    const remote_network_define_xml_args *a = args;

    return define(conn, a->xml, 0,
                  &((remote_network_define_xml_ret *)ret)->net, err);
}

int
dispatch_network_define_xml_flags(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const remote_network_define_xml_flags_args *a = args;

    return define(conn, a->xml, a->flags,
                  &((remote_network_define_xml_flags_ret *)ret)->net, err);
}

int
dispatch_network_create_xml(struct vireo_conn *conn, const void *args,
                            void *ret, struct vireo_error *err)
{
    const remote_network_create_xml_args *a = args;

    return create(conn, a->xml, 0,
                  &((remote_network_create_xml_ret *)ret)->net, err);
}

int
dispatch_network_create_xml_flags(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const remote_network_create_xml_flags_args *a = args;

    return create(conn, a->xml, a->flags,
                  &((remote_network_create_xml_flags_ret *)ret)->net, err);
}

/* ---- Calls on one network --------------------------------------------- */

/* The calls that take a network and nothing else. */
#define NET_ONLY(fn, type, slot, api)                                    \
    int fn(struct vireo_conn *conn, const void *args, void *ret,         \
           struct vireo_error *err)                                      \
    {                                                                    \
        const type *a = args;                                            \
        (void)ret;                                                       \
        if (NEED(conn, slot, api, err) < 0)                              \
            return -1;                                                   \
        WITH_NET(conn, &a->net, err, net, conn->driver->slot(net, err)); \
    }

NET_ONLY(dispatch_network_undefine, remote_network_undefine_args,
         network_undefine, "virNetworkUndefine")
NET_ONLY(dispatch_network_create, remote_network_create_args,
         network_create, "virNetworkCreate")
NET_ONLY(dispatch_network_destroy, remote_network_destroy_args,
         network_destroy, "virNetworkDestroy")

int
dispatch_network_update(struct vireo_conn *conn, const void *args,
                        void *ret, struct vireo_error *err)
{
    const remote_network_update_args *a = args;

    (void)ret;
    if (NEED(conn, network_update, "virNetworkUpdate", err) < 0)
        return -1;
    WITH_NET(conn, &a->net, err, net,
             conn->driver->network_update(net, a->command, a->section,
                                          a->parentIndex, a->xml, a->flags,
                                          err));
}

int
dispatch_network_get_xml_desc(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    const remote_network_get_xml_desc_args *a = args;
    remote_network_get_xml_desc_ret *r = ret;

    if (NEED(conn, network_get_xml_desc, "virNetworkGetXMLDesc", err) < 0)
        return -1;
    WITH_NET(conn, &a->net, err, net,
             dispatch_take_string(&r->xml, conn->driver->network_get_xml_desc(
                                               net, a->flags, err)));
}

int
dispatch_network_get_bridge_name(struct vireo_conn *conn, const void *args,
                                 void *ret, struct vireo_error *err)
{
    const remote_network_get_bridge_name_args *a = args;
    remote_network_get_bridge_name_ret *r = ret;

    if (NEED(conn, network_get_bridge_name, "virNetworkGetBridgeName",
             err) < 0)
        return -1;
    WITH_NET(conn, &a->net, err, net,
             dispatch_take_string(&r->name,
                                  conn->driver->network_get_bridge_name(
                                      net, err)));
}

int
dispatch_network_get_autostart(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_network_get_autostart_args *a = args;
    remote_network_get_autostart_ret *r = ret;

    if (NEED(conn, network_get_autostart, "virNetworkGetAutostart", err) < 0)
        return -1;
    WITH_NET(conn, &a->net, err, net,
             conn->driver->network_get_autostart(net, &r->autostart, err));
}

int
dispatch_network_set_autostart(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_network_set_autostart_args *a = args;

    (void)ret;
    if (NEED(conn, network_set_autostart, "virNetworkSetAutostart", err) < 0)
        return -1;
    WITH_NET(conn, &a->net, err, net,
             conn->driver->network_set_autostart(net, a->autostart, err));
}

int
dispatch_network_is_active(struct vireo_conn *conn, const void *args,
                           void *ret, struct vireo_error *err)
{
    const remote_network_is_active_args *a = args;
    remote_network_is_active_ret *r = ret;

    if (NEED(conn, network_is_active, "virNetworkIsActive", err) < 0)
        return -1;
    WITH_NET(conn, &a->net, err, net,
             put_count(conn->driver->network_is_active(net, err),
                       &r->active));
}

int
dispatch_network_is_persistent(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_network_is_persistent_args *a = args;
    remote_network_is_persistent_ret *r = ret;

    if (NEED(conn, network_is_persistent, "virNetworkIsPersistent", err) < 0)
        return -1;
    WITH_NET(conn, &a->net, err, net,
             put_count(conn->driver->network_is_persistent(net, err),
                       &r->persistent));
}
