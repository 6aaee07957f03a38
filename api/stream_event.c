/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * stream_event.c: libvirt's stream events (virStreamEventAddCallback,
 * virStreamEventUpdateCallback, virStreamEventRemoveCallback), which tell
 * the application of a non-blocking stream when to send or receive. Each
 * entry point checks the stream as libvirt's does, then calls the
 * driver's slot, which runs the callback on the registered event loop.
 */
#include "api/check.h"
#include "api/stream_check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/stream_handle.h"

int
vireo_stream_event_add_callback(struct vireo_stream *st, int events,
                                vireo_stream_event_cb cb, void *opaque,
                                vireo_free_cb free_cb,
                                struct vireo_error *err)
{
    const char *func = "virStreamEventAddCallback";

    if (ON_STREAM(st, func, stream_event_add_callback, err) ||
        check_non_null(cb, "cb", func, err) < 0)
        return -1;
    return st->conn->driver->stream_event_add_callback(st, events, cb,
                                                       opaque, free_cb, err);
}

int
vireo_stream_event_update_callback(struct vireo_stream *st, int events,
                                   struct vireo_error *err)
{
    if (ON_STREAM(st, "virStreamEventUpdateCallback",
                  stream_event_update_callback, err))
        return -1;
    return st->conn->driver->stream_event_update_callback(st, events, err);
}

int
vireo_stream_event_remove_callback(struct vireo_stream *st,
                                   struct vireo_error *err)
{
    if (ON_STREAM(st, "virStreamEventRemoveCallback",
                  stream_event_remove_callback, err))
        return -1;
    return st->conn->driver->stream_event_remove_callback(st, err);
}
