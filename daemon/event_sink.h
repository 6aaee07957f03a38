/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * event_sink.h: where a client's event registrations deliver to, and which
 * legacy registrations the client holds.
 *
 * A registration lives in the driver and may outlive the client by a
 * little (its free_cb runs when the driver lets go, on whatever thread
 * that is), so it holds a counted reference on the client's sink rather
 * than on the client. The sink's client pointer is only set, cleared and
 * read on the loop thread, where events are delivered.
 */
#ifndef VIREO_DAEMON_EVENT_SINK_H
#define VIREO_DAEMON_EVENT_SINK_H

#include <stdbool.h>

struct client;
struct event_sink;

/* Loop thread: a sink for c, with the client's reference. NULL on
 * allocation failure. */
struct event_sink *event_sink_new(struct client *c);

/* Any thread. */
struct event_sink *event_sink_ref(struct event_sink *sink);
void event_sink_unref(struct event_sink *sink);

/* Loop thread: the client is gone; drop its reference. NULL is a no-op. */
void event_sink_detach(struct event_sink *sink);

/* Loop thread: the client, or NULL once detached. */
struct client *event_sink_client(const struct event_sink *sink);

/*
 * Legacy registrations (spec §5.6: 105/106, 167/168) name an event id, not
 * a callback, so a client holds at most one per id (0 ... 15, which the
 * caller checks), and the sink keeps the driver's callback id for each.
 * The calls that change them run one after another on the driver's
 * thread, but a registration the driver drops by itself (its connection
 * closing) forgets itself on whatever thread frees it: hence atomics.
 */

/* Reserve event_id for a registration under way. False if the client
 * already holds one for that id. */
bool event_sink_legacy_claim(struct event_sink *sink, int event_id);
/* The registration under way got callback_id, or failed (-1): then the
 * id is free again. */
void event_sink_legacy_settle(struct event_sink *sink, int event_id,
                              int callback_id);
/* Free event_id and return the callback id it held, or -1 if none. */
int event_sink_legacy_take(struct event_sink *sink, int event_id);
/* The registration callback_id is gone: free event_id if it still holds
 * that registration. */
void event_sink_legacy_forget(struct event_sink *sink, int event_id,
                              int callback_id);

#endif /* VIREO_DAEMON_EVENT_SINK_H */
