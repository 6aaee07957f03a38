/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * node_device_event.c: the node device kind of object events.
 */
#include "drivers/node_device_event.h"
#include "drivers/nodedev_handle.h"

static void *
handle_new(struct vireo_conn *conn, const char *name,
           const unsigned char *uuid)
{
    (void)uuid;
    return handle_nodedev_new(conn, name, NULL);
}

static void
handle_unref_elsewhere(void *handle)
{
    handle_nodedev_unref_elsewhere(handle);
}

const struct object_event_kind node_device_event_kind = {
    .what = "node device",
    .n_event_ids = VIR_NODE_DEVICE_EVENT_ID_LAST,
    .has_uuid = false,
    .handle_new = handle_new,
    .handle_unref_elsewhere = handle_unref_elsewhere,
};

int
node_device_event_register(struct object_event_state *st,
                           struct vireo_conn *conn,
                           struct vireo_node_device *dev, int event_id,
                           vireo_node_device_event_generic_cb cb,
                           void *opaque, vireo_free_cb free_cb,
                           struct vireo_error *err)
{
    return object_event_register(st, conn, dev != NULL ? dev->name : NULL,
                                 NULL, event_id, OBJECT_EVENT_CB(cb), opaque,
                                 free_cb, err);
}

void
node_device_event_emit_lifecycle(struct object_event_state *st,
                                 const char *name, int event, int detail)
{
    object_event_queue_lifecycle(st, name, NULL, event, detail);
}

void
node_device_event_emit_update(struct object_event_state *st, const char *name)
{
    object_event_queue_plain(st, VIR_NODE_DEVICE_EVENT_ID_UPDATE, name, NULL);
}
