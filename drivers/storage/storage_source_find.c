/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_source_find.c: the path of a volume a guest's disk names, for
 * the hypervisor driver (storage_source.h), with libvirt's checks in its
 * order: the pool exists, it runs, it holds the volume. Storage thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/storage_xml.h"
#include "drivers/error.h"
#include "drivers/storage/storage_state.h"

int
stor_source_find(const char *pool_name, const char *volume, char **path,
                 struct vireo_error *err, void *opaque)
{
    struct stor_state *st = opaque;
    struct stor_pool *pool = stor_find_name(st, pool_name, err);
    struct stor_vol *vol;

    if (pool == NULL)
        return -1;
    if (!pool->is_active)
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_STORAGE,
                         "storage pool '%s' containing volume '%s' is not "
                         "active", pool_name, volume);
    if ((vol = stor_vol_find(pool, volume, err)) == NULL)
        return -1;
    if ((*path = strdup(vol->def->target.path)) == NULL)
        return error_no_memory(err);
    return 0;
}
