/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * driver_slots_storage.h: the slots of struct driver (driver.h) for storage
 * pools and volumes. Each slot's comment is its contract.
 *
 * A part of struct driver's body, not a header of its own: driver.h
 * includes it inside the struct, after the headers whose types the slots
 * use (api/vireo.h, drivers/handle.h). Nothing else includes it.
 */
#ifndef VIREO_DRIVER_SLOTS
#error "only drivers/driver.h includes this file"
#endif

    /* Storage pools and volumes. A pool handle names its pool by uuid and
     * name, a volume handle its volume by pool name and volume name
     * (storage_handle.h); returned handles and lists are the caller's
     * (handle_pool_unref, handle_vol_unref, handle_*_array_free), lists
     * as malloc'ed arrays of n handles. Documents are libvirt's <pool>
     * and <volume> (drivers/conf/storage_xml.h). A driver that keeps
     * pools for real (dir pools on disk) fills the same slots: the test
     * driver's are its model, in behaviour and in error words. */
    /* virConnectListAllStoragePools: flags filter (enum
     * vireo_storage_pool_list_flags); n or -1; pools may be NULL to only
     * count (likewise vols below). The old count and name
     * calls (active, defined) are served from it. */
    int (*conn_list_all_storage_pools)(struct vireo_conn *conn,
                                       struct vireo_storage_pool ***pools,
                                       unsigned flags,
                                       struct vireo_error *err);
    /* Lookups: VIR_ERR_NO_STORAGE_POOL when there is no such pool. */
    struct vireo_storage_pool *(*storage_pool_lookup_by_name)(
        struct vireo_conn *conn, const char *name, struct vireo_error *err);
    struct vireo_storage_pool *(*storage_pool_lookup_by_uuid)(
        struct vireo_conn *conn, const unsigned char *uuid,
        struct vireo_error *err);
    struct vireo_storage_pool *(*storage_pool_lookup_by_volume)(
        struct vireo_storage_vol *vol, struct vireo_error *err);
    /* Define a persistent pool (inactive, or replacing the definition of
     * the pool with the same name and uuid), or create a transient one,
     * started. */
    struct vireo_storage_pool *(*storage_pool_define_xml)(
        struct vireo_conn *conn, const char *xml, unsigned flags,
        struct vireo_error *err);
    struct vireo_storage_pool *(*storage_pool_create_xml)(
        struct vireo_conn *conn, const char *xml, unsigned flags,
        struct vireo_error *err);
    /* Lifecycle: build and delete (the pool's storage itself) and
     * undefine need it inactive, refresh and destroy active, create
     * (start) inactive; VIR_ERR_OPERATION_INVALID otherwise. Destroying a
     * transient pool forgets it. 0 or -1. */
    int (*storage_pool_create)(struct vireo_storage_pool *pool,
                               unsigned flags, struct vireo_error *err);
    int (*storage_pool_build)(struct vireo_storage_pool *pool, unsigned flags,
                              struct vireo_error *err);
    int (*storage_pool_destroy)(struct vireo_storage_pool *pool,
                                struct vireo_error *err);
    int (*storage_pool_delete)(struct vireo_storage_pool *pool,
                               unsigned flags, struct vireo_error *err);
    int (*storage_pool_undefine)(struct vireo_storage_pool *pool,
                                 struct vireo_error *err);
    int (*storage_pool_refresh)(struct vireo_storage_pool *pool,
                                unsigned flags, struct vireo_error *err);
    /* The pool's document, malloc'ed, or NULL with err set. */
    char *(*storage_pool_get_xml_desc)(struct vireo_storage_pool *pool,
                                       unsigned flags,
                                       struct vireo_error *err);
    int (*storage_pool_get_info)(struct vireo_storage_pool *pool,
                                 struct vireo_storage_pool_info *info,
                                 struct vireo_error *err);
    int (*storage_pool_get_autostart)(struct vireo_storage_pool *pool,
                                      int *autostart,
                                      struct vireo_error *err);
    int (*storage_pool_set_autostart)(struct vireo_storage_pool *pool,
                                      int autostart, struct vireo_error *err);
    /* 1 or 0, or -1. */
    int (*storage_pool_is_active)(struct vireo_storage_pool *pool,
                                  struct vireo_error *err);
    int (*storage_pool_is_persistent)(struct vireo_storage_pool *pool,
                                      struct vireo_error *err);
    /* virConnectFindStoragePoolSources: a <sources> document, malloc'ed;
     * src_spec may be NULL. */
    char *(*conn_find_storage_pool_sources)(struct vireo_conn *conn,
                                            const char *type,
                                            const char *src_spec,
                                            unsigned flags,
                                            struct vireo_error *err);
    /* The volumes of an active pool, in the pool's order; n or -1. The
     * old count and name calls are served from it, with their own
     * words: legacy set asks for them ("storage pool 'NAME' is not
     * active" rather than "storage pool is not active"). */
    int (*storage_pool_list_all_volumes)(struct vireo_storage_pool *pool,
                                         struct vireo_storage_vol ***vols,
                                         unsigned flags, bool is_legacy,
                                         struct vireo_error *err);
    /* Lookups: VIR_ERR_NO_STORAGE_VOL when there is no such volume (by
     * key and path, among the active pools). */
    struct vireo_storage_vol *(*storage_vol_lookup_by_name)(
        struct vireo_storage_pool *pool, const char *name,
        struct vireo_error *err);
    struct vireo_storage_vol *(*storage_vol_lookup_by_key)(
        struct vireo_conn *conn, const char *key, struct vireo_error *err);
    struct vireo_storage_vol *(*storage_vol_lookup_by_path)(
        struct vireo_conn *conn, const char *path, struct vireo_error *err);
    /* A new volume in an active pool, named and sized by xml; with clone,
     * its contents copied from that volume. The pool's allocation grows
     * by the volume's; a volume that does not fit is refused. */
    struct vireo_storage_vol *(*storage_vol_create_xml)(
        struct vireo_storage_pool *pool, const char *xml, unsigned flags,
        struct vireo_error *err);
    struct vireo_storage_vol *(*storage_vol_create_xml_from)(
        struct vireo_storage_pool *pool, const char *xml,
        struct vireo_storage_vol *clone, unsigned flags,
        struct vireo_error *err);
    int (*storage_vol_delete)(struct vireo_storage_vol *vol, unsigned flags,
                              struct vireo_error *err);
    char *(*storage_vol_get_xml_desc)(struct vireo_storage_vol *vol,
                                      unsigned flags,
                                      struct vireo_error *err);
    int (*storage_vol_get_info)(struct vireo_storage_vol *vol,
                                struct vireo_storage_vol_info *info,
                                struct vireo_error *err);
    /* The volume's path on the host, malloc'ed. */
    char *(*storage_vol_get_path)(struct vireo_storage_vol *vol,
                                  struct vireo_error *err);
    /* Not served by the test driver (libvirt's has none either), so not
     * yet on the wire; a driver with real volumes fills them:
     * virStorageVolWipePattern (algorithm: libvirt's
     * virStorageVolWipeAlgorithm; plain wipe is algorithm 0),
     * virStorageVolResize (capacity in bytes; flags ALLOCATE, DELTA,
     * SHRINK), and virConnectGetStoragePoolCapabilities (a
     * <storagepoolCapabilities> document). Upload and download go
     * through streams, like the console. */
    int (*storage_vol_wipe_pattern)(struct vireo_storage_vol *vol,
                                    unsigned algorithm, unsigned flags,
                                    struct vireo_error *err);
    int (*storage_vol_resize)(struct vireo_storage_vol *vol,
                              unsigned long long capacity, unsigned flags,
                              struct vireo_error *err);
    char *(*conn_get_storage_pool_capabilities)(struct vireo_conn *conn,
                                                unsigned flags,
                                                struct vireo_error *err);
    /* virStorageVolUpload and virStorageVolDownload: an fd (*fd, the
     * caller's to close) the caller writes the new contents to, or reads
     * the contents from to its end, from offset on and at most length
     * bytes (0: to the end). Volume contents only move through vireod's
     * streams, so these are daemon-side slots. */
    int (*storage_vol_upload)(struct vireo_storage_vol *vol,
                              unsigned long long offset,
                              unsigned long long length, unsigned flags,
                              int *fd, struct vireo_error *err);
    int (*storage_vol_download)(struct vireo_storage_vol *vol,
                                unsigned long long offset,
                                unsigned long long length, unsigned flags,
                                int *fd, struct vireo_error *err);
