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

#endif /* VIREO_DAEMON_DISPATCH_OBJECT_EVENT_H */
