/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * event.c: the process-wide slot holding the registered event-loop
 * implementation, and the forwarders every internal user goes through.
 *
 * The slot is a pointer to a private copy of the table, published with an
 * atomic store so that any thread can read it without a lock. A replaced copy
 * is never freed (another thread may still be calling through it); it stays
 * reachable on a list so that leak checkers do not report it.
 */
#include <stdatomic.h>
#include <stdlib.h>

#include "loop/event.h"

struct slot {
    struct event_impl impl;
    struct slot      *retired;   /* the copy this one replaced */
};

static _Atomic(struct slot *) current;

void
event_register_impl(const struct event_impl *impl)
{
    struct slot *s;

    if (impl == NULL)
        return;
    s = calloc(1, sizeof(*s));
    if (s == NULL)
        abort();    /* start-up allocation; nothing sensible to fall back on */
    s->impl = *impl;
    s->retired = atomic_exchange_explicit(&current, s, memory_order_acq_rel);
}

bool
event_is_registered(void)
{
    return atomic_load_explicit(&current, memory_order_acquire) != NULL;
}

static const struct event_impl *
impl(void)
{
    struct slot *s = atomic_load_explicit(&current, memory_order_acquire);
    return s != NULL ? &s->impl : NULL;
}

int
event_add_handle(int fd, int events, event_handle_cb cb, void *opaque,
                 event_free_cb free_cb)
{
    const struct event_impl *i = impl();

    if (i == NULL || i->add_handle == NULL)
        return -1;
    return i->add_handle(fd, events, cb, opaque, free_cb);
}

void
event_update_handle(int watch, int events)
{
    const struct event_impl *i = impl();

    if (i != NULL && i->update_handle != NULL)
        i->update_handle(watch, events);
}

int
event_remove_handle(int watch)
{
    const struct event_impl *i = impl();

    if (i == NULL || i->remove_handle == NULL)
        return -1;
    return i->remove_handle(watch);
}

int
event_add_timeout(int timeout_ms, event_timeout_cb cb, void *opaque,
                  event_free_cb free_cb)
{
    const struct event_impl *i = impl();

    if (i == NULL || i->add_timeout == NULL)
        return -1;
    return i->add_timeout(timeout_ms, cb, opaque, free_cb);
}

void
event_update_timeout(int timer, int timeout_ms)
{
    const struct event_impl *i = impl();

    if (i != NULL && i->update_timeout != NULL)
        i->update_timeout(timer, timeout_ms);
}

int
event_remove_timeout(int timer)
{
    const struct event_impl *i = impl();

    if (i == NULL || i->remove_timeout == NULL)
        return -1;
    return i->remove_timeout(timer);
}
