/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * node_device_event.h: node devices as a kind of object events
 * (object_event.h): LIFECYCLE (event, detail) and UPDATE, filtered by
 * device name (devices have no uuid), delivered with a node device
 * handle.
 *
 * A node device driver keeps one object_event_state made with
 * node_device_event_kind on the thread that owns its devices, hands its
 * register and deregister slots to node_device_event_register() and
 * object_event_deregister() there, calls object_event_deregister_conn()
 * from its close, and reports what happens to a device with the two emit
 * functions below, from that same thread, once the change is made.
 * Delivery happens later, on the registered event loop's thread.
 */
#ifndef VIREO_DRIVERS_NODE_DEVICE_EVENT_H
#define VIREO_DRIVERS_NODE_DEVICE_EVENT_H

#include "drivers/object_event.h"

extern const struct object_event_kind node_device_event_kind;

/* The owner's thread: register cb for event_id
 * (VIR_NODE_DEVICE_EVENT_ID_*) about dev, or every device when dev is
 * NULL. object_event_register()'s answers and errors. */
int node_device_event_register(struct object_event_state *st,
                               struct vireo_conn *conn,
                               struct vireo_node_device *dev, int event_id,
                               vireo_node_device_event_generic_cb cb,
                               void *opaque, vireo_free_cb free_cb,
                               struct vireo_error *err);

/* The owner's thread: the device name went through event
 * (VIR_NODE_DEVICE_EVENT_CREATED .. _UNDEFINED) with detail (0 for every
 * event libvirt sends today). */
void node_device_event_emit_lifecycle(struct object_event_state *st,
                                      const char *name, int event,
                                      int detail);

/* The owner's thread: the device name changed in place. */
void node_device_event_emit_update(struct object_event_state *st,
                                   const char *name);

#endif /* VIREO_DRIVERS_NODE_DEVICE_EVENT_H */
