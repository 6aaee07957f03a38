/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_pool_event.c: the storage pool kind of object events.
 */
#include "drivers/storage_handle.h"
#include "drivers/storage_pool_event.h"

static void *
handle_new(struct vireo_conn *conn, const char *name,
           const unsigned char *uuid)
{
    return handle_pool_new(conn, name, uuid, NULL);
}

static void
handle_unref_elsewhere(void *handle)
{
    handle_pool_unref_elsewhere(handle);
}

const struct object_event_kind storage_pool_event_kind = {
    .what = "storage pool",
    .n_event_ids = VIR_STORAGE_POOL_EVENT_ID_LAST,
    .has_uuid = true,
    .handle_new = handle_new,
    .handle_unref_elsewhere = handle_unref_elsewhere,
};

int
storage_pool_event_register(struct object_event_state *st,
                            struct vireo_conn *conn,
                            struct vireo_storage_pool *pool, int event_id,
                            vireo_storage_pool_event_generic_cb cb,
                            void *opaque, vireo_free_cb free_cb,
                            struct vireo_error *err)
{
    return object_event_register(st, conn, NULL,
                                 pool != NULL ? pool->uuid : NULL, event_id,
                                 OBJECT_EVENT_CB(cb), opaque, free_cb, err);
}

void
storage_pool_event_emit_lifecycle(struct object_event_state *st,
                                  const char *name, const unsigned char *uuid,
                                  int event, int detail)
{
    object_event_queue_lifecycle(st, name, uuid, event, detail);
}

void
storage_pool_event_emit_refresh(struct object_event_state *st,
                                const char *name, const unsigned char *uuid)
{
    object_event_queue_plain(st, VIR_STORAGE_POOL_EVENT_ID_REFRESH, name,
                             uuid);
}
