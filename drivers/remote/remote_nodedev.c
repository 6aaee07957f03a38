/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_nodedev.c: the node device calls over the wire. A device goes
 * as its name, and comes back as a handle on the caller's connection.
 */
#include <rpc/xdr.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/nodedev_handle.h"
#include "drivers/remote/remote_names.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"

/* A handle on the device a reply names; the reply is freed (free_fn). */
static struct vireo_node_device *
dev_from_reply(struct vireo_conn *conn, void *ret, xdrproc_t free_fn,
               const remote_nonnull_node_device *wire,
               struct vireo_error *err)
{
    struct vireo_node_device *dev = handle_nodedev_new(conn, wire->name, err);

    xdr_free(free_fn, ret);
    return dev;
}

int
remotedrv_node_num_of_devices(struct vireo_conn *conn, const char *cap,
                              unsigned flags, struct vireo_error *err)
{
    char *cap_copy = (char *)cap;
    remote_node_num_of_devices_args args = {
        .cap = cap != NULL ? &cap_copy : NULL, .flags = flags,
    };
    remote_node_num_of_devices_ret ret = { 0 };

    if (remote_call(conn, REMOTE_PROC_NODE_NUM_OF_DEVICES, &args, &ret,
                    err) < 0)
        return -1;
    return ret.num;
}

int
remotedrv_node_list_devices(struct vireo_conn *conn, const char *cap,
                            char **names, int maxnames, unsigned flags,
                            struct vireo_error *err)
{
    char *cap_copy = (char *)cap;
    remote_node_list_devices_args args = {
        .cap = cap != NULL ? &cap_copy : NULL, .maxnames = maxnames,
        .flags = flags,
    };
    remote_node_list_devices_ret ret = { 0 };

    if (remote_call(conn, REMOTE_PROC_NODE_LIST_DEVICES, &args, &ret,
                    err) < 0)
        return -1;
    return remote_names_take(ret.names.names_val, ret.names.names_len,
                             names, maxnames, err);
}

/* Handles for the devices of a list reply, which is freed. */
static int
devs_from_reply(struct vireo_conn *conn,
                remote_connect_list_all_node_devices_ret *ret,
                struct vireo_node_device ***devs, struct vireo_error *err)
{
    int n = (int)ret->devices.devices_len, rc = (int)ret->ret;

    if (devs != NULL) {
        *devs = calloc((size_t)n + 1, sizeof(**devs));
        if (*devs == NULL)
            rc = error_no_memory(err);
        for (int i = 0; rc >= 0 && i < n; i++) {
            (*devs)[i] = handle_nodedev_new(
                conn, ret->devices.devices_val[i].name, err);
            if ((*devs)[i] == NULL) {
                handle_nodedev_array_free(*devs, i);
                *devs = NULL;
                rc = -1;
            }
        }
        if (rc >= 0)
            rc = n;
    }
    xdr_free((xdrproc_t)xdr_remote_connect_list_all_node_devices_ret,
             (char *)ret);
    return rc;
}

int
remotedrv_connect_list_all_node_devices(struct vireo_conn *conn,
                                        struct vireo_node_device ***devs,
                                        unsigned flags,
                                        struct vireo_error *err)
{
    remote_connect_list_all_node_devices_args args = {
        .need_results = devs != NULL, .flags = flags,
    };
    remote_connect_list_all_node_devices_ret ret;

    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, REMOTE_PROC_CONNECT_LIST_ALL_NODE_DEVICES, &args,
                    &ret, err) < 0)
        return -1;
    return devs_from_reply(conn, &ret, devs, err);
}

struct vireo_node_device *
remotedrv_node_device_lookup_by_name(struct vireo_conn *conn,
                                     const char *name,
                                     struct vireo_error *err)
{
    remote_node_device_lookup_by_name_args args = { .name = (char *)name };
    remote_node_device_lookup_by_name_ret ret;

    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, REMOTE_PROC_NODE_DEVICE_LOOKUP_BY_NAME, &args,
                    &ret, err) < 0)
        return NULL;
    return dev_from_reply(
        conn, &ret, (xdrproc_t)xdr_remote_node_device_lookup_by_name_ret,
        &ret.dev, err);
}

char *
remotedrv_node_device_get_xml_desc(struct vireo_node_device *dev,
                                   unsigned flags, struct vireo_error *err)
{
    remote_node_device_get_xml_desc_args args = {
        .name = dev->name, .flags = flags,
    };
    remote_node_device_get_xml_desc_ret ret = { 0 };

    if (remote_call(dev->conn, REMOTE_PROC_NODE_DEVICE_GET_XML_DESC, &args,
                    &ret, err) < 0)
        return NULL;
    return ret.xml;      /* malloc'ed by the decoder: the caller's now */
}

/* The daemon answers a device without a parent with no name; the test
 * driver says so with an error, which this gives too. */
char *
remotedrv_node_device_get_parent(struct vireo_node_device *dev,
                                 struct vireo_error *err)
{
    remote_node_device_get_parent_args args = { .name = dev->name };
    remote_node_device_get_parent_ret ret = { 0 };
    char *parent;

    if (remote_call(dev->conn, REMOTE_PROC_NODE_DEVICE_GET_PARENT, &args,
                    &ret, err) < 0)
        return NULL;
    if (ret.parentName == NULL) {
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_REMOTE, "%s",
                  "no parent for this device");
        return NULL;
    }
    parent = *ret.parentName;
    free(ret.parentName);
    return parent;
}

int
remotedrv_node_device_num_of_caps(struct vireo_node_device *dev,
                                  struct vireo_error *err)
{
    remote_node_device_num_of_caps_args args = { .name = dev->name };
    remote_node_device_num_of_caps_ret ret = { 0 };

    if (remote_call(dev->conn, REMOTE_PROC_NODE_DEVICE_NUM_OF_CAPS, &args,
                    &ret, err) < 0)
        return -1;
    return ret.num;
}

int
remotedrv_node_device_list_caps(struct vireo_node_device *dev, char **names,
                                int maxnames, struct vireo_error *err)
{
    remote_node_device_list_caps_args args = {
        .name = dev->name, .maxnames = maxnames,
    };
    remote_node_device_list_caps_ret ret = { 0 };

    if (remote_call(dev->conn, REMOTE_PROC_NODE_DEVICE_LIST_CAPS, &args,
                    &ret, err) < 0)
        return -1;
    return remote_names_take(ret.names.names_val, ret.names.names_len,
                             names, maxnames, err);
}

struct vireo_node_device *
remotedrv_node_device_create_xml(struct vireo_conn *conn, const char *xml,
                                 unsigned flags, struct vireo_error *err)
{
    remote_node_device_create_xml_args args = {
        .xml_desc = (char *)xml, .flags = flags,
    };
    remote_node_device_create_xml_ret ret;

    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, REMOTE_PROC_NODE_DEVICE_CREATE_XML, &args, &ret,
                    err) < 0)
        return NULL;
    return dev_from_reply(
        conn, &ret, (xdrproc_t)xdr_remote_node_device_create_xml_ret,
        &ret.dev, err);
}

int
remotedrv_node_device_destroy(struct vireo_node_device *dev,
                              struct vireo_error *err)
{
    remote_node_device_destroy_args args = { .name = dev->name };

    return remote_call(dev->conn, REMOTE_PROC_NODE_DEVICE_DESTROY, &args,
                       NULL, err);
}
