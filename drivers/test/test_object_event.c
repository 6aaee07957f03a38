/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_object_event.c: storage pool and node device event registrations
 * of a test state. The pool and node device calls emit into the states
 * kept here (storage_pool_event.h, node_device_event.h), as libvirt's test
 * driver queues its pool and device events; everything runs on the test
 * driver's thread (test_call.h).
 */
#include "drivers/node_device_event.h"
#include "drivers/storage_pool_event.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"

int
test_object_events_new(struct test_state *st)
{
    st->pool_events = object_event_state_new(&storage_pool_event_kind);
    st->nodedev_events = object_event_state_new(&node_device_event_kind);
    return st->pool_events != NULL && st->nodedev_events != NULL ? 0 : -1;
}

void
test_object_events_free(struct test_state *st)
{
    object_event_state_free(st->pool_events);
    object_event_state_free(st->nodedev_events);
}

void
test_object_events_close_conn(struct test_state *st, struct vireo_conn *conn)
{
    object_event_deregister_conn(st->pool_events, conn);
    object_event_deregister_conn(st->nodedev_events, conn);
}

/* One registration or deregistration, of either kind. */
struct event_io {
    struct vireo_conn                  *conn;
    struct vireo_storage_pool          *pool;
    struct vireo_node_device           *dev;
    int                                 event_id;
    int                                 callback_id;
    vireo_storage_pool_event_generic_cb pool_cb;
    vireo_node_device_event_generic_cb  dev_cb;
    void                               *opaque;
    vireo_free_cb                       free_cb;
};

static int
op_pool_register(struct test_state *st, void *p, struct vireo_error *err)
{
    struct event_io *io = p;

    return storage_pool_event_register(st->pool_events, io->conn, io->pool,
                                       io->event_id, io->pool_cb, io->opaque,
                                       io->free_cb, err);
}

static int
op_pool_deregister(struct test_state *st, void *p, struct vireo_error *err)
{
    struct event_io *io = p;

    return object_event_deregister(st->pool_events, io->conn,
                                   io->callback_id, err);
}

static int
op_dev_register(struct test_state *st, void *p, struct vireo_error *err)
{
    struct event_io *io = p;

    return node_device_event_register(st->nodedev_events, io->conn, io->dev,
                                      io->event_id, io->dev_cb, io->opaque,
                                      io->free_cb, err);
}

static int
op_dev_deregister(struct test_state *st, void *p, struct vireo_error *err)
{
    struct event_io *io = p;

    return object_event_deregister(st->nodedev_events, io->conn,
                                   io->callback_id, err);
}

int
testdrv_storage_pool_event_register_any(
    struct vireo_conn *conn, struct vireo_storage_pool *pool, int event_id,
    vireo_storage_pool_event_generic_cb cb, void *opaque,
    vireo_free_cb free_cb, struct vireo_error *err)
{
    struct event_io io = { .conn = conn, .pool = pool, .event_id = event_id,
                           .pool_cb = cb, .opaque = opaque,
                           .free_cb = free_cb };

    return test_call(conn, op_pool_register, &io, err);
}

int
testdrv_storage_pool_event_deregister_any(struct vireo_conn *conn,
                                          int callback_id,
                                          struct vireo_error *err)
{
    struct event_io io = { .conn = conn, .callback_id = callback_id };

    return test_call(conn, op_pool_deregister, &io, err);
}

int
testdrv_node_device_event_register_any(
    struct vireo_conn *conn, struct vireo_node_device *dev, int event_id,
    vireo_node_device_event_generic_cb cb, void *opaque,
    vireo_free_cb free_cb, struct vireo_error *err)
{
    struct event_io io = { .conn = conn, .dev = dev, .event_id = event_id,
                           .dev_cb = cb, .opaque = opaque,
                           .free_cb = free_cb };

    return test_call(conn, op_dev_register, &io, err);
}

int
testdrv_node_device_event_deregister_any(struct vireo_conn *conn,
                                         int callback_id,
                                         struct vireo_error *err)
{
    struct event_io io = { .conn = conn, .callback_id = callback_id };

    return test_call(conn, op_dev_deregister, &io, err);
}
