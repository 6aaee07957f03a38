/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_network.c: the network slots over the wire, one remote call
 * each.
 */
#include <rpc/xdr.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/network_handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"

void
remote_network_to_wire(const struct vireo_network *net,
                       remote_nonnull_network *out)
{
    out->name = net->name;
    memcpy(out->uuid, net->uuid, sizeof(out->uuid));
}

struct vireo_network *
remote_network_from_wire(struct vireo_conn *conn,
                         const remote_nonnull_network *in,
                         struct vireo_error *err)
{
    return handle_network_new(conn, in->name,
                              (const unsigned char *)in->uuid, err);
}

/* ---- Counts and lists ------------------------------------------------- */

static int
count(struct vireo_conn *conn, int proc, struct vireo_error *err)
{
    remote_connect_num_of_networks_ret ret = { 0 };

    /* Both count replies are one int. */
    if (remote_call(conn, proc, NULL, &ret, err) < 0)
        return -1;
    return ret.num;
}

int
remotedrv_connect_num_of_networks(struct vireo_conn *conn,
                                  struct vireo_error *err)
{
    return count(conn, REMOTE_PROC_CONNECT_NUM_OF_NETWORKS, err);
}

int
remotedrv_connect_num_of_defined_networks(struct vireo_conn *conn,
                                          struct vireo_error *err)
{
    return count(conn, REMOTE_PROC_CONNECT_NUM_OF_DEFINED_NETWORKS, err);
}

static int
names(struct vireo_conn *conn, int proc, char **out, int maxnames,
      struct vireo_error *err)
{
    remote_connect_list_networks_args args = { maxnames };
    remote_connect_list_networks_ret ret;
    u_int n;

    /* Both list calls take and give the same shapes. */
    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, proc, &args, &ret, err) < 0)
        return -1;
    n = ret.names.names_len;
    if (n > (u_int)maxnames) {
        xdr_free((xdrproc_t)xdr_remote_connect_list_networks_ret, &ret);
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC, "%s",
                         "too many remote networks");
    }
    for (u_int i = 0; i < n; i++) {
        out[i] = ret.names.names_val[i];   /* taken over */
        ret.names.names_val[i] = NULL;
    }
    free(ret.names.names_val);
    return (int)n;
}

int
remotedrv_connect_list_networks(struct vireo_conn *conn, char **out,
                                int maxnames, struct vireo_error *err)
{
    return names(conn, REMOTE_PROC_CONNECT_LIST_NETWORKS, out, maxnames, err);
}

int
remotedrv_connect_list_defined_networks(struct vireo_conn *conn, char **out,
                                        int maxnames, struct vireo_error *err)
{
    return names(conn, REMOTE_PROC_CONNECT_LIST_DEFINED_NETWORKS, out,
                 maxnames, err);
}

static int
collect(struct vireo_conn *conn, const remote_connect_list_all_networks_ret *r,
        struct vireo_network ***nets, struct vireo_error *err)
{
    u_int n = r->nets.nets_len;
    struct vireo_network **out = calloc(n + 1, sizeof(*out));

    if (out == NULL)
        return error_no_memory(err);
    for (u_int i = 0; i < n; i++) {
        out[i] = remote_network_from_wire(conn, &r->nets.nets_val[i], err);
        if (out[i] == NULL) {
            handle_network_array_free(out, (int)i);
            return -1;
        }
    }
    *nets = out;
    return (int)n;
}

int
remotedrv_connect_list_all_networks(struct vireo_conn *conn,
                                    struct vireo_network ***nets,
                                    unsigned flags, struct vireo_error *err)
{
    remote_connect_list_all_networks_args args = { nets != NULL, flags };
    remote_connect_list_all_networks_ret ret;
    int n;

    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, REMOTE_PROC_CONNECT_LIST_ALL_NETWORKS, &args, &ret,
                    err) < 0)
        return -1;
    n = nets != NULL ? collect(conn, &ret, nets, err) : (int)ret.ret;
    xdr_free((xdrproc_t)xdr_remote_connect_list_all_networks_ret, &ret);
    return n;
}

/* ---- Calls that answer with a network --------------------------------- */

/* Every such reply is one remote_nonnull_network: a handle on it. */
static struct vireo_network *
one(struct vireo_conn *conn, int proc, const void *args,
    struct vireo_error *err)
{
    remote_network_lookup_by_name_ret ret;
    struct vireo_network *net;

    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, proc, args, &ret, err) < 0)
        return NULL;
    net = remote_network_from_wire(conn, &ret.net, err);
    xdr_free((xdrproc_t)xdr_remote_network_lookup_by_name_ret, &ret);
    return net;
}

struct vireo_network *
remotedrv_network_lookup_by_name(struct vireo_conn *conn, const char *name,
                                 struct vireo_error *err)
{
    remote_network_lookup_by_name_args args = { (char *)name };

    return one(conn, REMOTE_PROC_NETWORK_LOOKUP_BY_NAME, &args, err);
}

struct vireo_network *
remotedrv_network_lookup_by_uuid(struct vireo_conn *conn,
                                 const unsigned char *uuid,
                                 struct vireo_error *err)
{
    remote_network_lookup_by_uuid_args args;

    memcpy(args.uuid, uuid, sizeof(args.uuid));
    return one(conn, REMOTE_PROC_NETWORK_LOOKUP_BY_UUID, &args, err);
}

/* The flags variants when there are flags, the old calls otherwise, as
 * libvirt's remote driver does, so that old daemons still understand. */
struct vireo_network *
remotedrv_network_define_xml(struct vireo_conn *conn, const char *xml,
                             unsigned flags, struct vireo_error *err)
{
    remote_network_define_xml_flags_args args = { (char *)xml, flags };

    if (flags == 0)
        return one(conn, REMOTE_PROC_NETWORK_DEFINE_XML, &args.xml, err);
    return one(conn, REMOTE_PROC_NETWORK_DEFINE_XML_FLAGS, &args, err);
}

struct vireo_network *
remotedrv_network_create_xml(struct vireo_conn *conn, const char *xml,
                             unsigned flags, struct vireo_error *err)
{
    remote_network_create_xml_flags_args args = { (char *)xml, flags };

    if (flags == 0)
        return one(conn, REMOTE_PROC_NETWORK_CREATE_XML, &args.xml, err);
    return one(conn, REMOTE_PROC_NETWORK_CREATE_XML_FLAGS, &args, err);
}

/* ---- Calls on one network --------------------------------------------- */

/* The calls whose arguments are the network alone, with no reply. */
static int
on_net(struct vireo_network *net, int proc, struct vireo_error *err)
{
    remote_network_undefine_args args;

    remote_network_to_wire(net, &args.net);
    return remote_call(net->conn, proc, &args, NULL, err);
}

int
remotedrv_network_undefine(struct vireo_network *net, struct vireo_error *err)
{
    return on_net(net, REMOTE_PROC_NETWORK_UNDEFINE, err);
}

int
remotedrv_network_create(struct vireo_network *net, struct vireo_error *err)
{
    return on_net(net, REMOTE_PROC_NETWORK_CREATE, err);
}

int
remotedrv_network_destroy(struct vireo_network *net, struct vireo_error *err)
{
    return on_net(net, REMOTE_PROC_NETWORK_DESTROY, err);
}

int
remotedrv_network_update(struct vireo_network *net, unsigned command,
                         unsigned section, int parent_index, const char *xml,
                         unsigned flags, struct vireo_error *err)
{
    remote_network_update_args args = {
        .command = command, .section = section, .parentIndex = parent_index,
        .xml = (char *)xml, .flags = flags,
    };

    remote_network_to_wire(net, &args.net);
    return remote_call(net->conn, REMOTE_PROC_NETWORK_UPDATE, &args, NULL,
                       err);
}

char *
remotedrv_network_get_xml_desc(struct vireo_network *net, unsigned flags,
                               struct vireo_error *err)
{
    remote_network_get_xml_desc_args args = { .flags = flags };
    remote_network_get_xml_desc_ret ret = { 0 };

    remote_network_to_wire(net, &args.net);
    if (remote_call(net->conn, REMOTE_PROC_NETWORK_GET_XML_DESC, &args, &ret,
                    err) < 0)
        return NULL;
    return ret.xml;
}

char *
remotedrv_network_get_bridge_name(struct vireo_network *net,
                                  struct vireo_error *err)
{
    remote_network_get_bridge_name_args args;
    remote_network_get_bridge_name_ret ret = { 0 };

    remote_network_to_wire(net, &args.net);
    if (remote_call(net->conn, REMOTE_PROC_NETWORK_GET_BRIDGE_NAME, &args,
                    &ret, err) < 0)
        return NULL;
    return ret.name;
}

/* The calls whose arguments are the network alone and whose reply is one
 * int (autostart, active, persistent). */
static int
query(struct vireo_network *net, int proc, int *out, struct vireo_error *err)
{
    remote_network_is_active_args args;
    remote_network_is_active_ret ret = { 0 };

    remote_network_to_wire(net, &args.net);
    if (remote_call(net->conn, proc, &args, &ret, err) < 0)
        return -1;
    *out = ret.active;
    return 0;
}

int
remotedrv_network_get_autostart(struct vireo_network *net, int *autostart,
                                struct vireo_error *err)
{
    return query(net, REMOTE_PROC_NETWORK_GET_AUTOSTART, autostart, err);
}

int
remotedrv_network_set_autostart(struct vireo_network *net, int autostart,
                                struct vireo_error *err)
{
    remote_network_set_autostart_args args = { .autostart = autostart };

    remote_network_to_wire(net, &args.net);
    return remote_call(net->conn, REMOTE_PROC_NETWORK_SET_AUTOSTART, &args,
                       NULL, err);
}

int
remotedrv_network_is_active(struct vireo_network *net,
                            struct vireo_error *err)
{
    int active;

    return query(net, REMOTE_PROC_NETWORK_IS_ACTIVE, &active, err) < 0
           ? -1 : active;
}

int
remotedrv_network_is_persistent(struct vireo_network *net,
                                struct vireo_error *err)
{
    int persistent;

    return query(net, REMOTE_PROC_NETWORK_IS_PERSISTENT, &persistent, err) < 0
           ? -1 : persistent;
}
