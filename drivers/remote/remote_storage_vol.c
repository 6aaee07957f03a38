/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_storage_vol.c: the storage volume calls over the wire, one
 * remote call each.
 */
#include <rpc/xdr.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/remote/remote_slots.h"
#include "drivers/remote/remote_storage.h"

int
remotedrv_storage_pool_list_all_volumes(struct vireo_storage_pool *pool,
                                        struct vireo_storage_vol ***vols,
                                        unsigned flags, bool is_legacy,
                                        struct vireo_error *err)
{
    remote_storage_pool_list_all_volumes_args args = {
        .need_results = vols != NULL, .flags = flags,
    };
    remote_storage_pool_list_all_volumes_ret ret;
    struct vireo_storage_vol **out = NULL;
    int n;

    (void)is_legacy;   /* the daemon chooses its own words */
    memset(&ret, 0, sizeof(ret));
    remote_pool_to_wire(pool, &args.pool);
    if (remote_call(pool->conn, REMOTE_PROC_STORAGE_POOL_LIST_ALL_VOLUMES,
                    &args, &ret, err) < 0)
        return -1;
    n = (int)ret.ret;
    if (vols != NULL &&
        (out = calloc((size_t)ret.vols.vols_len + 1, sizeof(*out))) == NULL)
        n = error_no_memory(err);
    for (u_int i = 0; out != NULL && i < ret.vols.vols_len; i++) {
        out[i] = remote_vol_from_wire(pool->conn, &ret.vols.vols_val[i], err);
        if (out[i] == NULL) {
            handle_vol_array_free(out, (int)i);
            out = NULL;
            n = -1;
        }
    }
    if (vols != NULL && n >= 0) {
        *vols = out;
        n = (int)ret.vols.vols_len;
    }
    xdr_free((xdrproc_t)xdr_remote_storage_pool_list_all_volumes_ret,
             (char *)&ret);
    return n;
}

struct vireo_storage_vol *
remotedrv_storage_vol_lookup_by_name(struct vireo_storage_pool *pool,
                                     const char *name,
                                     struct vireo_error *err)
{
    remote_storage_vol_lookup_by_name_args args = { .name = (char *)name };

    remote_pool_to_wire(pool, &args.pool);
    REMOTE_VOL_CALL(pool->conn, STORAGE_VOL_LOOKUP_BY_NAME, &args,
                    remote_storage_vol_lookup_by_name_ret, err);
}

struct vireo_storage_vol *
remotedrv_storage_vol_lookup_by_key(struct vireo_conn *conn, const char *key,
                                    struct vireo_error *err)
{
    remote_storage_vol_lookup_by_key_args args = { .key = (char *)key };

    REMOTE_VOL_CALL(conn, STORAGE_VOL_LOOKUP_BY_KEY, &args,
                    remote_storage_vol_lookup_by_key_ret, err);
}

struct vireo_storage_vol *
remotedrv_storage_vol_lookup_by_path(struct vireo_conn *conn,
                                     const char *path,
                                     struct vireo_error *err)
{
    remote_storage_vol_lookup_by_path_args args = { .path = (char *)path };

    REMOTE_VOL_CALL(conn, STORAGE_VOL_LOOKUP_BY_PATH, &args,
                    remote_storage_vol_lookup_by_path_ret, err);
}

struct vireo_storage_vol *
remotedrv_storage_vol_create_xml(struct vireo_storage_pool *pool,
                                 const char *xml, unsigned flags,
                                 struct vireo_error *err)
{
    remote_storage_vol_create_xml_args args = {
        .xml = (char *)xml, .flags = flags,
    };

    remote_pool_to_wire(pool, &args.pool);
    REMOTE_VOL_CALL(pool->conn, STORAGE_VOL_CREATE_XML, &args,
                    remote_storage_vol_create_xml_ret, err);
}

struct vireo_storage_vol *
remotedrv_storage_vol_create_xml_from(struct vireo_storage_pool *pool,
                                      const char *xml,
                                      struct vireo_storage_vol *clone,
                                      unsigned flags, struct vireo_error *err)
{
    remote_storage_vol_create_xml_from_args args = {
        .xml = (char *)xml, .flags = flags,
    };

    remote_pool_to_wire(pool, &args.pool);
    remote_vol_to_wire(clone, &args.clonevol);
    REMOTE_VOL_CALL(pool->conn, STORAGE_VOL_CREATE_XML_FROM, &args,
                    remote_storage_vol_create_xml_from_ret, err);
}

int
remotedrv_storage_vol_delete(struct vireo_storage_vol *vol, unsigned flags,
                             struct vireo_error *err)
{
    remote_storage_vol_delete_args args = { .flags = flags };

    remote_vol_to_wire(vol, &args.vol);
    return remote_call(vol->conn, REMOTE_PROC_STORAGE_VOL_DELETE, &args, NULL,
                       err);
}

char *
remotedrv_storage_vol_get_xml_desc(struct vireo_storage_vol *vol,
                                   unsigned flags, struct vireo_error *err)
{
    remote_storage_vol_get_xml_desc_args args = { .flags = flags };
    remote_storage_vol_get_xml_desc_ret ret = { 0 };

    remote_vol_to_wire(vol, &args.vol);
    if (remote_call(vol->conn, REMOTE_PROC_STORAGE_VOL_GET_XML_DESC, &args,
                    &ret, err) < 0)
        return NULL;
    return ret.xml;
}

int
remotedrv_storage_vol_get_info(struct vireo_storage_vol *vol,
                               struct vireo_storage_vol_info *info,
                               struct vireo_error *err)
{
    remote_storage_vol_get_info_args args;
    remote_storage_vol_get_info_ret ret = { 0 };

    remote_vol_to_wire(vol, &args.vol);
    if (remote_call(vol->conn, REMOTE_PROC_STORAGE_VOL_GET_INFO, &args, &ret,
                    err) < 0)
        return -1;
    info->type = ret.type;
    info->capacity = ret.capacity;
    info->allocation = ret.allocation;
    return 0;
}

char *
remotedrv_storage_vol_get_path(struct vireo_storage_vol *vol,
                               struct vireo_error *err)
{
    remote_storage_vol_get_path_args args;
    remote_storage_vol_get_path_ret ret = { 0 };

    remote_vol_to_wire(vol, &args.vol);
    if (remote_call(vol->conn, REMOTE_PROC_STORAGE_VOL_GET_PATH, &args, &ret,
                    err) < 0)
        return NULL;
    return ret.name;
}

/* ---- Contents: wipe and resize ---------------------------------------- */

int
remotedrv_storage_vol_wipe_pattern(struct vireo_storage_vol *vol,
                                   unsigned algorithm, unsigned flags,
                                   struct vireo_error *err)
{
    remote_storage_vol_wipe_pattern_args args = { .algorithm = algorithm,
                                                  .flags = flags };

    remote_vol_to_wire(vol, &args.vol);
    return remote_call(vol->conn, REMOTE_PROC_STORAGE_VOL_WIPE_PATTERN,
                       &args, NULL, err);
}

int
remotedrv_storage_vol_resize(struct vireo_storage_vol *vol,
                             unsigned long long capacity, unsigned flags,
                             struct vireo_error *err)
{
    remote_storage_vol_resize_args args = { .capacity = capacity,
                                            .flags = flags };

    remote_vol_to_wire(vol, &args.vol);
    return remote_call(vol->conn, REMOTE_PROC_STORAGE_VOL_RESIZE, &args,
                       NULL, err);
}
