/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_storage.c: handlers of the storage pool procedures, and the
 * pool and volume references every storage handler shares. A pool
 * travels as its name and uuid, a volume as its pool's name, its name and
 * its key; handlers make handles of them for the driver. Driver threads.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_slots.h"
#include "daemon/dispatch_storage.h"

/* The protocol's bound on returned pool lists. */
#define POOL_LIST_MAX 4096

struct vireo_storage_pool *
dispatch_pool_get(struct vireo_conn *conn,
                  const remote_nonnull_storage_pool *wire,
                  struct vireo_error *err)
{
    return handle_pool_new(conn, wire->name,
                           (const unsigned char *)wire->uuid, err);
}

struct vireo_storage_vol *
dispatch_vol_get(struct vireo_conn *conn,
                 const remote_nonnull_storage_vol *wire,
                 struct vireo_error *err)
{
    return handle_vol_new(conn, wire->pool, wire->name, wire->key, err);
}

int
dispatch_pool_put(remote_nonnull_storage_pool *wire,
                  struct vireo_storage_pool *pool, struct vireo_error *err)
{
    if (pool == NULL)
        return -1;
    wire->name = strdup(pool->name);
    memcpy(wire->uuid, pool->uuid, sizeof(wire->uuid));
    handle_pool_unref(pool);
    return wire->name != NULL ? 0 : error_no_memory(err);
}

int
dispatch_vol_put(remote_nonnull_storage_vol *wire,
                 struct vireo_storage_vol *vol, struct vireo_error *err)
{
    if (vol == NULL)
        return -1;
    wire->pool = strdup(vol->pool);
    wire->name = strdup(vol->name);
    wire->key = strdup(vol->key);
    handle_vol_unref(vol);
    if (wire->pool == NULL || wire->name == NULL || wire->key == NULL)
        return error_no_memory(err);
    return 0;
}

int
dispatch_put_int(int n, int *out)
{
    if (n < 0)
        return -1;
    *out = n;
    return 0;
}

/* ---- Listing and lookups ---------------------------------------------- */

int
dispatch_connect_list_all_storage_pools(struct vireo_conn *conn,
                                        const void *args, void *ret,
                                        struct vireo_error *err)
{
    const remote_connect_list_all_storage_pools_args *a = args;
    remote_connect_list_all_storage_pools_ret *r = ret;
    struct vireo_storage_pool **pools = NULL;
    int n, rc = 0;

    if (DISPATCH_NEED(conn, conn_list_all_storage_pools, err) < 0)
        return -1;
    n = conn->driver->conn_list_all_storage_pools(
        conn, a->need_results ? &pools : NULL, a->flags, err);
    if (n < 0)
        return -1;
    if (n > POOL_LIST_MAX)
        rc = error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                       "Too many storage pools '%d' for limit '%d'", n,
                       POOL_LIST_MAX);
    r->ret = (unsigned)n;
    if (rc == 0 && pools != NULL) {
        r->pools.pools_val = calloc((size_t)n + 1,
                                    sizeof(*r->pools.pools_val));
        if (r->pools.pools_val == NULL)
            rc = error_no_memory(err);
    }
    for (int i = 0; pools != NULL && i < n; i++) {
        if (rc < 0) {
            handle_pool_unref(pools[i]);
            continue;
        }
        rc = dispatch_pool_put(&r->pools.pools_val[i], pools[i], err);
        r->pools.pools_len = (u_int)i + 1;
    }
    free(pools);
    return rc;
}

int
dispatch_storage_pool_lookup_by_name(struct vireo_conn *conn,
                                     const void *args, void *ret,
                                     struct vireo_error *err)
{
    const remote_storage_pool_lookup_by_name_args *a = args;
    remote_storage_pool_lookup_by_name_ret *r = ret;

    if (DISPATCH_NEED(conn, storage_pool_lookup_by_name, err) < 0)
        return -1;
    return dispatch_pool_put(&r->pool,
                             conn->driver->storage_pool_lookup_by_name(
                                 conn, a->name, err), err);
}

int
dispatch_storage_pool_lookup_by_uuid(struct vireo_conn *conn,
                                     const void *args, void *ret,
                                     struct vireo_error *err)
{
    const remote_storage_pool_lookup_by_uuid_args *a = args;
    remote_storage_pool_lookup_by_uuid_ret *r = ret;

    if (DISPATCH_NEED(conn, storage_pool_lookup_by_uuid, err) < 0)
        return -1;
    return dispatch_pool_put(&r->pool,
                             conn->driver->storage_pool_lookup_by_uuid(
                                 conn, (const unsigned char *)a->uuid, err),
                             err);
}

int
dispatch_storage_pool_lookup_by_volume(struct vireo_conn *conn,
                                       const void *args, void *ret,
                                       struct vireo_error *err)
{
    const remote_storage_pool_lookup_by_volume_args *a = args;
    remote_storage_pool_lookup_by_volume_ret *r = ret;

    if (DISPATCH_NEED(conn, storage_pool_lookup_by_volume, err) < 0)
        return -1;
    DISPATCH_WITH_VOL(conn, &a->vol, err, vol,
                      dispatch_pool_put(
                          &r->pool,
                          conn->driver->storage_pool_lookup_by_volume(vol,
                                                                      err),
                          err));
}

/* ---- Defining and the lifecycle --------------------------------------- */

int
dispatch_storage_pool_define_xml(struct vireo_conn *conn, const void *args,
                                 void *ret, struct vireo_error *err)
{
    const remote_storage_pool_define_xml_args *a = args;
    remote_storage_pool_define_xml_ret *r = ret;

    if (DISPATCH_NEED(conn, storage_pool_define_xml, err) < 0)
        return -1;
    return dispatch_pool_put(&r->pool,
                             conn->driver->storage_pool_define_xml(
                                 conn, a->xml, a->flags, err), err);
}

int
dispatch_storage_pool_create_xml(struct vireo_conn *conn, const void *args,
                                 void *ret, struct vireo_error *err)
{
    const remote_storage_pool_create_xml_args *a = args;
    remote_storage_pool_create_xml_ret *r = ret;

    if (DISPATCH_NEED(conn, storage_pool_create_xml, err) < 0)
        return -1;
    return dispatch_pool_put(&r->pool,
                             conn->driver->storage_pool_create_xml(
                                 conn, a->xml, a->flags, err), err);
}

/* The lifecycle handlers: one slot each on the pool the call names,
 * called with call_args (pool, a and err in scope). */
#define POOL_CALL(proc, slot, call_args)                                   \
    int                                                                    \
    dispatch_##proc(struct vireo_conn *conn, const void *args, void *ret,  \
                    struct vireo_error *err)                               \
    {                                                                      \
        const remote_##proc##_args *a = args;                              \
                                                                           \
        (void)ret;                                                         \
        if (DISPATCH_NEED(conn, slot, err) < 0)                            \
            return -1;                                                     \
        DISPATCH_WITH_POOL(conn, &a->pool, err, pool,                      \
                           conn->driver->slot call_args);                  \
    }

POOL_CALL(storage_pool_create, storage_pool_create, (pool, a->flags, err))
POOL_CALL(storage_pool_build, storage_pool_build, (pool, a->flags, err))
POOL_CALL(storage_pool_delete, storage_pool_delete, (pool, a->flags, err))
POOL_CALL(storage_pool_refresh, storage_pool_refresh, (pool, a->flags, err))
POOL_CALL(storage_pool_destroy, storage_pool_destroy, (pool, err))
POOL_CALL(storage_pool_undefine, storage_pool_undefine, (pool, err))

/* ---- Queries ---------------------------------------------------------- */

int
dispatch_storage_pool_get_xml_desc(struct vireo_conn *conn, const void *args,
                                   void *ret, struct vireo_error *err)
{
    const remote_storage_pool_get_xml_desc_args *a = args;
    remote_storage_pool_get_xml_desc_ret *r = ret;

    if (DISPATCH_NEED(conn, storage_pool_get_xml_desc, err) < 0)
        return -1;
    DISPATCH_WITH_POOL(conn, &a->pool, err, pool,
                       dispatch_take_string(
                           &r->xml, conn->driver->storage_pool_get_xml_desc(
                                        pool, a->flags, err)));
}

static int
put_pool_info(struct vireo_storage_pool *pool,
              remote_storage_pool_get_info_ret *r, struct vireo_error *err)
{
    struct vireo_storage_pool_info info = { 0 };

    if (pool->conn->driver->storage_pool_get_info(pool, &info, err) < 0)
        return -1;
    r->state = (u_char)info.state;
    r->capacity = info.capacity;
    r->allocation = info.allocation;
    r->available = info.available;
    return 0;
}

int
dispatch_storage_pool_get_info(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_storage_pool_get_info_args *a = args;

    if (DISPATCH_NEED(conn, storage_pool_get_info, err) < 0)
        return -1;
    DISPATCH_WITH_POOL(conn, &a->pool, err, pool,
                       put_pool_info(pool, ret, err));
}

int
dispatch_storage_pool_get_autostart(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_storage_pool_get_autostart_args *a = args;
    remote_storage_pool_get_autostart_ret *r = ret;

    if (DISPATCH_NEED(conn, storage_pool_get_autostart, err) < 0)
        return -1;
    DISPATCH_WITH_POOL(conn, &a->pool, err, pool,
                       conn->driver->storage_pool_get_autostart(
                           pool, &r->autostart, err));
}

int
dispatch_storage_pool_set_autostart(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_storage_pool_set_autostart_args *a = args;

    (void)ret;
    if (DISPATCH_NEED(conn, storage_pool_set_autostart, err) < 0)
        return -1;
    DISPATCH_WITH_POOL(conn, &a->pool, err, pool,
                       conn->driver->storage_pool_set_autostart(
                           pool, a->autostart, err));
}

int
dispatch_storage_pool_is_active(struct vireo_conn *conn, const void *args,
                                void *ret, struct vireo_error *err)
{
    const remote_storage_pool_is_active_args *a = args;
    remote_storage_pool_is_active_ret *r = ret;

    if (DISPATCH_NEED(conn, storage_pool_is_active, err) < 0)
        return -1;
    DISPATCH_WITH_POOL(conn, &a->pool, err, pool,
                       dispatch_put_int(conn->driver->storage_pool_is_active(
                                            pool, err), &r->active));
}

int
dispatch_storage_pool_is_persistent(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_storage_pool_is_persistent_args *a = args;
    remote_storage_pool_is_persistent_ret *r = ret;

    if (DISPATCH_NEED(conn, storage_pool_is_persistent, err) < 0)
        return -1;
    DISPATCH_WITH_POOL(conn, &a->pool, err, pool,
                       dispatch_put_int(
                           conn->driver->storage_pool_is_persistent(pool,
                                                                    err),
                           &r->persistent));
}

int
dispatch_connect_find_storage_pool_sources(struct vireo_conn *conn,
                                           const void *args, void *ret,
                                           struct vireo_error *err)
{
    const remote_connect_find_storage_pool_sources_args *a = args;
    remote_connect_find_storage_pool_sources_ret *r = ret;

    if (DISPATCH_NEED(conn, conn_find_storage_pool_sources, err) < 0)
        return -1;
    return dispatch_take_string(
        &r->xml, conn->driver->conn_find_storage_pool_sources(
                     conn, a->type, a->srcSpec != NULL ? *a->srcSpec : NULL,
                     a->flags, err));
}
