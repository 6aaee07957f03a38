/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * object_event.c: registrations and delivery of network, storage pool and
 * node device events.
 *
 * The driver's thread owns the registrations and turns each event into
 * one delivery message per matching callback; the loop's thread runs the
 * callbacks. The messages travel through one loop queue for the whole
 * process, so each callback sees events in the order they were produced.
 *
 * The callback record is the one domain events use too
 * (drivers/event_callback.h): shared by both threads, immutable once
 * registered except for its reference count and its cancelled flag.
 *
 * A registration does not hold its connection: the connection's close, on
 * the driver's thread, removes its registrations first. A delivery takes
 * a reference (through the kind's handle) unless the connection is already
 * closing, and the loop drops it with the kind's handle_unref_elsewhere.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/domain_event.h"
#include "drivers/error.h"
#include "drivers/event_callback.h"
#include "drivers/handle.h"
#include "drivers/object_event.h"
#include "loop/queue.h"

struct callback {
    struct event_callback           base;        /* first: the list's link */
    int                             event_id;
    const struct object_event_kind *kind;
    bool                            has_filter;
    char                           *filter_name; /* kinds without uuid */
    unsigned char                   filter_uuid[VIREO_UUID_BUFLEN];
    object_event_cb                 cb;
};

/* One event for one callback, on its way to the loop. */
struct delivery {
    struct queue_link           link;
    struct callback            *cb;       /* referenced */
    void                       *handle;   /* the kind's, referencing conn */
    struct object_event_payload payload;
};

/* Owned by the driver's thread. */
struct object_event_state {
    const struct object_event_kind *kind;
    struct event_callback          *callbacks;   /* registration order */
    int                             next_id;
};

/* The process's queue to the loop, made by the first registration (which
 * needs a loop anyway) and kept for the process's life. */
static _Atomic(struct queue *) to_loop;

/* Any thread: the last reference is gone. */
static void
callback_destroy(struct event_callback *base)
{
    struct callback *c = (struct callback *)base;

    free(c->filter_name);
    free(c);
}

/* ---- Delivery (loop thread) ------------------------------------------- */

void
object_event_invoke_default(int event_id, object_event_cb cb,
                            struct vireo_conn *conn, void *handle,
                            const struct object_event_payload *p,
                            void *opaque)
{
    typedef void (*lifecycle_cb)(struct vireo_conn *, void *, int, int,
                                 void *);
    typedef void (*plain_cb)(struct vireo_conn *, void *, void *);

    if (event_id == 0)
        ((lifecycle_cb)cb)(conn, handle, p->ints[0], p->ints[1], opaque);
    else
        ((plain_cb)cb)(conn, handle, opaque);
}

static void
deliver(struct delivery *d)
{
    const struct object_event_kind *kind = d->cb->kind;

    if (event_callback_is_cancelled(&d->cb->base))
        return;
    (kind->invoke != NULL ? kind->invoke : object_event_invoke_default)(
        d->cb->event_id, d->cb->cb, d->cb->base.conn, d->handle, &d->payload,
        d->cb->base.opaque);
}

static void
on_deliveries(struct queue_link *batch, void *opaque)
{
    (void)opaque;
    while (batch != NULL) {
        struct delivery *d = QUEUE_ITEM(batch, struct delivery, link);
        const struct object_event_kind *kind = d->cb->kind;

        batch = batch->next;
        deliver(d);
        /* The callback first: dropping the handle may close its
         * connection, whose close then finds no delivery in flight and
         * runs free_cb itself, on the driver's thread. */
        event_callback_unref(&d->cb->base);
        kind->handle_unref_elsewhere(d->handle);
        free(d);
    }
}

/* ---- The owner's state (driver thread) -------------------------------- */

struct object_event_state *
object_event_state_new(const struct object_event_kind *kind)
{
    struct object_event_state *st = calloc(1, sizeof(*st));

    if (st != NULL)
        st->kind = kind;
    return st;
}

void
object_event_state_free(struct object_event_state *st)
{
    if (st == NULL)
        return;
    event_callbacks_remove_conn(&st->callbacks, NULL);
    free(st);
}

static int
check_registration(const struct object_event_kind *kind, int event_id,
                   object_event_cb cb, struct vireo_error *err)
{
    if (event_id < 0 || event_id >= kind->n_event_ids)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_EVENT,
                         "unsupported event ID %d", event_id);
    if (cb == NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_EVENT,
                         "%s", "callback must not be NULL");
    if (domain_event_require_loop(err) < 0)
        return -1;
    return event_delivery_queue_ensure(&to_loop, on_deliveries, err);
}

/* Does c's filter name the object (name, uuid)? A callback without a
 * filter matches every object. */
static bool
filter_matches(const struct callback *c, const char *name,
               const unsigned char *uuid)
{
    if (!c->has_filter)
        return true;
    if (c->kind->has_uuid)
        return uuid != NULL &&
               memcmp(c->filter_uuid, uuid, VIREO_UUID_BUFLEN) == 0;
    return name != NULL && strcmp(c->filter_name, name) == 0;
}

/* libvirt refuses a second registration of the same function for the same
 * event id and filter on one connection (whatever the opaque). */
static bool
is_tracked(const struct object_event_state *st, const struct callback *n)
{
    for (const struct event_callback *b = st->callbacks; b; b = b->next) {
        const struct callback *o = (const struct callback *)b;

        if (b->conn == n->base.conn && o->cb == n->cb &&
            o->event_id == n->event_id && o->has_filter == n->has_filter &&
            (!n->has_filter ||
             filter_matches(o, n->filter_name, n->filter_uuid)))
            return true;
    }
    return false;
}

/* A record for the registration, not yet in st's list; NULL when memory
 * is short. */
static struct callback *
callback_new(const struct object_event_state *st, struct vireo_conn *conn,
             const char *filter_name, const unsigned char *filter_uuid,
             int event_id)
{
    struct callback *c = calloc(1, sizeof(*c));

    if (c == NULL)
        return NULL;
    c->base.conn = conn;
    c->base.destroy = callback_destroy;
    c->kind = st->kind;
    c->event_id = event_id;
    if (st->kind->has_uuid && filter_uuid != NULL) {
        c->has_filter = true;
        memcpy(c->filter_uuid, filter_uuid, VIREO_UUID_BUFLEN);
    } else if (!st->kind->has_uuid && filter_name != NULL) {
        c->has_filter = true;
        c->filter_name = strdup(filter_name);
        if (c->filter_name == NULL) {
            free(c);
            return NULL;
        }
    }
    return c;
}

int
object_event_register(struct object_event_state *st, struct vireo_conn *conn,
                      const char *filter_name,
                      const unsigned char *filter_uuid, int event_id,
                      object_event_cb cb, void *opaque, vireo_free_cb free_cb,
                      struct vireo_error *err)
{
    struct callback *c;

    if (check_registration(st->kind, event_id, cb, err) < 0)
        return -1;
    c = callback_new(st, conn, filter_name, filter_uuid, event_id);
    if (c == NULL)
        return error_no_memory(err);
    c->cb = cb;
    if (is_tracked(st, c)) {
        callback_destroy(&c->base);   /* never registered: no free_cb */
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE, "%s",
                         "event callback already tracked");
    }
    c->base.id = st->next_id++;
    c->base.opaque = opaque;
    c->base.free_cb = free_cb;
    event_callbacks_append(&st->callbacks, &c->base);
    return c->base.id;
}

int
object_event_deregister(struct object_event_state *st,
                        struct vireo_conn *conn, int callback_id,
                        struct vireo_error *err)
{
    return event_callbacks_remove(&st->callbacks, conn, callback_id, err);
}

int
object_event_callback_event_id(const struct object_event_state *st,
                               const struct vireo_conn *conn, int callback_id)
{
    for (const struct event_callback *b = st->callbacks; b; b = b->next)
        if (b->conn == conn && b->id == callback_id)
            return ((const struct callback *)b)->event_id;
    return -1;
}

void
object_event_deregister_conn(struct object_event_state *st,
                             struct vireo_conn *conn)
{
    event_callbacks_remove_conn(&st->callbacks, conn);
}

/* ---- Producing (driver thread) ---------------------------------------- */

/* A delivery to c, or NULL: its connection is closing, or memory is
 * short (events are best effort then). */
static struct delivery *
delivery_new(struct callback *c, const char *name, const unsigned char *uuid,
             const struct object_event_payload *p)
{
    struct vireo_conn *conn = handle_conn_try_ref(c->base.conn);
    struct delivery *d;

    if (conn == NULL)
        return NULL;
    d = calloc(1, sizeof(*d));
    if (d != NULL)
        d->handle = c->kind->handle_new(conn, name,
                                        c->kind->has_uuid ? uuid : NULL);
    handle_conn_unref(conn);   /* the handle holds its own; never the last */
    if (d != NULL && d->handle == NULL) {
        free(d);
        d = NULL;
    }
    if (d != NULL) {
        d->payload = *p;
        event_callback_ref(&c->base);
        d->cb = c;
    }
    return d;
}

void
object_event_queue(struct object_event_state *st, int event_id,
                   const char *name, const unsigned char *uuid,
                   const struct object_event_payload *p)
{
    struct queue *q = atomic_load(&to_loop);

    for (struct event_callback *b = st->callbacks; b != NULL; b = b->next) {
        struct callback *c = (struct callback *)b;
        struct delivery *d;

        if (c->event_id != event_id || !filter_matches(c, name, uuid) ||
            (d = delivery_new(c, name, uuid, p)) == NULL)
            continue;
        queue_push(q, &d->link);   /* the queue is never closed */
    }
}

void
object_event_queue_lifecycle(struct object_event_state *st, const char *name,
                             const unsigned char *uuid, int event, int detail)
{
    struct object_event_payload p = { .ints = { event, detail } };

    object_event_queue(st, 0, name, uuid, &p);
}

void
object_event_queue_plain(struct object_event_state *st, int event_id,
                         const char *name, const unsigned char *uuid)
{
    struct object_event_payload p = { 0 };

    object_event_queue(st, event_id, name, uuid, &p);
}
