/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_event.h: what the two styles of event registration share. The
 * callback style (316/317, dispatch_event.c) and the legacy one (105/106,
 * 167/168, dispatch_event_legacy.c) both register on the driver a callback
 * that sends the client an event message; only the message differs.
 */
#ifndef VIREO_DAEMON_DISPATCH_EVENT_H
#define VIREO_DAEMON_DISPATCH_EVENT_H

#include <stdbool.h>

#include "api/vireo.h"
#include "daemon/dispatch_table.h"

struct event_sink;
struct vireo_conn;

/* Driver's thread, in a registration job: register event_id on conn's
 * driver, for dom (NULL: every domain), with events going to sink as
 * legacy messages (107, 169, ...) if is_legacy, else as callback-style
 * ones (318, 319, ...). A legacy registration forgets its id in sink
 * (event_sink_legacy_forget) when the driver drops it. Returns the
 * driver's callback id, or -1 with err set. */
int dispatch_event_register(struct vireo_conn *conn, struct event_sink *sink,
                            struct vireo_domain *dom, int event_id,
                            bool is_legacy, struct vireo_error *err);

/* Driver's thread: drop conn's registration callback_id. Returns 0, or -1
 * with err set. */
int dispatch_event_deregister(struct vireo_conn *conn, int callback_id,
                              struct vireo_error *err);

/* Loop thread: the legacy registration handler for proc, or NULL. */
dispatch_sink_fn dispatch_event_legacy_handler(int proc);

#endif /* VIREO_DAEMON_DISPATCH_EVENT_H */
