/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo-storage.h: the part of the public header for storage pools and
 * volumes.
 *
 * Clients include vireo.h, which includes this file after the parts it
 * builds on; it is not meant to be included on its own.
 */
#ifndef VIREO_STORAGE_H
#define VIREO_STORAGE_H

#ifndef VIREO_H_INCLUDES
#error "include vireo.h, not vireo-storage.h"
#endif

/* Storage pools and volumes. */

/* libvirt's virStoragePoolPtr and virStorageVolPtr: a pool by name and
 * uuid, a volume by its pool's name, its name and its key. A returned
 * handle is the caller's (vireo_storage_pool_free, vireo_storage_vol_free);
 * a returned list is a malloc'ed array of n handles and a NULL, each
 * freed, then the array. */
struct vireo_storage_pool;
struct vireo_storage_vol;

/* libvirt's virStoragePoolState. */
enum vireo_storage_pool_state {
    VIR_STORAGE_POOL_INACTIVE     = 0,
    VIR_STORAGE_POOL_BUILDING     = 1,
    VIR_STORAGE_POOL_RUNNING      = 2,
    VIR_STORAGE_POOL_DEGRADED     = 3,
    VIR_STORAGE_POOL_INACCESSIBLE = 4,
};

/* libvirt's virStorageVolType. */
enum vireo_storage_vol_type {
    VIR_STORAGE_VOL_FILE    = 0,
    VIR_STORAGE_VOL_BLOCK   = 1,
    VIR_STORAGE_VOL_DIR     = 2,
    VIR_STORAGE_VOL_NETWORK = 3,
    VIR_STORAGE_VOL_NETDIR  = 4,
    VIR_STORAGE_VOL_PLOOP   = 5,
};

/* libvirt's virConnectListAllStoragePoolsFlags: filters, or-ed within a
 * group, and-ed across groups; no bit of a group means all. */
enum vireo_storage_pool_list_flags {
    VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE     = 1 << 0,
    VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE       = 1 << 1,
    VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT   = 1 << 2,
    VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT    = 1 << 3,
    VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART    = 1 << 4,
    VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART = 1 << 5,
    /* One bit per pool type, from DIR, in virStoragePoolType's order. */
    VIR_CONNECT_LIST_STORAGE_POOLS_DIR          = 1 << 6,
    VIR_CONNECT_LIST_STORAGE_POOLS_FS           = 1 << 7,
    VIR_CONNECT_LIST_STORAGE_POOLS_NETFS        = 1 << 8,
    VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL      = 1 << 9,
    VIR_CONNECT_LIST_STORAGE_POOLS_DISK         = 1 << 10,
    VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI        = 1 << 11,
    VIR_CONNECT_LIST_STORAGE_POOLS_SCSI         = 1 << 12,
    VIR_CONNECT_LIST_STORAGE_POOLS_MPATH        = 1 << 13,
    VIR_CONNECT_LIST_STORAGE_POOLS_RBD          = 1 << 14,
    VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG     = 1 << 15,
    VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER      = 1 << 16,
    VIR_CONNECT_LIST_STORAGE_POOLS_ZFS          = 1 << 17,
    VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE     = 1 << 18,
    VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT = 1 << 19,
};

/* virStoragePoolGetInfo's answer; capacities in bytes. */
struct vireo_storage_pool_info {
    int                state;        /* enum vireo_storage_pool_state */
    unsigned long long capacity;
    unsigned long long allocation;
    unsigned long long available;
};

/* virStorageVolGetInfo's answer; sizes in bytes. */
struct vireo_storage_vol_info {
    int                type;         /* enum vireo_storage_vol_type */
    unsigned long long capacity;
    unsigned long long allocation;
};

VIREO_API const char *vireo_storage_pool_get_name(
    const struct vireo_storage_pool *pool);
/* The 16 bytes of its uuid, borrowed from the handle. */
VIREO_API const unsigned char *vireo_storage_pool_get_uuid(
    const struct vireo_storage_pool *pool);
VIREO_API void vireo_storage_pool_free(struct vireo_storage_pool *pool);
/* flags: enum vireo_storage_pool_list_flags. Returns n or -1. */
VIREO_API int vireo_conn_list_all_storage_pools(
    struct vireo_conn *conn, struct vireo_storage_pool ***pools,
    unsigned flags, struct vireo_error *err);
VIREO_API struct vireo_storage_pool *vireo_storage_pool_lookup_by_name(
    struct vireo_conn *conn, const char *name, struct vireo_error *err);
VIREO_API struct vireo_storage_pool *vireo_storage_pool_lookup_by_uuid(
    struct vireo_conn *conn, const unsigned char *uuid,
    struct vireo_error *err);
VIREO_API struct vireo_storage_pool *vireo_storage_pool_lookup_by_volume(
    struct vireo_storage_vol *vol, struct vireo_error *err);
/* virStoragePoolDefineXML and virStoragePoolCreateXML (a transient pool,
 * started). */
VIREO_API struct vireo_storage_pool *vireo_storage_pool_define_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
VIREO_API struct vireo_storage_pool *vireo_storage_pool_create_xml(
    struct vireo_conn *conn, const char *xml, unsigned flags,
    struct vireo_error *err);
/* The lifecycle calls, libvirt's of the same names: 0 or -1. */
VIREO_API int vireo_storage_pool_create(struct vireo_storage_pool *pool,
                                        unsigned flags,
                                        struct vireo_error *err);
VIREO_API int vireo_storage_pool_build(struct vireo_storage_pool *pool,
                                       unsigned flags,
                                       struct vireo_error *err);
VIREO_API int vireo_storage_pool_destroy(struct vireo_storage_pool *pool,
                                         struct vireo_error *err);
VIREO_API int vireo_storage_pool_delete(struct vireo_storage_pool *pool,
                                        unsigned flags,
                                        struct vireo_error *err);
VIREO_API int vireo_storage_pool_undefine(struct vireo_storage_pool *pool,
                                          struct vireo_error *err);
VIREO_API int vireo_storage_pool_refresh(struct vireo_storage_pool *pool,
                                         unsigned flags,
                                         struct vireo_error *err);
/* The pool's document; the caller frees it. NULL on error. */
VIREO_API char *vireo_storage_pool_get_xml_desc(
    struct vireo_storage_pool *pool, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_storage_pool_get_info(struct vireo_storage_pool *pool,
                                          struct vireo_storage_pool_info *info,
                                          struct vireo_error *err);
VIREO_API int vireo_storage_pool_get_autostart(
    struct vireo_storage_pool *pool, int *autostart,
    struct vireo_error *err);
VIREO_API int vireo_storage_pool_set_autostart(
    struct vireo_storage_pool *pool, int autostart, struct vireo_error *err);
/* 1 or 0, or -1 on error. */
VIREO_API int vireo_storage_pool_is_active(struct vireo_storage_pool *pool,
                                           struct vireo_error *err);
VIREO_API int vireo_storage_pool_is_persistent(
    struct vireo_storage_pool *pool, struct vireo_error *err);
/* virConnectFindStoragePoolSources: a <sources> document the caller
 * frees; src_spec may be NULL. */
VIREO_API char *vireo_conn_find_storage_pool_sources(
    struct vireo_conn *conn, const char *type, const char *src_spec,
    unsigned flags, struct vireo_error *err);

VIREO_API const char *vireo_storage_vol_get_name(
    const struct vireo_storage_vol *vol);
VIREO_API const char *vireo_storage_vol_get_key(
    const struct vireo_storage_vol *vol);
/* The name of the pool holding it, borrowed from the handle. */
VIREO_API const char *vireo_storage_vol_get_pool_name(
    const struct vireo_storage_vol *vol);
VIREO_API void vireo_storage_vol_free(struct vireo_storage_vol *vol);
/* flags: none yet. Returns n or -1. */
VIREO_API int vireo_storage_pool_list_all_volumes(
    struct vireo_storage_pool *pool, struct vireo_storage_vol ***vols,
    unsigned flags, struct vireo_error *err);
VIREO_API struct vireo_storage_vol *vireo_storage_vol_lookup_by_name(
    struct vireo_storage_pool *pool, const char *name,
    struct vireo_error *err);
VIREO_API struct vireo_storage_vol *vireo_storage_vol_lookup_by_key(
    struct vireo_conn *conn, const char *key, struct vireo_error *err);
VIREO_API struct vireo_storage_vol *vireo_storage_vol_lookup_by_path(
    struct vireo_conn *conn, const char *path, struct vireo_error *err);
VIREO_API struct vireo_storage_vol *vireo_storage_vol_create_xml(
    struct vireo_storage_pool *pool, const char *xml, unsigned flags,
    struct vireo_error *err);
/* A new volume described by xml, its contents copied from clone. */
VIREO_API struct vireo_storage_vol *vireo_storage_vol_create_xml_from(
    struct vireo_storage_pool *pool, const char *xml,
    struct vireo_storage_vol *clone, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_storage_vol_delete(struct vireo_storage_vol *vol,
                                       unsigned flags,
                                       struct vireo_error *err);
VIREO_API char *vireo_storage_vol_get_xml_desc(struct vireo_storage_vol *vol,
                                               unsigned flags,
                                               struct vireo_error *err);
VIREO_API int vireo_storage_vol_get_info(struct vireo_storage_vol *vol,
                                         struct vireo_storage_vol_info *info,
                                         struct vireo_error *err);
/* The volume's path on the host; the caller frees it. */
VIREO_API char *vireo_storage_vol_get_path(struct vireo_storage_vol *vol,
                                           struct vireo_error *err);

/* Storage volume contents. virStorageVolWipe writes zeros over the
 * volume (algorithm 0 of virStorageVolWipePattern, libvirt's
 * virStorageVolWipeAlgorithm); virStorageVolResize sets its capacity in
 * bytes, with flags VIREO_STORAGE_VOL_RESIZE_*. */
enum vireo_storage_vol_resize_flags {
    VIREO_STORAGE_VOL_RESIZE_ALLOCATE = 1 << 0,
    VIREO_STORAGE_VOL_RESIZE_DELTA    = 1 << 1,
    VIREO_STORAGE_VOL_RESIZE_SHRINK   = 1 << 2,
};
VIREO_API int vireo_storage_vol_wipe(struct vireo_storage_vol *vol,
                                     unsigned flags,
                                     struct vireo_error *err);
VIREO_API int vireo_storage_vol_wipe_pattern(struct vireo_storage_vol *vol,
                                             unsigned algorithm,
                                             unsigned flags,
                                             struct vireo_error *err);
VIREO_API int vireo_storage_vol_resize(struct vireo_storage_vol *vol,
                                       unsigned long long capacity,
                                       unsigned flags,
                                       struct vireo_error *err);

#endif /* VIREO_STORAGE_H */
