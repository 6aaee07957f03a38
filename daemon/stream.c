/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * stream.c: pumping a client's streams between its socket and the fds the
 * drivers handed over (stream.h), each fd watched with a uv_poll handle.
 *
 * Everything runs on the loop thread. A stream that ends leaves its set at
 * once and is freed, its fd closed, when libuv has let go of its handle;
 * nothing of the client is touched after it left.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <uv.h>

#include "daemon/client.h"
#include "daemon/log.h"
#include "daemon/stream.h"
#include "drivers/error.h"
#include "drivers/sparse_frame.h"
#include "loop/uv_impl.h"
#include "wire/stream.h"

/* One stream. Owned by the loop thread. */
struct stream {
    uv_poll_t             poll;          /* poll.data is the stream */
    int                   fd;
    struct stream_set    *set;           /* NULL once the stream ended */
    remote_message_header call;          /* the call that opened it */
    int                   events;        /* what poll watches now */
    uint8_t              *in;            /* client data not yet written */
    size_t                in_len;
    size_t                in_off;        /* how much of in is written */
    bool                  is_eof_sent;   /* the fd ended; the client knows */
    bool                  is_finishing;  /* confirm once in is written */
    /* Sparse streams: the fd speaks sparse_frame.h's records. */
    enum stream_kind      kind;
    struct sparse_reader  reader;        /* records coming from the fd */
    bool                  is_draining;   /* an upload's data is all out:
                                            confirm when the fd ends */
    struct stream        *next;
};

/* A client's streams. Owned by the loop thread; lives as long as the
 * client, so that code running when the client closes finds it. */
struct stream_set {
    struct client *client;
    struct stream *streams;
    bool           is_quiesced;          /* shutdown: read no fd */
    bool           is_closed;            /* the client went away */
};

/* Where a read lands before it becomes a message; only the loop reads. */
static uint8_t chunk[WIRE_STREAM_CHUNK_MAX];

static void update_watch(struct stream *s);

struct stream_set *
stream_set_new(struct client *c)
{
    struct stream_set *set = calloc(1, sizeof(*set));

    if (set != NULL)
        set->client = c;
    return set;
}

static size_t
pending_in(const struct stream *s)
{
    return s->in_len - s->in_off;
}

static void
on_closed(uv_handle_t *handle)
{
    struct stream *s = handle->data;

    close(s->fd);
    free(s->in);
    sparse_reader_release(&s->reader);
    free(s);
}

/* Leave the set and let go of the fd; sends nothing. The client is read
 * again if this stream was what held it back. A stream that already ended
 * (its client went away while it was sending) is left as it is. */
static void
stream_end(struct stream *s)
{
    struct stream_set *set = s->set;
    bool was_backed_up = pending_in(s) >= STREAM_IN_MAX;
    struct stream **pp;

    if (set == NULL)
        return;
    for (pp = &set->streams; *pp != s; pp = &(*pp)->next)
        ;
    *pp = s->next;
    s->set = NULL;
    uv_close((uv_handle_t *)&s->poll, on_closed);
    if (was_backed_up && !stream_set_is_backed_up(set))
        client_resume(set->client);
}

/* Queue a message for the client. Sending may make the client go away
 * (too much left unread): callers look at s->set afterwards. */
static void
send_message(struct stream *s, int status, const void *data, size_t len)
{
    struct wire_buffer out = { 0 };

    if (s->set == NULL)
        return;
    if (wire_encode_stream(&out, &s->call, status, data, len) ==
        WIRE_RESULT_OK)
        client_send(s->set->client, &out);
    else
        wire_buffer_release(&out);
}

static void
send_error(struct client *c, const remote_message_header *call,
           const struct vireo_error *err)
{
    struct wire_buffer out = { 0 };

    log_info("stream (serial %u): %s", call->serial, err->message);
    if (wire_encode_stream_error(&out, call, err) == WIRE_RESULT_OK)
        client_send(c, &out);
    else
        wire_buffer_release(&out);
}

/* End the stream with an error the client can read (libvirt's words,
 * domain VIR_FROM_STREAMS). */
static void
stream_fail(struct stream *s, int code, const char *what, int errnum)
{
    struct vireo_error err = { .code = code, .domain = VIR_FROM_STREAMS };

    if (errnum != 0)
        snprintf(err.message, sizeof(err.message), "%s: %s", what,
                 strerror(errnum));
    else
        snprintf(err.message, sizeof(err.message), "%s", what);
    if (s->set != NULL)
        send_error(s->set->client, &s->call, &err);
    stream_end(s);
}

/* Finish or abort done: an empty OK tells the client, and the stream is
 * over. */
static void
stream_confirm(struct stream *s)
{
    send_message(s, WIRE_STATUS_OK, NULL, 0);
    stream_end(s);
}

static void
send_hole(struct stream *s, long long length)
{
    struct wire_buffer out = { 0 };

    if (s->set == NULL)
        return;
    if (wire_encode_stream_hole(&out, &s->call, length, 0) == WIRE_RESULT_OK)
        client_send(s->set->client, &out);
    else
        wire_buffer_release(&out);
}

/* The host side of a transfer failed and said why (an ERROR record):
 * the client gets its words. */
static void
fail_with_record(struct stream *s, const struct sparse_record *rec)
{
    char text[SPARSE_ERROR_MAX + 1];

    memcpy(text, rec->data, (size_t)rec->length);
    text[rec->length] = '\0';
    stream_fail(s, VIR_ERR_SYSTEM_ERROR, text, 0);
}

static bool
is_sparse(const struct stream *s)
{
    return s->kind == STREAM_SPARSE_DOWNLOAD ||
           s->kind == STREAM_SPARSE_UPLOAD;
}

/* The fd speaks records: a download's data (and a sparse one's holes)
 * come back as records, and an upload's data (one record per client
 * message, so that the host side sees the messages libvirt's length
 * check counts) goes out as records; a failure, either way, comes back
 * as one. */
static bool
speaks_records(const struct stream *s)
{
    return s->kind != STREAM_PLAIN;
}

static bool
is_upload(const struct stream *s)
{
    return s->kind == STREAM_PLAIN_UPLOAD ||
           s->kind == STREAM_SPARSE_UPLOAD;
}

/* The fd ended (one speaking records, between two): for a download, the
 * end of its data; for an upload whose client finished, the host side's
 * verdict that everything was written. */
static void
fd_ended(struct stream *s)
{
    if (s->is_draining) {
        stream_confirm(s);
        return;
    }
    send_message(s, WIRE_STATUS_CONTINUE, NULL, 0);
    s->is_eof_sent = true;
}

/* read_once() for a stream speaking records: one record, as one message. */
static int
read_record_once(struct stream *s)
{
    struct sparse_record rec;

    switch (sparse_reader_read(&s->reader, s->fd, &rec)) {
    case SPARSE_READ_AGAIN:
        return 0;
    case SPARSE_READ_END:
        fd_ended(s);
        return s->set != NULL ? 1 : -1;
    case SPARSE_READ_FAILED:
        stream_fail(s, VIR_ERR_SYSTEM_ERROR, "cannot read from stream",
                    errno);
        return -1;
    case SPARSE_READ_RECORD:
        break;
    }
    if (rec.type == SPARSE_RECORD_ERROR) {
        fail_with_record(s, &rec);
        return -1;
    }
    if (rec.type == SPARSE_RECORD_HOLE && rec.length > 0)
        send_hole(s, (long long)rec.length);
    else if (rec.type == SPARSE_RECORD_DATA && rec.length > 0)
        send_message(s, WIRE_STATUS_CONTINUE, rec.data, (size_t)rec.length);
    return 1;
}

/* One read, at most one message's worth: the loop turns to others before
 * reading more (the watch is level-triggered). Returns 1 if it made
 * progress (data, or the end of file), 0 if there was nothing to read, -1
 * if the stream ended. */
static int
read_once(struct stream *s)
{
    ssize_t n;

    if (speaks_records(s))
        return read_record_once(s);
    n = read(s->fd, chunk, sizeof(chunk));

    if (n > 0) {
        send_message(s, WIRE_STATUS_CONTINUE, chunk, (size_t)n);
        return 1;
    }
    if (n == 0) {
        /* An empty data message is libvirt's end of file. The stream
         * stays until the client finishes or aborts it. */
        fd_ended(s);
        return s->set != NULL ? 1 : -1;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
        return 0;
    stream_fail(s, VIR_ERR_SYSTEM_ERROR, "cannot read from stream", errno);
    return -1;
}

/* Forget what was written: free the buffer once it is all out, else move
 * the rest to the front, so that a buffer that never quite drains does
 * not grow with what it already wrote. */
static void
drop_written(struct stream *s)
{
    if (s->in_off == 0)
        return;
    if (s->in_off < s->in_len) {
        memmove(s->in, s->in + s->in_off, pending_in(s));
        s->in_len -= s->in_off;
        s->in_off = 0;
        return;
    }
    free(s->in);
    s->in = NULL;
    s->in_len = s->in_off = 0;
}

/* A finishing client's data is all written. An upload's host side may
 * still be writing it (or fail: the disk is full): tell it the data
 * ended and confirm when it closes in turn, so that the file holds it all
 * when the client hears back, as libvirtd waits for its helper; it may
 * fail with what it says. A host side that closed already has written
 * all it will: confirmed at once, as is anything else. */
static void
finish_written(struct stream *s)
{
    if (!is_upload(s) || s->is_eof_sent) {
        stream_confirm(s);
    } else if (!s->is_draining) {
        s->is_draining = true;
        if (shutdown(s->fd, SHUT_WR) < 0)
            stream_fail(s, VIR_ERR_SYSTEM_ERROR, "cannot write to stream",
                        errno);
    }
}

/* Write what the fd takes. Returns false if the stream ended. */
static bool
write_pending(struct stream *s)
{
    bool was_backed_up = pending_in(s) >= STREAM_IN_MAX;
    struct stream_set *set = s->set;
    bool is_resumed;

    while (pending_in(s) > 0) {
        ssize_t n = write(s->fd, s->in + s->in_off, pending_in(s));

        if (n > 0) {
            s->in_off += (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            break;
        } else {
            stream_fail(s, VIR_ERR_SYSTEM_ERROR, "cannot write to stream",
                        n < 0 ? errno : EIO);
            return false;
        }
    }
    drop_written(s);
    is_resumed = was_backed_up && !stream_set_is_backed_up(set);
    if (s->is_finishing && pending_in(s) == 0)
        finish_written(s);
    /* Reading the client again may dispatch what it sent meanwhile, and
     * that may end this stream or the client: look again after it. */
    if (is_resumed)
        client_resume(set->client);
    return s->set != NULL;
}

/* libuv reports POLLERR as an error and stops watching. A pty whose other
 * side went away (the guest's QEMU exited) says so with POLLERR, yet reads
 * end of file, which libvirtd passes on as such: read to find out, and
 * call it an I/O failure only when nothing else explains it. */
static void
on_poll_error(struct stream *s)
{
    s->events = 0;
    if (!s->is_eof_sent && read_once(s) != 0)
        return;
    if (pending_in(s) > 0)
        write_pending(s);      /* fails with what the fd says */
    else
        stream_fail(s, VIR_ERR_RPC, "stream had I/O failure", 0);
}

static void
on_poll(uv_poll_t *handle, int status, int events)
{
    struct stream *s = handle->data;

    if (s->set == NULL)
        return;
    if (status < 0) {
        on_poll_error(s);
    } else {
        bool is_alive = !(events & UV_WRITABLE) || write_pending(s);

        if (is_alive && (events & UV_READABLE) && (s->events & UV_READABLE))
            read_once(s);
    }
    if (s->set != NULL)
        update_watch(s);
}

static bool
wants_to_read(const struct stream *s)
{
    return !s->is_eof_sent && (!s->is_finishing || s->is_draining) &&
           !s->set->is_quiesced &&
           client_pending_out(s->set->client) < STREAM_OUT_HIGH;
}

static void
update_watch(struct stream *s)
{
    int events = (wants_to_read(s) ? UV_READABLE : 0) |
                 (pending_in(s) > 0 ? UV_WRITABLE : 0);

    if (events == s->events)
        return;
    s->events = events;
    if (events == 0)
        uv_poll_stop(&s->poll);
    else if (uv_poll_start(&s->poll, events, on_poll) < 0)
        stream_fail(s, VIR_ERR_RPC, "stream had I/O failure", 0);
}

int
stream_set_open(struct stream_set *set, const remote_message_header *call,
                int fd)
{
    return stream_set_open_kind(set, call, fd, STREAM_PLAIN);
}

int
stream_set_open_kind(struct stream_set *set,
                     const remote_message_header *call, int fd,
                     enum stream_kind kind)
{
    struct stream *s;
    int rc = UV_ENOMEM;

    if (set->is_closed) {
        close(fd);
        return -1;
    }
    s = calloc(1, sizeof(*s));
    if (s != NULL)
        rc = uv_poll_init(uv_impl_loop(), &s->poll, fd);
    if (rc < 0) {
        struct vireo_error err = { .code = VIR_ERR_SYSTEM_ERROR,
                                   .domain = VIR_FROM_STREAMS };

        snprintf(err.message, sizeof(err.message),
                 "cannot watch the stream: %s", uv_strerror(rc));
        send_error(set->client, call, &err);
        close(fd);
        free(s);
        return -1;
    }
    s->poll.data = s;
    s->fd = fd;
    s->set = set;
    s->call = *call;
    s->kind = kind;
    s->next = set->streams;
    set->streams = s;
    update_watch(s);
    return 0;
}

static struct stream *
find(struct stream_set *set, const remote_message_header *hdr)
{
    for (struct stream *s = set->streams; s != NULL; s = s->next)
        if (s->call.prog == hdr->prog && s->call.proc == hdr->proc &&
            s->call.serial == hdr->serial)
            return s;
    return NULL;
}

/* Queue len bytes for the fd. false if the stream ended (no memory). */
static bool
append_in(struct stream *s, const void *data, size_t len)
{
    uint8_t *grown = realloc(s->in, s->in_len + len);

    if (grown == NULL) {
        stream_fail(s, VIR_ERR_NO_MEMORY, "out of memory", 0);
        return false;
    }
    memcpy(grown + s->in_len, data, len);
    s->in = grown;
    s->in_len += len;
    return true;
}

/* Queue one record for a sparse stream's fd (data: NULL for a hole). */
static bool
append_record(struct stream *s, enum sparse_record_type type,
              const void *data, uint64_t len)
{
    uint8_t header[SPARSE_HEADER_LEN];

    sparse_header_encode(header, type, len);
    return append_in(s, header, sizeof(header)) &&
           (data == NULL || append_in(s, data, (size_t)len));
}

/* Client data for a sparse stream's fd: records of at most
 * SPARSE_DATA_MAX bytes, whatever size the client's messages are. */
static bool
append_data_records(struct stream *s, const uint8_t *data, size_t len)
{
    while (len > 0) {
        size_t n = len < SPARSE_DATA_MAX ? len : SPARSE_DATA_MAX;

        if (!append_record(s, SPARSE_RECORD_DATA, data, n))
            return false;
        data += n;
        len -= n;
    }
    return true;
}

/* Client data for the fd; the client is throttled while too much waits. An
 * empty message carries nothing to write (libvirt writes 0 bytes). */
static void
take_data(struct stream *s, const uint8_t *data, size_t len)
{
    bool is_queued;

    if (len == 0 || s->is_finishing)
        return;
    is_queued = speaks_records(s) ? append_data_records(s, data, len)
                                          : append_in(s, data, len);
    if (is_queued && write_pending(s))
        update_watch(s);
}

/* The length of the client's hole, checked as libvirt's
 * virStreamSendHole checks it. -1 with err set when it is not one. */
static int
hole_length(const struct wire_message *msg, long long *length,
            struct vireo_error *err)
{
    unsigned flags;

    if (wire_stream_hole(msg, length, &flags, err) < 0)
        return -1;
    if (*length <= 0)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_STREAMS,
                         "length in virStreamSendHole must be greater "
                         "than zero");
    if (flags != 0)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_STREAMS,
                         "unsupported flags (0x%x) in function "
                         "virStreamSendHole", flags);
    return 0;
}

/* A hole from the client (STREAM_HOLE). Only a stream opened sparse takes
 * one, as with libvirtd. */
static void
take_hole(struct stream *s, const struct wire_message *msg)
{
    struct vireo_error err = { 0 };
    long long length;

    if (s->is_finishing)
        return;
    if (!is_sparse(s)) {
        stream_fail(s, VIR_ERR_RPC, "Unexpected stream hole", 0);
    } else if (hole_length(msg, &length, &err) < 0) {
        stream_fail(s, err.code, err.message, 0);
    } else if (append_record(s, SPARSE_RECORD_HOLE, NULL,
                             (uint64_t)length) &&
               write_pending(s)) {
        update_watch(s);
    }
}

void
stream_set_receive(struct stream_set *set, const struct wire_message *msg)
{
    struct stream *s = find(set, &msg->header);

    /* Data may still be in flight for a stream that just ended. */
    if (s == NULL) {
        log_debug("stream message for no stream (serial %u, status %d): "
                  "dropped", msg->header.serial, msg->header.status);
        return;
    }
    if (msg->header.type == WIRE_TYPE_STREAM_HOLE) {
        take_hole(s, msg);
        return;
    }
    switch (msg->header.status) {
    case WIRE_STATUS_CONTINUE:
        take_data(s, msg->data, msg->data_len);
        break;
    case WIRE_STATUS_OK:
        s->is_finishing = true;
        if (write_pending(s))
            update_watch(s);
        break;
    default:
        /* An abort: what was not written yet is dropped with it. */
        stream_confirm(s);
        break;
    }
}

bool
stream_set_is_backed_up(const struct stream_set *set)
{
    for (const struct stream *s = set->streams; s != NULL; s = s->next)
        if (pending_in(s) >= STREAM_IN_MAX)
            return true;
    return false;
}

void
stream_set_output_drained(struct stream_set *set)
{
    struct stream *next;

    /* A stream failing here may take others (or the client) with it. */
    for (struct stream *s = set->streams; s != NULL && !set->is_closed;
         s = next) {
        next = s->next;
        if (s->set != NULL)
            update_watch(s);
    }
}

void
stream_set_quiesce(struct stream_set *set)
{
    set->is_quiesced = true;
    stream_set_output_drained(set);
}

void
stream_set_close(struct stream_set *set)
{
    if (set == NULL)
        return;
    set->is_closed = true;
    while (set->streams != NULL) {
        struct stream *s = set->streams;

        set->streams = s->next;
        s->set = NULL;
        uv_close((uv_handle_t *)&s->poll, on_closed);
    }
}

void
stream_set_free(struct stream_set *set)
{
    stream_set_close(set);
    free(set);
}
