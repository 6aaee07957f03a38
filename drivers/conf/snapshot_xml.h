/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * snapshot_xml.h: libvirt's <domainsnapshot> document: what a user gives
 * to create a snapshot, and what dumpxml writes back, with the domain's
 * definition at the time embedded through the domain formatter.
 */
#ifndef VIREO_CONF_SNAPSHOT_XML_H
#define VIREO_CONF_SNAPSHOT_XML_H

#include <stdbool.h>

#include "api/vireo.h"

struct domain_def;

/* libvirt's virDomainSnapshotState: the domain states, then one of its own. */
enum snapshot_state {
    SNAPSHOT_STATE_NOSTATE,
    SNAPSHOT_STATE_RUNNING,
    SNAPSHOT_STATE_BLOCKED,
    SNAPSHOT_STATE_PAUSED,
    SNAPSHOT_STATE_SHUTDOWN,
    SNAPSHOT_STATE_SHUTOFF,
    SNAPSHOT_STATE_CRASHED,
    SNAPSHOT_STATE_PMSUSPENDED,
    SNAPSHOT_STATE_DISK_SNAPSHOT,
    SNAPSHOT_STATE_LAST
};

/* libvirt's virDomainSnapshotLocation: where memory or a disk is kept. */
enum snapshot_location {
    SNAPSHOT_LOCATION_DEFAULT,
    SNAPSHOT_LOCATION_NO,
    SNAPSHOT_LOCATION_INTERNAL,
    SNAPSHOT_LOCATION_EXTERNAL,
    SNAPSHOT_LOCATION_MANUAL,
    SNAPSHOT_LOCATION_LAST
};

struct snapshot_disk {
    char *name;          /* the domain disk's target ("vda") */
    int   location;      /* enum snapshot_location */
    char *file;          /* external only; may be NULL */
};

/* A snapshot's definition. Owned by whoever holds it; plain data, any
 * thread. */
struct snapshot_def {
    char                 *name;
    char                 *description;   /* NULL if none */
    int                   state;         /* enum snapshot_state */
    long long             creation_time; /* seconds since the epoch */
    char                 *parent_name;   /* NULL for a root */
    int                   memory;        /* enum snapshot_location */
    char                 *memory_file;   /* external memory only */
    struct snapshot_disk *disks;
    int                   n_disks;
    struct domain_def    *dom;           /* the domain as it was; NULL
                                            only while being created */
};

/* Parse a <domainsnapshot> document. A new snapshot (is_redefine false)
 * takes the current time, and a name made of it if none is given; the
 * state, parent and domain are the driver's to fill in. Redefining an
 * existing snapshot requires its name, state, creation time and domain.
 * NULL with err set (VIR_ERR_XML_ERROR, VIR_ERR_XML_DETAIL) on failure. */
struct snapshot_def *snapshot_def_parse(const char *xml, bool is_redefine,
                                        struct vireo_error *err);

/* The document as libvirt's snapshot-dumpxml writes it; malloc'ed, or
 * NULL when memory is short. */
char *snapshot_def_format(const struct snapshot_def *def);

/* snapshot_def_free(NULL) is a no-op. */
void snapshot_def_free(struct snapshot_def *def);

/* libvirt's words ("running", "disk-snapshot"; "internal", "no"), or NULL
 * outside the enum, and back (-1 for an unknown word). */
const char *snapshot_state_to_string(int state);
int snapshot_state_from_string(const char *word);
const char *snapshot_location_to_string(int location);
int snapshot_location_from_string(const char *word);

/* Whether any part of the snapshot is kept outside the domain's images. */
bool snapshot_def_is_external(const struct snapshot_def *def);

#endif /* VIREO_CONF_SNAPSHOT_XML_H */
