/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_object_event_kinds.c: storage pool and node device event
 * registrations over the wire (CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY
 * 368 and its deregistration 369, CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY
 * 374 and 375), on the driver's thread; and the relays that turn each
 * event the driver delivers (on the loop thread) into the message
 * libvirtd sends the client that registered: STORAGE_POOL_EVENT_LIFECYCLE
 * (370), _REFRESH (373), NODE_DEVICE_EVENT_LIFECYCLE (376), _UPDATE (377).
 */
#include <stdatomic.h>
#include <string.h>

#include "daemon/dispatch_event_relay.h"
#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_object_event.h"
#include "daemon/dispatch_slots.h"
#include "daemon/dispatch_storage.h"
#include "daemon/log.h"
#include "drivers/nodedev_handle.h"

/* ---- Relays (loop thread) --------------------------------------------- */

static void
on_pool_lifecycle(struct vireo_conn *conn, struct vireo_storage_pool *pool,
                  int event, int detail, void *opaque)
{
    struct event_reg *reg = opaque;
    remote_storage_pool_event_lifecycle_msg msg = {
        .callbackID = atomic_load(&reg->callback_id),
        .pool = { .name = pool->name }, .event = event, .detail = detail,
    };

    (void)conn;
    memcpy(msg.pool.uuid, pool->uuid, sizeof(msg.pool.uuid));
    if (msg.callbackID >= 0)
        dispatch_event_relay_send(reg, REMOTE_PROC_STORAGE_POOL_EVENT_LIFECYCLE,
                                  &msg);
}

static void
on_pool_refresh(struct vireo_conn *conn, struct vireo_storage_pool *pool,
                void *opaque)
{
    struct event_reg *reg = opaque;
    remote_storage_pool_event_refresh_msg msg = {
        .callbackID = atomic_load(&reg->callback_id),
        .pool = { .name = pool->name },
    };

    (void)conn;
    memcpy(msg.pool.uuid, pool->uuid, sizeof(msg.pool.uuid));
    if (msg.callbackID >= 0)
        dispatch_event_relay_send(reg, REMOTE_PROC_STORAGE_POOL_EVENT_REFRESH,
                                  &msg);
}

static void
on_dev_lifecycle(struct vireo_conn *conn, struct vireo_node_device *dev,
                 int event, int detail, void *opaque)
{
    struct event_reg *reg = opaque;
    remote_node_device_event_lifecycle_msg msg = {
        .callbackID = atomic_load(&reg->callback_id),
        .dev = { .name = dev->name }, .event = event, .detail = detail,
    };

    (void)conn;
    if (msg.callbackID >= 0)
        dispatch_event_relay_send(reg, REMOTE_PROC_NODE_DEVICE_EVENT_LIFECYCLE,
                                  &msg);
}

static void
on_dev_update(struct vireo_conn *conn, struct vireo_node_device *dev,
              void *opaque)
{
    struct event_reg *reg = opaque;
    remote_node_device_event_update_msg msg = {
        .callbackID = atomic_load(&reg->callback_id),
        .dev = { .name = dev->name },
    };

    (void)conn;
    if (msg.callbackID >= 0)
        dispatch_event_relay_send(reg, REMOTE_PROC_NODE_DEVICE_EVENT_UPDATE,
                                  &msg);
}

/* ---- Registration (driver thread) ------------------------------------- */

/* A registration for event_id, which libvirtd checks itself before its
 * driver sees it; NULL with err set. */
static struct event_reg *
reg_for(struct event_sink *sink, int event_id, int n_ids, const char *what,
        struct vireo_error *err)
{
    if (event_id < 0 || event_id >= n_ids) {
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC,
                  "unsupported %s event ID %d", what, event_id);
        return NULL;
    }
    return dispatch_object_event_reg_new(sink, event_id, err);
}

/* The driver answered id for reg: keep it, or free reg when the
 * registration failed (the driver kept nothing). */
static int
registered(struct event_reg *reg, int id, int *callback_id)
{
    if (id < 0) {
        dispatch_object_event_reg_free(reg);
        return -1;
    }
    atomic_store(&reg->callback_id, id);
    *callback_id = id;
    log_debug("object event id %d registered as callback %d", reg->event_id,
              id);
    return 0;
}

/* libvirtd answers an id it does not know from its own list of the
 * client's callbacks, in its RPC layer's words. */
static int
deregistered(int rc, const char *what, int callback_id,
             struct vireo_error *err)
{
    if (rc == 0)
        return 0;
    if (err->code == VIR_ERR_INVALID_ARG)
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC,
                  "%s event callback %d not registered", what, callback_id);
    return -1;
}

static int
connect_storage_pool_event_register_any(struct vireo_conn *conn,
                                        struct event_sink *sink,
                                        const void *args, void *ret,
                                        struct vireo_error *err)
{
    const remote_connect_storage_pool_event_register_any_args *a = args;
    remote_connect_storage_pool_event_register_any_ret *r = ret;
    struct vireo_storage_pool *pool = NULL;
    struct event_reg *reg;
    int id;

    if (DISPATCH_NEED_AS(conn, storage_pool_event_register_any,
                         "virConnectStoragePoolEventRegisterAny", err) < 0 ||
        (reg = reg_for(sink, a->eventID, VIR_STORAGE_POOL_EVENT_ID_LAST,
                       "storage pool", err)) == NULL)
        return -1;
    if (a->pool != NULL &&
        (pool = dispatch_pool_get(conn, a->pool, err)) == NULL) {
        dispatch_object_event_reg_free(reg);
        return -1;
    }
    id = conn->driver->storage_pool_event_register_any(
        conn, pool, a->eventID,
        a->eventID == VIR_STORAGE_POOL_EVENT_ID_REFRESH
            ? on_pool_refresh
            : VIREO_STORAGE_POOL_EVENT_CALLBACK(on_pool_lifecycle),
        reg, dispatch_object_event_reg_free, err);
    handle_pool_unref(pool);
    return registered(reg, id, &r->callbackID);
}

int
dispatch_connect_storage_pool_event_deregister_any(struct vireo_conn *conn,
                                                   const void *args,
                                                   void *ret,
                                                   struct vireo_error *err)
{
    const remote_connect_storage_pool_event_deregister_any_args *a = args;

    (void)ret;
    if (DISPATCH_NEED_AS(conn, storage_pool_event_deregister_any,
                         "virConnectStoragePoolEventDeregisterAny", err) < 0)
        return -1;
    return deregistered(conn->driver->storage_pool_event_deregister_any(
                            conn, a->callbackID, err),
                        "storage pool", a->callbackID, err);
}

static int
connect_node_device_event_register_any(struct vireo_conn *conn,
                                       struct event_sink *sink,
                                       const void *args, void *ret,
                                       struct vireo_error *err)
{
    const remote_connect_node_device_event_register_any_args *a = args;
    remote_connect_node_device_event_register_any_ret *r = ret;
    struct vireo_node_device *dev = NULL;
    struct event_reg *reg;
    int id;

    if (DISPATCH_NEED_AS(conn, node_device_event_register_any,
                         "virConnectNodeDeviceEventRegisterAny", err) < 0 ||
        (reg = reg_for(sink, a->eventID, VIR_NODE_DEVICE_EVENT_ID_LAST,
                       "node device", err)) == NULL)
        return -1;
    if (a->dev != NULL &&
        (dev = handle_nodedev_new(conn, a->dev->name, err)) == NULL) {
        dispatch_object_event_reg_free(reg);
        return -1;
    }
    id = conn->driver->node_device_event_register_any(
        conn, dev, a->eventID,
        a->eventID == VIR_NODE_DEVICE_EVENT_ID_UPDATE
            ? on_dev_update
            : VIREO_NODE_DEVICE_EVENT_CALLBACK(on_dev_lifecycle),
        reg, dispatch_object_event_reg_free, err);
    handle_nodedev_unref(dev);
    return registered(reg, id, &r->callbackID);
}

int
dispatch_connect_node_device_event_deregister_any(struct vireo_conn *conn,
                                                  const void *args,
                                                  void *ret,
                                                  struct vireo_error *err)
{
    const remote_connect_node_device_event_deregister_any_args *a = args;

    (void)ret;
    if (DISPATCH_NEED_AS(conn, node_device_event_deregister_any,
                         "virConnectNodeDeviceEventDeregisterAny", err) < 0)
        return -1;
    return deregistered(conn->driver->node_device_event_deregister_any(
                            conn, a->callbackID, err),
                        "node device", a->callbackID, err);
}

dispatch_sink_fn
dispatch_object_event_kinds_sink_handler(int proc)
{
    if (proc == REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY)
        return connect_storage_pool_event_register_any;
    if (proc == REMOTE_PROC_CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY)
        return connect_node_device_event_register_any;
    return NULL;
}
