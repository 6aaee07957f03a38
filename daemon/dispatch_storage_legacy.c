/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_storage_legacy.c: the old count and name calls for pools and
 * volumes (virConnectNumOfStoragePools, virStoragePoolListVolumes, ...),
 * served from the driver's list slots, as libvirt's drivers answer them
 * from the one list they keep. Driver threads.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_slots.h"
#include "daemon/dispatch_storage.h"

/* The protocol's bounds on name lists. */
#define POOL_NAME_LIST_MAX 4096
#define VOL_NAME_LIST_MAX  16384

/* libvirtd's check of a client's bound on the answer. */
static int
check_max(int max, int limit, const char *what, struct vireo_error *err)
{
    if (max > limit)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                         "maxnames > %s", what);
    if (max < 0)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_RPC,
                         "maxnames must not be negative");
    return 0;
}

static int
count_pools(struct vireo_conn *conn, unsigned flags, int *num,
            struct vireo_error *err)
{
    if (DISPATCH_NEED(conn, conn_list_all_storage_pools, err) < 0)
        return -1;
    return dispatch_put_int(conn->driver->conn_list_all_storage_pools(
                                conn, NULL, flags, err), num);
}

/* The first max names of the pools flags selects, into names. */
static int
name_pools(struct vireo_conn *conn, unsigned flags, int max, char ***names,
           u_int *len, struct vireo_error *err)
{
    struct vireo_storage_pool **pools = NULL;
    int n, rc = 0;

    if (check_max(max, POOL_NAME_LIST_MAX,
                  "REMOTE_STORAGE_POOL_NAME_LIST_MAX", err) < 0 ||
        DISPATCH_NEED(conn, conn_list_all_storage_pools, err) < 0)
        return -1;
    n = conn->driver->conn_list_all_storage_pools(conn, &pools, flags, err);
    if (n < 0)
        return -1;
    *names = calloc((size_t)n + 1, sizeof(**names));
    if (*names == NULL)
        rc = error_no_memory(err);
    for (int i = 0; rc == 0 && i < n && i < max; i++) {
        (*names)[i] = strdup(pools[i]->name);
        if ((*names)[i] == NULL)
            rc = error_no_memory(err);
        *len = (u_int)i + 1;
    }
    handle_pool_array_free(pools, n);
    return rc;
}

int
dispatch_connect_num_of_storage_pools(struct vireo_conn *conn,
                                      const void *args, void *ret,
                                      struct vireo_error *err)
{
    remote_connect_num_of_storage_pools_ret *r = ret;

    (void)args;
    return count_pools(conn, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE, &r->num,
                       err);
}

int
dispatch_connect_num_of_defined_storage_pools(struct vireo_conn *conn,
                                              const void *args, void *ret,
                                              struct vireo_error *err)
{
    remote_connect_num_of_defined_storage_pools_ret *r = ret;

    (void)args;
    return count_pools(conn, VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE,
                       &r->num, err);
}

int
dispatch_connect_list_storage_pools(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_connect_list_storage_pools_args *a = args;
    remote_connect_list_storage_pools_ret *r = ret;

    return name_pools(conn, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE,
                      a->maxnames, &r->names.names_val, &r->names.names_len,
                      err);
}

int
dispatch_connect_list_defined_storage_pools(struct vireo_conn *conn,
                                            const void *args, void *ret,
                                            struct vireo_error *err)
{
    const remote_connect_list_defined_storage_pools_args *a = args;
    remote_connect_list_defined_storage_pools_ret *r = ret;

    return name_pools(conn, VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE,
                      a->maxnames, &r->names.names_val, &r->names.names_len,
                      err);
}

static int
count_vols(struct vireo_storage_pool *pool, int *num, struct vireo_error *err)
{
    return dispatch_put_int(pool->conn->driver->storage_pool_list_all_volumes(
                                pool, NULL, 0, true, err), num);
}

int
dispatch_storage_pool_num_of_volumes(struct vireo_conn *conn,
                                     const void *args, void *ret,
                                     struct vireo_error *err)
{
    const remote_storage_pool_num_of_volumes_args *a = args;
    remote_storage_pool_num_of_volumes_ret *r = ret;

    if (DISPATCH_NEED(conn, storage_pool_list_all_volumes, err) < 0)
        return -1;
    DISPATCH_WITH_POOL(conn, &a->pool, err, pool,
                       count_vols(pool, &r->num, err));
}

static int
name_vols(struct vireo_storage_pool *pool, int max,
          remote_storage_pool_list_volumes_ret *r, struct vireo_error *err)
{
    struct vireo_storage_vol **vols = NULL;
    int n = pool->conn->driver->storage_pool_list_all_volumes(pool, &vols, 0,
                                                              true, err);
    int rc = 0;

    if (n < 0)
        return -1;
    r->names.names_val = calloc((size_t)n + 1, sizeof(char *));
    if (r->names.names_val == NULL)
        rc = error_no_memory(err);
    for (int i = 0; rc == 0 && i < n && i < max; i++) {
        r->names.names_val[i] = strdup(vols[i]->name);
        if (r->names.names_val[i] == NULL)
            rc = error_no_memory(err);
        r->names.names_len = (u_int)i + 1;
    }
    handle_vol_array_free(vols, n);
    return rc;
}

int
dispatch_storage_pool_list_volumes(struct vireo_conn *conn, const void *args,
                                   void *ret, struct vireo_error *err)
{
    const remote_storage_pool_list_volumes_args *a = args;

    if (check_max(a->maxnames, VOL_NAME_LIST_MAX,
                  "REMOTE_STORAGE_VOL_NAME_LIST_MAX", err) < 0 ||
        DISPATCH_NEED(conn, storage_pool_list_all_volumes, err) < 0)
        return -1;
    DISPATCH_WITH_POOL(conn, &a->pool, err, pool,
                       name_vols(pool, a->maxnames, ret, err));
}
