/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_reply.c: replies, from encoding on a driver thread to writing
 * on the loop. The loop queue is the only thing both sides touch.
 */
#include <stdatomic.h>
#include <stdlib.h>

#include "daemon/client.h"
#include "daemon/dispatch_reply.h"
#include "daemon/dispatch_unsupported.h"
#include "daemon/metrics_calls.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "loop/queue_defer.h"
#include "wire/error.h"

static struct queue *replies;
/* Replies pushed, not yet taken off the queue by the loop. */
static atomic_size_t n_queued;

int
dispatch_reply_error(struct wire_buffer *out,
                     const remote_message_header *call,
                     const struct vireo_error *err)
{
    remote_message_header hdr = *call;
    struct wire_error_reply reply;

    hdr.type = WIRE_TYPE_REPLY;
    hdr.status = WIRE_STATUS_ERROR;
    wire_error_reply_fill(&reply, err);
    return wire_encode(out, &hdr, (xdrproc_t)xdr_remote_error, &reply.xdr) ==
           WIRE_RESULT_OK ? 0 : -1;
}

int
dispatch_reply_encode(struct wire_buffer *out,
                      const remote_message_header *call,
                      const struct wire_proc *proc, int rc, const void *ret,
                      struct vireo_error *err)
{
    remote_message_header hdr = *call;
    int result;

    if (rc < 0) {
        dispatch_unsupported_rename(proc, err);
        return dispatch_reply_error(out, call, err);
    }
    hdr.type = WIRE_TYPE_REPLY;
    hdr.status = WIRE_STATUS_OK;
    result = wire_encode(out, &hdr, proc->ret.proc, ret);
    if (result == WIRE_RESULT_OK)
        return 0;
    error_set(err, VIR_ERR_RPC, VIR_FROM_RPC, "cannot encode the reply: %s",
              wire_result_string(result));
    return dispatch_reply_error(out, call, err);
}

/* Deferred: on a driver's thread the loop is woken once for the whole
 * batch of jobs that thread runs (drivers/worker.c). */
void
dispatch_reply_push(struct dispatch_reply *reply)
{
    atomic_fetch_add_explicit(&n_queued, 1, memory_order_relaxed);
    if (replies == NULL || !queue_push_deferred(replies, &reply->link)) {
        atomic_fetch_sub_explicit(&n_queued, 1, memory_order_relaxed);
        wire_buffer_release(&reply->out);
        if (reply->opened != NULL)
            handle_conn_unref(reply->opened);
        reply->release(reply);
    }
}

void
dispatch_reply_fill(struct dispatch_reply *reply,
                    const struct wire_proc *proc, int rc, const void *ret,
                    struct vireo_error *err)
{
    if (dispatch_reply_encode(&reply->out, &reply->call, proc, rc, ret,
                              err) < 0) {
        wire_buffer_release(&reply->out);
        reply->needs_error = true;
    }
}

/* An open whose client went away meanwhile: nobody will close it. */
static void
deliver_open(struct dispatch_reply *r)
{
    client_set_opening(r->client, false);
    if (r->opened == NULL)
        return;
    client_set_conn(r->client, r->opened);
    if (client_is_closed(r->client))
        client_release_conn(r->client);
}

/* The driver's thread could not encode any answer: try again here, where
 * an error reply is small. A client we cannot answer at all is dropped
 * rather than left waiting for a reply that never comes. */
static void
answer_out_of_memory(struct dispatch_reply *r)
{
    struct vireo_error err = { 0 };

    error_no_memory(&err);
    if (dispatch_reply_error(&r->out, &r->call, &err) < 0) {
        wire_buffer_release(&r->out);
        client_drop(r->client, "out of memory for a reply");
    }
}

static void
deliver(struct dispatch_reply *r)
{
    bool is_answered = !r->needs_error;

    if (r->is_open)
        deliver_open(r);
    if (r->needs_error)
        answer_out_of_memory(r);
    metrics_call_replied(&r->out, r->arrived_ns);
    client_send(r->client, &r->out);
    if (is_answered && r->delivered != NULL)
        r->delivered(r);
    if (r->is_view_read)
        client_read_done(r->client);
    client_call_done(r->client);
    r->release(r);
}

static void
on_replies(struct queue_link *batch, void *opaque)
{
    while (batch != NULL) {
        struct dispatch_reply *r =
            QUEUE_ITEM(batch, struct dispatch_reply, link);

        batch = batch->next;
        atomic_fetch_sub_explicit(&n_queued, 1, memory_order_relaxed);
        deliver(r);
    }
}

int
dispatch_reply_init(void)
{
    replies = queue_new_loop(on_replies, NULL);
    return replies != NULL ? 0 : -1;
}

/* A driver left running (it did not stop in time) may still push: the
 * closed queue refuses it, but must stay allocated for it to do so. */
void
dispatch_reply_fini(bool are_drivers_down)
{
    if (replies == NULL)
        return;
    queue_close(replies);
    on_replies(queue_drain(replies), NULL);
    if (!are_drivers_down)
        return;
    queue_free(replies);
    replies = NULL;
}

/* The loop's own queue, for virt-admin's thread-pool view. */
size_t
dispatch_reply_n_queued(void)
{
    return atomic_load_explicit(&n_queued, memory_order_relaxed);
}
