/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rpc_client_priv.h: the state shared by rpc_client.c (calls and who does
 * the I/O), rpc_io.c (bytes in and out, message dispatch), rpc_stream.c
 * (streams) and rpc_keepalive.c. Everything below lock is guarded by it.
 */
#ifndef VIREO_DRIVERS_REMOTE_RPC_CLIENT_PRIV_H
#define VIREO_DRIVERS_REMOTE_RPC_CLIENT_PRIV_H

#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "drivers/remote/rpc_client.h"
#include "wire/frame.h"
#include "wire/procs.h"

/* A call waiting for its reply; lives on the caller's stack. */
struct rpc_call {
    uint32_t                serial;
    const struct wire_proc *proc;
    void                   *ret;
    struct vireo_error     *err;
    int                     rc;
    bool                    done;
    pthread_cond_t          cond;
    struct rpc_call        *next;
};

/* A stream of the connection: for a console, its STREAM messages one
 * way, the socket whose other end the application holds the other; for a
 * transfer (is_transfer), the application's own calls the other. */
struct rpc_stream {
    remote_message_header call;      /* the call that opened it */
    int                   fd;        /* our end of the application's pair */
    int                   watch;     /* on fd, through the loop; -1: none.
                                        Its free closes fd. */
    int                   watch_events;
    struct wire_buffer    out;       /* the daemon's data, not yet written
                                        to fd */
    size_t                out_sent;
    bool                  is_remote_eof;  /* the daemon's end of file came */
    bool                  is_finishing;   /* finish sent, its confirmation
                                             not yet in */
    struct rpc_stream    *next;
    /* Transfers (rpc_transfer.c): the application sends and receives the
     * data itself, with fd -1; out then holds what the daemon sent and
     * the application has not received. */
    bool                  is_transfer;
    bool                  is_over;   /* confirmed, failed, or the
                                        connection ended */
    struct vireo_error    error;     /* why it failed (code 0: it did
                                        not) */
    struct rpc_call      *waiter;    /* the application's thread, waiting
                                        in rpc_transfer_*; NULL: none */
    struct rpc_client    *client;    /* referenced once the application
                                        holds the transfer */
    /* Sparse transfers: holes the daemon sent, in order, each placed
     * before the byte of data it precedes (counted from the start). */
    bool                  is_sparse;
    struct rpc_hole      *holes;
    size_t                n_holes;
    uint64_t              n_received;  /* data bytes that came in */
    uint64_t              n_taken;     /* data bytes the application took */
    /* Non-blocking transfers: send and recv never wait; the event
     * callback, if any, says when they would not (rpc_transfer_event.c). */
    bool                  is_nonblock;
    struct rpc_transfer_events *events;  /* NULL: no callback */
};

/* A hole among a transfer's data. */
struct rpc_hole {
    uint64_t at;          /* where: before the at-th data byte */
    uint64_t length;      /* bytes of zeros still to take */
};

/* Bytes received and not yet dispatched. */
struct rpc_inbuf {
    uint8_t *data;
    size_t   len;
    size_t   cap;
};

struct rpc_client {
    atomic_int         refs;          /* caller, watch, keepalive timer */
    int                fd;
    struct remote_tls *tls;           /* NULL: plain bytes on fd */
    int                wake_fd;       /* eventfd: more to write, owner */
    rpc_message_cb     on_message;
    void              *opaque;

    pthread_mutex_t    lock;
    uint32_t           next_serial;
    struct rpc_call   *calls;         /* sent, reply not yet read */
    bool               has_owner;     /* a caller is doing the I/O */
    bool               is_closed;
    int                close_reason;  /* enum vireo_close_reason */
    struct wire_buffer out;
    size_t             out_sent;
    struct rpc_inbuf   in;
    int                watch;         /* -1: none */
    int                watch_events;
    int                ka_timer;      /* -1: none */
    int                ka_interval_ms; /* 0: no keepalive */
    int                ka_count;
    int                ka_unanswered;
    int64_t            ka_due_ms;     /* monotonic: the next check */
    struct rpc_stream *streams;
    uint8_t           *chunk;         /* a read from a stream's fd */
};

void rpc_client_unref(struct rpc_client *c);

/* rpc_io.c; lock held for all. */
/* Write what the socket takes now. */
void rpc_io_flush(struct rpc_client *c);
/* Read what the socket has and dispatch every whole message. */
void rpc_io_read(struct rpc_client *c);
/* Queue a keepalive message (PING or PONG) and push it out. */
void rpc_io_queue_keepalive(struct rpc_client *c, int proc);
/* After bytes were queued: write now, and make sure whoever does the I/O
 * (the owner, else the loop watch) finishes the job. */
void rpc_io_kick(struct rpc_client *c);
/* Make the owner, if a caller owns the socket, leave its poll() and look
 * at the state again. */
void rpc_io_wake_owner(struct rpc_client *c);
/* The connection is dead (reason: enum vireo_close_reason): hang up, fail
 * every waiting call with err, the owner's included, and stop watching.
 * Only the first failure counts. */
void rpc_io_fail(struct rpc_client *c, int reason,
                 const struct vireo_error *err);
/* Give the loop watch the mask the state calls for (none while an owner
 * does the I/O or once closed). */
void rpc_io_update_watch(struct rpc_client *c);

/* rpc_stream.c; lock held for all. */
/* A stream for the call whose header is call, pumping fd (taken over;
 * -1 for a transfer); NULL when out of memory (fd is then closed). */
struct rpc_stream *rpc_stream_new(struct rpc_client *c,
                                  const remote_message_header *call, int fd);
struct rpc_stream *rpc_stream_find(struct rpc_client *c, uint32_t serial);
/* Its call succeeded: watch its fd through the loop from now on. */
int  rpc_stream_start(struct rpc_client *c, struct rpc_stream *s,
                      struct vireo_error *err);
/* Forget the stream; its fd is closed (once the loop let go of it). */
void rpc_stream_free(struct rpc_client *c, struct rpc_stream *s);
/* The connection ended: end every stream (the application reads EOF). */
void rpc_stream_close_all(struct rpc_client *c);
/* A STREAM message from the daemon. */
void rpc_stream_dispatch(struct rpc_client *c, const struct wire_message *msg);
/* The application leaves too much of a stream's data unread: read the
 * socket no more until it catches up. */
bool rpc_stream_is_backed_up(const struct rpc_client *c);
/* Give each stream's loop watch the mask the state calls for. */
void rpc_stream_update_watches(struct rpc_client *c);
/* For the owner's poll(): how many fds, then fill fds[0..n). */
int  rpc_stream_poll_count(const struct rpc_client *c);
int  rpc_stream_poll_fill(const struct rpc_client *c, struct pollfd *fds,
                          int n);
/* After poll(): act on what each stream's fd reported. */
void rpc_stream_poll_done(struct rpc_client *c, const struct pollfd *fds,
                          int n);

/* rpc_transfer.c; lock held for all. */
/* A STREAM message for a transfer. */
void rpc_transfer_dispatch(struct rpc_client *c, struct rpc_stream *s,
                           const struct wire_message *msg);
/* The connection ended: the transfer is over, and leaves the
 * connection's list; the application still holds it. */
void rpc_transfer_detach(struct rpc_client *c, struct rpc_stream *s);
/* Queued bytes went out: a transfer waiting for room may go on. */
void rpc_transfer_flushed(struct rpc_client *c);

/* rpc_transfer.c; lock held. The stream events that stand for s now:
 * VIREO_STREAM_EVENT_READABLE when recv would not wait,
 * VIREO_STREAM_EVENT_WRITABLE when send would not. */
int rpc_transfer_ready(const struct rpc_client *c,
                       const struct rpc_stream *s);

/* rpc_transfer_event.c; lock held for both. Something happened to s
 * (data, room, its end): arm or disarm its callback's timer. */
void rpc_transfer_events_update(struct rpc_client *c, struct rpc_stream *s);
/* A free function to run once the client's lock is released. */
struct rpc_free_later {
    void (*fn)(void *opaque);     /* NULL: nothing to run */
    void  *opaque;
};
/* Drop s's callback (s is being freed, or the application removes it):
 * what to free, unless the callback is running (it frees then). */
struct rpc_free_later rpc_transfer_events_detach(struct rpc_stream *s);

/* rpc_client.c; lock held. Wait for call->done, doing the I/O while
 * nobody else does. call is on c->calls. */
void rpc_client_wait(struct rpc_client *c, struct rpc_call *call);

/* rpc_stream.c; lock held. Take s off the connection's list; false when
 * it was not on it. */
bool rpc_stream_unlink(struct rpc_client *c, struct rpc_stream *s);

/* rpc_keepalive.c; lock held for all. */
/* A message came in: the server is alive. */
void rpc_keepalive_saw_traffic(struct rpc_client *c);
/* Milliseconds until the next keepalive check is due (0: now), or -1 when
 * keepalive is off. The owner's poll() sleeps no longer than this. */
int rpc_keepalive_wait_ms(struct rpc_client *c);
/* If the check is due, PING the silent server, or give the connection up
 * (rpc_io_fail) when count PINGs went unanswered. Any thread. */
void rpc_keepalive_check(struct rpc_client *c);

#endif /* VIREO_DRIVERS_REMOTE_RPC_CLIENT_PRIV_H */
