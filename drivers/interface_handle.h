/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * interface_handle.h: the object behind the public struct
 * vireo_interface, libvirt's virInterfacePtr: a host interface's name
 * and MAC address on a connection, as they were when the handle was
 * made. Refcounted with atomics: any thread may hold one.
 */
#ifndef VIREO_DRIVERS_INTERFACE_HANDLE_H
#define VIREO_DRIVERS_INTERFACE_HANDLE_H

#include <stdatomic.h>

#include "api/vireo.h"

struct vireo_interface {
    atomic_int         refs;
    struct vireo_conn *conn;      /* referenced */
    char              *name;
    char              *mac;       /* "" when the interface has none */
};

/* A new handle with one reference, holding one on conn (mac NULL: "");
 * NULL when memory is short (err set when err is not NULL). */
struct vireo_interface *handle_iface_new(struct vireo_conn *conn,
                                         const char *name, const char *mac,
                                         struct vireo_error *err);
struct vireo_interface *handle_iface_ref(struct vireo_interface *iface);
/* The last unref frees it and drops its connection reference. NULL is a
 * no-op. */
void handle_iface_unref(struct vireo_interface *iface);
/* Unref n handles, then free the array. */
void handle_iface_array_free(struct vireo_interface **ifaces, int n);

#endif /* VIREO_DRIVERS_INTERFACE_HANDLE_H */
