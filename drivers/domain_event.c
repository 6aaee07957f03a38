/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_event.c: domain-event registrations and their delivery.
 *
 * Two threads, two roles. The driver's thread owns the registrations: it
 * adds and removes them, and when one of its domains changes it turns the
 * event into one delivery message per matching callback. The loop's thread
 * runs the callbacks: the messages travel to it through one loop queue
 * (loop/queue.h) shared by the whole process, so each callback sees events
 * in the order they were produced, and never inside the producer's call.
 * An event travels as one message carrying every callback it reaches, so
 * it costs one push and one wake-up however many listen.
 *
 * What the two share is the callback record (drivers/event_callback.h):
 * immutable once registered except for its reference count and its
 * cancelled flag.
 *
 * Connections. A registration does not hold its connection: a connection
 * must be able to close while registered, and its close (on the driver's
 * thread) removes its registrations before the connection is freed. So on
 * the driver's thread a registered connection is always there, and a
 * delivery takes a reference on it (unless it is already closing). The
 * loop drops that reference with handle_domain_unref_elsewhere(): if it
 * was the last, the close runs on the driver's thread, never on the loop.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/domain_event.h"
#include "drivers/domain_event_payload.h"
#include "drivers/error.h"
#include "drivers/event_callback.h"
#include "drivers/handle.h"
#include "loop/event.h"
#include "loop/queue.h"

struct callback {
    struct event_callback         base;      /* first: the list's link */
    int                           event_id;
    bool                          has_uuid;
    unsigned char                 uuid[VIREO_UUID_BUFLEN];
    vireo_domain_event_generic_cb cb;
};

/* One callback an event reaches, with the domain as its connection names
 * it. */
struct target {
    struct callback     *cb;        /* referenced */
    struct vireo_domain *dom;       /* referenced, with its connection */
};

/* One event on its way to the loop, with every callback it reaches: one
 * allocation, one copy of the payload and one queue push per event,
 * however many listen. */
struct delivery {
    struct queue_link           link;
    struct domain_event_payload payload;   /* the event's own copy */
    int                         n_targets;
    struct target               targets[];
};

/* Owned by the driver's thread. */
struct domain_event_state {
    struct event_callback *callbacks;   /* registration order */
    int                    n_callbacks;
    int                    next_id;
};

/* The process's queue to the loop; made by the first registration (which
 * needs a loop anyway) and kept for the process's life. */
static _Atomic(struct queue *) to_loop;

static void
callback_destroy(struct event_callback *base)
{
    free((struct callback *)base);
}

/* ---- Delivery (loop thread) ------------------------------------------- */

/* The event being delivered (domain_event_serial()), and the last
 * number given. */
static unsigned long delivering_serial, last_serial;

unsigned long
domain_event_serial(void)
{
    return delivering_serial;
}

static void
deliver(struct delivery *d)
{
    /* Never 0, which means "no event" outside a delivery. */
    if (++last_serial == 0)
        last_serial = 1;
    delivering_serial = last_serial;
    for (int i = 0; i < d->n_targets; i++) {
        struct target *t = &d->targets[i];

        if (!event_callback_is_cancelled(&t->cb->base))
            domain_event_payload_invoke(t->cb->event_id, t->cb->cb, t->dom,
                                        &d->payload, t->cb->base.opaque);
        /* Let go of the target while its records are still in the cache
         * (a thousand subscribers' are not, a pass later). Each target
         * holds its own references, so this one's cannot end another's.
         * The callback first: dropping the domain may close its
         * connection, whose close then finds no delivery in flight and
         * runs free_cb itself, on the driver's thread. */
        event_callback_unref(&t->cb->base);
        handle_domain_unref_elsewhere(t->dom);
    }
    delivering_serial = 0;
}

static void
on_deliveries(struct queue_link *batch, void *opaque)
{
    while (batch != NULL) {
        struct delivery *d = QUEUE_ITEM(batch, struct delivery, link);

        batch = batch->next;
        deliver(d);
        domain_event_payload_clear(&d->payload);
        free(d);
    }
}

/* ---- The owner's state (driver thread) -------------------------------- */

struct domain_event_state *
domain_event_state_new(void)
{
    return calloc(1, sizeof(struct domain_event_state));
}

void
domain_event_state_free(struct domain_event_state *st)
{
    if (st == NULL)
        return;
    event_callbacks_remove_conn(&st->callbacks, NULL);
    free(st);
}

int
domain_event_require_loop(struct vireo_error *err)
{
    if (!event_is_registered())
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_EVENT, "%s",
                         "an event loop must be registered before "
                         "registering for events");
    return 0;
}

static int
check_registration(int event_id, vireo_domain_event_generic_cb cb,
                   struct vireo_error *err)
{
    if (event_id < 0 || event_id >= VIR_DOMAIN_EVENT_ID_LAST)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_EVENT,
                         "unsupported event ID %d", event_id);
    if (cb == NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_EVENT,
                         "%s", "callback must not be NULL");
    if (domain_event_require_loop(err) < 0)
        return -1;
    return event_delivery_queue_ensure(&to_loop, on_deliveries, err);
}

/* libvirt refuses a second registration of the same function for the same
 * event id and domain filter on one connection (whatever the opaque). */
static bool
is_tracked(const struct domain_event_state *st, struct vireo_conn *conn,
           struct vireo_domain *dom, int event_id,
           vireo_domain_event_generic_cb cb)
{
    for (const struct event_callback *b = st->callbacks; b; b = b->next) {
        const struct callback *o = (const struct callback *)b;

        if (b->conn == conn && o->cb == cb && o->event_id == event_id &&
            o->has_uuid == (dom != NULL) &&
            (dom == NULL ||
             memcmp(o->uuid, dom->uuid, VIREO_UUID_BUFLEN) == 0))
            return true;
    }
    return false;
}

int
domain_event_register(struct domain_event_state *st, struct vireo_conn *conn,
                      struct vireo_domain *dom, int event_id,
                      vireo_domain_event_generic_cb cb, void *opaque,
                      vireo_free_cb free_cb, struct vireo_error *err)
{
    struct callback *c;

    if (check_registration(event_id, cb, err) < 0)
        return -1;
    if (is_tracked(st, conn, dom, event_id, cb))
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE, "%s",
                         "event callback already tracked");
    c = calloc(1, sizeof(*c));
    if (c == NULL)
        return error_no_memory(err);
    c->base.id = st->next_id++;
    c->base.conn = conn;
    c->base.opaque = opaque;
    c->base.free_cb = free_cb;
    c->base.destroy = callback_destroy;
    c->event_id = event_id;
    c->has_uuid = dom != NULL;
    if (dom != NULL)
        memcpy(c->uuid, dom->uuid, VIREO_UUID_BUFLEN);
    c->cb = cb;
    event_callbacks_append(&st->callbacks, &c->base);
    st->n_callbacks++;
    return c->base.id;
}

int
domain_event_deregister(struct domain_event_state *st, struct vireo_conn *conn,
                        int callback_id, struct vireo_error *err)
{
    if (event_callbacks_remove(&st->callbacks, conn, callback_id, err) < 0)
        return -1;
    st->n_callbacks--;
    return 0;
}

void
domain_event_deregister_conn(struct domain_event_state *st,
                             struct vireo_conn *conn)
{
    st->n_callbacks -= event_callbacks_remove_conn(&st->callbacks, conn);
}

/* ---- Producing (driver thread) ---------------------------------------- */

static bool
matches(const struct callback *c, int event_id, const unsigned char *uuid)
{
    return c->event_id == event_id &&
           (!c->has_uuid || memcmp(c->uuid, uuid, VIREO_UUID_BUFLEN) == 0);
}

/* Add c to d's targets, unless its connection is closing or memory is
 * short (events are best effort then). */
static void
add_target(struct delivery *d, struct callback *c, const char *name,
           const unsigned char *uuid, int id)
{
    struct vireo_conn *conn = handle_conn_try_ref(c->base.conn);
    struct target *t = &d->targets[d->n_targets];

    if (conn == NULL)
        return;
    t->dom = handle_domain_new(conn, name, uuid, id);
    handle_conn_unref(conn);   /* the domain holds its own; never the last */
    if (t->dom == NULL)
        return;
    event_callback_ref(&c->base);
    t->cb = c;
    d->n_targets++;
}

/* A delivery of p with room for n_max targets and none yet; NULL when
 * memory is short. */
static struct delivery *
delivery_new(const struct domain_event_payload *p, int n_max)
{
    struct delivery *d = malloc(sizeof(*d) +
                                (size_t)n_max * sizeof(d->targets[0]));

    if (d == NULL)
        return NULL;
    memset(d, 0, sizeof(*d));   /* the targets are filled in one by one */
    if (domain_event_payload_copy(&d->payload, p) < 0) {
        free(d);
        return NULL;
    }
    return d;
}

/* One walk over the registrations (a thousand of them are a thousand
 * cache misses): the delivery is made at the first match, with room for
 * every registration from there to the end. */
void
domain_event_queue(struct domain_event_state *st, int event_id,
                   const char *name, const unsigned char *uuid, int id,
                   const struct domain_event_payload *p)
{
    struct delivery *d = NULL;
    int n_left = st->n_callbacks;

    for (struct event_callback *b = st->callbacks; b != NULL;
         b = b->next, n_left--) {
        struct callback *c = (struct callback *)b;

        if (!matches(c, event_id, uuid))
            continue;
        if (d == NULL && (d = delivery_new(p, n_left)) == NULL)
            return;
        add_target(d, c, name, uuid, id);
    }
    if (d == NULL)
        return;
    if (d->n_targets == 0) {
        domain_event_payload_clear(&d->payload);
        free(d);
        return;
    }
    queue_push(atomic_load(&to_loop), &d->link);   /* never closed */
}
