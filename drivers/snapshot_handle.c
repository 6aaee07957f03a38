/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * snapshot_handle.c: snapshot handles, the name of a snapshot on a domain.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/snapshot_handle.h"

struct vireo_domain_snapshot *
handle_snapshot_new(struct vireo_domain *dom, const char *name,
                    struct vireo_error *err)
{
    struct vireo_domain_snapshot *snap = calloc(1, sizeof(*snap));

    if (snap == NULL || (snap->name = strdup(name)) == NULL) {
        free(snap);
        error_no_memory(err);
        return NULL;
    }
    atomic_init(&snap->refs, 1);
    snap->dom = handle_domain_ref(dom);
    return snap;
}

struct vireo_domain_snapshot *
handle_snapshot_ref(struct vireo_domain_snapshot *snap)
{
    if (snap != NULL)
        atomic_fetch_add(&snap->refs, 1);
    return snap;
}

void
handle_snapshot_unref(struct vireo_domain_snapshot *snap)
{
    if (snap == NULL || atomic_fetch_sub(&snap->refs, 1) != 1)
        return;
    handle_domain_unref(snap->dom);
    free(snap->name);
    free(snap);
}

void
handle_snapshot_array_free(struct vireo_domain_snapshot **snaps, int n)
{
    for (int i = 0; i < n; i++)
        handle_snapshot_unref(snaps[i]);
    free(snaps);
}
