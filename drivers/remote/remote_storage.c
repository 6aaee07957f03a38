/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_storage.c: the storage pool calls over the wire, one remote
 * call each, and the pool and volume references all storage calls share.
 */
#include <rpc/xdr.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/remote/remote_slots.h"
#include "drivers/remote/remote_storage.h"

void
remote_pool_to_wire(const struct vireo_storage_pool *pool,
                    remote_nonnull_storage_pool *out)
{
    out->name = pool->name;
    memcpy(out->uuid, pool->uuid, sizeof(out->uuid));
}

void
remote_vol_to_wire(const struct vireo_storage_vol *vol,
                   remote_nonnull_storage_vol *out)
{
    out->pool = vol->pool;
    out->name = vol->name;
    out->key = vol->key;
}

struct vireo_storage_pool *
remote_pool_from_wire(struct vireo_conn *conn,
                      const remote_nonnull_storage_pool *in,
                      struct vireo_error *err)
{
    return handle_pool_new(conn, in->name, (const unsigned char *)in->uuid,
                           err);
}

struct vireo_storage_vol *
remote_vol_from_wire(struct vireo_conn *conn,
                     const remote_nonnull_storage_vol *in,
                     struct vireo_error *err)
{
    return handle_vol_new(conn, in->pool, in->name, in->key, err);
}

/* ---- Listing and lookups ---------------------------------------------- */

int
remotedrv_conn_list_all_storage_pools(struct vireo_conn *conn,
                                      struct vireo_storage_pool ***pools,
                                      unsigned flags, struct vireo_error *err)
{
    remote_connect_list_all_storage_pools_args args = {
        .need_results = pools != NULL, .flags = flags,
    };
    remote_connect_list_all_storage_pools_ret ret;
    struct vireo_storage_pool **out = NULL;
    int n;

    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, REMOTE_PROC_CONNECT_LIST_ALL_STORAGE_POOLS, &args,
                    &ret, err) < 0)
        return -1;
    n = (int)ret.ret;
    if (pools != NULL &&
        (out = calloc((size_t)ret.pools.pools_len + 1, sizeof(*out))) == NULL)
        n = error_no_memory(err);
    for (u_int i = 0; out != NULL && i < ret.pools.pools_len; i++) {
        out[i] = remote_pool_from_wire(conn, &ret.pools.pools_val[i], err);
        if (out[i] == NULL) {
            handle_pool_array_free(out, (int)i);
            out = NULL;
            n = -1;
        }
    }
    if (pools != NULL && n >= 0) {
        *pools = out;
        n = (int)ret.pools.pools_len;
    }
    xdr_free((xdrproc_t)xdr_remote_connect_list_all_storage_pools_ret,
             (char *)&ret);
    return n;
}

struct vireo_storage_pool *
remotedrv_storage_pool_lookup_by_name(struct vireo_conn *conn,
                                      const char *name,
                                      struct vireo_error *err)
{
    remote_storage_pool_lookup_by_name_args args = { .name = (char *)name };

    REMOTE_POOL_CALL(conn, STORAGE_POOL_LOOKUP_BY_NAME, &args,
                     remote_storage_pool_lookup_by_name_ret, err);
}

struct vireo_storage_pool *
remotedrv_storage_pool_lookup_by_uuid(struct vireo_conn *conn,
                                      const unsigned char *uuid,
                                      struct vireo_error *err)
{
    remote_storage_pool_lookup_by_uuid_args args;

    memcpy(args.uuid, uuid, sizeof(args.uuid));
    REMOTE_POOL_CALL(conn, STORAGE_POOL_LOOKUP_BY_UUID, &args,
                     remote_storage_pool_lookup_by_uuid_ret, err);
}

struct vireo_storage_pool *
remotedrv_storage_pool_lookup_by_volume(struct vireo_storage_vol *vol,
                                        struct vireo_error *err)
{
    remote_storage_pool_lookup_by_volume_args args;

    remote_vol_to_wire(vol, &args.vol);
    REMOTE_POOL_CALL(vol->conn, STORAGE_POOL_LOOKUP_BY_VOLUME, &args,
                     remote_storage_pool_lookup_by_volume_ret, err);
}

struct vireo_storage_pool *
remotedrv_storage_pool_define_xml(struct vireo_conn *conn, const char *xml,
                                  unsigned flags, struct vireo_error *err)
{
    remote_storage_pool_define_xml_args args = {
        .xml = (char *)xml, .flags = flags,
    };

    REMOTE_POOL_CALL(conn, STORAGE_POOL_DEFINE_XML, &args,
                     remote_storage_pool_define_xml_ret, err);
}

struct vireo_storage_pool *
remotedrv_storage_pool_create_xml(struct vireo_conn *conn, const char *xml,
                                  unsigned flags, struct vireo_error *err)
{
    remote_storage_pool_create_xml_args args = {
        .xml = (char *)xml, .flags = flags,
    };

    REMOTE_POOL_CALL(conn, STORAGE_POOL_CREATE_XML, &args,
                     remote_storage_pool_create_xml_ret, err);
}

/* ---- The lifecycle ---------------------------------------------------- */

/* A call on one pool with no reply; wire is where args names it. */
static int
pool_proc(struct vireo_storage_pool *pool, int proc, void *args,
          remote_nonnull_storage_pool *wire, struct vireo_error *err)
{
    remote_pool_to_wire(pool, wire);
    return remote_call(pool->conn, proc, args, NULL, err);
}

int
remotedrv_storage_pool_create(struct vireo_storage_pool *pool,
                              unsigned flags, struct vireo_error *err)
{
    remote_storage_pool_create_args args = { .flags = flags };

    return pool_proc(pool, REMOTE_PROC_STORAGE_POOL_CREATE, &args,
                     &args.pool, err);
}

int
remotedrv_storage_pool_build(struct vireo_storage_pool *pool, unsigned flags,
                             struct vireo_error *err)
{
    remote_storage_pool_build_args args = { .flags = flags };

    return pool_proc(pool, REMOTE_PROC_STORAGE_POOL_BUILD, &args, &args.pool,
                     err);
}

int
remotedrv_storage_pool_delete(struct vireo_storage_pool *pool,
                              unsigned flags, struct vireo_error *err)
{
    remote_storage_pool_delete_args args = { .flags = flags };

    return pool_proc(pool, REMOTE_PROC_STORAGE_POOL_DELETE, &args,
                     &args.pool, err);
}

int
remotedrv_storage_pool_refresh(struct vireo_storage_pool *pool,
                               unsigned flags, struct vireo_error *err)
{
    remote_storage_pool_refresh_args args = { .flags = flags };

    return pool_proc(pool, REMOTE_PROC_STORAGE_POOL_REFRESH, &args,
                     &args.pool, err);
}

int
remotedrv_storage_pool_destroy(struct vireo_storage_pool *pool,
                               struct vireo_error *err)
{
    remote_storage_pool_destroy_args args;

    return pool_proc(pool, REMOTE_PROC_STORAGE_POOL_DESTROY, &args,
                     &args.pool, err);
}

int
remotedrv_storage_pool_undefine(struct vireo_storage_pool *pool,
                                struct vireo_error *err)
{
    remote_storage_pool_undefine_args args;

    return pool_proc(pool, REMOTE_PROC_STORAGE_POOL_UNDEFINE, &args,
                     &args.pool, err);
}

/* ---- Queries ---------------------------------------------------------- */

char *
remotedrv_storage_pool_get_xml_desc(struct vireo_storage_pool *pool,
                                    unsigned flags, struct vireo_error *err)
{
    remote_storage_pool_get_xml_desc_args args = { .flags = flags };
    remote_storage_pool_get_xml_desc_ret ret = { 0 };

    remote_pool_to_wire(pool, &args.pool);
    if (remote_call(pool->conn, REMOTE_PROC_STORAGE_POOL_GET_XML_DESC, &args,
                    &ret, err) < 0)
        return NULL;
    return ret.xml;
}

int
remotedrv_storage_pool_get_info(struct vireo_storage_pool *pool,
                                struct vireo_storage_pool_info *info,
                                struct vireo_error *err)
{
    remote_storage_pool_get_info_args args;
    remote_storage_pool_get_info_ret ret = { 0 };

    remote_pool_to_wire(pool, &args.pool);
    if (remote_call(pool->conn, REMOTE_PROC_STORAGE_POOL_GET_INFO, &args,
                    &ret, err) < 0)
        return -1;
    info->state = ret.state;
    info->capacity = ret.capacity;
    info->allocation = ret.allocation;
    info->available = ret.available;
    return 0;
}

int
remotedrv_storage_pool_get_autostart(struct vireo_storage_pool *pool,
                                     int *autostart, struct vireo_error *err)
{
    remote_storage_pool_get_autostart_args args;
    remote_storage_pool_get_autostart_ret ret = { 0 };

    remote_pool_to_wire(pool, &args.pool);
    if (remote_call(pool->conn, REMOTE_PROC_STORAGE_POOL_GET_AUTOSTART,
                    &args, &ret, err) < 0)
        return -1;
    *autostart = ret.autostart;
    return 0;
}

int
remotedrv_storage_pool_set_autostart(struct vireo_storage_pool *pool,
                                     int autostart, struct vireo_error *err)
{
    remote_storage_pool_set_autostart_args args = { .autostart = autostart };

    remote_pool_to_wire(pool, &args.pool);
    return remote_call(pool->conn, REMOTE_PROC_STORAGE_POOL_SET_AUTOSTART,
                       &args, NULL, err);
}

int
remotedrv_storage_pool_is_active(struct vireo_storage_pool *pool,
                                 struct vireo_error *err)
{
    remote_storage_pool_is_active_args args;
    remote_storage_pool_is_active_ret ret = { 0 };

    remote_pool_to_wire(pool, &args.pool);
    if (remote_call(pool->conn, REMOTE_PROC_STORAGE_POOL_IS_ACTIVE, &args,
                    &ret, err) < 0)
        return -1;
    return ret.active;
}

int
remotedrv_storage_pool_is_persistent(struct vireo_storage_pool *pool,
                                     struct vireo_error *err)
{
    remote_storage_pool_is_persistent_args args;
    remote_storage_pool_is_persistent_ret ret = { 0 };

    remote_pool_to_wire(pool, &args.pool);
    if (remote_call(pool->conn, REMOTE_PROC_STORAGE_POOL_IS_PERSISTENT,
                    &args, &ret, err) < 0)
        return -1;
    return ret.persistent;
}

char *
remotedrv_conn_find_storage_pool_sources(struct vireo_conn *conn,
                                         const char *type,
                                         const char *src_spec,
                                         unsigned flags,
                                         struct vireo_error *err)
{
    char *spec = (char *)src_spec;
    remote_connect_find_storage_pool_sources_args args = {
        .type = (char *)type, .srcSpec = spec != NULL ? &spec : NULL,
        .flags = flags,
    };
    remote_connect_find_storage_pool_sources_ret ret = { 0 };

    if (remote_call(conn, REMOTE_PROC_CONNECT_FIND_STORAGE_POOL_SOURCES,
                    &args, &ret, err) < 0)
        return NULL;
    return ret.xml;
}
