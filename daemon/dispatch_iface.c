/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_iface.c: handlers of the host interface procedures. An
 * interface travels as its name and MAC address; the driver goes by the
 * name. Driver threads.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_names.h"
#include "daemon/dispatch_slots.h"
#include "drivers/interface_handle.h"

#define IFACE_LIST_MAX 16384        /* REMOTE_INTERFACE_LIST_MAX */

/* A handle on the interface the wire names, or NULL with err set. */
static struct vireo_interface *
iface_get(struct vireo_conn *conn, const remote_nonnull_interface *wire,
          struct vireo_error *err)
{
    return handle_iface_new(conn, wire->name, wire->mac, err);
}

/* Fill *wire from iface (malloc'ed, for xdr_free) and unref iface, which
 * may be NULL (the driver failed: returns -1). */
static int
iface_put(remote_nonnull_interface *wire, struct vireo_interface *iface,
          struct vireo_error *err)
{
    int rc = 0;

    if (iface == NULL)
        return -1;
    wire->name = strdup(iface->name);
    wire->mac = strdup(iface->mac);
    if (wire->name == NULL || wire->mac == NULL)
        rc = error_no_memory(err);
    handle_iface_unref(iface);
    return rc;
}

/* In a handler: evaluate call with iface bound to the interface the wire
 * names, then drop it and return call's value. */
#define WITH_IFACE(conn, wire, err, iface, call)                         \
    do {                                                                 \
        int rc_;                                                         \
        struct vireo_interface *iface = iface_get(conn, wire, err);      \
        if (iface == NULL)                                               \
            return -1;                                                   \
        rc_ = (call);                                                    \
        handle_iface_unref(iface);                                       \
        return rc_;                                                      \
    } while (0)

static int
put_int(int n, int *out)
{
    if (n < 0)
        return -1;
    *out = n;
    return 0;
}

int
dispatch_connect_num_of_interfaces(struct vireo_conn *conn, const void *args,
                                   void *ret, struct vireo_error *err)
{
    remote_connect_num_of_interfaces_ret *r = ret;

    if (DISPATCH_NEED(conn, connect_num_of_interfaces, err) < 0)
        return -1;
    return put_int(conn->driver->connect_num_of_interfaces(conn, err),
                   &r->num);
}

int
dispatch_connect_num_of_defined_interfaces(struct vireo_conn *conn,
                                           const void *args, void *ret,
                                           struct vireo_error *err)
{
    remote_connect_num_of_defined_interfaces_ret *r = ret;

    if (DISPATCH_NEED(conn, connect_num_of_defined_interfaces, err) < 0)
        return -1;
    return put_int(conn->driver->connect_num_of_defined_interfaces(conn,
                                                                   err),
                   &r->num);
}

int
dispatch_connect_list_interfaces(struct vireo_conn *conn, const void *args,
                                 void *ret, struct vireo_error *err)
{
    const remote_connect_list_interfaces_args *a = args;
    remote_connect_list_interfaces_ret *r = ret;
    char **names;

    if (dispatch_names_check(a->maxnames, IFACE_LIST_MAX,
                             "REMOTE_INTERFACE_LIST_MAX", err) < 0 ||
        DISPATCH_NEED(conn, connect_list_interfaces, err) < 0 ||
        (names = dispatch_names_buffer(a->maxnames, err)) == NULL)
        return -1;
    return dispatch_names_put(names,
                              conn->driver->connect_list_interfaces(
                                  conn, names, a->maxnames, err),
                              &r->names.names_val, &r->names.names_len);
}

int
dispatch_connect_list_defined_interfaces(struct vireo_conn *conn,
                                         const void *args, void *ret,
                                         struct vireo_error *err)
{
    const remote_connect_list_defined_interfaces_args *a = args;
    remote_connect_list_defined_interfaces_ret *r = ret;
    char **names;

    if (dispatch_names_check(a->maxnames, IFACE_LIST_MAX,
                             "REMOTE_INTERFACE_LIST_MAX", err) < 0 ||
        DISPATCH_NEED(conn, connect_list_defined_interfaces, err) < 0 ||
        (names = dispatch_names_buffer(a->maxnames, err)) == NULL)
        return -1;
    return dispatch_names_put(names,
                              conn->driver->connect_list_defined_interfaces(
                                  conn, names, a->maxnames, err),
                              &r->names.names_val, &r->names.names_len);
}

static int
put_listed(void *wire, int i, void *handles, struct vireo_error *err)
{
    struct vireo_interface **ifaces = handles;

    return iface_put(wire, handle_iface_ref(ifaces[i]), err);
}

int
dispatch_connect_list_all_interfaces(struct vireo_conn *conn,
                                     const void *args, void *ret,
                                     struct vireo_error *err)
{
    const remote_connect_list_all_interfaces_args *a = args;
    remote_connect_list_all_interfaces_ret *r = ret;
    struct vireo_interface **ifaces = NULL;
    int n, rc;

    if (DISPATCH_NEED(conn, connect_list_all_interfaces, err) < 0)
        return -1;
    n = conn->driver->connect_list_all_interfaces(
        conn, a->need_results ? &ifaces : NULL, a->flags, err);
    if (n < 0)
        return -1;
    r->ret = (u_int)n;
    r->ifaces.ifaces_val = dispatch_list_fill(
        n, IFACE_LIST_MAX, "interfaces", sizeof(*r->ifaces.ifaces_val),
        put_listed, ifaces, &r->ifaces.ifaces_len, &rc, err);
    handle_iface_array_free(ifaces, ifaces != NULL ? n : 0);
    return rc;
}

int
dispatch_interface_lookup_by_name(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const remote_interface_lookup_by_name_args *a = args;
    remote_interface_lookup_by_name_ret *r = ret;

    if (DISPATCH_NEED(conn, interface_lookup_by_name, err) < 0)
        return -1;
    return iface_put(&r->iface,
                     conn->driver->interface_lookup_by_name(conn, a->name,
                                                            err), err);
}

int
dispatch_interface_lookup_by_mac_string(struct vireo_conn *conn,
                                        const void *args, void *ret,
                                        struct vireo_error *err)
{
    const remote_interface_lookup_by_mac_string_args *a = args;
    remote_interface_lookup_by_mac_string_ret *r = ret;

    if (DISPATCH_NEED(conn, interface_lookup_by_mac_string, err) < 0)
        return -1;
    return iface_put(&r->iface,
                     conn->driver->interface_lookup_by_mac_string(
                         conn, a->mac, err), err);
}

int
dispatch_interface_get_xml_desc(struct vireo_conn *conn, const void *args,
                                void *ret, struct vireo_error *err)
{
    const remote_interface_get_xml_desc_args *a = args;
    remote_interface_get_xml_desc_ret *r = ret;

    if (DISPATCH_NEED(conn, interface_get_xml_desc, err) < 0)
        return -1;
    WITH_IFACE(conn, &a->iface, err, iface,
               dispatch_take_string(&r->xml,
                                    conn->driver->interface_get_xml_desc(
                                        iface, a->flags, err)));
}

int
dispatch_interface_define_xml(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    const remote_interface_define_xml_args *a = args;
    remote_interface_define_xml_ret *r = ret;

    if (DISPATCH_NEED(conn, interface_define_xml, err) < 0)
        return -1;
    return iface_put(&r->iface,
                     conn->driver->interface_define_xml(conn, a->xml,
                                                        a->flags, err), err);
}

int
dispatch_interface_undefine(struct vireo_conn *conn, const void *args,
                            void *ret, struct vireo_error *err)
{
    const remote_interface_undefine_args *a = args;

    if (DISPATCH_NEED(conn, interface_undefine, err) < 0)
        return -1;
    WITH_IFACE(conn, &a->iface, err, iface,
               conn->driver->interface_undefine(iface, err));
}

int
dispatch_interface_create(struct vireo_conn *conn, const void *args,
                          void *ret, struct vireo_error *err)
{
    const remote_interface_create_args *a = args;

    if (DISPATCH_NEED(conn, interface_create, err) < 0)
        return -1;
    WITH_IFACE(conn, &a->iface, err, iface,
               conn->driver->interface_create(iface, a->flags, err));
}

int
dispatch_interface_destroy(struct vireo_conn *conn, const void *args,
                           void *ret, struct vireo_error *err)
{
    const remote_interface_destroy_args *a = args;

    if (DISPATCH_NEED(conn, interface_destroy, err) < 0)
        return -1;
    WITH_IFACE(conn, &a->iface, err, iface,
               conn->driver->interface_destroy(iface, a->flags, err));
}

int
dispatch_interface_is_active(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_interface_is_active_args *a = args;
    remote_interface_is_active_ret *r = ret;

    if (DISPATCH_NEED(conn, interface_is_active, err) < 0)
        return -1;
    WITH_IFACE(conn, &a->iface, err, iface,
               put_int(conn->driver->interface_is_active(iface, err),
                       &r->active));
}

int
dispatch_interface_change_begin(struct vireo_conn *conn, const void *args,
                                void *ret, struct vireo_error *err)
{
    const remote_interface_change_begin_args *a = args;

    if (DISPATCH_NEED(conn, interface_change_begin, err) < 0)
        return -1;
    return conn->driver->interface_change_begin(conn, a->flags, err);
}

int
dispatch_interface_change_commit(struct vireo_conn *conn, const void *args,
                                 void *ret, struct vireo_error *err)
{
    const remote_interface_change_commit_args *a = args;

    if (DISPATCH_NEED(conn, interface_change_commit, err) < 0)
        return -1;
    return conn->driver->interface_change_commit(conn, a->flags, err);
}

int
dispatch_interface_change_rollback(struct vireo_conn *conn,
                                   const void *args, void *ret,
                                   struct vireo_error *err)
{
    const remote_interface_change_rollback_args *a = args;

    if (DISPATCH_NEED(conn, interface_change_rollback, err) < 0)
        return -1;
    return conn->driver->interface_change_rollback(conn, a->flags, err);
}
