/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * loadgen-conn.h: one client connection of the load generator, speaking
 * libvirt's remote protocol through vireo's wire library on a
 * non-blocking UNIX socket: calls encoded once into a template and sent
 * with a fresh serial, replies matched by serial from a ring of the calls
 * in flight, whole frames cut from a read buffer. Also the set-up helpers
 * that run before any load: a blocking call, and opening many connections
 * at once (CONNECT_OPEN on each).
 *
 * A connection is owned by the one thread whose epoll set holds it.
 */
#ifndef VIREO_BENCH_LOADGEN_CONN_H
#define VIREO_BENCH_LOADGEN_CONN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wire/decode.h"
#include "wire/frame.h"

/* A call encoded once: the bytes of one whole message whose serial is
 * patched in before each send. */
struct call_template {
    uint8_t *bytes;
    size_t   len;
    int      proc;
};

/* Encode a call of the remote program: proc with args (WIRE_XDR_VOID and
 * NULL for none). 0, or -1 with a message on stderr. */
int template_build(struct call_template *t, int proc, xdrproc_t args_proc,
                   const void *args);
void template_release(struct call_template *t);

/* A call in flight: its serial and when it was (or was due to be) sent. */
struct pending {
    uint32_t serial;
    uint64_t sent_ns;
};

/* One connection; owned by one worker thread. */
struct lg_conn {
    int      fd;
    uint32_t next_serial;
    int      n_in_flight;
    struct pending *ring;           /* n_ring slots, indexed serial % n_ring */
    unsigned n_ring;                /* a power of two above the depth */
    struct wire_buffer out;         /* queued bytes; out_done already sent */
    size_t   out_done;
    bool     is_waiting_writable;   /* EPOLLOUT armed */
    uint8_t *in;                    /* received bytes not yet framed */
    size_t   in_len, in_cap;
    void    *user;                  /* the workload's own state */
};

/* What the reader hands over for each whole frame: its header, and the
 * frame itself, length word included, for wire_decode() (valid until the
 * callback returns). */
typedef void (*frame_fn)(struct lg_conn *c, const remote_message_header *hdr,
                         const uint8_t *frame, size_t len, void *opaque);

/* Monotonic nanoseconds. */
uint64_t now_ns(void);

/* Set up c around an open fd for up to depth calls in flight. 0 or -1. */
int conn_init(struct lg_conn *c, int fd, int depth);
/* Close the fd and free the buffers. */
void conn_release(struct lg_conn *c);

/* Queue t with the next serial, remembering sent_ns for its reply.
 * Returns the serial. The caller keeps n_in_flight within the depth. */
uint32_t conn_queue_call(struct lg_conn *c, const struct call_template *t,
                         uint64_t sent_ns);
/* Write what is queued. 1 when all of it went, 0 when the socket is full
 * (wait for EPOLLOUT), -1 on a broken connection. */
int conn_flush(struct lg_conn *c);
/* Read what is there and call fn for each whole frame. 0, or -1 when the
 * peer closed or the stream is broken. It may leave bytes unread (it
 * stops after a read that did not fill its buffer), so wait on c->fd
 * level-triggered. */
int conn_read(struct lg_conn *c, frame_fn fn, void *opaque);
/* The pending call of a reply's serial, removed from the ring; false when
 * no such call is in flight. */
bool conn_take_pending(struct lg_conn *c, uint32_t serial, uint64_t *sent_ns);

/* Switch O_NONBLOCK on fd on or off. 0 or -1. */
int set_nonblocking(int fd, bool on);
/* A connected UNIX socket, or -1 with errno set (EAGAIN: a non-blocking
 * connect found the listen backlog full). */
int unix_socket(const char *path, bool is_nonblocking);
/* A connected blocking UNIX socket, or -1 with a message on stderr. */
int connect_unix(const char *path);
/* One call on a blocking fd, waiting for its reply (events that arrive
 * first are skipped). 0 with the decoded reply in *reply (its body is the
 * procedure's ret; wire_message_free() it); an error reply prints the
 * daemon's message and returns -1, as does a broken connection. */
int call_sync(int fd, int proc, xdrproc_t args_proc, const void *args,
              struct wire_message *reply);
/* call_sync() in two halves, so that one call can be in flight on each of
 * many connections at once: send it (its serial, or 0 if it could not be
 * sent), then wait for the reply to that serial. */
uint32_t call_send(int fd, int proc, xdrproc_t args_proc, const void *args);
int call_await(int fd, int proc, uint32_t serial, struct wire_message *reply);
/* CONNECT_OPEN of uri on a blocking fd. */
int open_sync(int fd, const char *uri);

/* Opening many connections at once, each through CONNECT_OPEN, with at
 * most window opens in flight: what a storm of clients costs. */
struct open_many_result {
    int    n_opened;     /* fds[0..n_opened) are open and blocking */
    int    n_refused;    /* closed by the daemon, or CONNECT_OPEN failed */
    int    n_timed_out;  /* no answer in time (a daemon at max_clients
                            leaves them in its listen backlog) */
    double seconds;
};
int open_many(const char *path, const char *uri, int n, int window,
              double timeout_s, int *fds, struct open_many_result *r);

#endif /* VIREO_BENCH_LOADGEN_CONN_H */
