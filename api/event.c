/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * event.c: the public face of the pluggable event loop (loop/event.h) and
 * of vireo's default implementation on libuv (loop/uv_impl.h).
 *
 * The public and the internal tables have the same function-pointer types
 * and the same bit values, so an application's table is copied field by
 * field and calls are forwarded unchanged.
 */
#include "api/vireo.h"
#include "drivers/error.h"
#include "loop/event.h"
#include "loop/uv_impl.h"

_Static_assert((int)VIREO_EVENT_HANDLE_READABLE == (int)EVENT_READABLE &&
               (int)VIREO_EVENT_HANDLE_WRITABLE == (int)EVENT_WRITABLE &&
               (int)VIREO_EVENT_HANDLE_ERROR == (int)EVENT_ERROR &&
               (int)VIREO_EVENT_HANDLE_HANGUP == (int)EVENT_HANGUP,
               "public and internal watch bits must agree");

void
vireo_event_register_impl(const struct vireo_event_impl *impl)
{
    struct event_impl copy;

    if (impl == NULL)
        return;
    copy.add_handle = impl->add_handle;
    copy.update_handle = impl->update_handle;
    copy.remove_handle = impl->remove_handle;
    copy.add_timeout = impl->add_timeout;
    copy.update_timeout = impl->update_timeout;
    copy.remove_timeout = impl->remove_timeout;
    event_register_impl(&copy);
}

int
vireo_event_register_default_impl(struct vireo_error *err)
{
    if (uv_impl_register() < 0)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_EVENT, "%s",
                         "could not initialize the default event loop");
    return 0;
}

int
vireo_event_run_default_impl(struct vireo_error *err)
{
    if (uv_impl_run_once() < 0)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_EVENT, "%s",
                         "the default event loop must be registered before "
                         "it can run");
    return 0;
}

void
vireo_event_interrupt_default_impl(void)
{
    uv_impl_interrupt();
}

int
vireo_event_add_handle(int fd, int events, vireo_event_handle_cb cb,
                       void *opaque, vireo_free_cb free_cb)
{
    return event_add_handle(fd, events, cb, opaque, free_cb);
}

void
vireo_event_update_handle(int watch, int events)
{
    event_update_handle(watch, events);
}

int
vireo_event_remove_handle(int watch)
{
    return event_remove_handle(watch);
}

int
vireo_event_add_timeout(int timeout_ms, vireo_event_timeout_cb cb,
                        void *opaque, vireo_free_cb free_cb)
{
    return event_add_timeout(timeout_ms, cb, opaque, free_cb);
}

void
vireo_event_update_timeout(int timer, int timeout_ms)
{
    event_update_timeout(timer, timeout_ms);
}

int
vireo_event_remove_timeout(int timer)
{
    return event_remove_timeout(timer);
}
