/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_handle.c: pool and volume handles, the names of a storage pool
 * and of a volume in it.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/storage_handle.h"

struct vireo_storage_pool *
handle_pool_new(struct vireo_conn *conn, const char *name,
                const unsigned char *uuid, struct vireo_error *err)
{
    struct vireo_storage_pool *pool = calloc(1, sizeof(*pool));

    if (pool == NULL || (pool->name = strdup(name)) == NULL) {
        free(pool);
        error_no_memory(err);
        return NULL;
    }
    atomic_init(&pool->refs, 1);
    memcpy(pool->uuid, uuid, sizeof(pool->uuid));
    pool->conn = handle_conn_ref(conn);
    return pool;
}

struct vireo_storage_pool *
handle_pool_ref(struct vireo_storage_pool *pool)
{
    if (pool != NULL)
        atomic_fetch_add(&pool->refs, 1);
    return pool;
}

/* The last reference is gone: free pool, and hand back its connection. */
static struct vireo_conn *
pool_release(struct vireo_storage_pool *pool)
{
    struct vireo_conn *conn = pool->conn;

    free(pool->name);
    free(pool);
    return conn;
}

void
handle_pool_unref(struct vireo_storage_pool *pool)
{
    if (pool == NULL || atomic_fetch_sub(&pool->refs, 1) != 1)
        return;
    handle_conn_unref(pool_release(pool));
}

void
handle_pool_unref_elsewhere(struct vireo_storage_pool *pool)
{
    if (pool == NULL || atomic_fetch_sub(&pool->refs, 1) != 1)
        return;
    handle_conn_unref_elsewhere(pool_release(pool));
}

void
handle_pool_array_free(struct vireo_storage_pool **pools, int n)
{
    for (int i = 0; i < n; i++)
        handle_pool_unref(pools[i]);
    free(pools);
}

static void
vol_free(struct vireo_storage_vol *vol)
{
    free(vol->pool);
    free(vol->name);
    free(vol->key);
    free(vol);
}

struct vireo_storage_vol *
handle_vol_new(struct vireo_conn *conn, const char *pool, const char *name,
               const char *key, struct vireo_error *err)
{
    struct vireo_storage_vol *vol = calloc(1, sizeof(*vol));

    if (vol == NULL)
        goto fail;
    vol->pool = strdup(pool);
    vol->name = strdup(name);
    vol->key = strdup(key);
    if (vol->pool == NULL || vol->name == NULL || vol->key == NULL) {
        vol_free(vol);
        goto fail;
    }
    atomic_init(&vol->refs, 1);
    vol->conn = handle_conn_ref(conn);
    return vol;
fail:
    error_no_memory(err);
    return NULL;
}

struct vireo_storage_vol *
handle_vol_ref(struct vireo_storage_vol *vol)
{
    if (vol != NULL)
        atomic_fetch_add(&vol->refs, 1);
    return vol;
}

void
handle_vol_unref(struct vireo_storage_vol *vol)
{
    if (vol == NULL || atomic_fetch_sub(&vol->refs, 1) != 1)
        return;
    handle_conn_unref(vol->conn);
    vol_free(vol);
}

void
handle_vol_array_free(struct vireo_storage_vol **vols, int n)
{
    for (int i = 0; i < n; i++)
        handle_vol_unref(vols[i]);
    free(vols);
}
