/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_handle.h: the objects behind the public struct
 * vireo_storage_pool and struct vireo_storage_vol, libvirt's
 * virStoragePoolPtr and virStorageVolPtr. Like a domain handle they only
 * name the object (a pool by its uuid and name, a volume by its pool's
 * name, its name and its key); the driver keeps the object itself.
 * Refcounted with atomics: any thread may hold one. Each holds a reference
 * on its connection.
 */
#ifndef VIREO_DRIVERS_STORAGE_HANDLE_H
#define VIREO_DRIVERS_STORAGE_HANDLE_H

#include <stdatomic.h>

#include "api/vireo.h"

struct vireo_storage_pool {
    atomic_int          refs;
    struct vireo_conn  *conn;      /* referenced */
    char               *name;
    unsigned char       uuid[VIREO_UUID_BUFLEN];
};

struct vireo_storage_vol {
    atomic_int          refs;
    struct vireo_conn  *conn;      /* referenced */
    char               *pool;      /* the name of the pool holding it */
    char               *name;
    char               *key;
};

/* A new pool handle with one reference, holding one on conn; NULL when
 * memory is short (err set when err is not NULL). */
struct vireo_storage_pool *handle_pool_new(struct vireo_conn *conn,
                                           const char *name,
                                           const unsigned char *uuid,
                                           struct vireo_error *err);
struct vireo_storage_pool *handle_pool_ref(struct vireo_storage_pool *pool);
/* The last unref frees it and drops its connection reference. NULL is a
 * no-op. */
void handle_pool_unref(struct vireo_storage_pool *pool);
/* The same for a thread that must never wait for a driver (the loop's):
 * the connection goes with handle_conn_unref_elsewhere(). */
void handle_pool_unref_elsewhere(struct vireo_storage_pool *pool);
/* Unref n handles, then free the array. */
void handle_pool_array_free(struct vireo_storage_pool **pools, int n);

/* The same for volumes. */
struct vireo_storage_vol *handle_vol_new(struct vireo_conn *conn,
                                         const char *pool, const char *name,
                                         const char *key,
                                         struct vireo_error *err);
struct vireo_storage_vol *handle_vol_ref(struct vireo_storage_vol *vol);
void handle_vol_unref(struct vireo_storage_vol *vol);
void handle_vol_array_free(struct vireo_storage_vol **vols, int n);

#endif /* VIREO_DRIVERS_STORAGE_HANDLE_H */
