/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_pool.c: the storage pool API (libvirt's virStoragePool* and
 * the connection's pool calls). Each entry point checks its arguments as
 * libvirt's does, then calls the driver's slot and returns its error
 * untouched.
 */
#include "api/check.h"
#include "api/storage_check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/storage_handle.h"

int
check_pool(const struct vireo_storage_pool *pool, const char *func,
           struct vireo_error *err)
{
    if (pool == NULL || pool->conn == NULL || pool->conn->driver == NULL)
        return error_set(err, VIR_ERR_INVALID_STORAGE_POOL, VIR_FROM_STORAGE,
                         "%s", func);
    return 0;
}

int
check_vol(const struct vireo_storage_vol *vol, const char *func,
          struct vireo_error *err)
{
    if (vol == NULL || vol->conn == NULL || vol->conn->driver == NULL)
        return error_set(err, VIR_ERR_INVALID_STORAGE_VOL, VIR_FROM_STORAGE,
                         "%s", func);
    return 0;
}

/* A pool handle on an open connection that may change things. */
static int
check_pool_change(const struct vireo_storage_pool *pool, const char *func,
                  struct vireo_error *err)
{
    if (check_pool(pool, func, err) < 0)
        return -1;
    return check_writable(pool->conn, func, err);
}

const char *
vireo_storage_pool_get_name(const struct vireo_storage_pool *pool)
{
    return pool != NULL ? pool->name : NULL;
}

const unsigned char *
vireo_storage_pool_get_uuid(const struct vireo_storage_pool *pool)
{
    return pool != NULL ? pool->uuid : NULL;
}

void
vireo_storage_pool_free(struct vireo_storage_pool *pool)
{
    handle_pool_unref(pool);
}

int
vireo_conn_list_all_storage_pools(struct vireo_conn *conn,
                                  struct vireo_storage_pool ***pools,
                                  unsigned flags, struct vireo_error *err)
{
    const char *func = "virConnectListAllStoragePools";

    if (check_conn(conn, func, err) < 0 ||
        check_slot(conn,
                   conn->driver->conn_list_all_storage_pools != NULL, func,
                   err) < 0)
        return -1;
    return conn->driver->conn_list_all_storage_pools(conn, pools, flags, err);
}

struct vireo_storage_pool *
vireo_storage_pool_lookup_by_name(struct vireo_conn *conn, const char *name,
                                  struct vireo_error *err)
{
    const char *func = "virStoragePoolLookupByName";

    if (check_conn(conn, func, err) < 0 ||
        check_non_null(name, "name", func, err) < 0 ||
        check_slot(conn,
                   conn->driver->storage_pool_lookup_by_name != NULL, func,
                   err) < 0)
        return NULL;
    return conn->driver->storage_pool_lookup_by_name(conn, name, err);
}

struct vireo_storage_pool *
vireo_storage_pool_lookup_by_uuid(struct vireo_conn *conn,
                                  const unsigned char *uuid,
                                  struct vireo_error *err)
{
    const char *func = "virStoragePoolLookupByUUID";

    if (check_conn(conn, func, err) < 0 ||
        check_non_null(uuid, "uuid", func, err) < 0 ||
        check_slot(conn,
                   conn->driver->storage_pool_lookup_by_uuid != NULL, func,
                   err) < 0)
        return NULL;
    return conn->driver->storage_pool_lookup_by_uuid(conn, uuid, err);
}

struct vireo_storage_pool *
vireo_storage_pool_lookup_by_volume(struct vireo_storage_vol *vol,
                                    struct vireo_error *err)
{
    const char *func = "virStoragePoolLookupByVolume";

    if (check_vol(vol, func, err) < 0 ||
        check_slot(vol->conn,
                   vol->conn->driver->storage_pool_lookup_by_volume != NULL,
                   func, err) < 0)
        return NULL;
    return vol->conn->driver->storage_pool_lookup_by_volume(vol, err);
}

struct vireo_storage_pool *
vireo_storage_pool_define_xml(struct vireo_conn *conn, const char *xml,
                              unsigned flags, struct vireo_error *err)
{
    const char *func = "virStoragePoolDefineXML";

    if (check_conn(conn, func, err) < 0 ||
        check_writable(conn, func, err) < 0 ||
        check_non_null(xml, "xml", func, err) < 0 ||
        check_slot(conn,
                   conn->driver->storage_pool_define_xml != NULL, func,
                   err) < 0)
        return NULL;
    return conn->driver->storage_pool_define_xml(conn, xml, flags, err);
}

struct vireo_storage_pool *
vireo_storage_pool_create_xml(struct vireo_conn *conn, const char *xml,
                              unsigned flags, struct vireo_error *err)
{
    const char *func = "virStoragePoolCreateXML";

    if (check_conn(conn, func, err) < 0 ||
        check_writable(conn, func, err) < 0 ||
        check_non_null(xml, "xmlDesc", func, err) < 0 ||
        check_slot(conn,
                   conn->driver->storage_pool_create_xml != NULL, func,
                   err) < 0)
        return NULL;
    return conn->driver->storage_pool_create_xml(conn, xml, flags, err);
}

/* The lifecycle entry points: a pool that may change, then the slot. */
#define POOL_CHANGE(pool, func, slot, err)                                 \
    (check_pool_change(pool, func, err) < 0 ||                             \
     check_slot((pool)->conn,                                      \
                (pool)->conn->driver->slot != NULL, func, err) < 0)

int
vireo_storage_pool_create(struct vireo_storage_pool *pool, unsigned flags,
                          struct vireo_error *err)
{
    if (POOL_CHANGE(pool, "virStoragePoolCreate", storage_pool_create, err))
        return -1;
    return pool->conn->driver->storage_pool_create(pool, flags, err);
}

int
vireo_storage_pool_build(struct vireo_storage_pool *pool, unsigned flags,
                         struct vireo_error *err)
{
    if (POOL_CHANGE(pool, "virStoragePoolBuild", storage_pool_build, err))
        return -1;
    return pool->conn->driver->storage_pool_build(pool, flags, err);
}

int
vireo_storage_pool_destroy(struct vireo_storage_pool *pool,
                           struct vireo_error *err)
{
    if (POOL_CHANGE(pool, "virStoragePoolDestroy", storage_pool_destroy, err))
        return -1;
    return pool->conn->driver->storage_pool_destroy(pool, err);
}

int
vireo_storage_pool_delete(struct vireo_storage_pool *pool, unsigned flags,
                          struct vireo_error *err)
{
    if (POOL_CHANGE(pool, "virStoragePoolDelete", storage_pool_delete, err))
        return -1;
    return pool->conn->driver->storage_pool_delete(pool, flags, err);
}

int
vireo_storage_pool_undefine(struct vireo_storage_pool *pool,
                            struct vireo_error *err)
{
    if (POOL_CHANGE(pool, "virStoragePoolUndefine", storage_pool_undefine,
                    err))
        return -1;
    return pool->conn->driver->storage_pool_undefine(pool, err);
}

int
vireo_storage_pool_refresh(struct vireo_storage_pool *pool, unsigned flags,
                           struct vireo_error *err)
{
    if (POOL_CHANGE(pool, "virStoragePoolRefresh", storage_pool_refresh, err))
        return -1;
    return pool->conn->driver->storage_pool_refresh(pool, flags, err);
}

int
vireo_storage_pool_set_autostart(struct vireo_storage_pool *pool,
                                 int autostart, struct vireo_error *err)
{
    if (POOL_CHANGE(pool, "virStoragePoolSetAutostart",
                    storage_pool_set_autostart, err))
        return -1;
    return pool->conn->driver->storage_pool_set_autostart(pool, autostart,
                                                          err);
}

/* The query entry points: a pool handle, then the slot. */
#define POOL_QUERY(pool, func, slot, err)                                  \
    (check_pool(pool, func, err) < 0 ||                                    \
     check_slot((pool)->conn,                                      \
                (pool)->conn->driver->slot != NULL, func, err) < 0)

char *
vireo_storage_pool_get_xml_desc(struct vireo_storage_pool *pool,
                                unsigned flags, struct vireo_error *err)
{
    if (POOL_QUERY(pool, "virStoragePoolGetXMLDesc",
                   storage_pool_get_xml_desc, err))
        return NULL;
    return pool->conn->driver->storage_pool_get_xml_desc(pool, flags, err);
}

int
vireo_storage_pool_get_info(struct vireo_storage_pool *pool,
                            struct vireo_storage_pool_info *info,
                            struct vireo_error *err)
{
    const char *func = "virStoragePoolGetInfo";

    if (POOL_QUERY(pool, func, storage_pool_get_info, err) ||
        check_non_null(info, "info", func, err) < 0)
        return -1;
    return pool->conn->driver->storage_pool_get_info(pool, info, err);
}

int
vireo_storage_pool_get_autostart(struct vireo_storage_pool *pool,
                                 int *autostart, struct vireo_error *err)
{
    const char *func = "virStoragePoolGetAutostart";

    if (POOL_QUERY(pool, func, storage_pool_get_autostart, err) ||
        check_non_null(autostart, "autostart", func, err) < 0)
        return -1;
    return pool->conn->driver->storage_pool_get_autostart(pool, autostart,
                                                          err);
}

int
vireo_storage_pool_is_active(struct vireo_storage_pool *pool,
                             struct vireo_error *err)
{
    if (POOL_QUERY(pool, "virStoragePoolIsActive", storage_pool_is_active,
                   err))
        return -1;
    return pool->conn->driver->storage_pool_is_active(pool, err);
}

int
vireo_storage_pool_is_persistent(struct vireo_storage_pool *pool,
                                 struct vireo_error *err)
{
    if (POOL_QUERY(pool, "virStoragePoolIsPersistent",
                   storage_pool_is_persistent, err))
        return -1;
    return pool->conn->driver->storage_pool_is_persistent(pool, err);
}

char *
vireo_conn_find_storage_pool_sources(struct vireo_conn *conn,
                                     const char *type, const char *src_spec,
                                     unsigned flags, struct vireo_error *err)
{
    const char *func = "virConnectFindStoragePoolSources";

    if (check_conn(conn, func, err) < 0 ||
        check_writable(conn, func, err) < 0 ||
        check_non_null(type, "type", func, err) < 0 ||
        check_slot(conn,
                   conn->driver->conn_find_storage_pool_sources != NULL, func,
                   err) < 0)
        return NULL;
    return conn->driver->conn_find_storage_pool_sources(conn, type, src_spec,
                                                        flags, err);
}
