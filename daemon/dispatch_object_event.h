/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_object_event.h: registrations for network (and, later,
 * storage pool and node device) events over the wire.
 */
#ifndef VIREO_DAEMON_DISPATCH_OBJECT_EVENT_H
#define VIREO_DAEMON_DISPATCH_OBJECT_EVENT_H

#include "daemon/dispatch_table.h"

/* Loop thread: the registration handler for proc, or NULL when proc is
 * not an object event registration. */
dispatch_sink_fn dispatch_object_event_sink_handler(int proc);

struct event_reg;
struct event_sink;

/* Loop thread: a registration of sink for event_id, not yet known to the
 * driver (callback_id -1); NULL with err set when memory is short. Its
 * free function, the free_cb a driver gets with it, drops the sink. */
struct event_reg *dispatch_object_event_reg_new(struct event_sink *sink,
                                                int event_id,
                                                struct vireo_error *err);
void dispatch_object_event_reg_free(void *opaque);

/* dispatch_object_event_kinds.c: the same as
 * dispatch_object_event_sink_handler for storage pools and node
 * devices. */
dispatch_sink_fn dispatch_object_event_kinds_sink_handler(int proc);

#endif /* VIREO_DAEMON_DISPATCH_OBJECT_EVENT_H */
