/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_pool_sources.c: storage pool source discovery
 * (virConnectFindStoragePoolSources), with libvirt's checks in its
 * order: the type is known, it has a backend here, the backend can
 * discover. Only the logical backend can: it asks LVM which volume
 * groups the host has. Storage thread.
 */
#include <stddef.h>

#include "drivers/conf/storage_xml.h"
#include "drivers/error.h"
#include "drivers/storage/storage_lvm.h"
#include "drivers/storage/storage_slots.h"
#include "drivers/storage/storage_state.h"

char *
stordrv_conn_find_storage_pool_sources(struct vireo_conn *conn,
                                       const char *type, const char *src_spec,
                                       unsigned flags, struct vireo_error *err)
{
    int pool_type = storage_pool_type_from_string(type);
    char *xml = NULL;

    /* The logical backend reads no source specification. */
    (void)conn;
    (void)src_spec;
    if (pool_type < 0) {
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_STORAGE,
                  "unknown storage pool type %s", type);
        return NULL;
    }
    if (stor_check_backend(pool_type, err) < 0)
        return NULL;
    if (pool_type != STORAGE_POOL_LOGICAL) {
        error_set(err, VIR_ERR_NO_SUPPORT, VIR_FROM_STORAGE,
                  "pool type '%s' does not support source discovery", type);
        return NULL;
    }
    if (error_check_flags(err, VIR_FROM_STORAGE, flags, 0,
                          "virStorageBackendLogicalFindPoolSources") < 0)
        return NULL;
    /* While LVM runs the call waits, and what this returns is ignored. */
    if (stor_lvm_find_sources(&xml, err) != LVM_DONE)
        return NULL;
    return xml;
}
