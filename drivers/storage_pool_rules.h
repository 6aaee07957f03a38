/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_pool_rules.h: what every driver keeping storage pools decides
 * the same way libvirt's storage objects do (virstorageobj.c): which pools
 * a listing's flags keep, and which definitions clash with the pools
 * there are (a name or uuid taken, the same storage). Plain functions on
 * a driver's own view of its pools; any thread that owns them.
 */
#ifndef VIREO_DRIVERS_STORAGE_POOL_RULES_H
#define VIREO_DRIVERS_STORAGE_POOL_RULES_H

#include <stdbool.h>

#include "api/vireo.h"

struct storage_pool_def;

/* One pool as the rules see it. */
struct storage_pool_view {
    const struct storage_pool_def *def;
    bool                           is_active;
    bool                           is_persistent;
    bool                           is_autostart;
};

/* The listing flags of virConnectListAllStoragePools this code knows. */
#define STORAGE_POOL_LIST_FLAGS (0x3fu | (0x3fffu << 6))

/* Whether a pool passes virConnectListAllStoragePools' flags. */
bool storage_pool_matches(const struct storage_pool_view *pool,
                          unsigned flags);

/* libvirt's virStoragePoolObjIsDuplicate and source check of def against
 * the n pools: VIR_ERR_OPERATION_FAILED (or, with is_start, INVALID for a
 * pool already running) in libvirt's words. *same is the index of the
 * pool with def's name and uuid, or -1. 0 or -1 with err set. */
int storage_pool_check_duplicate(const struct storage_pool_view *pools,
                                 int n, const struct storage_pool_def *def,
                                 bool is_start, int *same,
                                 struct vireo_error *err);

#endif /* VIREO_DRIVERS_STORAGE_POOL_RULES_H */
