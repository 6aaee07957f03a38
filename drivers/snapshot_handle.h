/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * snapshot_handle.h: the object behind the public struct
 * vireo_domain_snapshot, libvirt's virDomainSnapshotPtr: a name on a
 * domain handle. Like a domain handle it only names the snapshot; the
 * driver keeps the snapshot itself. Refcounted with atomics: any thread
 * may hold one.
 */
#ifndef VIREO_DRIVERS_SNAPSHOT_HANDLE_H
#define VIREO_DRIVERS_SNAPSHOT_HANDLE_H

#include <stdatomic.h>

#include "api/vireo.h"

struct vireo_domain_snapshot {
    atomic_int           refs;
    struct vireo_domain *dom;     /* referenced */
    char                *name;
};

/* A new handle with one reference, holding one on dom; NULL when memory
 * is short (err set when err is not NULL). */
struct vireo_domain_snapshot *handle_snapshot_new(struct vireo_domain *dom,
                                                  const char *name,
                                                  struct vireo_error *err);
struct vireo_domain_snapshot *handle_snapshot_ref(
    struct vireo_domain_snapshot *snap);
/* The last unref frees it and drops its domain reference. NULL is a
 * no-op. */
void handle_snapshot_unref(struct vireo_domain_snapshot *snap);
/* Unref n handles, then free the array. */
void handle_snapshot_array_free(struct vireo_domain_snapshot **snaps, int n);

#endif /* VIREO_DRIVERS_SNAPSHOT_HANDLE_H */
