/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * client_write.c: a client's way out: replies written to its socket
 * (plain, or through its TLS session), frames shared by many clients
 * written without a copy, and the backlog check that drops a client that
 * does not read what it is sent.
 *
 * Everything here runs on the loop thread (client.h).
 */
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#include "daemon/client.h"
#include "daemon/client_priv.h"
#include "daemon/client_tls.h"
#include "daemon/log.h"
#include "daemon/metrics_clients.h"
#include "daemon/shared_frame.h"
#include "daemon/stream.h"
#include "wire/frame.h"

struct write_req {
    uv_write_t req;
    uint8_t   *data;
};

/* A write of a frame other clients share: this client's own head, then
 * the frame's bytes past the head. One writev, no copy of the frame. */
struct shared_write_req {
    uv_write_t           req;
    struct shared_frame *frame;     /* referenced until written */
    uint8_t              head[CLIENT_SHARED_HEAD_MAX];
};

/* Room in the write queue again: a console may write more. */
static void
after_write(struct client *c)
{
    if (!c->is_closed && client_pending_out(c) < STREAM_OUT_HIGH)
        stream_set_output_drained(c->streams);
}

/* A write is done (or cancelled by the close). Its client is still
 * there: the socket holds a reference until its close callback, which
 * libuv runs after the cancelled writes'. */
static void
on_written(uv_write_t *req, int status)
{
    struct write_req *w = (struct write_req *)req;
    struct client *c = req->handle->data;

    free(w->data);
    free(w);
    after_write(c);
}

static void
on_shared_written(uv_write_t *req, int status)
{
    struct shared_write_req *w = (struct shared_write_req *)req;

    shared_frame_unref(w->frame);
    after_write(req->handle->data);
    free(w);
}

size_t
client_pending_out(const struct client *c)
{
    return uv_stream_get_write_queue_size(&c->sock.stream);
}

/* Past this size a reply is not copied into the cork: what was gathered
 * is written, then the reply itself. */
#define CORK_MAX 65536

static void write_raw(struct client *c, uint8_t *data, size_t len);

/* Write what the cork gathered, before anything sent after it. */
static void
flush_corked(struct client *c)
{
    uint8_t *data = c->corked.data;
    size_t len = c->corked.len;

    if (len == 0)
        return;
    memset(&c->corked, 0, sizeof(c->corked));
    write_raw(c, data, len);
}

void
client_cork(struct client *c)
{
    c->is_corked = c->tls == NULL;
}

void
client_uncork(struct client *c)
{
    c->is_corked = false;
    if (c->is_closed)
        wire_buffer_release(&c->corked);
    else
        flush_corked(c);
}

/* A reply for the cork (the first is taken whole, with its room for the
 * others; the others are copied after it): false when it is too big or
 * memory is short (it is then written on its own, after what was
 * gathered). buf is left empty or to be released. */
static bool
cork_append(struct client *c, struct wire_buffer *buf)
{
    if (!c->is_corked || buf->len > CORK_MAX)
        return false;
    if (c->corked.len == 0) {
        wire_buffer_release(&c->corked);
        c->corked = *buf;
        memset(buf, 0, sizeof(*buf));
        return true;
    }
    return wire_buffer_append(&c->corked, buf->data, buf->len) ==
           WIRE_RESULT_OK;
}

/* Queue len bytes at data for the socket, and free data once written
 * (also when the socket is closed first). Also the TLS layer's way out.
 * What a cork gathered goes first. */
void
client_write_bytes(void *opaque, uint8_t *data, size_t len)
{
    struct client *c = opaque;

    if (!c->is_closed)
        flush_corked(c);
    write_raw(c, data, len);
}

/* Queue for libuv what the socket did not take at once: data from
 * offset n_done on; data is freed once written. */
static void
queue_rest(struct client *c, uint8_t *data, size_t len, size_t n_done)
{
    struct write_req *w = malloc(sizeof(*w));
    uv_buf_t ub;

    if (w == NULL) {
        free(data);
        client_drop(c, "no memory for a message");
        return;
    }
    w->data = data;
    ub = uv_buf_init((char *)data + n_done, (unsigned int)(len - n_done));
    if (uv_write(&w->req, &c->sock.stream, &ub, 1, on_written) < 0) {
        free(w->data);
        free(w);
        client_close(c);
    }
}

static void
write_raw(struct client *c, uint8_t *data, size_t len)
{
    uv_buf_t ub = uv_buf_init((char *)data, (unsigned int)len);
    int n_done;

    if (c->is_closed) {
        free(data);
        return;
    }
    /* A write straight away, as for shared frames: a reply the socket
     * takes whole costs no request and no completion, and leaves libuv's
     * watcher alone (a queued write's completion re-arms it, an
     * epoll_ctl per reply). UV_EAGAIN while earlier writes are queued
     * keeps the order. */
    n_done = uv_try_write(&c->sock.stream, &ub, 1);
    if (n_done == UV_EAGAIN)
        n_done = 0;
    if (n_done < 0) {
        free(data);
        log_info("client %u: write: %s", c->id, uv_strerror(n_done));
        client_close(c);
        return;
    }
    /* Written whole, the reply leaves nothing to tell the streams: the
     * queue was empty (or the write would have waited), so none was held
     * back by this client's output. */
    if ((size_t)n_done < len)
        queue_rest(c, data, len, (size_t)n_done);
    else
        free(data);
}

/* A message through the TLS session; its records are written as they
 * are made. */
static void
send_tls(struct client *c, struct wire_buffer *buf)
{
    if (client_tls_send(c->tls, buf->data, buf->len) < 0)
        client_drop(c, client_tls_error(c->tls));
    wire_buffer_release(buf);
}

/* A client that does not read its replies must not make us hold its
 * backlog forever, nor slow anybody else down. */
static void
check_backlog(struct client *c)
{
    if (!c->is_closed && uv_stream_get_write_queue_size(&c->sock.stream) >
        client_max_pending_out()) {
        metrics_slow_consumer_dropped();
        client_drop(c, "too many bytes left unread");
    }
}

void
client_send(struct client *c, struct wire_buffer *buf)
{
    if (c->is_closed) {
        wire_buffer_release(buf);
        return;
    }
    if (c->tls != NULL) {
        send_tls(c, buf);
    } else if (cork_append(c, buf)) {
        wire_buffer_release(buf);
    } else {
        client_write_bytes(c, buf->data, buf->len);
        buf->data = NULL;
        buf->len = buf->cap = 0;
    }
    check_backlog(c);
}

/* The shared message through the TLS session, which encrypts a copy. */
static void
send_shared_tls(struct client *c, const uint8_t *head, size_t head_len,
                const struct shared_frame *frame)
{
    struct wire_buffer buf = { 0 };

    if (wire_buffer_append(&buf, head, head_len) != WIRE_RESULT_OK ||
        wire_buffer_append(&buf, frame->data + head_len,
                           frame->len - head_len) != WIRE_RESULT_OK) {
        wire_buffer_release(&buf);
        log_warn("client %u: no memory for a message", c->id);
        return;
    }
    send_tls(c, &buf);
}

/* Queue what the socket did not take at once of head and frame (the
 * first n_done bytes went): the rest of head is copied, frame referenced. */
static void
queue_shared_rest(struct client *c, const uint8_t *head, size_t head_len,
                  struct shared_frame *frame, size_t n_done)
{
    struct shared_write_req *w = malloc(sizeof(*w));
    size_t head_left = n_done < head_len ? head_len - n_done : 0;
    size_t frame_from = n_done > head_len ? n_done : head_len;
    uv_buf_t bufs[2];
    unsigned int n = 0;

    if (w == NULL) {
        client_drop(c, "no memory for a message");
        return;
    }
    w->frame = shared_frame_ref(frame);
    if (head_left > 0) {
        memcpy(w->head, head + head_len - head_left, head_left);
        bufs[n++] = uv_buf_init((char *)w->head, (unsigned int)head_left);
    }
    bufs[n++] = uv_buf_init((char *)frame->data + frame_from,
                            (unsigned int)(frame->len - frame_from));
    if (uv_write(&w->req, &c->sock.stream, bufs, n, on_shared_written) < 0) {
        shared_frame_unref(w->frame);
        free(w);
        client_close(c);
    }
}

void
client_send_shared(struct client *c, const uint8_t *head, size_t head_len,
                   struct shared_frame *frame)
{
    uv_buf_t bufs[2];
    unsigned int n = 0;
    int n_done;

    if (c->is_closed)
        return;
    if (c->tls != NULL) {
        send_shared_tls(c, head, head_len, frame);
        check_backlog(c);
        return;
    }
    flush_corked(c);
    if (head_len > 0)
        bufs[n++] = uv_buf_init((char *)head, (unsigned int)head_len);
    bufs[n++] = uv_buf_init((char *)frame->data + head_len,
                            (unsigned int)(frame->len - head_len));
    /* One writev straight away, which leaves libuv's watchers alone (a
     * queued write costs a request, an epoll_ctl and a completion); it
     * answers UV_EAGAIN while earlier writes are queued, keeping order. */
    n_done = uv_try_write(&c->sock.stream, bufs, n);
    if (n_done == UV_EAGAIN)
        n_done = 0;
    if (n_done < 0) {
        log_info("client %u: write: %s", c->id, uv_strerror(n_done));
        client_close(c);
        return;
    }
    if ((size_t)n_done < frame->len)
        queue_shared_rest(c, head, head_len, frame, (size_t)n_done);
    check_backlog(c);
}
