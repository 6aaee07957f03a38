/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_events.c: storage pool events (storage_pool_event.h), as
 * libvirt's storage driver raises them: defined, undefined, started,
 * stopped, created (built), deleted, and refreshed. Registrations and
 * emissions run on the storage thread.
 */
#include "drivers/storage/storage_slots.h"
#include "drivers/storage/storage_state.h"
#include "drivers/conf/storage_xml.h"
#include "drivers/storage_pool_event.h"

void
stor_emit(struct stor_state *st, const struct stor_pool *pool, int event)
{
    storage_pool_event_emit_lifecycle(st->events, pool->def->name,
                                      pool->def->uuid, event, 0);
}

void
stor_emit_refresh(struct stor_state *st, const struct stor_pool *pool)
{
    storage_pool_event_emit_refresh(st->events, pool->def->name,
                                    pool->def->uuid);
}

int
stordrv_storage_pool_event_register_any(
    struct vireo_conn *conn, struct vireo_storage_pool *pool, int event_id,
    vireo_storage_pool_event_generic_cb cb, void *opaque,
    vireo_free_cb free_cb, struct vireo_error *err)
{
    return storage_pool_event_register(stor_state_of(conn)->events, conn,
                                       pool, event_id, cb, opaque, free_cb,
                                       err);
}

int
stordrv_storage_pool_event_deregister_any(struct vireo_conn *conn,
                                          int callback_id,
                                          struct vireo_error *err)
{
    return object_event_deregister(stor_state_of(conn)->events, conn,
                                   callback_id, err);
}
