/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * event_callback.c: the registration records shared by domain and object
 * events (see event_callback.h for which thread does what).
 */
#include <stddef.h>

#include "drivers/error.h"
#include "drivers/event_callback.h"

void
event_callback_ref(struct event_callback *c)
{
    atomic_fetch_add(&c->refs, 1);
}

void
event_callback_unref(struct event_callback *c)
{
    if (atomic_fetch_sub(&c->refs, 1) != 1)
        return;
    if (c->free_cb != NULL)
        c->free_cb(c->opaque);
    c->destroy(c);
}

bool
event_callback_is_cancelled(struct event_callback *c)
{
    return atomic_load(&c->is_cancelled);
}

/* Take c out of service: deliveries still queued are skipped, and free_cb
 * runs once the last of them is done. */
static void
cancel(struct event_callback *c)
{
    atomic_store(&c->is_cancelled, true);
    event_callback_unref(c);
}

void
event_callbacks_append(struct event_callback **list, struct event_callback *c)
{
    atomic_init(&c->refs, 1);
    atomic_init(&c->is_cancelled, false);
    c->next = NULL;
    while (*list != NULL)
        list = &(*list)->next;
    *list = c;
}

int
event_callbacks_remove(struct event_callback **list, struct vireo_conn *conn,
                       int callback_id, struct vireo_error *err)
{
    for (struct event_callback **pp = list; *pp; pp = &(*pp)->next) {
        struct event_callback *c = *pp;

        if (c->id == callback_id && c->conn == conn) {
            *pp = c->next;
            cancel(c);
            return 0;
        }
    }
    return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_EVENT,
                     "could not find event callback %d for deletion",
                     callback_id);
}

int
event_callbacks_remove_conn(struct event_callback **list,
                            struct vireo_conn *conn)
{
    int n_removed = 0;

    while (*list != NULL) {
        struct event_callback *c = *list;

        if (conn != NULL && c->conn != conn) {
            list = &c->next;
            continue;
        }
        *list = c->next;
        cancel(c);
        n_removed++;
    }
    return n_removed;
}

int
event_delivery_queue_ensure(_Atomic(struct queue *) *q, queue_batch_cb cb,
                            struct vireo_error *err)
{
    struct queue *made, *none = NULL;

    if (atomic_load(q) != NULL)
        return 0;
    made = queue_new_loop(cb, NULL);
    if (made == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_EVENT, "%s",
                         "could not initialize event delivery");
    /* Two drivers may race to make it: the loser frees its own. */
    if (!atomic_compare_exchange_strong(q, &none, made))
        queue_free(made);
    return 0;
}
