/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_pool.c: the storage pool slots of the storage driver, as
 * libvirt's storage driver answers them for dir pools (storagePool* in
 * its storage_driver.c). vireod runs every slot on the storage thread,
 * which owns the state conn->priv points to.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/storage_xml.h"
#include "drivers/error.h"
#include "drivers/storage/storage_dir.h"
#include "drivers/storage/storage_lvm.h"
#include "drivers/storage/storage_slots.h"
#include "drivers/storage/storage_state.h"
#include "drivers/storage_handle.h"
#include "drivers/storage_pool_rules.h"

static struct vireo_storage_pool *
give(struct vireo_conn *conn, const struct stor_pool *pool,
     struct vireo_error *err)
{
    return handle_pool_new(conn, pool->def->name, pool->def->uuid, err);
}

/* The pool a handle names, by uuid as libvirt finds it. */
static struct stor_pool *
find(struct vireo_storage_pool *handle, struct vireo_error *err)
{
    return stor_find_uuid(stor_state_of(handle->conn), handle->uuid, err);
}

static bool
is_logical(const struct stor_pool *pool)
{
    return pool->def->type == STORAGE_POOL_LOGICAL;
}

static struct storage_pool_view
view_of(const struct stor_pool *pool)
{
    return (struct storage_pool_view){ pool->def, pool->is_active,
                                       pool->is_persistent,
                                       pool->is_autostart };
}

/* ---- Listing and lookups ---------------------------------------------- */

int
stordrv_conn_list_all_storage_pools(struct vireo_conn *conn,
                                    struct vireo_storage_pool ***pools,
                                    unsigned flags, struct vireo_error *err)
{
    struct stor_state *st = stor_state_of(conn);
    struct vireo_storage_pool **list;
    int n = 0;

    if (error_check_flags(err, VIR_FROM_STORAGE, flags,
                          STORAGE_POOL_LIST_FLAGS,
                          "storageConnectListAllStoragePools") < 0)
        return -1;
    list = calloc((size_t)st->n_pools + 1, sizeof(*list));
    if (list == NULL)
        return error_no_memory(err);
    for (int i = 0; i < st->n_pools; i++) {
        struct storage_pool_view v = view_of(st->pools[i]);

        if (!storage_pool_matches(&v, flags))
            continue;
        list[n] = give(conn, st->pools[i], err);
        if (list[n] == NULL) {
            handle_pool_array_free(list, n);
            return -1;
        }
        n++;
    }
    if (pools != NULL)
        *pools = list;
    else
        handle_pool_array_free(list, n);
    return n;
}

struct vireo_storage_pool *
stordrv_storage_pool_lookup_by_name(struct vireo_conn *conn, const char *name,
                                    struct vireo_error *err)
{
    struct stor_pool *pool = stor_find_name(stor_state_of(conn), name, err);

    return pool != NULL ? give(conn, pool, err) : NULL;
}

struct vireo_storage_pool *
stordrv_storage_pool_lookup_by_uuid(struct vireo_conn *conn,
                                    const unsigned char *uuid,
                                    struct vireo_error *err)
{
    struct stor_pool *pool = stor_find_uuid(stor_state_of(conn), uuid, err);

    return pool != NULL ? give(conn, pool, err) : NULL;
}

struct vireo_storage_pool *
stordrv_storage_pool_lookup_by_volume(struct vireo_storage_vol *vol,
                                      struct vireo_error *err)
{
    return stordrv_storage_pool_lookup_by_name(vol->conn, vol->pool, err);
}

/* ---- Defining --------------------------------------------------------- */

int
stor_check_backend(int type, struct vireo_error *err)
{
    if (type == STORAGE_POOL_DIR || type == STORAGE_POOL_LOGICAL)
        return 0;
    return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_STORAGE,
                     "missing backend for pool type %d (%s)", type,
                     storage_pool_type_to_string(type));
}

/* def (taken over) as a new pool, or as the new definition of the pool
 * with its name and uuid; NULL with err set. */
static struct stor_pool *
install(struct stor_state *st, struct storage_pool_def *def, bool is_start,
        struct vireo_error *err)
{
    struct storage_pool_view *views = calloc((size_t)st->n_pools + 1,
                                             sizeof(*views));
    int same = -1, rc;
    struct stor_pool *pool;

    if (views == NULL) {
        storage_pool_def_free(def);
        error_no_memory(err);
        return NULL;
    }
    for (int i = 0; i < st->n_pools; i++)
        views[i] = view_of(st->pools[i]);
    rc = stor_check_backend(def->type, err);
    if (rc == 0)
        rc = storage_pool_check_duplicate(views, st->n_pools, def, is_start,
                                          &same, err);
    free(views);
    if (rc < 0) {
        storage_pool_def_free(def);
        return NULL;
    }
    if (same < 0)
        return stor_add_pool(st, def, err);
    pool = st->pools[same];
    storage_pool_def_free(pool->def);
    pool->def = def;
    return pool;
}

struct vireo_storage_pool *
stordrv_storage_pool_define_xml(struct vireo_conn *conn, const char *xml,
                                unsigned flags, struct vireo_error *err)
{
    struct stor_state *st = stor_state_of(conn);
    struct storage_pool_def *def;
    struct stor_pool *pool;
    bool was_persistent;

    if (error_check_flags(err, VIR_FROM_STORAGE, flags, 0,
                          "storagePoolDefineXML") < 0 ||
        (def = storage_pool_def_parse(xml, err)) == NULL ||
        (pool = install(st, def, false, err)) == NULL)
        return NULL;
    was_persistent = pool->is_persistent;
    pool->is_persistent = true;
    if (stor_save_config(st, pool, err) < 0) {
        pool->is_persistent = was_persistent;
        if (!was_persistent && !pool->is_active)
            stor_forget(st, pool);
        return NULL;
    }
    stor_emit(st, pool, VIR_STORAGE_POOL_EVENT_DEFINED);
    return give(conn, pool, err);
}

/* Build (when asked) and start a logical pool; LVM_DONE with the
 * STARTED event sent. */
static int
start_logical(struct stor_state *st, struct stor_pool *pool, unsigned flags,
              struct vireo_error *err)
{
    if (flags & STOR_POOL_CREATE_WITH_BUILD)
        LVM_AFTER(stor_lvm_build(pool, 0, err));
    LVM_AFTER(stor_lvm_start(st, pool, err));
    stor_emit(st, pool, VIR_STORAGE_POOL_EVENT_STARTED);
    return LVM_DONE;
}

/* pool-create of a logical pool: the pool is in the table from the
 * first run (is_starting) while its tools run, and found there again
 * by the later runs of the call. */
static struct vireo_storage_pool *
create_logical(struct vireo_conn *conn, struct storage_pool_def *def,
               unsigned flags, struct vireo_error *err)
{
    struct stor_state *st = stor_state_of(conn);
    struct stor_pool *pool = stor_find_name(st, def->name, NULL);
    int progress;

    if (pool != NULL && pool->is_starting &&
        memcmp(pool->def->uuid, def->uuid, sizeof(def->uuid)) == 0)
        storage_pool_def_free(def);
    else if ((pool = install(st, def, true, err)) == NULL)
        return NULL;
    pool->is_starting = true;
    progress = start_logical(st, pool, flags, err);
    if (progress == LVM_WAITING)
        return NULL;
    pool->is_starting = false;
    if (progress == LVM_FAILED) {
        if (!pool->is_persistent)
            stor_forget(st, pool);
        return NULL;
    }
    return give(conn, pool, err);
}

struct vireo_storage_pool *
stordrv_storage_pool_create_xml(struct vireo_conn *conn, const char *xml,
                                unsigned flags, struct vireo_error *err)
{
    struct stor_state *st = stor_state_of(conn);
    struct storage_pool_def *def;
    struct stor_pool *pool;

    if (error_check_flags(err, VIR_FROM_STORAGE, flags,
                          STOR_POOL_CREATE_WITH_BUILD,
                          "storagePoolCreateXML") < 0 ||
        (def = storage_pool_def_parse(xml, err)) == NULL)
        return NULL;
    if (def->type == STORAGE_POOL_LOGICAL)
        return create_logical(conn, def, flags, err);
    if ((pool = install(st, def, true, err)) == NULL)
        return NULL;
    if (((flags & STOR_POOL_CREATE_WITH_BUILD) &&
         stor_dir_build(pool->def, err) < 0) ||
        stor_pool_start(st, pool, err) < 0) {
        if (!pool->is_persistent)
            stor_forget(st, pool);
        return NULL;
    }
    stor_emit(st, pool, VIR_STORAGE_POOL_EVENT_STARTED);
    return give(conn, pool, err);
}

/* ---- Lifecycle -------------------------------------------------------- */

/* How libvirt words a pool in the wrong state, by call. */
enum wrong_state { NOT_ACTIVE, ALREADY_ACTIVE, STILL_ACTIVE };

/* The pool a handle names, which must be inactive (is_active false) or
 * active. */
static struct stor_pool *
find_in_state(struct vireo_storage_pool *handle, bool is_active,
              enum wrong_state words, struct vireo_error *err)
{
    struct stor_pool *pool = find(handle, err);

    if (pool == NULL || pool->is_active == is_active)
        return pool;
    error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_STORAGE,
              "storage pool '%s' is %s", pool->def->name,
              words == NOT_ACTIVE ? "not active"
              : words == ALREADY_ACTIVE ? "already active" : "still active");
    return NULL;
}

int
stordrv_storage_pool_create(struct vireo_storage_pool *handle, unsigned flags,
                            struct vireo_error *err)
{
    struct stor_pool *pool;

    if (error_check_flags(err, VIR_FROM_STORAGE, flags,
                          STOR_POOL_CREATE_WITH_BUILD,
                          "storagePoolCreate") < 0 ||
        (pool = find_in_state(handle, false, ALREADY_ACTIVE, err)) == NULL)
        return -1;
    if (is_logical(pool))
        return start_logical(stor_state_of(handle->conn), pool, flags,
                             err) == LVM_DONE ? 0 : -1;
    if (((flags & STOR_POOL_CREATE_WITH_BUILD) &&
         stor_dir_build(pool->def, err) < 0) ||
        stor_pool_start(stor_state_of(handle->conn), pool, err) < 0)
        return -1;
    stor_emit(stor_state_of(handle->conn), pool,
              VIR_STORAGE_POOL_EVENT_STARTED);
    return 0;
}

static int
build_logical(struct vireo_storage_pool *handle, struct stor_pool *pool,
              unsigned flags, struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_STORAGE, flags,
                          STOR_POOL_BUILD_OVERWRITE |
                          STOR_POOL_BUILD_NO_OVERWRITE,
                          "virStorageBackendLogicalBuildPool") < 0 ||
        find_in_state(handle, false, ALREADY_ACTIVE, err) == NULL ||
        stor_lvm_build(pool, flags, err) != LVM_DONE)
        return -1;
    stor_emit(stor_state_of(handle->conn), pool,
              VIR_STORAGE_POOL_EVENT_CREATED);
    return 0;
}

int
stordrv_storage_pool_build(struct vireo_storage_pool *handle, unsigned flags,
                           struct vireo_error *err)
{
    struct stor_pool *pool;

    if ((pool = find(handle, err)) != NULL && is_logical(pool))
        return build_logical(handle, pool, flags, err);
    if (error_check_flags(err, VIR_FROM_STORAGE, flags, 0,
                          "storagePoolBuild") < 0 ||
        (pool = find_in_state(handle, false, ALREADY_ACTIVE, err)) == NULL ||
        stor_dir_build(pool->def, err) < 0)
        return -1;
    stor_emit(stor_state_of(handle->conn), pool,
              VIR_STORAGE_POOL_EVENT_CREATED);
    return 0;
}

int
stordrv_storage_pool_destroy(struct vireo_storage_pool *handle,
                             struct vireo_error *err)
{
    struct stor_pool *pool = find_in_state(handle, true, NOT_ACTIVE, err);

    if (pool == NULL)
        return -1;
    if (pool->n_jobs > 0)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_STORAGE,
                         "pool '%s' has asynchronous jobs running.",
                         pool->def->name);
    if (is_logical(pool))
        return stor_lvm_stop(stor_state_of(handle->conn), pool, err) ==
               LVM_DONE ? 0 : -1;
    stor_pool_stop(stor_state_of(handle->conn), pool);
    return 0;
}

int
stordrv_storage_pool_delete(struct vireo_storage_pool *handle, unsigned flags,
                            struct vireo_error *err)
{
    struct stor_pool *pool;

    if (error_check_flags(err, VIR_FROM_STORAGE, flags, 0,
                          "storagePoolDelete") < 0 ||
        (pool = find_in_state(handle, false, STILL_ACTIVE, err)) == NULL)
        return -1;
    if (is_logical(pool) ? stor_lvm_delete(pool, err) != LVM_DONE
                         : stor_dir_delete(pool->def, err) < 0)
        return -1;
    stor_emit(stor_state_of(handle->conn), pool,
              VIR_STORAGE_POOL_EVENT_DELETED);
    return 0;
}

int
stordrv_storage_pool_undefine(struct vireo_storage_pool *handle,
                              struct vireo_error *err)
{
    struct stor_state *st = stor_state_of(handle->conn);
    struct stor_pool *pool = find_in_state(handle, false, STILL_ACTIVE, err);

    if (pool == NULL || stor_remove_config(st, pool, err) < 0)
        return -1;
    stor_emit(st, pool, VIR_STORAGE_POOL_EVENT_UNDEFINED);
    stor_forget(st, pool);
    return 0;
}

static int
refresh_logical(struct stor_state *st, struct stor_pool *pool,
                struct vireo_error *err)
{
    int progress = stor_lvm_refresh(st, pool, err);

    if (progress == LVM_DONE)
        stor_emit_refresh(st, pool);
    return progress == LVM_DONE ? 0 : -1;
}

int
stordrv_storage_pool_refresh(struct vireo_storage_pool *handle,
                             unsigned flags, struct vireo_error *err)
{
    struct stor_pool *pool;

    if (error_check_flags(err, VIR_FROM_STORAGE, flags, 0,
                          "storagePoolRefresh") < 0 ||
        (pool = find_in_state(handle, true, NOT_ACTIVE, err)) == NULL)
        return -1;
    if (pool->n_jobs > 0)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_STORAGE,
                         "pool '%s' has asynchronous jobs running.",
                         pool->def->name);
    if (is_logical(pool))
        return refresh_logical(stor_state_of(handle->conn), pool, err);
    return stor_pool_refresh(stor_state_of(handle->conn), pool, err);
}

/* ---- Queries ---------------------------------------------------------- */

/* A running dir pool's numbers are the filesystem's as they are now; a
 * logical pool's are those of its last refresh, as libvirt's. */
static void
update_numbers(struct stor_pool *pool)
{
    struct vireo_error ignored = { 0 };

    if (pool->is_active && !is_logical(pool))
        stor_dir_fs_numbers(pool->def, &ignored);
}

char *
stordrv_storage_pool_get_xml_desc(struct vireo_storage_pool *handle,
                                  unsigned flags, struct vireo_error *err)
{
    struct stor_pool *pool;
    char *xml;

    if (error_check_flags(err, VIR_FROM_STORAGE, flags,
                          STOR_XML_INACTIVE,
                          "storagePoolGetXMLDesc") < 0 ||
        (pool = find(handle, err)) == NULL)
        return NULL;
    update_numbers(pool);
    xml = storage_pool_def_format(pool->def);
    if (xml == NULL)
        error_no_memory(err);
    return xml;
}

int
stordrv_storage_pool_get_info(struct vireo_storage_pool *handle,
                              struct vireo_storage_pool_info *info,
                              struct vireo_error *err)
{
    struct stor_pool *pool = find(handle, err);

    if (pool == NULL)
        return -1;
    update_numbers(pool);
    memset(info, 0, sizeof(*info));
    info->state = pool->is_active ? VIR_STORAGE_POOL_RUNNING
                                  : VIR_STORAGE_POOL_INACTIVE;
    if (pool->is_active) {
        info->capacity = pool->def->capacity;
        info->allocation = pool->def->allocation;
        info->available = pool->def->available;
    }
    return 0;
}

int
stordrv_storage_pool_get_autostart(struct vireo_storage_pool *handle,
                                   int *autostart, struct vireo_error *err)
{
    struct stor_pool *pool = find(handle, err);

    if (pool == NULL)
        return -1;
    *autostart = pool->is_autostart;
    return 0;
}

int
stordrv_storage_pool_set_autostart(struct vireo_storage_pool *handle,
                                   int autostart, struct vireo_error *err)
{
    struct stor_pool *pool = find(handle, err);

    if (pool == NULL)
        return -1;
    if (!pool->is_persistent)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_STORAGE,
                         "%s", "cannot set autostart for transient pool");
    return stor_set_autostart(stor_state_of(handle->conn), pool, autostart != 0,
                              err);
}

int
stordrv_storage_pool_is_active(struct vireo_storage_pool *handle,
                               struct vireo_error *err)
{
    struct stor_pool *pool = find(handle, err);

    return pool != NULL ? pool->is_active : -1;
}

int
stordrv_storage_pool_is_persistent(struct vireo_storage_pool *handle,
                                   struct vireo_error *err)
{
    struct stor_pool *pool = find(handle, err);

    return pool != NULL ? pool->is_persistent : -1;
}
