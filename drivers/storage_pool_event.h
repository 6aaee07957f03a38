/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_pool_event.h: storage pools as a kind of object events
 * (object_event.h): LIFECYCLE (event, detail) and REFRESH, filtered by
 * uuid, delivered with a storage pool handle.
 *
 * A storage driver keeps one object_event_state made with
 * storage_pool_event_kind on the thread that owns its pools, hands its
 * register and deregister slots to storage_pool_event_register() and
 * object_event_deregister() there, calls object_event_deregister_conn()
 * from its close, and reports what happens to a pool with the two emit
 * functions below, from that same thread, once the change is made. They
 * copy what they are given, cost a loop over the registrations when
 * nobody listens, and never call a callback themselves: delivery happens
 * later on the registered event loop's thread.
 */
#ifndef VIREO_DRIVERS_STORAGE_POOL_EVENT_H
#define VIREO_DRIVERS_STORAGE_POOL_EVENT_H

#include "drivers/object_event.h"

extern const struct object_event_kind storage_pool_event_kind;

/* The owner's thread: register cb for event_id
 * (VIR_STORAGE_POOL_EVENT_ID_*) about pool, or every pool when pool is
 * NULL. object_event_register()'s answers and errors. */
int storage_pool_event_register(struct object_event_state *st,
                                struct vireo_conn *conn,
                                struct vireo_storage_pool *pool, int event_id,
                                vireo_storage_pool_event_generic_cb cb,
                                void *opaque, vireo_free_cb free_cb,
                                struct vireo_error *err);

/* The owner's thread: pool (name, uuid) went through event
 * (VIR_STORAGE_POOL_EVENT_DEFINED .. _DELETED) with detail (0 for every
 * event libvirt sends today). */
void storage_pool_event_emit_lifecycle(struct object_event_state *st,
                                       const char *name,
                                       const unsigned char *uuid, int event,
                                       int detail);

/* The owner's thread: pool (name, uuid) was refreshed. */
void storage_pool_event_emit_refresh(struct object_event_state *st,
                                     const char *name,
                                     const unsigned char *uuid);

#endif /* VIREO_DRIVERS_STORAGE_POOL_EVENT_H */
