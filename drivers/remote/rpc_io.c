/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rpc_io.c: the bytes of one RPC connection, whichever thread moves them
 * (the calling thread that owns the I/O, or the loop's watch callback):
 * flushing queued messages, reading and splitting whole messages, and
 * dispatching each one: replies to their waiting call, event messages to
 * the driver, stream messages to their stream (rpc_stream.c), keepalive
 * PINGs answered at once.
 *
 * Every function runs with the client's lock held. The socket is
 * non-blocking, so no call here waits.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/remote/remote_tls.h"
#include "drivers/remote/rpc_client_priv.h"
#include "loop/event.h"
#include "wire/decode.h"
#include "wire/error.h"

enum { INBUF_MIN = 64 * 1024 };

static void
fail_errno(struct rpc_client *c, int reason, int errnum, const char *what)
{
    struct vireo_error err = { 0 };

    snprintf(err.message, sizeof(err.message), "%s: %s", what,
             strerror(errnum));
    err.code = VIR_ERR_SYSTEM_ERROR;
    err.domain = VIR_FROM_RPC;
    rpc_io_fail(c, reason, &err);
}

void
rpc_io_fail(struct rpc_client *c, int reason, const struct vireo_error *err)
{
    if (c->is_closed)
        return;
    c->is_closed = true;
    c->close_reason = reason;
    /* Hang up, as libvirt's client closes its socket: a daemon that comes
     * back (one that was stopped, say) then sees the end at once instead
     * of a client that no longer reads. */
    shutdown(c->fd, SHUT_RDWR);
    for (struct rpc_call *call = c->calls; call; call = call->next) {
        *call->err = *err;
        call->rc = -1;
        call->done = true;
        pthread_cond_signal(&call->cond);
    }
    c->calls = NULL;
    rpc_stream_close_all(c);
    /* The owner's call was among them, but it may be asleep in poll() on
     * another thread (the keepalive timer fails the connection from the
     * loop's thread): the condition does not reach it, the eventfd does. */
    rpc_io_wake_owner(c);
    if (c->ka_timer >= 0)
        event_update_timeout(c->ka_timer, -1);
    rpc_io_update_watch(c);
}

void
rpc_io_update_watch(struct rpc_client *c)
{
    int events = 0;

    if (c->watch < 0)
        return;
    if (!c->has_owner && !c->is_closed)
        events = (rpc_stream_is_backed_up(c) ? 0 : EVENT_READABLE) |
                 (c->out_sent < c->out.len ? EVENT_WRITABLE : 0);
    if (events != c->watch_events) {
        c->watch_events = events;
        event_update_handle(c->watch, events);
    }
    rpc_stream_update_watches(c);
}

/* send(2), or through the TLS session. */
static ssize_t
send_bytes(struct rpc_client *c, const uint8_t *data, size_t len)
{
    if (c->tls != NULL)
        return remote_tls_send(c->tls, data, len);
    return send(c->fd, data, len, MSG_NOSIGNAL);
}

void
rpc_io_flush(struct rpc_client *c)
{
    while (!c->is_closed && c->out_sent < c->out.len) {
        ssize_t n = send_bytes(c, c->out.data + c->out_sent,
                               c->out.len - c->out_sent);
        if (n > 0)
            c->out_sent += (size_t)n;
        else if (n < 0 && errno == EINTR)
            continue;
        else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        else
            fail_errno(c, VIR_CONNECT_CLOSE_REASON_ERROR, errno,
                       "Cannot write data");
    }
    if (c->out_sent == c->out.len) {
        c->out.len = 0;
        c->out_sent = 0;
    }
    rpc_transfer_flushed(c);
}

void
rpc_io_wake_owner(struct rpc_client *c)
{
    uint64_t one = 1;

    if (!c->has_owner)
        return;
    if (write(c->wake_fd, &one, sizeof(one)) < 0) {
        /* The counter is saturated: the owner wakes anyway. */
    }
}

void
rpc_io_kick(struct rpc_client *c)
{
    rpc_io_flush(c);
    if (c->out_sent >= c->out.len || c->is_closed)
        return;
    /* The owner sleeps in poll() without POLLOUT; wake it. Without an
     * owner, the loop watch asks for POLLOUT. */
    if (c->has_owner)
        rpc_io_wake_owner(c);
    else
        rpc_io_update_watch(c);
}

void
rpc_io_queue_keepalive(struct rpc_client *c, int proc)
{
    remote_message_header hdr = {
        .prog = WIRE_KEEPALIVE_PROGRAM, .vers = WIRE_KEEPALIVE_VERSION,
        .proc = proc, .type = WIRE_TYPE_MESSAGE,
        .serial = 0, .status = WIRE_STATUS_OK,
    };

    if (wire_encode(&c->out, &hdr, WIRE_XDR_VOID, NULL) == WIRE_RESULT_OK)
        rpc_io_kick(c);
}

static struct rpc_call *
take_call(struct rpc_client *c, uint32_t serial)
{
    for (struct rpc_call **p = &c->calls; *p; p = &(*p)->next)
        if ((*p)->serial == serial) {
            struct rpc_call *call = *p;
            *p = call->next;
            return call;
        }
    return NULL;
}

/* The reply's body becomes the caller's ret: moved, not copied deeply. */
static int
finish_call(struct rpc_call *call, struct wire_message *msg, int result)
{
    if (result != WIRE_RESULT_OK || msg->header.prog != call->proc->prog ||
        msg->header.proc != call->proc->number)
        return error_set_raw(call->err, VIR_ERR_RPC, VIR_FROM_RPC,
                             "Unable to decode message payload");
    if (msg->header.status == WIRE_STATUS_ERROR) {
        wire_error_from_xdr(msg->body, call->err);
        return -1;
    }
    /* A caller that wants no result (ret NULL) leaves the body to
     * wire_message_free(). */
    if (msg->body != NULL && call->ret != NULL) {
        memcpy(call->ret, msg->body, call->proc->ret.size);
        free(msg->body);
        msg->body = NULL;
    }
    return 0;
}

static void
dispatch_reply(struct rpc_client *c, struct wire_message *msg, int result)
{
    struct rpc_call *call = take_call(c, msg->header.serial);

    /* A reply nobody waits for (a confused server): nothing to do. */
    if (call == NULL)
        return;
    call->rc = finish_call(call, msg, result);
    call->done = true;
    pthread_cond_signal(&call->cond);
}

static void
dispatch(struct rpc_client *c, const uint8_t *buf, size_t len)
{
    struct wire_message msg;
    int result = wire_decode(buf, len, &msg);

    rpc_keepalive_saw_traffic(c);
    if (msg.header.prog == WIRE_KEEPALIVE_PROGRAM) {
        if (result == WIRE_RESULT_OK && msg.header.proc == WIRE_KEEPALIVE_PING)
            rpc_io_queue_keepalive(c, WIRE_KEEPALIVE_PONG);
    } else if (msg.header.type == WIRE_TYPE_REPLY) {
        dispatch_reply(c, &msg, result);
    } else if ((msg.header.type == WIRE_TYPE_STREAM ||
                msg.header.type == WIRE_TYPE_STREAM_HOLE) &&
               result == WIRE_RESULT_OK) {
        rpc_stream_dispatch(c, &msg);
    } else if (msg.header.type == WIRE_TYPE_MESSAGE &&
               result == WIRE_RESULT_OK && c->on_message != NULL) {
        /* Events vireo cannot decode (ids it never registers) are
         * dropped above: result is not OK for them. */
        c->on_message(&msg, c->opaque);
    }
    wire_message_free(&msg);
}

/* Dispatch every whole message at the start of the buffer. */
static void
split_messages(struct rpc_client *c)
{
    size_t off = 0;

    while (!c->is_closed && c->in.len - off >= WIRE_LEN_SIZE) {
        long total = wire_read_length(c->in.data + off);
        if (total < 0) {
            struct vireo_error err = { 0 };
            error_set_raw(&err, VIR_ERR_RPC, VIR_FROM_RPC,
                          "packet received from server has a bad "
                          "length");
            rpc_io_fail(c, VIR_CONNECT_CLOSE_REASON_ERROR, &err);
            return;
        }
        if (c->in.len - off < (size_t)total)
            break;
        dispatch(c, c->in.data + off, (size_t)total);
        off += (size_t)total;
    }
    memmove(c->in.data, c->in.data + off, c->in.len - off);
    c->in.len -= off;
}

/* Room for the rest of the message being read, and at least INBUF_MIN. */
static int
reserve_input(struct rpc_inbuf *in)
{
    size_t want = INBUF_MIN;
    uint8_t *grown;

    if (in->len >= WIRE_LEN_SIZE) {
        long total = wire_read_length(in->data);
        if (total > 0 && (size_t)total > want)
            want = (size_t)total;
    }
    if (in->cap >= want && in->cap > in->len)
        return 0;
    grown = realloc(in->data, want);
    if (grown == NULL)
        return -1;
    in->data = grown;
    in->cap = want;
    return 0;
}

/* Until the socket is drained, or a stream's application falls behind
 * (then the daemon waits for us, and the guest's console for it). */
void
rpc_io_read(struct rpc_client *c)
{
    while (!c->is_closed && !rpc_stream_is_backed_up(c)) {
        ssize_t n;

        if (reserve_input(&c->in) < 0) {
            struct vireo_error err = { 0 };
            error_no_memory(&err);
            rpc_io_fail(c, VIR_CONNECT_CLOSE_REASON_ERROR, &err);
            return;
        }
        n = c->tls != NULL
            ? remote_tls_recv(c->tls, c->in.data + c->in.len,
                              c->in.cap - c->in.len)
            : read(c->fd, c->in.data + c->in.len, c->in.cap - c->in.len);
        if (n > 0) {
            size_t room = c->in.cap - c->in.len;
            c->in.len += (size_t)n;
            split_messages(c);
            /* A short read drained the socket: spare the read that
             * would only say EAGAIN. A TLS session returns one record
             * at a time, and poll(2) does not see what it holds. */
            if ((size_t)n < room &&
                (c->tls == NULL || !remote_tls_has_pending(c->tls)))
                return;
        } else if (n == 0) {
            fail_errno(c, VIR_CONNECT_CLOSE_REASON_EOF, EIO,
                       "End of file while reading data");
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return;
        } else if (errno != EINTR) {
            fail_errno(c, VIR_CONNECT_CLOSE_REASON_ERROR, errno,
                       "Cannot recv data");
        }
    }
}
