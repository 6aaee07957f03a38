/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rpc_transfer_event.c: a transfer's event callback (libvirt's
 * virStreamEventAddCallback on a remote stream), which tells the
 * application of a non-blocking transfer when send or recv would not
 * return -2.
 *
 * Nothing here reads the socket: whoever moves the connection's bytes
 * (the loop watch between calls, a caller that owns the socket during
 * one) buffers the transfer's data as for a blocking transfer
 * (rpc_transfer.c), and every change to what a transfer holds or may send
 * calls rpc_transfer_events_update. That arms a timer of the registered
 * loop at 0 while an event of the callback's mask stands, and disarms it
 * when none does, so the callback runs on the loop's thread, once per
 * iteration while the event stands, as libvirt's client does it. No
 * thread of ours calls the application.
 *
 * A registration is a struct rpc_transfer_events, the timer's opaque,
 * freed by the loop once the timer is removed: a callback running on the
 * loop may remove itself, or free the transfer, and still come back to
 * it. Its fields are guarded by the client's lock; the application's
 * callback and free function run without it.
 */
#include <stdlib.h>

#include "drivers/error.h"
#include "drivers/remote/rpc_client_priv.h"
#include "loop/event.h"

/* Owned by the loop (the timer's opaque); fields guarded by c->lock. */
struct rpc_transfer_events {
    struct rpc_client    *c;       /* referenced */
    struct rpc_stream    *s;       /* NULL once detached */
    int                   timer;
    int                   timeout_ms;  /* what the timer was given */
    int                   mask;    /* the events the callback asks for */
    rpc_transfer_event_cb cb;      /* NULL once removed */
    void                 *opaque;
    void                (*free_cb)(void *opaque);
    bool                  is_running;  /* cb is being called */
};

static void
free_events(void *opaque)
{
    struct rpc_transfer_events *e = opaque;

    rpc_client_unref(e->c);
    free(e);
}

static int
events_now(const struct rpc_transfer_events *e)
{
    if (e->s == NULL || e->cb == NULL)
        return 0;
    return rpc_transfer_ready(e->c, e->s) & e->mask;
}

void
rpc_transfer_events_update(struct rpc_client *c, struct rpc_stream *s)
{
    struct rpc_transfer_events *e = s->events;
    int timeout_ms;

    (void)c;
    if (e == NULL)
        return;
    timeout_ms = events_now(e) != 0 ? 0 : -1;
    if (timeout_ms != e->timeout_ms) {
        e->timeout_ms = timeout_ms;
        event_update_timeout(e->timer, timeout_ms);
    }
}

/* Loop thread: call the application with what stands now. */
static void
on_timer(int timer, void *opaque)
{
    struct rpc_transfer_events *e = opaque;
    struct rpc_free_later later = { 0 };
    rpc_transfer_event_cb cb;
    void *cb_opaque;
    int events;

    (void)timer;
    pthread_mutex_lock(&e->c->lock);
    events = events_now(e);
    if (events == 0) {
        if (e->s != NULL)
            rpc_transfer_events_update(e->c, e->s);
        pthread_mutex_unlock(&e->c->lock);
        return;
    }
    cb = e->cb;
    cb_opaque = e->opaque;
    e->is_running = true;
    pthread_mutex_unlock(&e->c->lock);
    cb(events, cb_opaque);
    pthread_mutex_lock(&e->c->lock);
    e->is_running = false;
    /* Removed while it ran: its free function was left for now. */
    if (e->cb == NULL)
        later = (struct rpc_free_later){ e->free_cb, e->opaque };
    pthread_mutex_unlock(&e->c->lock);
    if (later.fn != NULL)
        later.fn(later.opaque);
}

int
rpc_transfer_event_add(struct rpc_stream *s, int events,
                       rpc_transfer_event_cb cb, void *opaque,
                       void (*free_cb)(void *opaque),
                       struct vireo_error *err)
{
    struct rpc_client *c = s->client;
    struct rpc_transfer_events *e;
    int rc = 0;

    pthread_mutex_lock(&c->lock);
    if (s->events != NULL) {
        rc = error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC, "%s",
                       "multiple stream callbacks not supported");
    } else if ((e = calloc(1, sizeof(*e))) == NULL) {
        rc = error_no_memory(err);
    } else {
        *e = (struct rpc_transfer_events){
            .c = c, .s = s, .timeout_ms = -1, .mask = events, .cb = cb,
            .opaque = opaque, .free_cb = free_cb,
        };
        atomic_fetch_add(&c->refs, 1);
        e->timer = event_add_timeout(-1, on_timer, e, free_events);
        if (e->timer < 0) {
            atomic_fetch_sub(&c->refs, 1);
            free(e);
            rc = error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC, "%s",
                           "cannot watch the stream: no event loop is "
                           "registered");
        } else {
            s->events = e;
            rpc_transfer_events_update(c, s);
        }
    }
    pthread_mutex_unlock(&c->lock);
    return rc;
}

static int
no_callback(struct vireo_error *err)
{
    return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC, "%s",
                     "no stream callback registered");
}

int
rpc_transfer_event_update(struct rpc_stream *s, int events,
                          struct vireo_error *err)
{
    struct rpc_client *c = s->client;
    int rc = 0;

    pthread_mutex_lock(&c->lock);
    if (s->events == NULL) {
        rc = no_callback(err);
    } else {
        s->events->mask = events;
        rpc_transfer_events_update(c, s);
    }
    pthread_mutex_unlock(&c->lock);
    return rc;
}

struct rpc_free_later
rpc_transfer_events_detach(struct rpc_stream *s)
{
    struct rpc_transfer_events *e = s->events;
    struct rpc_free_later later = { 0 };

    if (e == NULL)
        return later;
    if (!e->is_running)
        later = (struct rpc_free_later){ e->free_cb, e->opaque };
    e->cb = NULL;
    e->s = NULL;
    s->events = NULL;
    event_remove_timeout(e->timer);    /* its free drops e */
    return later;
}

int
rpc_transfer_event_remove(struct rpc_stream *s, struct vireo_error *err)
{
    struct rpc_client *c = s->client;
    struct rpc_free_later later = { 0 };
    int rc = 0;

    pthread_mutex_lock(&c->lock);
    if (s->events == NULL)
        rc = no_callback(err);
    else
        later = rpc_transfer_events_detach(s);
    pthread_mutex_unlock(&c->lock);
    if (later.fn != NULL)
        later.fn(later.opaque);
    return rc;
}
