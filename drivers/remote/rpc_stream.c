/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rpc_stream.c: a connection's streams (consoles; the transfers of volume
 * upload and download are streams too, but their data is the
 * application's to move: rpc_transfer.c), pumped on the same I/O
 * path as its calls: the application holds one end of a socket pair, and
 * whoever moves the connection's bytes (the loop watch between calls, the
 * caller that owns the socket during one) also moves each stream's: the
 * daemon's STREAM data is written to our end, what the application writes
 * becomes STREAM data, as libvirt's client sends it (wire/stream.h).
 *
 *   daemon sends                 here
 *   data                         written to the application
 *   end of file                  once written, our end is shut for writing
 *   finish/abort confirmation    the stream ends
 *   error                        the stream ends (the application reads
 *                                end of file)
 *   application closes its end   finish is sent; its confirmation ends it
 *
 * Both ways are bounded: the application's writes are read only while the
 * connection has less than SEND_MAX bytes queued, and while a stream has
 * OUT_MAX bytes the application has not read, the connection's socket is
 * not read (so the daemon, whose output then backs up, stops reading the
 * guest's console).
 *
 * Every function runs with the client's lock held; fds are non-blocking.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/remote/rpc_client_priv.h"
#include "loop/event.h"
#include "wire/decode.h"
#include "wire/stream.h"

enum {
    OUT_MAX  = 1 << 20,   /* unread by the application: stop reading */
    SEND_MAX = 1 << 20,   /* queued for the daemon: stop reading streams */
};

/* What a stream's loop watch holds: the client (referenced) and the fd it
 * closes once the loop has let go of it. */
struct stream_watch {
    struct rpc_client *c;
    int                fd;
};

static size_t
out_pending(const struct rpc_stream *s)
{
    return s->out.len - s->out_sent;
}

static size_t
send_pending(const struct rpc_client *c)
{
    return c->out.len - c->out_sent;
}

struct rpc_stream *
rpc_stream_new(struct rpc_client *c, const remote_message_header *call,
               int fd)
{
    struct rpc_stream *s = calloc(1, sizeof(*s));

    if (c->chunk == NULL)
        c->chunk = malloc(WIRE_STREAM_CHUNK_MAX);
    if (s == NULL || c->chunk == NULL) {
        free(s);
        close(fd);
        return NULL;
    }
    s->call = *call;
    s->fd = fd;
    s->watch = -1;
    s->next = c->streams;
    c->streams = s;
    return s;
}

struct rpc_stream *
rpc_stream_find(struct rpc_client *c, uint32_t serial)
{
    for (struct rpc_stream *s = c->streams; s != NULL; s = s->next)
        if (s->call.serial == serial)
            return s;
    return NULL;
}

static void
free_watch(void *opaque)
{
    struct stream_watch *w = opaque;

    close(w->fd);
    rpc_client_unref(w->c);
    free(w);
}

static void on_fd(int watch, int fd, int events, void *opaque);

int
rpc_stream_start(struct rpc_client *c, struct rpc_stream *s,
                 struct vireo_error *err)
{
    struct stream_watch *w = malloc(sizeof(*w));

    if (w == NULL)
        return error_no_memory(err);
    w->c = c;
    w->fd = s->fd;
    atomic_fetch_add(&c->refs, 1);
    s->watch = event_add_handle(s->fd, 0, on_fd, w, free_watch);
    if (s->watch < 0) {
        atomic_fetch_sub(&c->refs, 1);
        free(w);
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC, "%s",
                         "cannot watch the stream: no event loop is "
                         "registered");
    }
    rpc_stream_update_watches(c);
    return 0;
}

bool
rpc_stream_unlink(struct rpc_client *c, struct rpc_stream *s)
{
    for (struct rpc_stream **pp = &c->streams; *pp != NULL;
         pp = &(*pp)->next)
        if (*pp == s) {
            *pp = s->next;
            return true;
        }
    return false;
}

void
rpc_stream_free(struct rpc_client *c, struct rpc_stream *s)
{
    rpc_stream_unlink(c, s);
    if (s->watch >= 0)
        event_remove_handle(s->watch);     /* its free closes the fd */
    else if (s->fd >= 0)
        close(s->fd);
    wire_buffer_release(&s->out);
    free(s);
}

void
rpc_stream_close_all(struct rpc_client *c)
{
    while (c->streams != NULL) {
        /* A transfer is its opener's to free. */
        if (c->streams->is_transfer)
            rpc_transfer_detach(c, c->streams);
        else
            rpc_stream_free(c, c->streams);
    }
}

/* A stream's data was written out: the socket may be read again. */
static void
caught_up(struct rpc_client *c)
{
    rpc_io_update_watch(c);
    rpc_io_wake_owner(c);
}

/* Write what the application takes. Returns false if the application
 * closed its end: what it was to be sent is dropped, nobody will read it. */
static bool
flush_out(struct rpc_client *c, struct rpc_stream *s)
{
    bool was_backed_up = out_pending(s) >= OUT_MAX;
    bool is_gone = false;

    while (out_pending(s) > 0 && !is_gone) {
        ssize_t n = send(s->fd, s->out.data + s->out_sent, out_pending(s),
                         MSG_NOSIGNAL | MSG_DONTWAIT);

        if (n > 0)
            s->out_sent += (size_t)n;
        else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        else if (n == 0 || errno != EINTR)
            is_gone = true;
    }
    if (is_gone)
        s->out_sent = s->out.len;
    if (out_pending(s) == 0) {
        s->out.len = s->out_sent = 0;
        if (s->is_remote_eof && !is_gone)
            shutdown(s->fd, SHUT_WR);
    }
    if (was_backed_up && !rpc_stream_is_backed_up(c))
        caught_up(c);
    return !is_gone;
}

static void
queue(struct rpc_client *c, struct rpc_stream *s, int status,
      const void *data, size_t len)
{
    if (wire_encode_stream(&c->out, &s->call, status, data, len) ==
        WIRE_RESULT_OK)
        rpc_io_kick(c);
}

/* The application is done (it closed or shut its end): finish the stream,
 * as virsh does when its console ends; the confirmation ends it here. */
static void
finish(struct rpc_client *c, struct rpc_stream *s)
{
    if (s->is_finishing)
        return;
    s->is_finishing = true;
    queue(c, s, WIRE_STATUS_OK, NULL, 0);
}

static bool
wants_to_read(const struct rpc_client *c, const struct rpc_stream *s)
{
    return !s->is_finishing && send_pending(c) < SEND_MAX;
}

/* One read of what the application wrote: a message's worth at most. */
static void
read_local(struct rpc_client *c, struct rpc_stream *s)
{
    ssize_t n;

    if (!wants_to_read(c, s))
        return;
    n = recv(s->fd, c->chunk, WIRE_STREAM_CHUNK_MAX, MSG_DONTWAIT);
    if (n > 0)
        queue(c, s, WIRE_STATUS_CONTINUE, c->chunk, (size_t)n);
    else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK &&
                        errno != EINTR))
        finish(c, s);
}

static void
take_data(struct rpc_client *c, struct rpc_stream *s, const uint8_t *data,
          size_t len)
{
    if (s->is_finishing)
        return;   /* the application closed its end: nobody reads */
    if (out_pending(s) == 0)
        s->out.len = s->out_sent = 0;
    if (wire_buffer_append(&s->out, data, len) < 0 || !flush_out(c, s))
        finish(c, s);
}

void
rpc_stream_dispatch(struct rpc_client *c, const struct wire_message *msg)
{
    struct rpc_stream *s = rpc_stream_find(c, msg->header.serial);

    /* Data may still arrive for a stream that just ended. */
    if (s == NULL || s->call.prog != msg->header.prog ||
        s->call.proc != msg->header.proc)
        return;
    if (s->is_transfer) {
        rpc_transfer_dispatch(c, s, msg);
        return;
    }
    /* A console is never sparse: a hole is nothing it can write. */
    if (msg->header.type == WIRE_TYPE_STREAM_HOLE)
        return;
    switch (msg->header.status) {
    case WIRE_STATUS_CONTINUE:
        if (msg->data_len > 0) {
            take_data(c, s, msg->data, msg->data_len);
        } else {
            s->is_remote_eof = true;
            if (!flush_out(c, s))
                finish(c, s);
        }
        break;
    default:
        /* A confirmation, or the daemon gave up: the stream is over. */
        rpc_stream_free(c, s);
        caught_up(c);
        break;
    }
}

bool
rpc_stream_is_backed_up(const struct rpc_client *c)
{
    for (const struct rpc_stream *s = c->streams; s != NULL; s = s->next)
        if (out_pending(s) >= OUT_MAX)
            return true;
    return false;
}

static int
wanted_events(const struct rpc_client *c, const struct rpc_stream *s)
{
    return (wants_to_read(c, s) ? EVENT_READABLE : 0) |
           (out_pending(s) > 0 ? EVENT_WRITABLE : 0);
}

void
rpc_stream_update_watches(struct rpc_client *c)
{
    for (struct rpc_stream *s = c->streams; s != NULL; s = s->next) {
        int events = c->has_owner || c->is_closed ? 0 : wanted_events(c, s);

        if (s->watch < 0 || events == s->watch_events)
            continue;
        s->watch_events = events;
        event_update_handle(s->watch, events);
    }
}

/* What the fd reported, whoever polled it. */
static void
handle(struct rpc_client *c, struct rpc_stream *s, bool is_readable,
       bool is_writable)
{
    if (is_writable && !flush_out(c, s))
        finish(c, s);
    if (is_readable)
        read_local(c, s);
}

static struct rpc_stream *
find_by_watch(struct rpc_client *c, int watch)
{
    for (struct rpc_stream *s = c->streams; s != NULL; s = s->next)
        if (s->watch == watch)
            return s;
    return NULL;
}

/* Loop thread, between calls. An owner, if one appeared meanwhile, polls
 * the fd itself. */
static void
on_fd(int watch, int fd, int events, void *opaque)
{
    struct stream_watch *w = opaque;
    struct rpc_client *c = w->c;
    struct rpc_stream *s;

    pthread_mutex_lock(&c->lock);
    s = find_by_watch(c, watch);
    if (s != NULL && !c->has_owner && !c->is_closed) {
        handle(c, s, events & (EVENT_READABLE | EVENT_HANGUP | EVENT_ERROR),
               events & EVENT_WRITABLE);
        rpc_io_update_watch(c);
    }
    pthread_mutex_unlock(&c->lock);
}

int
rpc_stream_poll_count(const struct rpc_client *c)
{
    int n = 0;

    for (const struct rpc_stream *s = c->streams; s != NULL; s = s->next)
        n++;
    return n;
}

int
rpc_stream_poll_fill(const struct rpc_client *c, struct pollfd *fds, int n)
{
    int i = 0;

    for (const struct rpc_stream *s = c->streams; s != NULL && i < n;
         s = s->next) {
        int events = wanted_events(c, s);

        fds[i].fd = events != 0 ? s->fd : -1;
        fds[i].events = (short)((events & EVENT_READABLE ? POLLIN : 0) |
                                (events & EVENT_WRITABLE ? POLLOUT : 0));
        fds[i].revents = 0;
        i++;
    }
    return i;
}

void
rpc_stream_poll_done(struct rpc_client *c, const struct pollfd *fds, int n)
{
    for (int i = 0; i < n && !c->is_closed; i++) {
        struct rpc_stream *s = c->streams;

        if (fds[i].fd < 0 || fds[i].revents == 0)
            continue;
        /* Streams may have ended since the poll: find it again. */
        while (s != NULL && s->fd != fds[i].fd)
            s = s->next;
        if (s != NULL)
            handle(c, s, fds[i].revents & (POLLIN | POLLHUP | POLLERR),
                   fds[i].revents & POLLOUT);
    }
}
