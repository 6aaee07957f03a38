/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_slots.h: the storage driver's slots (drivers/driver.h), one
 * file per concern: storage_pool.c, storage_vol.c, storage_vol_change.c.
 * Every slot runs on the storage thread (vireod runs each call there).
 */
#ifndef VIREO_DRIVERS_STORAGE_SLOTS_H
#define VIREO_DRIVERS_STORAGE_SLOTS_H

#include <stdbool.h>

#include "api/vireo.h"
#include "drivers/handle.h"

struct stor_state;

/* The state a connection of this driver points at (storagedrv.c). */
static inline struct stor_state *
stor_state_of(struct vireo_conn *conn)
{
    return conn->priv;
}

/* libvirt's flag values for the storage calls (virStoragePoolCreateFlags,
 * virStorageXMLFlags, virStorageVolCreateFlags, virStorageVolResizeFlags,
 * virStorageVolDeleteFlags). */
#define STOR_POOL_CREATE_WITH_BUILD     (1u << 0)
#define STOR_XML_INACTIVE               (1u << 0)
#define STOR_VOL_CREATE_PREALLOC_META   (1u << 0)
#define STOR_VOL_CREATE_REFLINK         (1u << 1)
#define STOR_VOL_RESIZE_ALLOCATE        (1u << 0)
#define STOR_VOL_RESIZE_DELTA           (1u << 1)
#define STOR_VOL_RESIZE_SHRINK          (1u << 2)
#define STOR_VOL_DELETE_ZEROED          (1u << 0)
#define STOR_VOL_DELETE_WITH_SNAPSHOTS  (1u << 1)

/* storage_pool_sources.c */
char *stordrv_conn_find_storage_pool_sources(struct vireo_conn *conn,
                                             const char *type,
                                             const char *src_spec,
                                             unsigned flags,
                                             struct vireo_error *err);

/* storage_pool.c */
int stordrv_conn_list_all_storage_pools(struct vireo_conn *conn,
                                        struct vireo_storage_pool ***pools,
                                        unsigned flags,
                                        struct vireo_error *err);
struct vireo_storage_pool *stordrv_storage_pool_lookup_by_name(
    struct vireo_conn *conn, const char *name, struct vireo_error *err);
struct vireo_storage_pool *stordrv_storage_pool_lookup_by_uuid(
    struct vireo_conn *conn, const unsigned char *uuid,
    struct vireo_error *err);
struct vireo_storage_pool *stordrv_storage_pool_lookup_by_volume(
    struct vireo_storage_vol *vol, struct vireo_error *err);
struct vireo_storage_pool *stordrv_storage_pool_define_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
struct vireo_storage_pool *stordrv_storage_pool_create_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
int stordrv_storage_pool_create(struct vireo_storage_pool *pool,
                                unsigned flags, struct vireo_error *err);
int stordrv_storage_pool_build(struct vireo_storage_pool *pool,
                               unsigned flags, struct vireo_error *err);
int stordrv_storage_pool_destroy(struct vireo_storage_pool *pool,
                                 struct vireo_error *err);
int stordrv_storage_pool_delete(struct vireo_storage_pool *pool,
                                unsigned flags, struct vireo_error *err);
int stordrv_storage_pool_undefine(struct vireo_storage_pool *pool,
                                  struct vireo_error *err);
int stordrv_storage_pool_refresh(struct vireo_storage_pool *pool,
                                 unsigned flags, struct vireo_error *err);
char *stordrv_storage_pool_get_xml_desc(struct vireo_storage_pool *pool,
                                        unsigned flags,
                                        struct vireo_error *err);
int stordrv_storage_pool_get_info(struct vireo_storage_pool *pool,
                                  struct vireo_storage_pool_info *info,
                                  struct vireo_error *err);
int stordrv_storage_pool_get_autostart(struct vireo_storage_pool *pool,
                                       int *autostart,
                                       struct vireo_error *err);
int stordrv_storage_pool_set_autostart(struct vireo_storage_pool *pool,
                                       int autostart,
                                       struct vireo_error *err);
int stordrv_storage_pool_is_active(struct vireo_storage_pool *pool,
                                   struct vireo_error *err);
int stordrv_storage_pool_is_persistent(struct vireo_storage_pool *pool,
                                       struct vireo_error *err);

/* storage_vol.c */
int stordrv_storage_pool_list_all_volumes(struct vireo_storage_pool *pool,
                                          struct vireo_storage_vol ***vols,
                                          unsigned flags, bool is_legacy,
                                          struct vireo_error *err);
struct vireo_storage_vol *stordrv_storage_vol_lookup_by_name(
    struct vireo_storage_pool *pool, const char *name,
    struct vireo_error *err);
struct vireo_storage_vol *stordrv_storage_vol_lookup_by_key(
    struct vireo_conn *conn, const char *key, struct vireo_error *err);
struct vireo_storage_vol *stordrv_storage_vol_lookup_by_path(
    struct vireo_conn *conn, const char *path, struct vireo_error *err);
int stordrv_storage_vol_delete(struct vireo_storage_vol *vol, unsigned flags,
                               struct vireo_error *err);
char *stordrv_storage_vol_get_xml_desc(struct vireo_storage_vol *vol,
                                       unsigned flags,
                                       struct vireo_error *err);
int stordrv_storage_vol_get_info(struct vireo_storage_vol *vol,
                                 struct vireo_storage_vol_info *info,
                                 struct vireo_error *err);
char *stordrv_storage_vol_get_path(struct vireo_storage_vol *vol,
                                   struct vireo_error *err);

/* storage_vol_change.c: what runs a tool or rewrites a file. */
struct vireo_storage_vol *stordrv_storage_vol_create_xml(
    struct vireo_storage_pool *pool, const char *xml, unsigned flags,
    struct vireo_error *err);
struct vireo_storage_vol *stordrv_storage_vol_create_xml_from(
    struct vireo_storage_pool *pool, const char *xml,
    struct vireo_storage_vol *clone, unsigned flags,
    struct vireo_error *err);
int stordrv_storage_vol_wipe_pattern(struct vireo_storage_vol *vol,
                                     unsigned algorithm, unsigned flags,
                                     struct vireo_error *err);
int stordrv_storage_vol_resize(struct vireo_storage_vol *vol,
                               unsigned long long capacity, unsigned flags,
                               struct vireo_error *err);

/* storage_vol_stream.c */
int stordrv_storage_vol_upload(struct vireo_storage_vol *vol,
                               unsigned long long offset,
                               unsigned long long length, unsigned flags,
                               int *fd, struct vireo_error *err);
int stordrv_storage_vol_download(struct vireo_storage_vol *vol,
                                 unsigned long long offset,
                                 unsigned long long length, unsigned flags,
                                 int *fd, struct vireo_error *err);

/* storage_events.c */
int stordrv_storage_pool_event_register_any(
    struct vireo_conn *conn, struct vireo_storage_pool *pool, int event_id,
    vireo_storage_pool_event_generic_cb cb, void *opaque,
    vireo_free_cb free_cb, struct vireo_error *err);
int stordrv_storage_pool_event_deregister_any(struct vireo_conn *conn,
                                              int callback_id,
                                              struct vireo_error *err);

/* Shared by storage_vol*.c. */
struct stor_pool;
struct stor_vol;
/* The volume a handle names, in its active pool (*pool gets the pool);
 * NULL with libvirt's error. */
struct stor_vol *stor_vol_of(struct vireo_storage_vol *handle,
                             struct stor_pool **pool,
                             struct vireo_error *err);
/* A handle on vol of pool, for conn's caller. */
struct vireo_storage_vol *stor_vol_give(struct vireo_conn *conn,
                                        const struct stor_pool *pool,
                                        const struct stor_vol *vol,
                                        struct vireo_error *err);

#endif /* VIREO_DRIVERS_STORAGE_SLOTS_H */
