/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_xml.h: libvirt's storage pool (<pool>) and volume (<volume>)
 * documents: what a user gives to define a pool or create a volume, and
 * what pool-dumpxml and vol-dumpxml write back, in libvirt's order and
 * words (storage_conf.c is the reference). Plain data: whoever holds a
 * definition owns it, on any thread.
 */
#ifndef VIREO_CONF_STORAGE_XML_H
#define VIREO_CONF_STORAGE_XML_H

#include <stdbool.h>
#include <stdio.h>

#include "api/vireo.h"

/* libvirt's virStoragePoolType, in its order (the list flags follow it). */
enum storage_pool_type {
    STORAGE_POOL_DIR,
    STORAGE_POOL_FS,
    STORAGE_POOL_NETFS,
    STORAGE_POOL_LOGICAL,
    STORAGE_POOL_DISK,
    STORAGE_POOL_ISCSI,
    STORAGE_POOL_ISCSI_DIRECT,
    STORAGE_POOL_SCSI,
    STORAGE_POOL_MPATH,
    STORAGE_POOL_RBD,
    STORAGE_POOL_SHEEPDOG,
    STORAGE_POOL_GLUSTER,
    STORAGE_POOL_ZFS,
    STORAGE_POOL_VSTORAGE,
    STORAGE_POOL_TYPE_LAST
};

/* Who owns a pool's directory or a volume's file; -1 (or NULL) where the
 * document says nothing. */
struct storage_perms {
    long  mode;
    long  uid;
    long  gid;
    char *label;
};

struct storage_host {
    char *name;
    int   port;        /* 0: none given */
};

/* <source><adapter>: a SCSI host by name, or a Fibre Channel vHBA. */
struct storage_adapter {
    char *type;        /* "scsi_host" or "fc_host"; NULL: none */
    char *name;        /* scsi_host */
    char *parent;      /* fc_host */
    char *wwnn;
    char *wwpn;
};

struct storage_pool_source {
    struct storage_host   *hosts;
    int                    n_hosts;
    char                 **devices;     /* device paths */
    int                    n_devices;
    char                  *dir;
    struct storage_adapter adapter;
    char                  *name;
    int                    format;      /* index in the type's format list */
    char                  *vendor;
    char                  *product;
};

struct storage_pool_def {
    int                        type;    /* enum storage_pool_type */
    char                      *name;
    unsigned char              uuid[VIREO_UUID_BUFLEN];
    unsigned long long         capacity;     /* bytes */
    unsigned long long         allocation;
    unsigned long long         available;
    struct storage_pool_source source;
    char                      *target_path;
    struct storage_perms       target_perms;
};

/* Three of the formats a file volume's <format> names (libvirt's
 * virStorageFileFormat: the index in the file formats). */
#define STORAGE_FILE_FORMAT_RAW   1
#define STORAGE_FILE_FORMAT_DIR   2
#define STORAGE_FILE_FORMAT_QCOW2 14

/* A volume's <target> or <backingStore>. */
struct storage_vol_target {
    char                *path;
    int                  format;     /* index in the pool's format list */
    struct storage_perms perms;
    char                *compat;     /* qcow2's "0.10" or "1.1" */
    bool                 is_nocow;
    bool                 has_lazy_refcounts;
    bool                 has_extended_l2;
    /* What the file says of itself, from a driver that keeps real
     * volumes (written only when has_timestamps): seconds and
     * nanoseconds, as libvirt's <timestamps>. */
    bool                 has_timestamps;
    long long            atime_s, mtime_s, ctime_s;
    long                 atime_ns, mtime_ns, ctime_ns;
};

struct storage_vol_def {
    char                     *name;
    char                     *key;
    int                       type;   /* enum vireo_storage_vol_type */
    unsigned long long        capacity;
    unsigned long long        allocation;
    unsigned long long        physical;  /* the file's size; 0: not said */
    bool                      has_physical;
    struct storage_vol_target target;
    struct storage_vol_target backing;  /* path NULL: none */
    bool                      has_backing;
};

const char *storage_pool_type_to_string(int type);
int storage_pool_type_from_string(const char *word);   /* -1: unknown */

/* Parse a <pool> document. NULL with err set (VIR_ERR_XML_ERROR and
 * libvirt's words, VIR_ERR_XML_DETAIL for a malformed document). */
struct storage_pool_def *storage_pool_def_parse(const char *xml,
                                                struct vireo_error *err);
/* The document, malloc'ed; NULL only when memory is short. */
char *storage_pool_def_format(const struct storage_pool_def *def);
void storage_pool_def_free(struct storage_pool_def *def);
/* Free what a source holds and zero it. */
void storage_pool_source_clear(struct storage_pool_source *src);
/* A <sources> list (virConnectFindStoragePoolSources' answer) of n_srcs
 * sources of pools of that type, malloc'ed; NULL only when memory is
 * short. */
char *storage_pool_sources_format(int type,
                                  const struct storage_pool_source *srcs,
                                  int n_srcs);

/* Parse a <volume> document for a pool of the given type (which decides
 * the formats it knows and the default one). */
struct storage_vol_def *storage_vol_def_parse(const char *xml, int pool_type,
                                              struct vireo_error *err);
char *storage_vol_def_format(const struct storage_vol_def *def,
                             int pool_type);
void storage_vol_def_free(struct storage_vol_def *def);
/* A deep copy, or NULL when memory is short. */
struct storage_vol_def *storage_vol_def_copy(const struct storage_vol_def *def);

/* The name of the first <host> of a <source> document (the source
 * specification of virConnectFindStoragePoolSources), malloc'ed; *host
 * NULL when it names none. -1 with err set for a malformed document. */
int storage_xml_source_host(const char *xml, char **host,
                            struct vireo_error *err);

/* ---- Shared by the pool and volume readers and writers --------------- */

struct _xmlNode;
struct _xmlDoc;

/* Read a document (doc_name is what libvirt names it in syntax errors)
 * whose root must be root_name, and a zeroed definition of size bytes
 * for it; NULL with err set. The caller frees both. */
struct _xmlDoc *storage_xml_read(const char *xml, const char *doc_name,
                                 const char *root_name, size_t size,
                                 void **def, struct vireo_error *err);

/* The scaled number of an element with an optional unit attribute
 * (libvirt's virScaleInteger: "bytes", "KiB"/"K", "KB", ... "EiB"), in
 * bytes. 0, 1 when the element is absent, -1 with err set (libvirt's
 * "malformed capacity element" for any size that is not a number). */
int storage_xml_read_size(struct _xmlNode *parent, const char *name,
                          unsigned long long *bytes, struct vireo_error *err);
/* <permissions> under parent into perms (left at -1/NULL if absent). */
int storage_xml_read_perms(struct _xmlNode *parent, struct storage_perms *perms,
                           struct vireo_error *err);
/* An attribute or the text of the first child named name, malloc'ed;
 * *out NULL when absent. -1 only when memory is short. */
int storage_xml_attr(struct _xmlNode *node, const char *name, char **out,
                     struct vireo_error *err);
int storage_xml_text(struct _xmlNode *parent, const char *name, char **out,
                     struct vireo_error *err);
struct _xmlNode *storage_xml_child(struct _xmlNode *parent, const char *name);
/* VIR_ERR_XML_ERROR with libvirt's words; returns -1. */
int storage_xml_fail(struct vireo_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void storage_perms_clear(struct storage_perms *perms);
int storage_perms_copy(struct storage_perms *dst,
                       const struct storage_perms *src);
/* <permissions> at indent (nothing when perms says nothing). */
void storage_xml_write_perms(FILE *out, const char *indent,
                             const struct storage_perms *perms);

#endif /* VIREO_CONF_STORAGE_XML_H */
