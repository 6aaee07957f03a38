/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * driver_slots_object_event.h: the slots of struct driver (driver.h) for
 * the events of networks, storage pools and node devices. Each slot's
 * comment is its contract.
 *
 * A part of struct driver's body, not a header of its own: driver.h
 * includes it inside the struct, after the headers whose types the slots
 * use (api/vireo.h, drivers/handle.h). Nothing else includes it.
 */
#ifndef VIREO_DRIVER_SLOTS
#error "only drivers/driver.h includes this file"
#endif

    /* Object events: networks, storage pools, node devices. */
    /* Network events, with object_event.h's delivery guarantees; net NULL
     * means every network. */
    int (*network_event_register_any)(struct vireo_conn *conn,
                                      struct vireo_network *net,
                                      int event_id,
                                      vireo_network_event_generic_cb cb,
                                      void *opaque, vireo_free_cb free_cb,
                                      struct vireo_error *err);
    int (*network_event_deregister_any)(struct vireo_conn *conn,
                                        int callback_id,
                                        struct vireo_error *err);

    /* Storage pool and node device events, with object_event.h's
     * delivery guarantees; pool (dev) NULL means every pool (device).
     * Register answers the callback id, or -1 with err set:
     * VIR_ERR_INVALID_ARG for an unknown event id or a second
     * registration of the same callback, id and filter. Deregister
     * answers VIR_ERR_INVALID_ARG for an id the connection does not
     * hold. storage_pool_event.h and node_device_event.h do both for a
     * driver that keeps an object_event_state. */
    int (*storage_pool_event_register_any)(
        struct vireo_conn *conn, struct vireo_storage_pool *pool,
        int event_id, vireo_storage_pool_event_generic_cb cb, void *opaque,
        vireo_free_cb free_cb, struct vireo_error *err);
    int (*storage_pool_event_deregister_any)(struct vireo_conn *conn,
                                             int callback_id,
                                             struct vireo_error *err);
    int (*node_device_event_register_any)(
        struct vireo_conn *conn, struct vireo_node_device *dev,
        int event_id, vireo_node_device_event_generic_cb cb, void *opaque,
        vireo_free_cb free_cb, struct vireo_error *err);
    int (*node_device_event_deregister_any)(struct vireo_conn *conn,
                                            int callback_id,
                                            struct vireo_error *err);
