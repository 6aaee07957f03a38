/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_vol.c: the storage volume slots that read or drop volumes:
 * listing, lookups (by name, and by key or path among the running
 * pools), info, XML, path and delete, as libvirt's storage driver answers
 * them for dir pools. A volume's numbers are read from its file on every
 * query, as libvirt refreshes a volume before describing it.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/storage_xml.h"
#include "drivers/error.h"
#include "drivers/storage/storage_dir.h"
#include "drivers/storage/storage_lvm.h"
#include "drivers/storage/storage_slots.h"
#include "drivers/storage/storage_state.h"
#include "drivers/storage_handle.h"

struct vireo_storage_vol *
stor_vol_give(struct vireo_conn *conn, const struct stor_pool *pool,
              const struct stor_vol *vol, struct vireo_error *err)
{
    return handle_vol_new(conn, pool->def->name, vol->def->name,
                          vol->def->key, err);
}

struct stor_vol *
stor_vol_of(struct vireo_storage_vol *handle, struct stor_pool **pool,
            struct vireo_error *err)
{
    *pool = stor_find_active(stor_state_of(handle->conn), handle->pool, err);
    return *pool != NULL ? stor_vol_find(*pool, handle->name, err) : NULL;
}

/* ---- Listing and lookups ---------------------------------------------- */

int
stordrv_storage_pool_list_all_volumes(struct vireo_storage_pool *handle,
                                      struct vireo_storage_vol ***vols,
                                      unsigned flags, bool is_legacy,
                                      struct vireo_error *err)
{
    struct stor_pool *pool;
    struct vireo_storage_vol **list;

    if (error_check_flags(err, VIR_FROM_STORAGE, flags, 0,
                          "storagePoolListAllVolumes") < 0 ||
        (pool = stor_find_uuid(stor_state_of(handle->conn), handle->uuid,
                               err)) == NULL)
        return -1;
    (void)is_legacy;    /* libvirt's storage driver says the same to both */
    if (!pool->is_active)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_STORAGE,
                         "storage pool '%s' is not active", pool->def->name);
    list = calloc((size_t)pool->n_vols + 1, sizeof(*list));
    if (list == NULL)
        return error_no_memory(err);
    for (int i = 0; i < pool->n_vols; i++) {
        list[i] = stor_vol_give(handle->conn, pool, pool->vols[i], err);
        if (list[i] == NULL) {
            handle_vol_array_free(list, i);
            return -1;
        }
    }
    if (vols != NULL)
        *vols = list;
    else
        handle_vol_array_free(list, pool->n_vols);
    return pool->n_vols;
}

struct vireo_storage_vol *
stordrv_storage_vol_lookup_by_name(struct vireo_storage_pool *handle,
                                   const char *name, struct vireo_error *err)
{
    struct stor_pool *pool = stor_find_active(stor_state_of(handle->conn),
                                              handle->name, err);
    struct stor_vol *vol = pool != NULL ? stor_vol_find(pool, name, err)
                                        : NULL;

    return vol != NULL ? stor_vol_give(handle->conn, pool, vol, err) : NULL;
}

/* The volume whose key (is_key) or path is text, among running pools. */
static struct vireo_storage_vol *
find_among_pools(struct vireo_conn *conn, const char *text, bool is_key)
{
    struct stor_state *st = stor_state_of(conn);

    for (int i = 0; i < st->n_pools; i++) {
        struct stor_pool *pool = st->pools[i];

        for (int k = 0; pool->is_active && k < pool->n_vols; k++) {
            const struct storage_vol_def *def = pool->vols[k]->def;

            if (strcmp(is_key ? def->key : def->target.path, text) == 0)
                return stor_vol_give(conn, pool, pool->vols[k], NULL);
        }
    }
    return NULL;
}

struct vireo_storage_vol *
stordrv_storage_vol_lookup_by_key(struct vireo_conn *conn, const char *key,
                                  struct vireo_error *err)
{
    struct vireo_storage_vol *vol = find_among_pools(conn, key, true);

    if (vol == NULL)
        error_set(err, VIR_ERR_NO_STORAGE_VOL, VIR_FROM_STORAGE,
                  "no storage vol with matching key %s", key);
    return vol;
}

/* libvirt's virFileSanitizePath: no doubled or trailing slashes. */
static char *
sanitize(const char *path)
{
    char *clean = malloc(strlen(path) + 1);
    size_t n = 0;

    if (clean == NULL)
        return NULL;
    for (const char *p = path; *p != '\0'; p++)
        if (!(*p == '/' && n > 0 && clean[n - 1] == '/'))
            clean[n++] = *p;
    while (n > 1 && clean[n - 1] == '/')
        n--;
    clean[n] = '\0';
    return clean;
}

struct vireo_storage_vol *
stordrv_storage_vol_lookup_by_path(struct vireo_conn *conn, const char *path,
                                   struct vireo_error *err)
{
    char *clean = sanitize(path);
    struct vireo_storage_vol *vol = clean != NULL
                                    ? find_among_pools(conn, clean, false)
                                    : NULL;

    free(clean);
    if (vol == NULL)
        error_set(err, VIR_ERR_NO_STORAGE_VOL, VIR_FROM_STORAGE,
                  "no storage vol with matching path '%s'", path);
    return vol;
}

/* ---- Deleting --------------------------------------------------------- */

int
stordrv_storage_vol_delete(struct vireo_storage_vol *handle, unsigned flags,
                           struct vireo_error *err)
{
    struct stor_state *st = stor_state_of(handle->conn);
    struct stor_pool *pool;
    struct stor_vol *vol;

    if (error_check_flags(err, VIR_FROM_STORAGE, flags,
                          STOR_VOL_DELETE_ZEROED, "storageVolDelete") < 0 ||
        (vol = stor_vol_of(handle, &pool, err)) == NULL)
        return -1;
    if (stor_vol_check_idle(vol, err) < 0)
        return -1;
    if (stor_is_held(st, vol->def->target.path))
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_STORAGE,
                         "volume '%s' is still in use.", vol->def->name);
    if (pool->def->type == STORAGE_POOL_LOGICAL)
        return stor_lvm_vol_delete(pool, vol, err) == LVM_DONE ? 0 : -1;
    if ((flags & STOR_VOL_DELETE_ZEROED) &&
        stor_dir_wipe(vol->def->target.path, vol->def->allocation, err) < 0)
        return -1;
    if (stor_dir_vol_remove(vol->def, err) < 0)
        return -1;
    stor_vol_remove(pool, vol);
    return 0;
}

/* ---- Queries ---------------------------------------------------------- */

/* The volume a handle names, its numbers read again from its file. */
static struct stor_vol *
find_fresh(struct vireo_storage_vol *handle, struct stor_pool **pool,
           struct vireo_error *err)
{
    struct stor_vol *vol = stor_vol_of(handle, pool, err);

    if (vol == NULL)
        return NULL;
    /* An LV's numbers are those lvs gave at the last refresh. */
    if (!vol->is_building && (*pool)->def->type != STORAGE_POOL_LOGICAL &&
        stor_dir_vol_stat(vol->def, err) < 0)
        return NULL;
    return vol;
}

char *
stordrv_storage_vol_get_xml_desc(struct vireo_storage_vol *handle,
                                 unsigned flags, struct vireo_error *err)
{
    struct stor_pool *pool;
    struct stor_vol *vol;
    char *xml;

    if (error_check_flags(err, VIR_FROM_STORAGE, flags, 0,
                          "storageVolGetXMLDesc") < 0 ||
        (vol = find_fresh(handle, &pool, err)) == NULL)
        return NULL;
    xml = storage_vol_def_format(vol->def, pool->def->type);
    if (xml == NULL)
        error_no_memory(err);
    return xml;
}

int
stordrv_storage_vol_get_info(struct vireo_storage_vol *handle,
                             struct vireo_storage_vol_info *info,
                             struct vireo_error *err)
{
    struct stor_pool *pool;
    struct stor_vol *vol = find_fresh(handle, &pool, err);

    if (vol == NULL)
        return -1;
    info->type = vol->def->type;
    info->capacity = vol->def->capacity;
    info->allocation = vol->def->allocation;
    return 0;
}

char *
stordrv_storage_vol_get_path(struct vireo_storage_vol *handle,
                             struct vireo_error *err)
{
    struct stor_pool *pool;
    struct stor_vol *vol = stor_vol_of(handle, &pool, err);
    char *path = vol != NULL ? strdup(vol->def->target.path) : NULL;

    if (vol != NULL && path == NULL)
        error_no_memory(err);
    return path;
}
