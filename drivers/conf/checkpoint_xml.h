/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * checkpoint_xml.h: libvirt's <domaincheckpoint> document: what a user
 * gives to create a checkpoint, and what checkpoint-dumpxml writes back,
 * with the domain's definition at the time embedded through the domain
 * formatter. And libvirt's alignment of a checkpoint's disks with its
 * domain's.
 */
#ifndef VIREO_CONF_CHECKPOINT_XML_H
#define VIREO_CONF_CHECKPOINT_XML_H

#include <stdbool.h>

#include "api/vireo.h"

struct domain_def;

/* libvirt's virDomainCheckpointType: what is kept of a disk. */
enum checkpoint_type {
    CHECKPOINT_TYPE_DEFAULT,
    CHECKPOINT_TYPE_NO,
    CHECKPOINT_TYPE_BITMAP,
    CHECKPOINT_TYPE_LAST
};

struct checkpoint_disk {
    char *name;          /* the domain disk's target ("vda") */
    int   type;          /* enum checkpoint_type */
    char *bitmap;        /* the bitmap's name; NULL unless a bitmap */
};

/* A checkpoint's definition. Owned by whoever holds it; plain data, any
 * thread. */
struct checkpoint_def {
    char                   *name;
    char                   *description;   /* NULL if none */
    long long               creation_time; /* seconds since the epoch */
    char                   *parent_name;   /* NULL for a root */
    struct checkpoint_disk *disks;
    int                     n_disks;
    struct domain_def      *dom;           /* the domain as it was; NULL
                                              when redefined without it */
};

/* Parse a <domaincheckpoint> document. A new checkpoint (is_redefine
 * false) takes the current time, and a name made of it if none is given;
 * the parent and domain are the driver's to fill in. Redefining requires
 * a name and a creation time, and takes the parent and the domain given.
 * NULL with err set (libvirt's codes and words) on failure. */
struct checkpoint_def *checkpoint_def_parse(const char *xml, bool is_redefine,
                                            struct vireo_error *err);

/* libvirt's virDomainCheckpointAlignDisks: one entry per disk of def->dom,
 * in its order; a disk named twice, unknown, empty or read-only (unless
 * not checkpointed) is refused; with no disks given, every disk gets a
 * bitmap, else the unnamed ones get none. Bitmaps take the checkpoint's
 * name unless named. 0, or -1 with err set. */
int checkpoint_def_align_disks(struct checkpoint_def *def,
                               struct vireo_error *err);

/* Name the bitmaps that have no name after the checkpoint (what libvirt
 * does for a checkpoint redefined without its domain). 0, or -1 when
 * memory is short (err set). */
int checkpoint_def_name_bitmaps(struct checkpoint_def *def,
                                struct vireo_error *err);

/* The document as libvirt's checkpoint-dumpxml writes it, without the
 * domain when is_without_domain; malloc'ed, or NULL when memory is
 * short. */
char *checkpoint_def_format(const struct checkpoint_def *def,
                            bool is_without_domain);

/* checkpoint_def_free(NULL) is a no-op. */
void checkpoint_def_free(struct checkpoint_def *def);

#endif /* VIREO_CONF_CHECKPOINT_XML_H */
