/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * checkpoint_handle.h: the object behind the public struct
 * vireo_domain_checkpoint, libvirt's virDomainCheckpointPtr: a name on a
 * domain handle. Like a snapshot handle it only names the checkpoint; the
 * driver keeps the checkpoint itself. Refcounted with atomics: any thread
 * may hold one.
 */
#ifndef VIREO_DRIVERS_CHECKPOINT_HANDLE_H
#define VIREO_DRIVERS_CHECKPOINT_HANDLE_H

#include <stdatomic.h>

#include "api/vireo.h"

struct vireo_domain_checkpoint {
    atomic_int           refs;
    struct vireo_domain *dom;     /* referenced */
    char                *name;
};

/* A new handle with one reference, holding one on dom; NULL when memory
 * is short (err set when err is not NULL). */
struct vireo_domain_checkpoint *handle_checkpoint_new(struct vireo_domain *dom,
                                                      const char *name,
                                                      struct vireo_error *err);
/* The last unref frees it and drops its domain reference. NULL is a
 * no-op. */
void handle_checkpoint_unref(struct vireo_domain_checkpoint *chk);
/* Unref n handles, then free the array. */
void handle_checkpoint_array_free(struct vireo_domain_checkpoint **chks,
                                  int n);

#endif /* VIREO_DRIVERS_CHECKPOINT_HANDLE_H */
