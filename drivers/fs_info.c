/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * fs_info.c: freeing the guest file system records drivers return
 * (struct vireo_fs_info, api/vireo.h). Part of the drivers' core, so that
 * the daemon, which never links the client library, frees them too. Any
 * thread.
 */
#include <stdlib.h>

#include "api/vireo.h"

static void
fs_info_clear(struct vireo_fs_info *fs)
{
    free(fs->mountpoint);
    free(fs->name);
    free(fs->fstype);
    for (int i = 0; i < fs->n_dev_aliases; i++)
        free(fs->dev_aliases[i]);
    free(fs->dev_aliases);
}

void
vireo_fs_info_list_free(struct vireo_fs_info *info, int n)
{
    if (info == NULL)
        return;
    for (int i = 0; i < n; i++)
        fs_info_clear(&info[i]);
    free(info);
}
