/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * client_priv.h: a client's record, shared by the files that make up a
 * client: client.c (reading, framing, lifetime) and client_write.c
 * (writing). Nothing outside them includes it.
 *
 * Owned by the main loop thread, as everything in client.h.
 */
#ifndef VIREO_DAEMON_CLIENT_PRIV_H
#define VIREO_DAEMON_CLIENT_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <uv.h>

#include "daemon/client.h"
#include "drivers/handle.h"

struct client_record;
struct client_tls;
struct event_sink;
struct keepalive;
struct metrics_socket;
struct stream_set;
struct vireo_conn;

/* A client's socket: a UNIX one, or TCP when listen_tcp is on. */
union client_socket {
    uv_handle_t handle;             /* handle.data is the client */
    uv_stream_t stream;
    uv_pipe_t   pipe;
    uv_tcp_t    tcp;
};

struct client {
    union client_socket sock;
    unsigned int       id;          /* for logs */
    struct metrics_socket *metrics_socket; /* its listener's count */
    struct conn_identity who;       /* credentials, read at accept */
    int                refs;        /* the socket's + one per call */
    int                n_in_flight;
    /* Of those, the cheap reads a published view serves
     * (dispatch_view.h): they change nothing. */
    int                n_reads_in_flight;
    bool               is_closed;
    bool               is_reading;
    bool               is_read_only;
    bool               is_opening;
    bool               is_dispatching; /* in dispatch_buffered() */
    struct vireo_conn *conn;        /* referenced; NULL until opened */
    struct stream_set *streams;     /* its consoles; closed with it */
    struct event_sink *sink;        /* where its event callbacks deliver */
    struct keepalive  *keepalive;   /* NULL until it asks for feature 10 */
    struct client_tls *tls;         /* NULL: a plain socket */
    uint8_t           *in;          /* bytes read, not yet dispatched */
    size_t             in_len;
    size_t             in_cap;
    struct client     *prev, *next; /* the open clients */
    bool               is_admin;    /* came through the admin socket */
    struct client_record *record;   /* the admin program's view of it */
    /* Replies made while what one read brought is dispatched, written
     * together when it is done (client_cork): one write, not one each. */
    bool               is_corked;
    struct wire_buffer corked;
};

/* Gather the replies c is sent from now on (a plain socket's only), and
 * write what was gathered as one (client_write.c). */
void client_cork(struct client *c);
void client_uncork(struct client *c);

/* Stop reading, drop the connection, close the socket (client.c). */
void client_close(struct client *c);

/* The bytes a client may leave queued for writing before it counts as
 * stuck (client_limits.max_pending_out). */
size_t client_max_pending_out(void);

/* Queue len bytes at data for c's socket (opaque), and free data once
 * written, also when the socket is closed first. The TLS layer's way out
 * too (client_tls_new's write function). */
void client_write_bytes(void *opaque, uint8_t *data, size_t len);

#endif /* VIREO_DAEMON_CLIENT_PRIV_H */
