/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_event.c: lifecycle-event registrations and their delivery.
 *
 * Producers (any thread) push events onto a queue and arm a 0 ms timeout of
 * the registered event loop; the timeout's callback, on the loop thread,
 * disarms itself, drains the queue and calls the matching callbacks. So an
 * event is never delivered inside the call that caused it, and every
 * callback sees events in queue order.
 *
 * Lifetimes, the hard part:
 * - The state is refcounted: its owner (the driver) holds one reference, the
 *   loop's timeout another, dropped by the timeout's free_cb once the loop
 *   has let go. A delivery that closes the driver's last connection (and so
 *   frees the state from inside a callback) therefore cannot pull the state
 *   out from under the loop.
 * - Callbacks are never unlinked while a delivery pass runs: deregistration
 *   only marks them, and the pass purges them at its end. Outside a pass,
 *   deregistration purges at once.
 * - A registration does not hold its connection (a conn must be able to
 *   close while registrations remain; its close path calls
 *   domain_event_deregister_conn). Delivery takes a reference with
 *   handle_conn_try_ref() under the lock, which the closing path also takes,
 *   so it never revives a connection that is already closing.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/domain_event.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "loop/event.h"
#include "loop/queue.h"

struct callback {
    struct callback              *next;
    int                           id;
    int                           event_id;
    struct vireo_conn            *conn;        /* not referenced, see above */
    bool                          has_uuid;
    unsigned char                 uuid[VIREO_UUID_BUFLEN];
    vireo_domain_event_generic_cb cb;
    void                         *opaque;
    vireo_free_cb                 free_cb;
    bool                          is_deleted;
};

struct pending_event {
    struct queue_link link;
    int               event_id;
    char             *name;
    unsigned char     uuid[VIREO_UUID_BUFLEN];
    int               id;
    int               event;
    int               detail;
};

/* Fields under `lock` are changed by any thread; the loop thread alone runs
 * delivery passes. */
struct domain_event_state {
    atomic_int       refs;
    pthread_mutex_t  lock;
    struct callback *callbacks;       /* registration order; under lock */
    int              next_id;         /* under lock */
    atomic_int       n_live;          /* callbacks not deleted */
    bool             is_delivering;   /* under lock */
    bool             is_closed;       /* owner let go; under lock */
    atomic_int       timer;           /* loop timeout id, 0 until created */
    struct queue    *pending;         /* struct pending_event, FIFO */
};

static void
state_unref(struct domain_event_state *st);

static void
pending_free(struct pending_event *ev)
{
    free(ev->name);
    free(ev);
}

static void
drain_and_free(struct queue_link *batch)
{
    while (batch != NULL) {
        struct queue_link *next = batch->next;
        pending_free(QUEUE_ITEM(batch, struct pending_event, link));
        batch = next;
    }
}

struct domain_event_state *
domain_event_state_new(void)
{
    struct domain_event_state *st = calloc(1, sizeof(*st));

    if (st == NULL)
        return NULL;
    st->pending = queue_new();
    if (st->pending == NULL) {
        free(st);
        return NULL;
    }
    atomic_init(&st->refs, 1);
    pthread_mutex_init(&st->lock, NULL);
    return st;
}

/* Unlink every deleted callback; the caller runs their free_cb (outside the
 * lock, since user code may re-enter). Caller holds the lock. */
static struct callback *
unlink_deleted(struct domain_event_state *st)
{
    struct callback *dead = NULL, **pp = &st->callbacks;

    while (*pp != NULL) {
        struct callback *cb = *pp;
        if (!cb->is_deleted) {
            pp = &cb->next;
            continue;
        }
        *pp = cb->next;
        cb->next = dead;
        dead = cb;
    }
    return dead;
}

static void
free_callbacks(struct callback *list)
{
    while (list != NULL) {
        struct callback *next = list->next;
        if (list->free_cb != NULL)
            list->free_cb(list->opaque);
        free(list);
        list = next;
    }
}

/* Purge now unless a delivery pass is running; that pass purges at its end. */
static void
purge_unless_delivering(struct domain_event_state *st)
{
    struct callback *dead = NULL;

    pthread_mutex_lock(&st->lock);
    if (!st->is_delivering)
        dead = unlink_deleted(st);
    pthread_mutex_unlock(&st->lock);
    free_callbacks(dead);
}

static void
mark_deleted(struct domain_event_state *st, struct callback *cb)
{
    cb->is_deleted = true;
    atomic_fetch_sub(&st->n_live, 1);
}

static void
state_unref(struct domain_event_state *st)
{
    if (atomic_fetch_sub(&st->refs, 1) != 1)
        return;
    drain_and_free(queue_drain(st->pending));
    queue_free(st->pending);
    for (struct callback *cb = st->callbacks; cb; cb = cb->next)
        cb->is_deleted = true;
    free_callbacks(unlink_deleted(st));
    pthread_mutex_destroy(&st->lock);
    free(st);
}

void
domain_event_state_free(struct domain_event_state *st)
{
    int timer;

    if (st == NULL)
        return;
    pthread_mutex_lock(&st->lock);
    st->is_closed = true;
    for (struct callback *cb = st->callbacks; cb; cb = cb->next)
        if (!cb->is_deleted)
            mark_deleted(st, cb);
    pthread_mutex_unlock(&st->lock);
    purge_unless_delivering(st);
    timer = atomic_exchange(&st->timer, 0);
    if (timer > 0)
        event_remove_timeout(timer);   /* its free_cb drops the loop's ref */
    state_unref(st);
}

/* ---- Delivery (loop thread) ------------------------------------------ */

static bool
callback_matches(const struct callback *cb, const struct pending_event *ev)
{
    return !cb->is_deleted && cb->event_id == ev->event_id &&
           (!cb->has_uuid || memcmp(cb->uuid, ev->uuid, VIREO_UUID_BUFLEN) == 0);
}

static void
invoke(const struct callback *cb, struct vireo_domain *dom,
       const struct pending_event *ev)
{
    if (ev->event_id == VIR_DOMAIN_EVENT_ID_LIFECYCLE) {
        vireo_domain_event_lifecycle_cb fn =
            (vireo_domain_event_lifecycle_cb)(void (*)(void))cb->cb;
        fn(dom->conn, dom, ev->event, ev->detail, cb->opaque);
    } else {
        cb->cb(dom->conn, dom, cb->opaque);
    }
}

/* Deliver one event to every matching callback. The lock is dropped around
 * each user call; entries stay linked meanwhile (is_delivering). */
static void
deliver_one(struct domain_event_state *st, const struct pending_event *ev)
{
    pthread_mutex_lock(&st->lock);
    for (struct callback *cb = st->callbacks; cb && !st->is_closed;
         cb = cb->next) {
        if (!callback_matches(cb, ev))
            continue;
        struct vireo_conn *conn = handle_conn_try_ref(cb->conn);
        if (conn == NULL)
            continue;
        struct vireo_domain *dom = handle_domain_new(conn, ev->name,
                                                     ev->uuid, ev->id);
        handle_conn_unref(conn);   /* dom holds its own reference */
        if (dom == NULL)
            continue;
        pthread_mutex_unlock(&st->lock);
        invoke(cb, dom, ev);
        handle_domain_unref(dom);
        pthread_mutex_lock(&st->lock);
    }
    pthread_mutex_unlock(&st->lock);
}

static void
deliver_batch(struct domain_event_state *st, struct queue_link *batch)
{
    struct callback *dead;

    pthread_mutex_lock(&st->lock);
    st->is_delivering = true;
    pthread_mutex_unlock(&st->lock);

    for (struct queue_link *l = batch; l != NULL; l = l->next)
        deliver_one(st, QUEUE_ITEM(l, struct pending_event, link));

    pthread_mutex_lock(&st->lock);
    st->is_delivering = false;
    dead = unlink_deleted(st);
    pthread_mutex_unlock(&st->lock);
    free_callbacks(dead);
}

static void
on_timeout(int timer, void *opaque)
{
    struct domain_event_state *st = opaque;

    /* Disarm first: an event pushed during delivery re-arms it. */
    event_update_timeout(timer, -1);
    struct queue_link *batch = queue_drain(st->pending);
    deliver_batch(st, batch);
    drain_and_free(batch);
}

static void
on_timeout_free(void *opaque)
{
    state_unref(opaque);
}

/* Create the loop timeout on the first registration. Caller holds the lock. */
static int
ensure_timer(struct domain_event_state *st, struct vireo_error *err)
{
    if (atomic_load(&st->timer) > 0)
        return 0;
    atomic_fetch_add(&st->refs, 1);
    int timer = event_add_timeout(-1, on_timeout, st, on_timeout_free);
    if (timer <= 0) {
        atomic_fetch_sub(&st->refs, 1);
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_EVENT,
                         "%s", "could not initialize domain event timer");
    }
    atomic_store(&st->timer, timer);
    return 0;
}

/* ---- Registration (any thread) --------------------------------------- */

int
domain_event_require_loop(struct vireo_error *err)
{
    if (!event_is_registered())
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_EVENT, "%s",
                         "an event loop must be registered before "
                         "registering for events");
    return 0;
}

static struct callback *
callback_new(struct vireo_conn *conn, struct vireo_domain *dom, int event_id,
             vireo_domain_event_generic_cb cb, void *opaque,
             vireo_free_cb free_cb)
{
    struct callback *c = calloc(1, sizeof(*c));

    if (c == NULL)
        return NULL;
    c->event_id = event_id;
    c->conn = conn;
    c->has_uuid = dom != NULL;
    if (dom != NULL)
        memcpy(c->uuid, dom->uuid, VIREO_UUID_BUFLEN);
    c->cb = cb;
    c->opaque = opaque;
    c->free_cb = free_cb;
    return c;
}

static void
append(struct domain_event_state *st, struct callback *c)
{
    struct callback **pp = &st->callbacks;

    while (*pp != NULL)
        pp = &(*pp)->next;
    *pp = c;
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
    return domain_event_require_loop(err);
}

/* libvirt refuses a second registration of the same function for the same
 * event id and domain filter on one connection (whatever the opaque).
 * Caller holds the lock. */
static bool
is_tracked(const struct domain_event_state *st, const struct callback *c)
{
    for (const struct callback *o = st->callbacks; o; o = o->next)
        if (!o->is_deleted && o->conn == c->conn && o->cb == c->cb &&
            o->event_id == c->event_id && o->has_uuid == c->has_uuid &&
            (!c->has_uuid || memcmp(o->uuid, c->uuid, VIREO_UUID_BUFLEN) == 0))
            return true;
    return false;
}

int
domain_event_register(struct domain_event_state *st, struct vireo_conn *conn,
                      struct vireo_domain *dom, int event_id,
                      vireo_domain_event_generic_cb cb, void *opaque,
                      vireo_free_cb free_cb, struct vireo_error *err)
{
    struct callback *c;
    int id = -1;

    if (check_registration(event_id, cb, err) < 0)
        return -1;
    c = callback_new(conn, dom, event_id, cb, opaque, free_cb);
    if (c == NULL)
        return error_no_memory(err);
    pthread_mutex_lock(&st->lock);
    if (is_tracked(st, c))
        error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE, "%s",
                  "event callback already tracked");
    else if (ensure_timer(st, err) == 0) {
        id = c->id = st->next_id++;
        append(st, c);
        atomic_fetch_add(&st->n_live, 1);
    }
    pthread_mutex_unlock(&st->lock);
    if (id < 0)
        free(c);
    return id;
}

int
domain_event_deregister(struct domain_event_state *st, struct vireo_conn *conn,
                        int callback_id, struct vireo_error *err)
{
    bool found = false;

    pthread_mutex_lock(&st->lock);
    for (struct callback *cb = st->callbacks; cb; cb = cb->next) {
        if (cb->id == callback_id && cb->conn == conn && !cb->is_deleted) {
            mark_deleted(st, cb);
            found = true;
            break;
        }
    }
    pthread_mutex_unlock(&st->lock);
    if (!found)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_EVENT,
                         "could not find event callback %d for deletion",
                         callback_id);
    purge_unless_delivering(st);
    return 0;
}

void
domain_event_deregister_conn(struct domain_event_state *st,
                             struct vireo_conn *conn)
{
    pthread_mutex_lock(&st->lock);
    for (struct callback *cb = st->callbacks; cb; cb = cb->next)
        if (cb->conn == conn && !cb->is_deleted)
            mark_deleted(st, cb);
    pthread_mutex_unlock(&st->lock);
    purge_unless_delivering(st);
}

/* ---- Producing (any thread) ------------------------------------------ */

static void
queue_event(struct domain_event_state *st, int event_id, const char *name,
            const unsigned char *uuid, int id, int event, int detail)
{
    struct pending_event *ev;
    int timer = atomic_load(&st->timer);

    if (atomic_load(&st->n_live) == 0 || timer <= 0)
        return;   /* nobody listens: nothing to keep */
    ev = calloc(1, sizeof(*ev));
    if (ev == NULL || (ev->name = strdup(name)) == NULL) {
        free(ev);
        return;   /* events are best effort under memory exhaustion */
    }
    ev->event_id = event_id;
    memcpy(ev->uuid, uuid, VIREO_UUID_BUFLEN);
    ev->id = id;
    ev->event = event;
    ev->detail = detail;
    if (!queue_push(st->pending, &ev->link)) {
        pending_free(ev);
        return;
    }
    event_update_timeout(timer, 0);
}

void
domain_event_queue_lifecycle(struct domain_event_state *st, const char *name,
                             const unsigned char *uuid, int id, int event,
                             int detail)
{
    queue_event(st, VIR_DOMAIN_EVENT_ID_LIFECYCLE, name, uuid, id, event,
                detail);
}

void
domain_event_queue_reboot(struct domain_event_state *st, const char *name,
                          const unsigned char *uuid, int id)
{
    queue_event(st, VIR_DOMAIN_EVENT_ID_REBOOT, name, uuid, id, 0, 0);
}
