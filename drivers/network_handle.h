/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_handle.h: the object behind the public struct vireo_network,
 * libvirt's virNetworkPtr: a network's name and uuid on a connection. Like
 * a domain handle it only names the network; the driver keeps the network
 * itself. Refcounted with atomics: any thread may hold one.
 */
#ifndef VIREO_DRIVERS_NETWORK_HANDLE_H
#define VIREO_DRIVERS_NETWORK_HANDLE_H

#include <stdatomic.h>

#include "api/vireo.h"

struct vireo_network {
    atomic_int         refs;
    struct vireo_conn *conn;     /* referenced */
    char              *name;
    unsigned char      uuid[VIREO_UUID_BUFLEN];
};

/* A new handle with one reference, holding one on conn; NULL when memory
 * is short (err set when err is not NULL). */
struct vireo_network *handle_network_new(struct vireo_conn *conn,
                                         const char *name,
                                         const unsigned char *uuid,
                                         struct vireo_error *err);
struct vireo_network *handle_network_ref(struct vireo_network *net);
/* The last unref frees it and drops its connection reference. NULL is a
 * no-op. */
void handle_network_unref(struct vireo_network *net);
/* The same for a thread that must never wait for a driver (the loop's):
 * the connection goes with handle_conn_unref_elsewhere(). */
void handle_network_unref_elsewhere(struct vireo_network *net);
/* Unref n handles, then free the array. */
void handle_network_array_free(struct vireo_network **nets, int n);

#endif /* VIREO_DRIVERS_NETWORK_HANDLE_H */
