/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_vol.c: the storage volume API (libvirt's virStorageVol* and
 * virStoragePoolListAllVolumes). Each entry point checks its arguments as
 * libvirt's does, then calls the driver's slot and returns its error
 * untouched.
 */
#include "api/check.h"
#include "api/storage_check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/storage_handle.h"

const char *
vireo_storage_vol_get_name(const struct vireo_storage_vol *vol)
{
    return vol != NULL ? vol->name : NULL;
}

const char *
vireo_storage_vol_get_key(const struct vireo_storage_vol *vol)
{
    return vol != NULL ? vol->key : NULL;
}

const char *
vireo_storage_vol_get_pool_name(const struct vireo_storage_vol *vol)
{
    return vol != NULL ? vol->pool : NULL;
}

void
vireo_storage_vol_free(struct vireo_storage_vol *vol)
{
    handle_vol_unref(vol);
}

/* The entry points on a pool or a volume: the handle, then the slot. */
#define ON_POOL(pool, func, slot, err)                                     \
    (check_pool(pool, func, err) < 0 ||                                    \
     check_slot((pool)->conn,                                      \
                (pool)->conn->driver->slot != NULL, func, err) < 0)
#define ON_VOL(vol, func, slot, err)                                       \
    (check_vol(vol, func, err) < 0 ||                                      \
     check_slot((vol)->conn,                                       \
                (vol)->conn->driver->slot != NULL, func, err) < 0)

int
vireo_storage_pool_list_all_volumes(struct vireo_storage_pool *pool,
                                    struct vireo_storage_vol ***vols,
                                    unsigned flags, struct vireo_error *err)
{
    if (ON_POOL(pool, "virStoragePoolListAllVolumes",
                storage_pool_list_all_volumes, err))
        return -1;
    return pool->conn->driver->storage_pool_list_all_volumes(pool, vols,
                                                             flags, false,
                                                             err);
}

struct vireo_storage_vol *
vireo_storage_vol_lookup_by_name(struct vireo_storage_pool *pool,
                                 const char *name, struct vireo_error *err)
{
    const char *func = "virStorageVolLookupByName";

    if (ON_POOL(pool, func, storage_vol_lookup_by_name, err) ||
        check_non_null(name, "name", func, err) < 0)
        return NULL;
    return pool->conn->driver->storage_vol_lookup_by_name(pool, name, err);
}

/* A lookup on the connection by key or path. */
static int
check_conn_lookup(struct vireo_conn *conn, const char *value,
                  const char *arg, bool has_slot, const char *func,
                  struct vireo_error *err)
{
    if (check_conn(conn, func, err) < 0 ||
        check_non_null(value, arg, func, err) < 0)
        return -1;
    return check_slot(conn, has_slot, func, err);
}

struct vireo_storage_vol *
vireo_storage_vol_lookup_by_key(struct vireo_conn *conn, const char *key,
                                struct vireo_error *err)
{
    if (check_conn_lookup(conn, key, "key", conn != NULL &&
                          conn->driver != NULL &&
                          conn->driver->storage_vol_lookup_by_key != NULL,
                          "virStorageVolLookupByKey", err) < 0)
        return NULL;
    return conn->driver->storage_vol_lookup_by_key(conn, key, err);
}

struct vireo_storage_vol *
vireo_storage_vol_lookup_by_path(struct vireo_conn *conn, const char *path,
                                 struct vireo_error *err)
{
    if (check_conn_lookup(conn, path, "path", conn != NULL &&
                          conn->driver != NULL &&
                          conn->driver->storage_vol_lookup_by_path != NULL,
                          "virStorageVolLookupByPath", err) < 0)
        return NULL;
    return conn->driver->storage_vol_lookup_by_path(conn, path, err);
}

struct vireo_storage_vol *
vireo_storage_vol_create_xml(struct vireo_storage_pool *pool,
                             const char *xml, unsigned flags,
                             struct vireo_error *err)
{
    const char *func = "virStorageVolCreateXML";

    if (ON_POOL(pool, func, storage_vol_create_xml, err) ||
        check_writable(pool->conn, func, err) < 0 ||
        check_non_null(xml, "xmlDesc", func, err) < 0)
        return NULL;
    return pool->conn->driver->storage_vol_create_xml(pool, xml, flags, err);
}

struct vireo_storage_vol *
vireo_storage_vol_create_xml_from(struct vireo_storage_pool *pool,
                                  const char *xml,
                                  struct vireo_storage_vol *clone,
                                  unsigned flags, struct vireo_error *err)
{
    const char *func = "virStorageVolCreateXMLFrom";

    if (ON_POOL(pool, func, storage_vol_create_xml_from, err) ||
        check_vol(clone, func, err) < 0 ||
        check_writable(pool->conn, func, err) < 0 ||
        check_non_null(xml, "xmlDesc", func, err) < 0)
        return NULL;
    return pool->conn->driver->storage_vol_create_xml_from(pool, xml, clone,
                                                           flags, err);
}

int
vireo_storage_vol_delete(struct vireo_storage_vol *vol, unsigned flags,
                         struct vireo_error *err)
{
    const char *func = "virStorageVolDelete";

    if (ON_VOL(vol, func, storage_vol_delete, err) ||
        check_writable(vol->conn, func, err) < 0)
        return -1;
    return vol->conn->driver->storage_vol_delete(vol, flags, err);
}

char *
vireo_storage_vol_get_xml_desc(struct vireo_storage_vol *vol, unsigned flags,
                               struct vireo_error *err)
{
    if (ON_VOL(vol, "virStorageVolGetXMLDesc", storage_vol_get_xml_desc,
               err))
        return NULL;
    return vol->conn->driver->storage_vol_get_xml_desc(vol, flags, err);
}

int
vireo_storage_vol_get_info(struct vireo_storage_vol *vol,
                           struct vireo_storage_vol_info *info,
                           struct vireo_error *err)
{
    const char *func = "virStorageVolGetInfo";

    if (ON_VOL(vol, func, storage_vol_get_info, err) ||
        check_non_null(info, "info", func, err) < 0)
        return -1;
    return vol->conn->driver->storage_vol_get_info(vol, info, err);
}

char *
vireo_storage_vol_get_path(struct vireo_storage_vol *vol,
                           struct vireo_error *err)
{
    if (ON_VOL(vol, "virStorageVolGetPath", storage_vol_get_path, err))
        return NULL;
    return vol->conn->driver->storage_vol_get_path(vol, err);
}

/* ---- Contents: wipe and resize ---------------------------------------- */

int
vireo_storage_vol_wipe_pattern(struct vireo_storage_vol *vol,
                               unsigned algorithm, unsigned flags,
                               struct vireo_error *err)
{
    const char *func = "virStorageVolWipePattern";

    if (ON_VOL(vol, func, storage_vol_wipe_pattern, err) ||
        check_writable(vol->conn, func, err) < 0)
        return -1;
    return vol->conn->driver->storage_vol_wipe_pattern(vol, algorithm, flags,
                                                       err);
}

int
vireo_storage_vol_wipe(struct vireo_storage_vol *vol, unsigned flags,
                       struct vireo_error *err)
{
    const char *func = "virStorageVolWipe";

    if (ON_VOL(vol, func, storage_vol_wipe_pattern, err) ||
        check_writable(vol->conn, func, err) < 0)
        return -1;
    return vol->conn->driver->storage_vol_wipe_pattern(vol, 0, flags, err);
}

int
vireo_storage_vol_resize(struct vireo_storage_vol *vol,
                         unsigned long long capacity, unsigned flags,
                         struct vireo_error *err)
{
    const char *func = "virStorageVolResize";

    if (ON_VOL(vol, func, storage_vol_resize, err) ||
        check_writable(vol->conn, func, err) < 0)
        return -1;
    return vol->conn->driver->storage_vol_resize(vol, capacity, flags, err);
}
