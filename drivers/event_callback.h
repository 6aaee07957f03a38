/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * event_callback.h: what every event registration has, whatever it
 * listens to (domain_event.c, object_event.c): its id, its connection, the
 * caller's opaque and free_cb, and the two atomics that let the loop's
 * thread deliver while the driver's thread removes.
 *
 * A record is shared by two threads. The driver's thread owns the list it
 * is on and is the only one that adds or removes; the loop's thread only
 * reads it during a delivery. refs: the list holds one, each delivery in
 * flight another; the last to let go runs free_cb(opaque) and then the
 * record's own destroy. is_cancelled: set when the registration goes, so
 * that deliveries still queued are skipped.
 */
#ifndef VIREO_DRIVERS_EVENT_CALLBACK_H
#define VIREO_DRIVERS_EVENT_CALLBACK_H

#include <stdatomic.h>

#include "api/vireo.h"
#include "loop/queue.h"

struct event_callback {
    atomic_int             refs;
    atomic_bool            is_cancelled;
    int                    id;
    struct vireo_conn     *conn;      /* not referenced: its close removes us */
    void                  *opaque;
    vireo_free_cb          free_cb;
    /* Frees the record that embeds this one (after free_cb). */
    void                 (*destroy)(struct event_callback *c);
    struct event_callback *next;      /* the owner's list */
};

/* Any thread: one more reference (a delivery in flight). */
void event_callback_ref(struct event_callback *c);
/* Any thread: the last reference runs free_cb, then destroy. */
void event_callback_unref(struct event_callback *c);
/* Any thread: is the registration gone (skip the delivery)? */
bool event_callback_is_cancelled(struct event_callback *c);

/* ---- The owner's list (driver thread) --------------------------------- */

/* Put c, with one reference and is_cancelled false, last on *list. */
void event_callbacks_append(struct event_callback **list,
                            struct event_callback *c);
/* Remove conn's registration callback_id: 0, or VIR_ERR_INVALID_ARG with
 * libvirt's words when conn has none with that id. */
int event_callbacks_remove(struct event_callback **list,
                           struct vireo_conn *conn, int callback_id,
                           struct vireo_error *err);
/* Remove every registration of conn (it is closing); conn NULL: all.
 * Returns how many went. */
int event_callbacks_remove_conn(struct event_callback **list,
                                 struct vireo_conn *conn);

/* Driver thread: make *q, the process's delivery queue to the loop
 * running cb, unless it exists. 0, or -1 with VIR_ERR_INTERNAL_ERROR. */
int event_delivery_queue_ensure(_Atomic(struct queue *) *q, queue_batch_cb cb,
                                struct vireo_error *err);

#endif /* VIREO_DRIVERS_EVENT_CALLBACK_H */
