/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * metrics_clients.h: clients connected per listening socket, events sent
 * and dropped, and clients disconnected for not reading what they were
 * sent.
 *
 * Updated on the loop thread (relaxed atomics, no lock on the way of a
 * call or an event); a scrape on any thread reads them.
 */
#ifndef VIREO_DAEMON_METRICS_CLIENTS_H
#define VIREO_DAEMON_METRICS_CLIENTS_H

struct metrics_socket;
struct metrics_text;

/* Loop thread: a listening socket, known by its handle (server) and
 * named name in the figures (its path, or ADDR:PORT). */
void metrics_socket_add(const void *server, const char *name);

/* Loop thread: a client was accepted on server; its count until
 * metrics_socket_left() is given what this returns (NULL for a socket
 * never added: then nothing is counted). */
struct metrics_socket *metrics_socket_joined(const void *server);
void metrics_socket_left(struct metrics_socket *s);

/* Loop thread: an event message was queued for a client, or had to be
 * dropped (its client was gone, or it could not be encoded). */
void metrics_event_sent(void);
void metrics_event_dropped(void);

/* Loop thread: a client was disconnected for leaving too many bytes
 * unread. */
void metrics_slow_consumer_dropped(void);

/* Any thread: vireo_clients_connected, vireo_events_sent_total,
 * vireo_events_dropped_total, vireo_slow_consumer_disconnects_total. */
void metrics_clients_render(struct metrics_text *t);

/* Loop thread, once nothing renders any more: forget the sockets. */
void metrics_clients_fini(void);

#endif /* VIREO_DAEMON_METRICS_CLIENTS_H */
