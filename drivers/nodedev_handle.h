/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nodedev_handle.h: the object behind the public struct
 * vireo_node_device, libvirt's virNodeDevicePtr: a device's name on a
 * connection. Like a domain handle it only names the device; the driver
 * keeps the device. Refcounted with atomics: any thread may hold one.
 */
#ifndef VIREO_DRIVERS_NODEDEV_HANDLE_H
#define VIREO_DRIVERS_NODEDEV_HANDLE_H

#include <stdatomic.h>

#include "api/vireo.h"

struct vireo_node_device {
    atomic_int         refs;
    struct vireo_conn *conn;      /* referenced */
    char              *name;
};

/* A new handle with one reference, holding one on conn; NULL when memory
 * is short (err set when err is not NULL). */
struct vireo_node_device *handle_nodedev_new(struct vireo_conn *conn,
                                             const char *name,
                                             struct vireo_error *err);
struct vireo_node_device *handle_nodedev_ref(struct vireo_node_device *dev);
/* The last unref frees it and drops its connection reference. NULL is a
 * no-op. */
void handle_nodedev_unref(struct vireo_node_device *dev);
/* The same for a thread that must never wait for a driver (the loop's):
 * the connection goes with handle_conn_unref_elsewhere(). */
void handle_nodedev_unref_elsewhere(struct vireo_node_device *dev);
/* Unref n handles, then free the array. */
void handle_nodedev_array_free(struct vireo_node_device **devs, int n);

#endif /* VIREO_DRIVERS_NODEDEV_HANDLE_H */
