/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_storage_use.c: a running guest's disk files, for the storage
 * driver.
 */
#include <stdlib.h>

#include "drivers/conf/domain_def.h"
#include "drivers/qemu/qemu_storage_use.h"
#include "drivers/storage_use.h"

void
qemu_storage_use_hold(const struct domain_def *def)
{
    const char **paths = calloc((size_t)def->n_disks + 1, sizeof(*paths));
    int n = 0;

    if (paths == NULL)
        return;
    for (int i = 0; i < def->n_disks; i++)
        if (def->disks[i].source_path != NULL)
            paths[n++] = def->disks[i].source_path;
    storage_use_send(def->uuid, paths, n);
    free(paths);
}

void
qemu_storage_use_release(const struct domain_def *def)
{
    storage_use_send(def->uuid, NULL, 0);
}
