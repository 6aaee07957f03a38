/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * client.h: one connected client of vireod: its socket, the bytes read but
 * not yet framed, the connection it opened, its calls in flight.
 *
 * Owned by the main loop thread: every function here is called there only.
 * A client lives while its socket is open or a call of its is in flight
 * (refs); driver threads never touch it, they only carry its pointer back
 * with the reply.
 */
#ifndef VIREO_DAEMON_CLIENT_H
#define VIREO_DAEMON_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wire/frame.h"

struct conn_identity;
struct event_sink;
struct stream_set;
struct tls_context;
struct uv_stream_s;
struct vireo_conn;

/* Limits every client obeys, from the configuration. */
struct client_limits {
    unsigned int max_message_size;   /* header + payload */
    int          max_clients;        /* open sockets; more are refused */
    int          max_client_requests;/* calls in flight before we stop
                                        reading */
    size_t       max_pending_out;    /* bytes queued for writing before the
                                        client counts as stuck */
    int          keepalive_interval_s; /* <= 0: never ping */
    int          keepalive_count;
};

void client_set_limits(const struct client_limits *limits);

struct client;

/* Accept a pending connection on server (the admin socket's with
 * is_admin: such a client speaks the admin program only). Logs the peer's
 * credentials.
 * With tls (which must outlive the client), everything the client sends
 * and receives goes through a TLS session (client_tls.h) and no call is
 * read before its certificate passed. Returns 0, or -1 (logged) when it
 * could not be accepted. */
int  client_accept(struct uv_stream_s *server, bool is_read_only,
                   bool is_admin, const struct tls_context *tls);

/* Queue a whole encoded message for writing; takes buf's storage (buf is
 * left empty). A client that lets too much pile up is disconnected. */
void client_send(struct client *c, struct wire_buffer *buf);

/* Queue a message many clients are sent alike (an event): c's own first
 * head_len bytes (at most CLIENT_SHARED_HEAD_MAX; what differs per client,
 * such as a callback id), then frame's bytes past head_len. c holds a
 * reference on frame until they are written; the caller keeps its own. */
struct shared_frame;
enum { CLIENT_SHARED_HEAD_MAX = 32 };
void client_send_shared(struct client *c, const uint8_t *head,
                        size_t head_len, struct shared_frame *frame);

/* Bytes queued for writing to c and not yet written. */
size_t client_pending_out(const struct client *c);

/* A call of c's finished (its reply was sent or dropped): drop the call's
 * reference and resume reading if c was throttled. */
void client_call_done(struct client *c);

/* What throttled c may have gone (a stream's backlog drained): dispatch
 * what it sent meanwhile and read it again if it may. */
void client_resume(struct client *c);

/* Close c for a reason worth a log line (a protocol violation, a silent
 * peer). Its calls in flight still finish; their replies are dropped. */
void client_drop(struct client *c, const char *why);

/* c asked for keepalive (feature 10): from now on it is pinged when idle
 * and dropped when it stops answering (keepalive.h). */
void client_enable_keepalive(struct client *c);

/* Whether c's socket was closed (its replies are dropped then). */
bool client_is_closed(const struct client *c);
bool client_is_read_only(const struct client *c);

/* Whether libvirt's read-only checks apply to c's calls: it came through
 * the read-only socket, or opened its connection with VIR_CONNECT_RO. */
bool client_calls_are_read_only(const struct client *c);

/* Where c's event registrations deliver (the reference stays c's). */
struct event_sink *client_event_sink(const struct client *c);

/* c's streams (daemon/stream.h); the set stays c's. */
struct stream_set *client_streams(const struct client *c);

/* Who c is, for the connection it opens: its socket (read-only or not)
 * and, on a UNIX socket, its peer credentials and groups. */
void client_identity(const struct client *c, struct conn_identity *who);

/* The connection c opened, or NULL; the reference stays c's. */
struct vireo_conn *client_conn(const struct client *c);
/* Whether a CONNECT_OPEN is under way (its reply not yet back). */
bool client_is_opening(const struct client *c);
void client_set_opening(struct client *c, bool is_opening);
/* Give c the connection an open produced (c takes the reference). */
void client_set_conn(struct client *c, struct vireo_conn *conn);
/* Drop c's connection; if that was its last reference the driver's close
 * runs on the driver's thread (CONNECT_CLOSE, EOF). */
void client_release_conn(struct client *c);

/* Whether a call of c's that may change something is with a driver (its
 * reply not yet sent): any call but the cheap reads client_read_start()
 * marked. */
bool client_has_changes_in_flight(const struct client *c);
/* The call just started (client_call_start), and finishing (before
 * client_call_done), is one of those cheap reads. */
void client_read_start(struct client *c);
void client_read_done(struct client *c);

/* Take a reference for a call handed to a driver. */
void client_call_start(struct client *c);

/* Shutdown, first step: run no further call; what clients send from now
 * on (or sent but was not yet run) is discarded. Calls in flight finish and
 * their replies are still written. */
void client_stop_calls(void);
/* What open clients still wait for: calls in flight, and reply bytes
 * queued for writing (shutdown waits for both to reach 0). */
void client_count_pending(size_t *n_calls, size_t *n_bytes);
/* Close every client (shutdown), emptying what each sent first so that
 * its peer reads a clean EOF rather than a reset. */
void client_close_all(void);
/* Clients not yet freed (shutdown waits for 0). */
size_t client_n_live(void);

/* The admin program's view (client_registry.h): whether c came through
 * the admin socket, and whether its TLS handshake is still under way. */
bool client_is_admin(const struct client *c);
bool client_is_in_handshake(const struct client *c);
/* A TCP or TLS client's address as libvirt shows it ("127.0.0.1:40312", "[::1]:40312"),
 * and a TLS client's certificate's Distinguished Name, into buf: true, or
 * false when c has none. */
bool client_peer_address(const struct client *c, char *buf, size_t len);
bool client_x509_dname(const struct client *c, char *buf, size_t len);

#endif /* VIREO_DAEMON_CLIENT_H */
