/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_iface.c: the host interface calls over the wire. An interface
 * goes as its name and MAC address, and comes back as a handle on the
 * caller's connection.
 */
#include <rpc/xdr.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/interface_handle.h"
#include "drivers/remote/remote_names.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"

static void
iface_to_wire(const struct vireo_interface *iface,
              remote_nonnull_interface *out)
{
    out->name = iface->name;
    out->mac = iface->mac;
}

/* A handle on the interface a reply names; the reply is freed
 * (free_fn). */
static struct vireo_interface *
iface_from_reply(struct vireo_conn *conn, void *ret, xdrproc_t free_fn,
                 const remote_nonnull_interface *wire,
                 struct vireo_error *err)
{
    struct vireo_interface *iface =
        handle_iface_new(conn, wire->name, wire->mac, err);

    xdr_free(free_fn, ret);
    return iface;
}

/* Calls whose reply is one interface. */
#define IFACE_CALL(conn, PROC, args, ret_type, err)                        \
    do {                                                                   \
        ret_type ret_;                                                     \
        memset(&ret_, 0, sizeof(ret_));                                    \
        if (remote_call(conn, REMOTE_PROC_##PROC, args, &ret_, err) < 0)   \
            return NULL;                                                   \
        return iface_from_reply(conn, &ret_, (xdrproc_t)xdr_##ret_type,    \
                                &ret_.iface, err);                         \
    } while (0)

/* A count: NUM_OF_INTERFACES or NUM_OF_DEFINED_INTERFACES, whose
 * replies are both one int. */
static int
count(struct vireo_conn *conn, int proc, struct vireo_error *err)
{
    remote_connect_num_of_interfaces_ret ret = { 0 };

    if (remote_call(conn, proc, NULL, &ret, err) < 0)
        return -1;
    return ret.num;
}

int
remotedrv_connect_num_of_interfaces(struct vireo_conn *conn,
                                    struct vireo_error *err)
{
    return count(conn, REMOTE_PROC_CONNECT_NUM_OF_INTERFACES, err);
}

int
remotedrv_connect_num_of_defined_interfaces(struct vireo_conn *conn,
                                            struct vireo_error *err)
{
    return count(conn, REMOTE_PROC_CONNECT_NUM_OF_DEFINED_INTERFACES, err);
}

/* LIST_INTERFACES or LIST_DEFINED_INTERFACES, alike on the wire. */
static int
list_names(struct vireo_conn *conn, int proc, char **names, int maxnames,
           struct vireo_error *err)
{
    remote_connect_list_interfaces_args args = { .maxnames = maxnames };
    remote_connect_list_interfaces_ret ret = { 0 };

    if (remote_call(conn, proc, &args, &ret, err) < 0)
        return -1;
    return remote_names_take(ret.names.names_val, ret.names.names_len,
                             names, maxnames, err);
}

int
remotedrv_connect_list_interfaces(struct vireo_conn *conn, char **names,
                                  int maxnames, struct vireo_error *err)
{
    return list_names(conn, REMOTE_PROC_CONNECT_LIST_INTERFACES, names,
                      maxnames, err);
}

int
remotedrv_connect_list_defined_interfaces(struct vireo_conn *conn,
                                          char **names, int maxnames,
                                          struct vireo_error *err)
{
    return list_names(conn, REMOTE_PROC_CONNECT_LIST_DEFINED_INTERFACES,
                      names, maxnames, err);
}

/* Handles for the interfaces of a list reply, which is freed. */
static int
ifaces_from_reply(struct vireo_conn *conn,
                  remote_connect_list_all_interfaces_ret *ret,
                  struct vireo_interface ***ifaces, struct vireo_error *err)
{
    int n = (int)ret->ifaces.ifaces_len, rc = (int)ret->ret;

    if (ifaces != NULL) {
        *ifaces = calloc((size_t)n + 1, sizeof(**ifaces));
        if (*ifaces == NULL)
            rc = error_no_memory(err);
        for (int i = 0; rc >= 0 && i < n; i++) {
            const remote_nonnull_interface *w = &ret->ifaces.ifaces_val[i];

            (*ifaces)[i] = handle_iface_new(conn, w->name, w->mac, err);
            if ((*ifaces)[i] == NULL) {
                handle_iface_array_free(*ifaces, i);
                *ifaces = NULL;
                rc = -1;
            }
        }
        if (rc >= 0)
            rc = n;
    }
    xdr_free((xdrproc_t)xdr_remote_connect_list_all_interfaces_ret,
             (char *)ret);
    return rc;
}

int
remotedrv_connect_list_all_interfaces(struct vireo_conn *conn,
                                      struct vireo_interface ***ifaces,
                                      unsigned flags,
                                      struct vireo_error *err)
{
    remote_connect_list_all_interfaces_args args = {
        .need_results = ifaces != NULL, .flags = flags,
    };
    remote_connect_list_all_interfaces_ret ret;

    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, REMOTE_PROC_CONNECT_LIST_ALL_INTERFACES, &args,
                    &ret, err) < 0)
        return -1;
    return ifaces_from_reply(conn, &ret, ifaces, err);
}

struct vireo_interface *
remotedrv_interface_lookup_by_name(struct vireo_conn *conn, const char *name,
                                   struct vireo_error *err)
{
    remote_interface_lookup_by_name_args args = { .name = (char *)name };

    IFACE_CALL(conn, INTERFACE_LOOKUP_BY_NAME, &args,
               remote_interface_lookup_by_name_ret, err);
}

struct vireo_interface *
remotedrv_interface_lookup_by_mac_string(struct vireo_conn *conn,
                                         const char *mac,
                                         struct vireo_error *err)
{
    remote_interface_lookup_by_mac_string_args args = { .mac = (char *)mac };

    IFACE_CALL(conn, INTERFACE_LOOKUP_BY_MAC_STRING, &args,
               remote_interface_lookup_by_mac_string_ret, err);
}

struct vireo_interface *
remotedrv_interface_define_xml(struct vireo_conn *conn, const char *xml,
                               unsigned flags, struct vireo_error *err)
{
    remote_interface_define_xml_args args = {
        .xml = (char *)xml, .flags = flags,
    };

    IFACE_CALL(conn, INTERFACE_DEFINE_XML, &args,
               remote_interface_define_xml_ret, err);
}

char *
remotedrv_interface_get_xml_desc(struct vireo_interface *iface,
                                 unsigned flags, struct vireo_error *err)
{
    remote_interface_get_xml_desc_args args = { .flags = flags };
    remote_interface_get_xml_desc_ret ret = { 0 };

    iface_to_wire(iface, &args.iface);
    if (remote_call(iface->conn, REMOTE_PROC_INTERFACE_GET_XML_DESC, &args,
                    &ret, err) < 0)
        return NULL;
    return ret.xml;      /* malloc'ed by the decoder: the caller's now */
}

int
remotedrv_interface_undefine(struct vireo_interface *iface,
                             struct vireo_error *err)
{
    remote_interface_undefine_args args;

    iface_to_wire(iface, &args.iface);
    return remote_call(iface->conn, REMOTE_PROC_INTERFACE_UNDEFINE, &args,
                       NULL, err);
}

int
remotedrv_interface_create(struct vireo_interface *iface, unsigned flags,
                           struct vireo_error *err)
{
    remote_interface_create_args args = { .flags = flags };

    iface_to_wire(iface, &args.iface);
    return remote_call(iface->conn, REMOTE_PROC_INTERFACE_CREATE, &args,
                       NULL, err);
}

int
remotedrv_interface_destroy(struct vireo_interface *iface, unsigned flags,
                            struct vireo_error *err)
{
    remote_interface_destroy_args args = { .flags = flags };

    iface_to_wire(iface, &args.iface);
    return remote_call(iface->conn, REMOTE_PROC_INTERFACE_DESTROY, &args,
                       NULL, err);
}

int
remotedrv_interface_is_active(struct vireo_interface *iface,
                              struct vireo_error *err)
{
    remote_interface_is_active_args args;
    remote_interface_is_active_ret ret = { 0 };

    iface_to_wire(iface, &args.iface);
    if (remote_call(iface->conn, REMOTE_PROC_INTERFACE_IS_ACTIVE, &args,
                    &ret, err) < 0)
        return -1;
    return ret.active;
}

/* BEGIN, COMMIT or ROLLBACK, whose arguments are all the flags alone. */
static int
change(struct vireo_conn *conn, int proc, unsigned flags,
       struct vireo_error *err)
{
    remote_interface_change_begin_args args = { .flags = flags };

    return remote_call(conn, proc, &args, NULL, err);
}

int
remotedrv_interface_change_begin(struct vireo_conn *conn, unsigned flags,
                                 struct vireo_error *err)
{
    return change(conn, REMOTE_PROC_INTERFACE_CHANGE_BEGIN, flags, err);
}

int
remotedrv_interface_change_commit(struct vireo_conn *conn, unsigned flags,
                                  struct vireo_error *err)
{
    return change(conn, REMOTE_PROC_INTERFACE_CHANGE_COMMIT, flags, err);
}

int
remotedrv_interface_change_rollback(struct vireo_conn *conn, unsigned flags,
                                    struct vireo_error *err)
{
    return change(conn, REMOTE_PROC_INTERFACE_CHANGE_ROLLBACK, flags, err);
}
