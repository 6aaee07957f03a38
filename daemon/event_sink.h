/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * event_sink.h: where a client's event registrations deliver to.
 *
 * A registration lives in the driver and may outlive the client by a
 * little (its free_cb runs when the driver lets go, on whatever thread
 * that is), so it holds a counted reference on the client's sink rather
 * than on the client. The sink's client pointer is only set, cleared and
 * read on the loop thread, where events are delivered.
 */
#ifndef VIREO_DAEMON_EVENT_SINK_H
#define VIREO_DAEMON_EVENT_SINK_H

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

#endif /* VIREO_DAEMON_EVENT_SINK_H */
