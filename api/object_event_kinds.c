/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * object_event_kinds.c: registering for storage pool and node device
 * events. Delivery is the driver's (drivers/object_event.h); this file
 * checks what libvirt checks before a registration reaches the driver.
 */
#include <stddef.h>

#include "api/check.h"
#include "drivers/domain_event.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/nodedev_handle.h"
#include "drivers/storage_handle.h"

#define POOL_REGISTER "virConnectStoragePoolEventRegisterAny"
#define POOL_DEREGISTER "virConnectStoragePoolEventDeregisterAny"
#define DEV_REGISTER "virConnectNodeDeviceEventRegisterAny"
#define DEV_DEREGISTER "virConnectNodeDeviceEventDeregisterAny"

/* What every registration checks, whatever its kind: the connection, the
 * callback and the event id (below n_ids). */
static int
check_registration(struct vireo_conn *conn, const void *cb, int event_id,
                   int n_ids, const char *func, struct vireo_error *err)
{
    if (check_conn(conn, func, err) < 0 ||
        check_non_negative(event_id, "eventID", func, err) < 0 ||
        domain_event_require_loop(err) < 0)
        return -1;
    if (cb == NULL)
        return check_invalid_arg(err, "cb in %s must not be NULL", func);
    if (event_id >= n_ids)
        return check_invalid_arg(err, "eventID in %s must be less than %d",
                                 func, n_ids);
    return 0;
}

/* A filter must name an object of the same connection. */
static int
check_pool_filter(struct vireo_conn *conn, struct vireo_storage_pool *pool,
                  struct vireo_error *err)
{
    if (pool == NULL)
        return 0;
    if (pool->conn == NULL || pool->conn->driver == NULL)
        return error_set(err, VIR_ERR_INVALID_STORAGE_POOL, VIR_FROM_STORAGE,
                         "%s", POOL_REGISTER);
    if (pool->conn != conn)
        return check_invalid_arg(err, "storage pool '%s' in %s must match "
                                 "connection", pool->name, POOL_REGISTER);
    return 0;
}

static int
check_dev_filter(struct vireo_conn *conn, struct vireo_node_device *dev,
                 struct vireo_error *err)
{
    if (dev == NULL)
        return 0;
    if (dev->conn == NULL || dev->conn->driver == NULL)
        return error_set(err, VIR_ERR_INVALID_NODE_DEVICE, VIR_FROM_NODEDEV,
                         "%s", DEV_REGISTER);
    if (dev->conn != conn)
        return check_invalid_arg(err, "node device '%s' in %s must match "
                                 "connection", dev->name, DEV_REGISTER);
    return 0;
}

/* Shared by both deregistrations: the connection and the id. */
static int
check_deregistration(struct vireo_conn *conn, int callback_id,
                     const char *func, struct vireo_error *err)
{
    return check_conn(conn, func, err) < 0 ||
                   check_non_negative(callback_id, "callbackID", func,
                                      err) < 0
               ? -1
               : 0;
}

int
vireo_conn_storage_pool_event_register_any(
    struct vireo_conn *conn, struct vireo_storage_pool *pool, int event_id,
    vireo_storage_pool_event_generic_cb cb, void *opaque,
    vireo_free_cb free_cb, struct vireo_error *err)
{
    if (check_registration(conn, (const void *)cb, event_id,
                           VIR_STORAGE_POOL_EVENT_ID_LAST, POOL_REGISTER,
                           err) < 0 ||
        check_pool_filter(conn, pool, err) < 0)
        return -1;
    if (check_slot(conn, conn->driver->storage_pool_event_register_any,
                   POOL_REGISTER, err) < 0)
        return -1;
    return conn->driver->storage_pool_event_register_any(
        conn, pool, event_id, cb, opaque, free_cb, err);
}

int
vireo_conn_storage_pool_event_deregister_any(struct vireo_conn *conn,
                                             int callback_id,
                                             struct vireo_error *err)
{
    if (check_deregistration(conn, callback_id, POOL_DEREGISTER, err) < 0 ||
        check_slot(conn, conn->driver->storage_pool_event_deregister_any,
                   POOL_DEREGISTER, err) < 0)
        return -1;
    return conn->driver->storage_pool_event_deregister_any(conn, callback_id,
                                                           err);
}

int
vireo_conn_node_device_event_register_any(
    struct vireo_conn *conn, struct vireo_node_device *dev, int event_id,
    vireo_node_device_event_generic_cb cb, void *opaque,
    vireo_free_cb free_cb, struct vireo_error *err)
{
    if (check_registration(conn, (const void *)cb, event_id,
                           VIR_NODE_DEVICE_EVENT_ID_LAST, DEV_REGISTER,
                           err) < 0 ||
        check_dev_filter(conn, dev, err) < 0)
        return -1;
    if (check_slot(conn, conn->driver->node_device_event_register_any,
                   DEV_REGISTER, err) < 0)
        return -1;
    return conn->driver->node_device_event_register_any(
        conn, dev, event_id, cb, opaque, free_cb, err);
}

int
vireo_conn_node_device_event_deregister_any(struct vireo_conn *conn,
                                            int callback_id,
                                            struct vireo_error *err)
{
    if (check_deregistration(conn, callback_id, DEV_DEREGISTER, err) < 0 ||
        check_slot(conn, conn->driver->node_device_event_deregister_any,
                   DEV_DEREGISTER, err) < 0)
        return -1;
    return conn->driver->node_device_event_deregister_any(conn, callback_id,
                                                          err);
}

const char *
vireo_storage_pool_event_type_string(int event)
{
    static const char *const words[VIR_STORAGE_POOL_EVENT_LAST] = {
        "Defined", "Undefined", "Started", "Stopped", "Created", "Deleted",
    };

    return event >= 0 && event < VIR_STORAGE_POOL_EVENT_LAST ? words[event]
                                                             : "unknown";
}

const char *
vireo_node_device_event_type_string(int event)
{
    static const char *const words[VIR_NODE_DEVICE_EVENT_LAST] = {
        "Created", "Deleted", "Defined", "Undefined",
    };

    return event >= 0 && event < VIR_NODE_DEVICE_EVENT_LAST ? words[event]
                                                            : "unknown";
}
