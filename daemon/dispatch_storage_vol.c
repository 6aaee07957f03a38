/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_storage_vol.c: handlers of the storage volume procedures.
 * Driver threads.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_slots.h"
#include "daemon/dispatch_storage.h"

/* The protocol's bound on returned volume lists. */
#define VOL_LIST_MAX 16384

static int
put_vol_list(struct vireo_storage_vol **vols, int n,
             remote_storage_pool_list_all_volumes_ret *r,
             struct vireo_error *err)
{
    int rc = 0;

    if (n < 0)
        return -1;
    if (n > VOL_LIST_MAX)
        rc = error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                       "Too many storage volumes '%d' for limit '%d'", n,
                       VOL_LIST_MAX);
    r->ret = (unsigned)n;
    if (rc == 0 && vols != NULL) {
        r->vols.vols_val = calloc((size_t)n + 1, sizeof(*r->vols.vols_val));
        if (r->vols.vols_val == NULL)
            rc = error_no_memory(err);
    }
    for (int i = 0; vols != NULL && i < n; i++) {
        if (rc < 0) {
            handle_vol_unref(vols[i]);
            continue;
        }
        rc = dispatch_vol_put(&r->vols.vols_val[i], vols[i], err);
        r->vols.vols_len = (u_int)i + 1;
    }
    free(vols);
    return rc;
}

static int
list_all(struct vireo_storage_pool *pool, bool is_wanted, unsigned flags,
         remote_storage_pool_list_all_volumes_ret *r, struct vireo_error *err)
{
    struct vireo_storage_vol **vols = NULL;
    int n = pool->conn->driver->storage_pool_list_all_volumes(
        pool, is_wanted ? &vols : NULL, flags, false, err);

    return put_vol_list(vols, n, r, err);
}

int
dispatch_storage_pool_list_all_volumes(struct vireo_conn *conn,
                                       const void *args, void *ret,
                                       struct vireo_error *err)
{
    const remote_storage_pool_list_all_volumes_args *a = args;

    if (DISPATCH_NEED(conn, storage_pool_list_all_volumes, err) < 0)
        return -1;
    DISPATCH_WITH_POOL(conn, &a->pool, err, pool,
                       list_all(pool, a->need_results != 0, a->flags, ret,
                                err));
}

/* ---- Lookups ---------------------------------------------------------- */

int
dispatch_storage_vol_lookup_by_name(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_storage_vol_lookup_by_name_args *a = args;
    remote_storage_vol_lookup_by_name_ret *r = ret;

    if (DISPATCH_NEED(conn, storage_vol_lookup_by_name, err) < 0)
        return -1;
    DISPATCH_WITH_POOL(conn, &a->pool, err, pool,
                       dispatch_vol_put(
                           &r->vol, conn->driver->storage_vol_lookup_by_name(
                                        pool, a->name, err), err));
}

int
dispatch_storage_vol_lookup_by_key(struct vireo_conn *conn, const void *args,
                                   void *ret, struct vireo_error *err)
{
    const remote_storage_vol_lookup_by_key_args *a = args;
    remote_storage_vol_lookup_by_key_ret *r = ret;

    if (DISPATCH_NEED(conn, storage_vol_lookup_by_key, err) < 0)
        return -1;
    return dispatch_vol_put(&r->vol,
                            conn->driver->storage_vol_lookup_by_key(
                                conn, a->key, err), err);
}

int
dispatch_storage_vol_lookup_by_path(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_storage_vol_lookup_by_path_args *a = args;
    remote_storage_vol_lookup_by_path_ret *r = ret;

    if (DISPATCH_NEED(conn, storage_vol_lookup_by_path, err) < 0)
        return -1;
    return dispatch_vol_put(&r->vol,
                            conn->driver->storage_vol_lookup_by_path(
                                conn, a->path, err), err);
}

/* ---- Creating and deleting -------------------------------------------- */

int
dispatch_storage_vol_create_xml(struct vireo_conn *conn, const void *args,
                                void *ret, struct vireo_error *err)
{
    const remote_storage_vol_create_xml_args *a = args;
    remote_storage_vol_create_xml_ret *r = ret;

    if (DISPATCH_NEED(conn, storage_vol_create_xml, err) < 0)
        return -1;
    DISPATCH_WITH_POOL(conn, &a->pool, err, pool,
                       dispatch_vol_put(
                           &r->vol, conn->driver->storage_vol_create_xml(
                                        pool, a->xml, a->flags, err), err));
}

static int
create_from(struct vireo_storage_pool *pool,
            const remote_storage_vol_create_xml_from_args *a,
            remote_storage_vol_create_xml_from_ret *r,
            struct vireo_error *err)
{
    struct vireo_conn *conn = pool->conn;

    DISPATCH_WITH_VOL(conn, &a->clonevol, err, clone,
                      dispatch_vol_put(
                          &r->vol, conn->driver->storage_vol_create_xml_from(
                                       pool, a->xml, clone, a->flags, err),
                          err));
}

int
dispatch_storage_vol_create_xml_from(struct vireo_conn *conn,
                                     const void *args, void *ret,
                                     struct vireo_error *err)
{
    const remote_storage_vol_create_xml_from_args *a = args;

    if (DISPATCH_NEED(conn, storage_vol_create_xml_from, err) < 0)
        return -1;
    DISPATCH_WITH_POOL(conn, &a->pool, err, pool,
                       create_from(pool, a, ret, err));
}

int
dispatch_storage_vol_delete(struct vireo_conn *conn, const void *args,
                            void *ret, struct vireo_error *err)
{
    const remote_storage_vol_delete_args *a = args;

    (void)ret;
    if (DISPATCH_NEED(conn, storage_vol_delete, err) < 0)
        return -1;
    DISPATCH_WITH_VOL(conn, &a->vol, err, vol,
                      conn->driver->storage_vol_delete(vol, a->flags, err));
}

/* ---- Queries ---------------------------------------------------------- */

int
dispatch_storage_vol_get_xml_desc(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const remote_storage_vol_get_xml_desc_args *a = args;
    remote_storage_vol_get_xml_desc_ret *r = ret;

    if (DISPATCH_NEED(conn, storage_vol_get_xml_desc, err) < 0)
        return -1;
    DISPATCH_WITH_VOL(conn, &a->vol, err, vol,
                      dispatch_take_string(
                          &r->xml, conn->driver->storage_vol_get_xml_desc(
                                       vol, a->flags, err)));
}

static int
put_vol_info(struct vireo_storage_vol *vol,
             remote_storage_vol_get_info_ret *r, struct vireo_error *err)
{
    struct vireo_storage_vol_info info = { 0 };

    if (vol->conn->driver->storage_vol_get_info(vol, &info, err) < 0)
        return -1;
    r->type = (char)info.type;
    r->capacity = info.capacity;
    r->allocation = info.allocation;
    return 0;
}

int
dispatch_storage_vol_get_info(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    const remote_storage_vol_get_info_args *a = args;

    if (DISPATCH_NEED(conn, storage_vol_get_info, err) < 0)
        return -1;
    DISPATCH_WITH_VOL(conn, &a->vol, err, vol, put_vol_info(vol, ret, err));
}

int
dispatch_storage_vol_get_path(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    const remote_storage_vol_get_path_args *a = args;
    remote_storage_vol_get_path_ret *r = ret;

    if (DISPATCH_NEED(conn, storage_vol_get_path, err) < 0)
        return -1;
    DISPATCH_WITH_VOL(conn, &a->vol, err, vol,
                      dispatch_take_string(
                          &r->name,
                          conn->driver->storage_vol_get_path(vol, err)));
}
