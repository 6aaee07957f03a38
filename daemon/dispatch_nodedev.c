/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_nodedev.c: handlers of the node device procedures. A device
 * travels as its name; the handler makes a handle of it for the driver
 * (after looking it up, as libvirtd does, so that a missing device is
 * "Node device not found"). Driver threads.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_names.h"
#include "daemon/dispatch_slots.h"
#include "drivers/nodedev_handle.h"

#define DEVICE_LIST_MAX 16384        /* REMOTE_NODE_DEVICE_LIST_MAX */
#define CAPS_LIST_MAX   65536        /* REMOTE_NODE_DEVICE_CAPS_LIST_MAX */

/* The device a call names, looked up by the driver; NULL with err set. */
static struct vireo_node_device *
dev_get(struct vireo_conn *conn, const char *name, struct vireo_error *err)
{
    if (DISPATCH_NEED(conn, node_device_lookup_by_name, err) < 0)
        return NULL;
    return conn->driver->node_device_lookup_by_name(conn, name, err);
}

/* Fill *wire from dev (malloc'ed, for xdr_free) and unref dev, which may
 * be NULL (the driver failed: returns -1). */
static int
dev_put(remote_nonnull_node_device *wire, struct vireo_node_device *dev,
        struct vireo_error *err)
{
    if (dev == NULL)
        return -1;
    wire->name = strdup(dev->name);
    handle_nodedev_unref(dev);
    return wire->name != NULL ? 0 : error_no_memory(err);
}

/* In a handler: evaluate call with dev bound to the named device, then
 * drop it and return call's value. */
#define WITH_DEV(conn, name, err, dev, call)                              \
    do {                                                                  \
        int rc_;                                                          \
        struct vireo_node_device *dev = dev_get(conn, name, err);         \
        if (dev == NULL)                                                  \
            return -1;                                                    \
        rc_ = (call);                                                     \
        handle_nodedev_unref(dev);                                        \
        return rc_;                                                       \
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
dispatch_node_num_of_devices(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_node_num_of_devices_args *a = args;
    remote_node_num_of_devices_ret *r = ret;

    if (DISPATCH_NEED(conn, node_num_of_devices, err) < 0)
        return -1;
    return put_int(conn->driver->node_num_of_devices(
                       conn, a->cap != NULL ? *a->cap : NULL, a->flags, err),
                   &r->num);
}

int
dispatch_node_list_devices(struct vireo_conn *conn, const void *args,
                           void *ret, struct vireo_error *err)
{
    const remote_node_list_devices_args *a = args;
    remote_node_list_devices_ret *r = ret;
    char **names;

    if (dispatch_names_check(a->maxnames, DEVICE_LIST_MAX,
                             "REMOTE_NODE_DEVICE_LIST_MAX", err) < 0 ||
        DISPATCH_NEED(conn, node_list_devices, err) < 0 ||
        (names = dispatch_names_buffer(a->maxnames, err)) == NULL)
        return -1;
    return dispatch_names_put(
        names,
        conn->driver->node_list_devices(conn, a->cap != NULL ? *a->cap : NULL,
                                        names, a->maxnames, a->flags, err),
        &r->names.names_val, &r->names.names_len);
}

static int
put_listed(void *wire, int i, void *handles, struct vireo_error *err)
{
    struct vireo_node_device **devs = handles;

    return dev_put(wire, handle_nodedev_ref(devs[i]), err);
}

int
dispatch_connect_list_all_node_devices(struct vireo_conn *conn,
                                       const void *args, void *ret,
                                       struct vireo_error *err)
{
    const remote_connect_list_all_node_devices_args *a = args;
    remote_connect_list_all_node_devices_ret *r = ret;
    struct vireo_node_device **devs = NULL;
    int n, rc;

    if (DISPATCH_NEED(conn, connect_list_all_node_devices, err) < 0)
        return -1;
    n = conn->driver->connect_list_all_node_devices(
        conn, a->need_results ? &devs : NULL, a->flags, err);
    if (n < 0)
        return -1;
    r->ret = (u_int)n;
    r->devices.devices_val = dispatch_list_fill(
        n, DEVICE_LIST_MAX, "node devices", sizeof(*r->devices.devices_val),
        put_listed, devs, &r->devices.devices_len, &rc, err);
    handle_nodedev_array_free(devs, devs != NULL ? n : 0);
    return rc;
}

int
dispatch_node_device_lookup_by_name(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_node_device_lookup_by_name_args *a = args;
    remote_node_device_lookup_by_name_ret *r = ret;

    return dev_put(&r->dev, dev_get(conn, a->name, err), err);
}

int
dispatch_node_device_get_xml_desc(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const remote_node_device_get_xml_desc_args *a = args;
    remote_node_device_get_xml_desc_ret *r = ret;

    if (DISPATCH_NEED(conn, node_device_get_xml_desc, err) < 0)
        return -1;
    WITH_DEV(conn, a->name, err, dev,
             dispatch_take_string(&r->xml,
                                  conn->driver->node_device_get_xml_desc(
                                      dev, a->flags, err)));
}

/* libvirtd answers a device without a parent with no name and no error
 * (its library keeps the parent the lookup found, NULL here). */
static int
put_parent(remote_string *out, char *parent, struct vireo_error *err)
{
    if (parent == NULL) {
        error_clear(err);
        *out = NULL;
        return 0;
    }
    *out = malloc(sizeof(**out));
    if (*out == NULL) {
        free(parent);
        return error_no_memory(err);
    }
    **out = parent;
    return 0;
}

int
dispatch_node_device_get_parent(struct vireo_conn *conn, const void *args,
                                void *ret, struct vireo_error *err)
{
    const remote_node_device_get_parent_args *a = args;
    remote_node_device_get_parent_ret *r = ret;

    if (DISPATCH_NEED(conn, node_device_get_parent, err) < 0)
        return -1;
    WITH_DEV(conn, a->name, err, dev,
             put_parent(&r->parentName,
                        conn->driver->node_device_get_parent(dev, err), err));
}

int
dispatch_node_device_num_of_caps(struct vireo_conn *conn, const void *args,
                                 void *ret, struct vireo_error *err)
{
    const remote_node_device_num_of_caps_args *a = args;
    remote_node_device_num_of_caps_ret *r = ret;

    if (DISPATCH_NEED(conn, node_device_num_of_caps, err) < 0)
        return -1;
    WITH_DEV(conn, a->name, err, dev,
             put_int(conn->driver->node_device_num_of_caps(dev, err),
                     &r->num));
}

/* The names of dev's capabilities, at most maxnames of them. */
static int
list_caps(struct vireo_conn *conn, struct vireo_node_device *dev,
          int maxnames, remote_node_device_list_caps_ret *r,
          struct vireo_error *err)
{
    char **names = dispatch_names_buffer(maxnames, err);

    if (names == NULL)
        return -1;
    return dispatch_names_put(names,
                              conn->driver->node_device_list_caps(
                                  dev, names, maxnames, err),
                              &r->names.names_val, &r->names.names_len);
}

int
dispatch_node_device_list_caps(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_node_device_list_caps_args *a = args;

    if (dispatch_names_check(a->maxnames, CAPS_LIST_MAX,
                             "REMOTE_NODE_DEVICE_CAPS_LIST_MAX", err) < 0 ||
        DISPATCH_NEED(conn, node_device_list_caps, err) < 0)
        return -1;
    WITH_DEV(conn, a->name, err, dev,
             list_caps(conn, dev, a->maxnames, ret, err));
}

int
dispatch_node_device_create_xml(struct vireo_conn *conn, const void *args,
                                void *ret, struct vireo_error *err)
{
    const remote_node_device_create_xml_args *a = args;
    remote_node_device_create_xml_ret *r = ret;

    if (DISPATCH_NEED(conn, node_device_create_xml, err) < 0)
        return -1;
    return dev_put(&r->dev,
                   conn->driver->node_device_create_xml(conn, a->xml_desc,
                                                        a->flags, err),
                   err);
}

int
dispatch_node_device_destroy(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_node_device_destroy_args *a = args;

    if (DISPATCH_NEED(conn, node_device_destroy, err) < 0)
        return -1;
    WITH_DEV(conn, a->name, err, dev,
             conn->driver->node_device_destroy(dev, err));
}
