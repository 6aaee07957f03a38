/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rpc_client.h: the client end of one libvirt RPC connection.
 *
 * Any number of threads may call at once: every call gets its own serial,
 * is written at once, and waits for the reply with that serial, so calls
 * are pipelined and may complete out of order. There is no I/O thread:
 * a waiting caller does the socket I/O for everyone (the "owner"), and
 * hands the job on to another waiter when its own reply has come. When
 * nobody is calling, the socket is watched through the registered event
 * loop (loop/event.h), if the application asked for it, so that event
 * messages and keepalive pings keep flowing; without a loop, calls still
 * work and nothing else happens between them.
 */
#ifndef VIREO_DRIVERS_REMOTE_RPC_CLIENT_H
#define VIREO_DRIVERS_REMOTE_RPC_CLIENT_H

#include "api/vireo.h"

struct remote_tls;
struct rpc_client;
struct wire_message;
struct wire_proc;

/* Called for each event message (type MESSAGE on the remote program) in
 * the order the server sent them, on whichever thread reads them, with
 * the client's lock held: it must only queue the event elsewhere and
 * never call into the client. */
typedef void (*rpc_message_cb)(const struct wire_message *msg, void *opaque);

/* Take over fd, a connected non-blocking stream socket (closed by the
 * client from now on, even on failure). NULL with err set. */
struct rpc_client *rpc_client_new(int fd, rpc_message_cb on_message,
                                  void *opaque, struct vireo_error *err);

/* Speak through tls (remote_tls.h, handshaken on fd) from now on; the
 * client frees it. Before any call. */
void rpc_client_set_tls(struct rpc_client *c, struct remote_tls *tls);

/* Call remote procedure proc (wire/procs.h) with args (its args type, NULL
 * for none) and wait for the reply. On success ret (zeroed, of the
 * procedure's ret type, NULL for none) holds the result: release it with
 * xdr_free(). On failure err holds the server's error, or the transport's
 * (VIR_FROM_RPC). Any thread. */
int rpc_client_call(struct rpc_client *c, int proc, const void *args,
                    void *ret, struct vireo_error *err);

/* The same for a procedure of any program (wire_proc_find()). */
int rpc_client_call_proc(struct rpc_client *c, const struct wire_proc *proc,
                         const void *args, void *ret,
                         struct vireo_error *err);

/* Call remote procedure proc, one whose reply opens a stream
 * (wire_proc.is_stream), and from its success on pump that stream between
 * the daemon and fd, our end of a connected non-blocking socket pair whose
 * other end the application holds (rpc_stream.c says how). fd is taken
 * over, closed on failure. Needs the loop watch (rpc_client_watch), which
 * moves the stream's bytes between calls. Any thread. */
int rpc_client_open_stream(struct rpc_client *c, int proc, const void *args,
                           int fd, struct vireo_error *err);

/* A transfer: a stream whose data the application moves itself, packet
 * by packet, as with libvirt's virStreamSend and virStreamRecv (volume
 * upload and download). Used by one application thread at a time; the
 * connection's other calls, events and keepalive go on meanwhile.
 * rpc_transfer.c says how it maps onto the wire. */
struct rpc_stream;

/* Call remote procedure proc, one that opens a stream, and on success set
 * *transfer to the stream it opened, the caller's to free with
 * rpc_transfer_free(). is_sparse: the call asked for a sparse stream
 * (libvirt's allowSkip), so holes may travel both ways. Needs no event
 * loop. Any thread. */
int rpc_client_open_transfer(struct rpc_client *c, int proc,
                             const void *args, bool is_sparse,
                             struct rpc_stream **transfer,
                             struct vireo_error *err);

/* Send len bytes (INT_MAX at most), in messages of at most
 * WIRE_STREAM_CHUNK_MAX, waiting while more than a few of them are still
 * queued for the daemon. Returns how many, or -1 with err set (the
 * daemon's error, if it gave up). */
int rpc_transfer_send(struct rpc_stream *s, const char *data, size_t len,
                      struct vireo_error *err);

/* Receive at most len bytes, waiting for some. Returns how many, 0 at the
 * daemon's end of file, or -1 with err set. */
int rpc_transfer_recv(struct rpc_stream *s, char *data, size_t len,
                      struct vireo_error *err);

/* Sparse transfers (libvirt's virStreamSendHole, virStreamRecvFlags with
 * VIR_STREAM_RECV_STOP_AT_HOLE, virStreamRecvHole). Holes keep their place
 * among the data both ways.
 *
 * Send a hole of length bytes (> 0; flags 0), waiting as send does. 0, or
 * -1 with err set (VIR_ERR_OPERATION_INVALID on a transfer not opened
 * sparse). */
int rpc_transfer_send_hole(struct rpc_stream *s, long long length,
                           unsigned flags, struct vireo_error *err);

/* Receive as rpc_transfer_recv; a hole where the data stands is read as
 * zeros, or, with stop_at_hole, returns -3 (nothing read, err untouched)
 * until rpc_transfer_recv_hole takes it. */
int rpc_transfer_recv_sparse(struct rpc_stream *s, char *data, size_t len,
                             bool stop_at_hole, struct vireo_error *err);

/* The length of the hole where the data stands, taking it (0: none
 * there). 0, or -1 with err set (VIR_ERR_OPERATION_INVALID on a transfer
 * not opened sparse). */
int rpc_transfer_recv_hole(struct rpc_stream *s, long long *length,
                           struct vireo_error *err);

/* End the transfer: finish (all data sent: the daemon completes it and
 * answers whether it succeeded) or abort (the daemon discards it). Each
 * waits for the daemon's confirmation; err gets the daemon's error. */
int rpc_transfer_finish(struct rpc_stream *s, struct vireo_error *err);
int rpc_transfer_abort(struct rpc_stream *s, struct vireo_error *err);

/* Forget the transfer, aborting it first (without waiting) if it is not
 * over, and removing its event callback. NULL is a no-op. */
void rpc_transfer_free(struct rpc_stream *s);

/* Make the transfer non-blocking (libvirt's VIR_STREAM_NONBLOCK): from
 * now on send, send_hole and recv never wait; send and recv return -2
 * (err untouched) where they would have. Right after the open. */
void rpc_transfer_set_nonblocking(struct rpc_stream *s);

/* The transfer's event callback (rpc_transfer_event.c), as libvirt's
 * virNetClientStreamEventAddCallback: one at a time, called on the
 * registered loop's thread, through a timer armed at 0 while an event of
 * its mask stands (VIREO_STREAM_EVENT_READABLE: recv would not return
 * -2; VIREO_STREAM_EVENT_WRITABLE: send would not). The connection's I/O
 * (the loop watch, or a caller owning the socket) buffers what comes in
 * and arms the timer. free_cb(opaque) runs once the callback is removed
 * and not running, on whichever thread that happens. Any thread; 0, or
 * -1 with err set. */
typedef void (*rpc_transfer_event_cb)(int events, void *opaque);
int rpc_transfer_event_add(struct rpc_stream *s, int events,
                           rpc_transfer_event_cb cb, void *opaque,
                           void (*free_cb)(void *opaque),
                           struct vireo_error *err);
int rpc_transfer_event_update(struct rpc_stream *s, int events,
                              struct vireo_error *err);
int rpc_transfer_event_remove(struct rpc_stream *s, struct vireo_error *err);

/* Watch the socket through the registered event loop from now on. Safe to
 * call again. Fails when no loop is registered. */
int rpc_client_watch(struct rpc_client *c, struct vireo_error *err);

/* Send a keepalive PING after interval_s seconds without traffic, and
 * close the connection after count unanswered ones: every waiting call,
 * on any thread, then fails with libvirt's "connection closed due to
 * keepalive timeout". The loop's timer keeps the count, and so does the
 * caller that owns the socket during a call, since the timer cannot run
 * while a call made on the loop's thread waits. Needs the watch. Called
 * again, it changes the pace; interval_s <= 0 stops the pings. */
int rpc_client_keepalive_start(struct rpc_client *c, int interval_s,
                               int count, struct vireo_error *err);

/* Whether the connection still works: 1, else 0 with *reason set (enum
 * vireo_close_reason). When nobody is moving bytes, whatever the socket
 * holds is read first (without waiting), so that a daemon that hung up
 * is noticed even by a process that runs no event loop. */
int rpc_client_is_alive(struct rpc_client *c, int *reason);

/* Stop watching and release the caller's reference: the socket is closed
 * once the loop has let go of it. No call may be running or start. */
void rpc_client_close(struct rpc_client *c);

#endif /* VIREO_DRIVERS_REMOTE_RPC_CLIENT_H */
