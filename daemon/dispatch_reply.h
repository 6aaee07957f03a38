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

/* A finished call on its way to the loop. After dispatch_reply_push() it
 * belongs to the loop thread. */
struct dispatch_reply {
    struct queue_link  link;
    struct client     *client;   /* only dereferenced on the loop */
    struct wire_buffer out;      /* the encoded REPLY */
    bool               is_open;  /* a CONNECT_OPEN's reply */
    struct vireo_conn *opened;   /* its connection on success (a ref) */
};

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

/* Any thread: hand reply to the loop. Returns false when the daemon is
 * past dispatch_fini (never while a driver runs). */
bool dispatch_reply_push(struct dispatch_reply *reply);

/* Loop thread, used by dispatch.c. */
int  dispatch_reply_init(void);
void dispatch_reply_fini(void);

#endif /* VIREO_DAEMON_DISPATCH_REPLY_H */
