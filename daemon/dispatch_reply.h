/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_reply.h: encoding a call's reply (success or error) and carrying
 * it from a driver thread back to the loop.
 */
#ifndef VIREO_DAEMON_DISPATCH_REPLY_H
#define VIREO_DAEMON_DISPATCH_REPLY_H

#include "api/vireo.h"
#include "loop/queue.h"
#include "wire/decode.h"

struct client;
struct vireo_conn;

/* A finished call on its way to the loop, embedded in the record of the
 * call (made on the loop before the call left it, so that answering never
 * needs memory the driver's thread may not get). After
 * dispatch_reply_push() it belongs to the loop thread, which writes it
 * and then calls release to free the record holding it. */
struct dispatch_reply {
    struct queue_link     link;
    struct client        *client;   /* only dereferenced on the loop */
    remote_message_header call;     /* the call's header */
    struct wire_buffer    out;      /* the encoded REPLY */
    /* out could not be encoded, not even as an error (memory ran short
     * on the driver's thread): the loop answers with an error itself. */
    bool                  needs_error;
    bool                  is_open;  /* a CONNECT_OPEN's reply */
    struct vireo_conn    *opened;   /* its connection on success (a ref) */
    /* Loop thread, right after the reply was queued for writing (not when
     * it was dropped, nor replaced by an error): what follows the reply
     * on the wire, such as a stream's data. NULL: nothing. */
    void                (*delivered)(struct dispatch_reply *reply);
    void                (*release)(struct dispatch_reply *reply);
    /* When the call reached the loop (metrics_calls.h). */
    uint64_t              arrived_ns;
    /* One of the cheap reads a published view serves (dispatch_view.h),
     * which the client's later reads may overtake. */
    bool                  is_view_read;
};

/* Driver thread: encode the answer to reply->call into reply->out (see
 * dispatch_reply_encode), or mark it needs_error. Push it afterwards, as
 * the caller's last act on the record holding it. */
void dispatch_reply_fill(struct dispatch_reply *reply,
                         const struct wire_proc *proc, int rc,
                         const void *ret, struct vireo_error *err);

/* Append to out the REPLY to the call whose header is call: status OK
 * with ret encoded by proc's ret routine when rc is 0, else the error in
 * err. An OK reply that cannot be encoded becomes an error reply. Any
 * thread. Returns 0, or -1 when not even an error could be encoded. */
int  dispatch_reply_encode(struct wire_buffer *out,
                           const remote_message_header *call,
                           const struct wire_proc *proc, int rc,
                           const void *ret, struct vireo_error *err);

/* Append to out an error REPLY to call. Any thread. */
int  dispatch_reply_error(struct wire_buffer *out,
                          const remote_message_header *call,
                          const struct vireo_error *err);

/* Any thread: hand reply to the loop. Past dispatch_fini (never while a
 * driver runs) the reply is released at once instead. On a driver's
 * thread it is queued at once, and the loop woken once for the batch of
 * jobs that thread is running (loop/queue_defer.h). */
void dispatch_reply_push(struct dispatch_reply *reply);

/* Any thread: replies pushed and not yet taken by the loop (the loop's
 * queue depth, for the admin program). */
size_t dispatch_reply_n_queued(void);

/* Loop thread, used by dispatch.c. */
int  dispatch_reply_init(void);
void dispatch_reply_fini(bool are_drivers_down);

#endif /* VIREO_DAEMON_DISPATCH_REPLY_H */
