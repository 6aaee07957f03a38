/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo-object-event.h: the part of the public header for the events of
 * networks, storage pools and node devices.
 *
 * Clients include vireo.h, which includes this file after the parts it
 * builds on; it is not meant to be included on its own.
 */
#ifndef VIREO_OBJECT_EVENT_H
#define VIREO_OBJECT_EVENT_H

#ifndef VIREO_H_INCLUDES
#error "include vireo.h, not vireo-object-event.h"
#endif

/* Object events: networks, storage pools, node devices. */
/* The handles these events name; each kind's section declares its own
 * functions. */
struct vireo_network;
struct vireo_storage_pool;
struct vireo_node_device;

/* libvirt's virNetworkEventID and virNetworkEventLifecycleType. */
enum vireo_network_event_id {
    VIR_NETWORK_EVENT_ID_LIFECYCLE = 0,
    VIR_NETWORK_EVENT_ID_LAST
};
enum vireo_network_event_lifecycle_type {
    VIR_NETWORK_EVENT_DEFINED   = 0,
    VIR_NETWORK_EVENT_UNDEFINED = 1,
    VIR_NETWORK_EVENT_STARTED   = 2,
    VIR_NETWORK_EVENT_STOPPED   = 3,
    VIR_NETWORK_EVENT_LAST
};
/* libvirt's virStoragePoolEventID and virStoragePoolEventLifecycleType. */
enum vireo_storage_pool_event_id {
    VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE = 0,
    VIR_STORAGE_POOL_EVENT_ID_REFRESH   = 1,
    VIR_STORAGE_POOL_EVENT_ID_LAST
};
enum vireo_storage_pool_event_lifecycle_type {
    VIR_STORAGE_POOL_EVENT_DEFINED   = 0,
    VIR_STORAGE_POOL_EVENT_UNDEFINED = 1,
    VIR_STORAGE_POOL_EVENT_STARTED   = 2,
    VIR_STORAGE_POOL_EVENT_STOPPED   = 3,
    VIR_STORAGE_POOL_EVENT_CREATED   = 4,
    VIR_STORAGE_POOL_EVENT_DELETED   = 5,
    VIR_STORAGE_POOL_EVENT_LAST
};
/* libvirt's virNodeDeviceEventID and virNodeDeviceEventLifecycleType. */
enum vireo_node_device_event_id {
    VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE = 0,
    VIR_NODE_DEVICE_EVENT_ID_UPDATE    = 1,
    VIR_NODE_DEVICE_EVENT_ID_LAST
};
enum vireo_node_device_event_lifecycle_type {
    VIR_NODE_DEVICE_EVENT_CREATED   = 0,
    VIR_NODE_DEVICE_EVENT_DELETED   = 1,
    VIR_NODE_DEVICE_EVENT_DEFINED   = 2,
    VIR_NODE_DEVICE_EVENT_UNDEFINED = 3,
    VIR_NODE_DEVICE_EVENT_LAST
};

/* As for domains, a callback is registered under its kind's generic type
 * and called with its event id's own argument list: LIFECYCLE ids take
 * (event, detail), REFRESH and UPDATE nothing more. */
typedef void (*vireo_network_event_generic_cb)(struct vireo_conn *conn,
                                               struct vireo_network *net,
                                               void *opaque);
typedef void (*vireo_network_event_lifecycle_cb)(struct vireo_conn *conn,
                                                 struct vireo_network *net,
                                                 int event, int detail,
                                                 void *opaque);
#define VIREO_NETWORK_EVENT_CALLBACK(cb) ((vireo_network_event_generic_cb)(void (*)(void))(cb))

typedef void (*vireo_storage_pool_event_generic_cb)(
    struct vireo_conn *conn, struct vireo_storage_pool *pool, void *opaque);
typedef void (*vireo_storage_pool_event_lifecycle_cb)(
    struct vireo_conn *conn, struct vireo_storage_pool *pool, int event,
    int detail, void *opaque);
#define VIREO_STORAGE_POOL_EVENT_CALLBACK(cb) ((vireo_storage_pool_event_generic_cb)(void (*)(void))(cb))

typedef void (*vireo_node_device_event_generic_cb)(
    struct vireo_conn *conn, struct vireo_node_device *dev, void *opaque);
typedef void (*vireo_node_device_event_lifecycle_cb)(
    struct vireo_conn *conn, struct vireo_node_device *dev, int event,
    int detail, void *opaque);
#define VIREO_NODE_DEVICE_EVENT_CALLBACK(cb) ((vireo_node_device_event_generic_cb)(void (*)(void))(cb))

/* Register cb for event_id (VIR_NETWORK_EVENT_ID_*) about net, or every
 * network when net is NULL; events arrive on the registered event loop.
 * Returns the callback id, or -1 with err set. */
VIREO_API int vireo_conn_network_event_register_any(
    struct vireo_conn *conn, struct vireo_network *net, int event_id,
    vireo_network_event_generic_cb cb, void *opaque, vireo_free_cb free_cb,
    struct vireo_error *err);
VIREO_API int vireo_conn_network_event_deregister_any(struct vireo_conn *conn,
                                                      int callback_id,
                                                      struct vireo_error *err);
/* libvirt's words for a network lifecycle event ("Started"). */
VIREO_API const char *vireo_network_event_type_string(int event);

/* Storage pool events: the same for event_id VIR_STORAGE_POOL_EVENT_ID_*
 * about pool, or every pool when pool is NULL. */
VIREO_API int vireo_conn_storage_pool_event_register_any(
    struct vireo_conn *conn, struct vireo_storage_pool *pool, int event_id,
    vireo_storage_pool_event_generic_cb cb, void *opaque,
    vireo_free_cb free_cb, struct vireo_error *err);
VIREO_API int vireo_conn_storage_pool_event_deregister_any(
    struct vireo_conn *conn, int callback_id, struct vireo_error *err);
/* virsh's words for a storage pool lifecycle event ("Started"). */
VIREO_API const char *vireo_storage_pool_event_type_string(int event);

/* Node device events: event_id VIR_NODE_DEVICE_EVENT_ID_* about dev, or
 * every device when dev is NULL. */
VIREO_API int vireo_conn_node_device_event_register_any(
    struct vireo_conn *conn, struct vireo_node_device *dev, int event_id,
    vireo_node_device_event_generic_cb cb, void *opaque,
    vireo_free_cb free_cb, struct vireo_error *err);
VIREO_API int vireo_conn_node_device_event_deregister_any(
    struct vireo_conn *conn, int callback_id, struct vireo_error *err);
/* virsh's words for a node device lifecycle event ("Created"). */
VIREO_API const char *vireo_node_device_event_type_string(int event);

#endif /* VIREO_OBJECT_EVENT_H */
