/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo-domain-save.h: the part of the public header for saving and
 * restoring domains, managed save, and snapshots.
 *
 * Clients include vireo.h, which includes this file after the parts it
 * builds on; it is not meant to be included on its own.
 */
#ifndef VIREO_DOMAIN_SAVE_H
#define VIREO_DOMAIN_SAVE_H

#ifndef VIREO_H_INCLUDES
#error "include vireo.h, not vireo-domain-save.h"
#endif

/* Save, restore, managed save and snapshots. */

/* The state reasons and event details that saving, restoring and
 * snapshots give, with libvirt's values. */
enum {
    VIR_DOMAIN_RUNNING_RESTORED      = 3,
    VIR_DOMAIN_RUNNING_FROM_SNAPSHOT = 4,
    VIR_DOMAIN_PAUSED_FROM_SNAPSHOT  = 7,
    VIR_DOMAIN_SHUTOFF_SAVED         = 5,
    VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT = 7,
};
enum {
    VIR_DOMAIN_EVENT_STARTED_RESTORED      = 2,
    VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT = 3,
    VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT = 5,
    VIR_DOMAIN_EVENT_RESUMED_FROM_SNAPSHOT = 2,
    VIR_DOMAIN_EVENT_STOPPED_SAVED         = 4,
    VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT = 6,
};

/* libvirt's virDomainSnapshotPtr: a domain's snapshot, by name. */
struct vireo_domain_snapshot;

/* libvirt's virDomainSaveFlags: stop the running domain, its state kept
 * in the file `to` on the driver's host; dxml (a replacement definition)
 * may be NULL. 0 or -1. */
VIREO_API int vireo_domain_save(struct vireo_domain *dom, const char *to,
                                const char *dxml, unsigned flags,
                                struct vireo_error *err);
/* virDomainRestoreFlags: run the domain a saved file holds. */
VIREO_API int vireo_domain_restore(struct vireo_conn *conn, const char *from,
                                   const char *dxml, unsigned flags,
                                   struct vireo_error *err);
/* virDomainSaveImageGetXMLDesc: the definition in a saved file; the caller
 * frees it. NULL on error. */
VIREO_API char *vireo_domain_save_image_get_xml_desc(struct vireo_conn *conn,
                                                     const char *file,
                                                     unsigned flags,
                                                     struct vireo_error *err);
/* virDomainSaveImageDefineXML: replace the definition in a saved file. */
VIREO_API int vireo_domain_save_image_define_xml(struct vireo_conn *conn,
                                                 const char *file,
                                                 const char *dxml,
                                                 unsigned flags,
                                                 struct vireo_error *err);
/* virDomainCoreDumpWithFormat: the running domain's memory to `to`. */
VIREO_API int vireo_domain_core_dump(struct vireo_domain *dom, const char *to,
                                     unsigned dumpformat, unsigned flags,
                                     struct vireo_error *err);
/* virDomainManagedSave and virDomainManagedSaveRemove: the save image
 * the driver keeps, which the next start resumes from. */
VIREO_API int vireo_domain_managed_save(struct vireo_domain *dom,
                                        unsigned flags,
                                        struct vireo_error *err);
VIREO_API int vireo_domain_managed_save_remove(struct vireo_domain *dom,
                                               unsigned flags,
                                               struct vireo_error *err);

/* Snapshots, libvirt's virDomainSnapshot* calls one for one. A returned
 * handle is the caller's (vireo_domain_snapshot_free); a returned list is
 * a malloc'ed array of n handles and a NULL, each freed, then the array. */
VIREO_API const char *vireo_domain_snapshot_get_name(
    const struct vireo_domain_snapshot *snap);
/* The domain, borrowed from the snapshot handle. */
VIREO_API struct vireo_domain *vireo_domain_snapshot_get_domain(
    const struct vireo_domain_snapshot *snap);
VIREO_API void vireo_domain_snapshot_free(struct vireo_domain_snapshot *snap);
VIREO_API struct vireo_domain_snapshot *vireo_domain_snapshot_create_xml(
    struct vireo_domain *dom, const char *xml, unsigned flags,
    struct vireo_error *err);
/* flags: enum vireo_domain_snapshot_list_flags. Returns n or -1. */
VIREO_API int vireo_domain_list_all_snapshots(
    struct vireo_domain *dom, struct vireo_domain_snapshot ***snaps,
    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_snapshot_list_all_children(
    struct vireo_domain_snapshot *snap, struct vireo_domain_snapshot ***snaps,
    unsigned flags, struct vireo_error *err);
VIREO_API int vireo_domain_snapshot_num_children(
    struct vireo_domain_snapshot *snap, unsigned flags,
    struct vireo_error *err);
VIREO_API struct vireo_domain_snapshot *vireo_domain_snapshot_lookup_by_name(
    struct vireo_domain *dom, const char *name, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_domain_has_current_snapshot(struct vireo_domain *dom,
                                                unsigned flags,
                                                struct vireo_error *err);
VIREO_API struct vireo_domain_snapshot *vireo_domain_snapshot_current(
    struct vireo_domain *dom, unsigned flags, struct vireo_error *err);
VIREO_API struct vireo_domain_snapshot *vireo_domain_snapshot_get_parent(
    struct vireo_domain_snapshot *snap, unsigned flags,
    struct vireo_error *err);
/* The <domainsnapshot> document; the caller frees it. */
VIREO_API char *vireo_domain_snapshot_get_xml_desc(
    struct vireo_domain_snapshot *snap, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_domain_snapshot_is_current(
    struct vireo_domain_snapshot *snap, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_domain_snapshot_has_metadata(
    struct vireo_domain_snapshot *snap, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_domain_revert_to_snapshot(
    struct vireo_domain_snapshot *snap, unsigned flags,
    struct vireo_error *err);
VIREO_API int vireo_domain_snapshot_delete(struct vireo_domain_snapshot *snap,
                                           unsigned flags,
                                           struct vireo_error *err);

/* Flags of vireo_domain_snapshot_create_xml(). */
enum vireo_domain_snapshot_create_flags {
    VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE    = 1 << 0,
    VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT     = 1 << 1,
    VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA = 1 << 2,
    VIR_DOMAIN_SNAPSHOT_CREATE_HALT        = 1 << 3,
    VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY   = 1 << 4,
    VIR_DOMAIN_SNAPSHOT_CREATE_REUSE_EXT   = 1 << 5,
    VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE     = 1 << 6,
    VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC      = 1 << 7,
    VIR_DOMAIN_SNAPSHOT_CREATE_LIVE        = 1 << 8,
    VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE    = 1 << 9,
};

/* Flags of vireo_domain_revert_to_snapshot(). */
enum vireo_domain_snapshot_revert_flags {
    VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING = 1 << 0,
    VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED  = 1 << 1,
    VIR_DOMAIN_SNAPSHOT_REVERT_FORCE   = 1 << 2,
};

/* Flags of vireo_domain_snapshot_delete(). */
enum vireo_domain_snapshot_delete_flags {
    VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN      = 1 << 0,
    VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY = 1 << 1,
    VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY = 1 << 2,
};

/* Flags of vireo_domain_undefine() that concern saved state. */
enum {
    VIR_DOMAIN_UNDEFINE_MANAGED_SAVE       = 1 << 0,
    VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA = 1 << 1,
};

/* Flags of the save calls and vireo_domain_managed_save(). */
enum vireo_domain_save_flags {
    VIR_DOMAIN_SAVE_BYPASS_CACHE = 1 << 0,
    VIR_DOMAIN_SAVE_RUNNING      = 1 << 1,
    VIR_DOMAIN_SAVE_PAUSED       = 1 << 2,
};

/* Flags and formats of vireo_domain_core_dump(). */
enum vireo_domain_core_dump_flags {
    VIR_DUMP_CRASH        = 1 << 0,
    VIR_DUMP_LIVE         = 1 << 1,
    VIR_DUMP_BYPASS_CACHE = 1 << 2,
    VIR_DUMP_RESET        = 1 << 3,
    VIR_DUMP_MEMORY_ONLY  = 1 << 4,
};
enum vireo_domain_core_dump_format {
    VIR_DOMAIN_CORE_DUMP_FORMAT_RAW,
    VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_ZLIB,
    VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_LZO,
    VIR_DOMAIN_CORE_DUMP_FORMAT_KDUMP_SNAPPY,
    VIR_DOMAIN_CORE_DUMP_FORMAT_WIN_DMP,
};

#endif /* VIREO_DOMAIN_SAVE_H */
