/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rpc_transfer.c: streams whose data the application moves itself, as
 * libvirt's virNetClientStream does for virStreamSend and virStreamRecv
 * (volume upload and download), on the wire described in wire/stream.h:
 *
 *   application            here                       daemon
 *   send(data)             STREAM CONTINUE, <= 256 KiB each
 *                          (waits while over QUEUE_MAX is unsent)
 *   recv()                 takes what came            STREAM CONTINUE data
 *                          0 once it is all taken     STREAM CONTINUE empty
 *   finish()               STREAM OK, then waits      OK, or ERROR
 *   abort()                STREAM ERROR, then waits   OK
 *                          the transfer is over       ERROR (it gave up)
 *
 * A sparse transfer (opened with libvirt's sparse flag) also carries
 * holes, STREAM_HOLE messages, both ways: send_hole() sends one after the
 * data sent before it; a hole from the daemon is kept at its place among
 * the data received (struct rpc_hole), and recv() reads it as zeros, or
 * stops there for recv_hole() to take it whole.
 *
 * A non-blocking transfer (libvirt's VIR_STREAM_NONBLOCK) never waits in
 * send, send_hole or recv: send and recv return -2 instead, and its event
 * callback (rpc_transfer_event.c) is told whenever what it holds or may
 * send changes (wake()), to run on the loop when they would not.
 *
 * A transfer is one of the connection's streams (rpc_stream.c, fd -1), so
 * that the connection's I/O dispatches its messages and bounds what it
 * holds unreceived (OUT_MAX there: the socket is not read meanwhile). The
 * application's thread waits as any caller does (rpc_client.c): on a call
 * record of its own in the connection's list, doing the I/O for everyone
 * while nobody else does, so events, other calls and keepalive go on.
 *
 * Every function here takes or has the client's lock.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/remote/rpc_client_priv.h"
#include "wire/stream.h"

/* Sent bytes the socket has not taken yet, past which send() waits: a few
 * messages, so that the socket never runs dry while the application reads
 * its file, and memory stays bounded. */
enum { QUEUE_MAX = 4 * WIRE_STREAM_CHUNK_MAX };

static size_t
unsent(const struct rpc_client *c)
{
    return c->out.len - c->out_sent;
}

static size_t
unreceived(const struct rpc_stream *s)
{
    return s->out.len - s->out_sent;
}

/* Something happened to s: wake the application's thread, if it waits
 * on s, and tell its event callback, if it has one. */
static void
wake(struct rpc_client *c, struct rpc_stream *s)
{
    struct rpc_call *w = s->waiter;

    rpc_transfer_events_update(c, s);
    if (w == NULL)
        return;
    for (struct rpc_call **pp = &c->calls; *pp != NULL; pp = &(*pp)->next)
        if (*pp == w) {
            *pp = w->next;
            break;
        }
    w->done = true;
    pthread_cond_signal(&w->cond);
}

static void
end(struct rpc_client *c, struct rpc_stream *s, const struct vireo_error *err)
{
    if (!s->is_over) {
        s->is_over = true;
        if (err != NULL)
            s->error = *err;
    }
    wake(c, s);
}

/* Where the application reads: at a hole the daemon sent. */
static bool
is_at_hole(const struct rpc_stream *s)
{
    return s->n_holes > 0 && s->holes[0].at == s->n_taken;
}

int
rpc_transfer_ready(const struct rpc_client *c, const struct rpc_stream *s)
{
    int events = 0;

    if (unreceived(s) > 0 || is_at_hole(s) || s->is_remote_eof ||
        s->is_over)
        events |= VIREO_STREAM_EVENT_READABLE;
    if (unsent(c) <= QUEUE_MAX || s->is_over)
        events |= VIREO_STREAM_EVENT_WRITABLE;
    return events;
}

/* Keep a hole from the daemon where it stands among the data. Two holes
 * with no data between them are one. */
static int
keep_hole(struct rpc_stream *s, long long length, struct vireo_error *err)
{
    struct rpc_hole *last = s->n_holes > 0 ? &s->holes[s->n_holes - 1]
                                           : NULL;
    struct rpc_hole *grown;

    if (last != NULL && last->at == s->n_received) {
        last->length += (uint64_t)length;
        return 0;
    }
    grown = realloc(s->holes, (s->n_holes + 1) * sizeof(*grown));
    if (grown == NULL)
        return error_no_memory(err);
    s->holes = grown;
    s->holes[s->n_holes++] = (struct rpc_hole){ s->n_received,
                                                (uint64_t)length };
    return 0;
}

/* A STREAM_HOLE message: only a sparse transfer takes one, as libvirt's
 * client. */
static void
take_hole(struct rpc_client *c, struct rpc_stream *s,
          const struct wire_message *msg)
{
    struct vireo_error err = { 0 };
    long long length;
    unsigned flags;

    if (s->is_finishing)
        return;
    if (!s->is_sparse)
        error_set(&err, VIR_ERR_RPC, VIR_FROM_STREAMS, "%s",
                  "Unexpected stream hole");
    else if (wire_stream_hole(msg, &length, &flags, &err) == 0 &&
             length > 0)
        keep_hole(s, length, &err);
    if (err.code != 0)
        end(c, s, &err);
    wake(c, s);
}

void
rpc_transfer_dispatch(struct rpc_client *c, struct rpc_stream *s,
                      const struct wire_message *msg)
{
    struct vireo_error err = { 0 };

    if (s->is_over)
        return;
    if (msg->header.type == WIRE_TYPE_STREAM_HOLE) {
        take_hole(c, s, msg);
        return;
    }
    switch (msg->header.status) {
    case WIRE_STATUS_CONTINUE:
        /* After finish or abort, nobody receives what is still coming. */
        if (s->is_finishing)
            return;
        if (msg->data_len == 0)
            s->is_remote_eof = true;
        else if (wire_buffer_append(&s->out, msg->data, msg->data_len) < 0)
            error_no_memory(&err);
        else
            s->n_received += msg->data_len;
        if (err.code != 0)
            end(c, s, &err);
        wake(c, s);
        break;
    case WIRE_STATUS_OK:
        end(c, s, NULL);      /* the confirmation of finish or abort */
        break;
    default:
        wire_stream_error(msg, &err);
        end(c, s, &err);
        break;
    }
}

void
rpc_transfer_detach(struct rpc_client *c, struct rpc_stream *s)
{
    struct vireo_error err = { 0 };

    rpc_stream_unlink(c, s);
    /* A waiter was told why the connection failed: that is the cause. */
    if (s->waiter != NULL && s->waiter->rc < 0)
        err = *s->waiter->err;
    else
        error_set(&err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC, "%s",
                  "client socket is closed");
    end(c, s, &err);
}

void
rpc_transfer_flushed(struct rpc_client *c)
{
    if (unsent(c) > QUEUE_MAX)
        return;
    for (struct rpc_stream *s = c->streams; s != NULL; s = s->next)
        if (s->is_transfer)
            wake(c, s);
}

/* Wait until something happens to s: data, its end, room to send, or the
 * connection's failure (which also ends s). */
static void
wait_on(struct rpc_client *c, struct rpc_stream *s)
{
    struct vireo_error err = { 0 };
    struct rpc_call w = {
        .serial = s->call.serial, .err = &err, .rc = 0,
        .proc = wire_proc_find(s->call.prog, (int)s->call.proc),
    };

    pthread_cond_init(&w.cond, NULL);
    w.next = c->calls;
    c->calls = &w;
    s->waiter = &w;
    rpc_client_wait(c, &w);
    s->waiter = NULL;
    if (w.rc < 0)
        end(c, s, &err);
    pthread_cond_destroy(&w.cond);
}

/* The transfer failed: its error, or (confirmed) that it is finished. */
static int
over_error(const struct rpc_stream *s, struct vireo_error *err)
{
    if (s->error.code != 0) {
        *err = s->error;
        return -1;
    }
    return error_set(err, VIR_ERR_RPC, VIR_FROM_STREAMS, "%s",
                     "stream is not open");
}

/* Queue one message of s; false when it cannot be encoded. */
static bool
queue(struct rpc_client *c, struct rpc_stream *s, int status,
      const char *data, size_t len)
{
    if (wire_encode_stream(&c->out, &s->call, status, data, len) !=
        WIRE_RESULT_OK)
        return false;
    rpc_io_kick(c);
    return true;
}

/* Before sending: what the daemon said meanwhile (its error, say), if
 * nobody else is reading: as libvirt's client, look before sending
 * more. */
static void
look_before_sending(struct rpc_client *c)
{
    if (!c->has_owner && !c->is_closed)
        rpc_io_read(c);
}

/* Wait until another message of s may be queued: 0, or -1 with err set
 * once s is over. A non-blocking transfer does not wait: -2 when there is
 * no room. */
static int
wait_for_room(struct rpc_client *c, struct rpc_stream *s,
              struct vireo_error *err)
{
    while (!s->is_over && unsent(c) > QUEUE_MAX) {
        if (s->is_nonblock)
            return -2;
        wait_on(c, s);
    }
    return s->is_over ? over_error(s, err) : 0;
}

int
rpc_transfer_send(struct rpc_stream *s, const char *data, size_t len,
                  struct vireo_error *err)
{
    struct rpc_client *c = s->client;
    size_t off = 0;
    int rc = 0;

    /* The count returned is an int: send at most that much, as libvirt's
     * virStreamSend may send less than it was given. */
    if (len > INT_MAX)
        len = INT_MAX;
    pthread_mutex_lock(&c->lock);
    look_before_sending(c);
    while (rc == 0 && off < len) {
        size_t n = len - off < WIRE_STREAM_CHUNK_MAX ? len - off
                                                     : WIRE_STREAM_CHUNK_MAX;

        rc = wait_for_room(c, s, err);
        if (rc == 0 && !queue(c, s, WIRE_STATUS_CONTINUE, data + off, n))
            rc = error_no_memory(err);
        if (rc == 0)
            off += n;
    }
    rpc_transfer_events_update(c, s);
    pthread_mutex_unlock(&c->lock);
    /* A non-blocking send that ran out of room sent what fitted. */
    if (rc == -2 && off > 0)
        return (int)off;
    return rc < 0 ? rc : (int)len;
}

int
rpc_transfer_send_hole(struct rpc_stream *s, long long length,
                       unsigned flags, struct vireo_error *err)
{
    struct rpc_client *c = s->client;
    int rc;

    if (!s->is_sparse)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_STREAMS,
                         "%s", "Skipping is not supported with this stream");
    pthread_mutex_lock(&c->lock);
    look_before_sending(c);
    /* A hole is a few bytes: a non-blocking transfer queues it whatever
     * is queued already, as libvirt's send of one never says -2. */
    if (s->is_nonblock)
        rc = s->is_over ? over_error(s, err) : 0;
    else
        rc = wait_for_room(c, s, err);
    if (rc == 0 &&
        wire_encode_stream_hole(&c->out, &s->call, length, flags) !=
            WIRE_RESULT_OK)
        rc = error_no_memory(err);
    else if (rc == 0)
        rpc_io_kick(c);
    rpc_transfer_events_update(c, s);
    pthread_mutex_unlock(&c->lock);
    return rc;
}

/* Take up to len bytes of what the daemon sent, up to the next hole. */
static size_t
take(struct rpc_client *c, struct rpc_stream *s, char *data, size_t len)
{
    size_t n = unreceived(s) < len ? unreceived(s) : len;

    if (s->n_holes > 0 && s->holes[0].at - s->n_taken < n)
        n = (size_t)(s->holes[0].at - s->n_taken);
    memcpy(data, s->out.data + s->out_sent, n);
    s->out_sent += n;
    s->n_taken += n;
    if (unreceived(s) == 0)
        s->out.len = s->out_sent = 0;
    /* The socket may have stopped being read for want of room. */
    rpc_io_update_watch(c);
    rpc_io_wake_owner(c);
    return n;
}

/* Forget the first hole. */
static void
drop_hole(struct rpc_stream *s)
{
    memmove(s->holes, s->holes + 1, (s->n_holes - 1) * sizeof(*s->holes));
    s->n_holes--;
}

/* Read up to len bytes of the hole where the data stands as zeros. */
static size_t
take_zeros(struct rpc_stream *s, char *data, size_t len)
{
    size_t n = s->holes[0].length < len ? (size_t)s->holes[0].length : len;

    memset(data, 0, n);
    s->holes[0].length -= n;
    if (s->holes[0].length == 0)
        drop_hole(s);
    return n;
}

int
rpc_transfer_recv(struct rpc_stream *s, char *data, size_t len,
                  struct vireo_error *err)
{
    return rpc_transfer_recv_sparse(s, data, len, false, err);
}

int
rpc_transfer_recv_sparse(struct rpc_stream *s, char *data, size_t len,
                         bool stop_at_hole, struct vireo_error *err)
{
    struct rpc_client *c = s->client;
    int rc;

    if (len > INT_MAX)
        len = INT_MAX;
    pthread_mutex_lock(&c->lock);
    while (!(rpc_transfer_ready(c, s) & VIREO_STREAM_EVENT_READABLE) &&
           !s->is_nonblock)
        wait_on(c, s);
    if (!(rpc_transfer_ready(c, s) & VIREO_STREAM_EVENT_READABLE))
        rc = -2;            /* non-blocking, and nothing came yet */
    else if (is_at_hole(s))
        rc = stop_at_hole ? -3 : (int)take_zeros(s, data, len);
    else if (unreceived(s) > 0)
        rc = (int)take(c, s, data, len);
    else if (s->is_remote_eof && s->error.code == 0)
        rc = 0;
    else
        rc = over_error(s, err);
    rpc_transfer_events_update(c, s);
    pthread_mutex_unlock(&c->lock);
    return rc;
}

int
rpc_transfer_recv_hole(struct rpc_stream *s, long long *length,
                       struct vireo_error *err)
{
    struct rpc_client *c = s->client;

    if (!s->is_sparse)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_STREAMS,
                         "%s", "Holes are not supported with this stream");
    pthread_mutex_lock(&c->lock);
    *length = 0;
    if (is_at_hole(s)) {
        *length = (long long)s->holes[0].length;
        drop_hole(s);
    }
    rpc_transfer_events_update(c, s);
    pthread_mutex_unlock(&c->lock);
    return 0;
}

/* Send finish (OK) or abort (ERROR), once, and wait for the answer. */
static int
close_with(struct rpc_stream *s, int status, struct vireo_error *err)
{
    struct rpc_client *c = s->client;
    int rc = 0;

    pthread_mutex_lock(&c->lock);
    if (s->is_over) {
        rc = over_error(s, err);
    } else if (s->is_finishing) {
        rc = error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_STREAMS,
                       "%s", "stream is already being closed");
    } else if (!queue(c, s, status, NULL, 0)) {
        rc = error_no_memory(err);
    } else {
        s->is_finishing = true;
        while (!s->is_over)
            wait_on(c, s);
        if (s->error.code != 0)
            rc = over_error(s, err);
    }
    pthread_mutex_unlock(&c->lock);
    return rc;
}

int
rpc_transfer_finish(struct rpc_stream *s, struct vireo_error *err)
{
    return close_with(s, WIRE_STATUS_OK, err);
}

int
rpc_transfer_abort(struct rpc_stream *s, struct vireo_error *err)
{
    return close_with(s, WIRE_STATUS_ERROR, err);
}

void
rpc_transfer_set_nonblocking(struct rpc_stream *s)
{
    pthread_mutex_lock(&s->client->lock);
    s->is_nonblock = true;
    pthread_mutex_unlock(&s->client->lock);
}

void
rpc_transfer_free(struct rpc_stream *s)
{
    struct rpc_free_later later;
    struct rpc_client *c;

    if (s == NULL)
        return;
    c = s->client;
    pthread_mutex_lock(&c->lock);
    later = rpc_transfer_events_detach(s);
    /* Still open: tell the daemon to drop it; its answer finds no stream
     * here and is ignored. */
    if (!s->is_over && !s->is_finishing && !c->is_closed)
        queue(c, s, WIRE_STATUS_ERROR, NULL, 0);
    rpc_stream_unlink(c, s);
    pthread_mutex_unlock(&c->lock);
    if (later.fn != NULL)
        later.fn(later.opaque);
    wire_buffer_release(&s->out);
    free(s->holes);
    free(s);
    rpc_client_unref(c);
}
