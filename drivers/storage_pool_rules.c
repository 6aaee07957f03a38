/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_pool_rules.c: pool listing filters and definition clashes, in
 * libvirt's words.
 */
#include <string.h>

#include "drivers/conf/storage_xml.h"
#include "drivers/conf/uuid.h"
#include "drivers/error.h"
#include "drivers/storage_pool_rules.h"

/* The pool-type bits of virConnectListAllStoragePoolsFlags, by type. */
static const unsigned type_bits[STORAGE_POOL_TYPE_LAST] = {
    [STORAGE_POOL_DIR]          = VIR_CONNECT_LIST_STORAGE_POOLS_DIR,
    [STORAGE_POOL_FS]           = VIR_CONNECT_LIST_STORAGE_POOLS_FS,
    [STORAGE_POOL_NETFS]        = VIR_CONNECT_LIST_STORAGE_POOLS_NETFS,
    [STORAGE_POOL_LOGICAL]      = VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL,
    [STORAGE_POOL_DISK]         = VIR_CONNECT_LIST_STORAGE_POOLS_DISK,
    [STORAGE_POOL_ISCSI]        = VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI,
    [STORAGE_POOL_ISCSI_DIRECT] = VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT,
    [STORAGE_POOL_SCSI]         = VIR_CONNECT_LIST_STORAGE_POOLS_SCSI,
    [STORAGE_POOL_MPATH]        = VIR_CONNECT_LIST_STORAGE_POOLS_MPATH,
    [STORAGE_POOL_RBD]          = VIR_CONNECT_LIST_STORAGE_POOLS_RBD,
    [STORAGE_POOL_SHEEPDOG]     = VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG,
    [STORAGE_POOL_GLUSTER]      = VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER,
    [STORAGE_POOL_ZFS]          = VIR_CONNECT_LIST_STORAGE_POOLS_ZFS,
    [STORAGE_POOL_VSTORAGE]     = VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE,
};
#define TYPE_BITS (0x3fffu << 6)

static bool
is_in_group(unsigned flags, unsigned yes, unsigned no, bool value)
{
    if ((flags & (yes | no)) == 0)
        return true;
    return value ? (flags & yes) != 0 : (flags & no) != 0;
}

bool
storage_pool_matches(const struct storage_pool_view *pool, unsigned flags)
{
    return is_in_group(flags, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE,
                       VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE,
                       pool->is_active) &&
           is_in_group(flags, VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT,
                       VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT,
                       pool->is_persistent) &&
           is_in_group(flags, VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART,
                       VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART,
                       pool->is_autostart) &&
           ((flags & TYPE_BITS) == 0 ||
            (flags & type_bits[pool->def->type]) != 0);
}

static bool
same_first(char **a, int n_a, char **b, int n_b)
{
    return n_a > 0 && n_b > 0 && strcmp(a[0], b[0]) == 0;
}

/* libvirt's virStoragePoolSourceFindDuplicate, for the sources pools
 * here can share: a directory, an exported directory, a device. */
static bool
is_same_source(const struct storage_pool_def *a,
               const struct storage_pool_def *b)
{
    const struct storage_pool_source *x = &a->source, *y = &b->source;

    if (a->type != b->type)
        return false;
    switch (a->type) {
    case STORAGE_POOL_DIR:
        return strcmp(a->target_path, b->target_path) == 0;
    case STORAGE_POOL_NETFS:
        return x->n_hosts > 0 && y->n_hosts > 0 &&
               strcmp(x->hosts[0].name, y->hosts[0].name) == 0 &&
               strcmp(x->dir, y->dir) == 0;
    case STORAGE_POOL_FS:
    case STORAGE_POOL_LOGICAL:
    case STORAGE_POOL_DISK:
    case STORAGE_POOL_ZFS:
        return same_first(x->devices, x->n_devices, y->devices,
                          y->n_devices);
    default:
        return false;
    }
}

static int
find(const struct storage_pool_view *pools, int n,
     const struct storage_pool_def *def, bool is_by_uuid)
{
    for (int i = 0; i < n; i++)
        if (is_by_uuid ? memcmp(pools[i].def->uuid, def->uuid,
                                VIREO_UUID_BUFLEN) == 0
                       : strcmp(pools[i].def->name, def->name) == 0)
            return i;
    return -1;
}

int
storage_pool_check_duplicate(const struct storage_pool_view *pools, int n,
                             const struct storage_pool_def *def,
                             bool is_start, int *same,
                             struct vireo_error *err)
{
    int i = find(pools, n, def, true);
    char text[VIREO_UUID_STRING_BUFLEN];

    *same = -1;
    if (i >= 0) {
        uuid_format(pools[i].def->uuid, text);
        if (strcmp(pools[i].def->name, def->name) != 0)
            return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_STORAGE,
                             "pool '%s' is already defined with uuid %s",
                             pools[i].def->name, text);
        if (is_start && pools[i].is_active)
            return error_set(err, VIR_ERR_OPERATION_INVALID,
                             VIR_FROM_STORAGE,
                             "pool is already active as '%s'",
                             pools[i].def->name);
        *same = i;
    } else if ((i = find(pools, n, def, false)) >= 0) {
        uuid_format(pools[i].def->uuid, text);
        return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_STORAGE,
                         "pool '%s' already exists with uuid %s",
                         pools[i].def->name, text);
    }
    for (i = 0; i < n; i++)
        if (i != *same && is_same_source(pools[i].def, def))
            return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_STORAGE,
                             "Storage source conflict with pool: '%s'",
                             pools[i].def->name);
    return 0;
}
