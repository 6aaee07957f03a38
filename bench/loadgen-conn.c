/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * loadgen-conn.c: the connection of loadgen-conn.h. The hot path reads
 * the six header words itself and decodes no payload: the load generator
 * must cost far less per call than the daemons it measures. Set-up calls
 * and event messages go through wire_decode() like any client's.
 */
#include "loadgen-conn.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "wire/error.h"

/* Where the serial sits in a message: after the length word and the
 * prog, vers, proc and type words. */
#define SERIAL_OFFSET (WIRE_LEN_SIZE + 16)

uint64_t
now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint32_t
get_be32(const uint8_t *p)
{
    uint32_t v;

    memcpy(&v, p, 4);
    return ntohl(v);
}

static void
put_be32(uint8_t *p, uint32_t v)
{
    v = htonl(v);
    memcpy(p, &v, 4);
}

static void
header_read(const uint8_t *p, remote_message_header *hdr)
{
    hdr->prog = get_be32(p);
    hdr->vers = get_be32(p + 4);
    hdr->proc = (int)get_be32(p + 8);
    hdr->type = (int)get_be32(p + 12);
    hdr->serial = get_be32(p + 16);
    hdr->status = (int)get_be32(p + 20);
}

int
template_build(struct call_template *t, int proc, xdrproc_t args_proc,
               const void *args)
{
    remote_message_header hdr = {
        .prog = WIRE_REMOTE_PROGRAM, .vers = WIRE_REMOTE_VERSION,
        .proc = proc, .type = WIRE_TYPE_CALL, .status = WIRE_STATUS_OK,
    };
    struct wire_buffer buf = { 0 };
    int rc = wire_encode(&buf, &hdr, args_proc, args);

    if (rc != WIRE_RESULT_OK) {
        fprintf(stderr, "loadgen: cannot encode call %d: %s\n", proc,
                wire_result_string(rc));
        return -1;
    }
    t->bytes = buf.data;
    t->len = buf.len;
    t->proc = proc;
    return 0;
}

void
template_release(struct call_template *t)
{
    free(t->bytes);
    t->bytes = NULL;
}

int
set_nonblocking(int fd, bool on)
{
    int flags = fcntl(fd, F_GETFL);

    if (flags < 0)
        return -1;
    return fcntl(fd, F_SETFL, on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK);
}

int
conn_init(struct lg_conn *c, int fd, int depth)
{
    memset(c, 0, sizeof(*c));
    c->fd = fd;
    c->next_serial = 1;
    /* Replies may come out of order: room for four times the depth. */
    c->n_ring = 4;
    while (c->n_ring < 4u * (unsigned)depth)
        c->n_ring *= 2;
    c->ring = calloc(c->n_ring, sizeof(*c->ring));
    c->in_cap = 4096;
    c->in = malloc(c->in_cap);
    if (c->ring == NULL || c->in == NULL || set_nonblocking(fd, true) < 0)
        return -1;
    return 0;
}

void
conn_release(struct lg_conn *c)
{
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
    free(c->ring);
    free(c->in);
    wire_buffer_release(&c->out);
    c->ring = NULL;
    c->in = NULL;
}

uint32_t
conn_queue_call(struct lg_conn *c, const struct call_template *t,
                uint64_t sent_ns)
{
    uint32_t serial;

    /* A daemon may answer a call after many later ones (libvirtd's
     * workers do): a serial whose slot still holds a call in flight is
     * skipped, never reused, or that call's reply would find no call.
     * With fewer calls in flight than slots, a free one always comes. */
    do
        serial = c->next_serial++;
    while (serial == 0 || c->ring[serial & (c->n_ring - 1)].serial != 0);
    if (wire_buffer_append(&c->out, t->bytes, t->len) != WIRE_RESULT_OK)
        abort();    /* out of memory in a benchmark: nothing to salvage */
    put_be32(c->out.data + c->out.len - t->len + SERIAL_OFFSET, serial);
    c->ring[serial & (c->n_ring - 1)] = (struct pending){ serial, sent_ns };
    c->n_in_flight++;
    return serial;
}

bool
conn_take_pending(struct lg_conn *c, uint32_t serial, uint64_t *sent_ns)
{
    struct pending *p = &c->ring[serial & (c->n_ring - 1)];

    if (p->serial != serial || serial == 0)
        return false;
    *sent_ns = p->sent_ns;
    p->serial = 0;
    c->n_in_flight--;
    return true;
}

/* What the result n of a send or recv means. */
enum io_outcome { IO_MOVED, IO_WOULD_BLOCK, IO_INTERRUPTED, IO_BROKEN };

static enum io_outcome
io_outcome(ssize_t n)
{
    if (n > 0)
        return IO_MOVED;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return IO_WOULD_BLOCK;
    return n < 0 && errno == EINTR ? IO_INTERRUPTED : IO_BROKEN;
}

int
conn_flush(struct lg_conn *c)
{
    while (c->out_done < c->out.len) {
        ssize_t n = send(c->fd, c->out.data + c->out_done,
                         c->out.len - c->out_done, MSG_NOSIGNAL);
        switch (io_outcome(n)) {
        case IO_MOVED: c->out_done += (size_t)n; break;
        case IO_WOULD_BLOCK: return 0;
        case IO_INTERRUPTED: break;
        case IO_BROKEN: return -1;
        }
    }
    c->out.len = 0;
    c->out_done = 0;
    return 1;
}

/* Hand every whole frame at the front of c->in to fn; keep the rest. */
static int
cut_frames(struct lg_conn *c, frame_fn fn, void *opaque)
{
    size_t off = 0;

    while (c->in_len - off >= WIRE_LEN_MIN) {
        long len = wire_read_length(c->in + off);
        if (len < 0)
            return -1;
        if (c->in_len - off < (size_t)len) {
            if ((size_t)len > c->in_cap) {
                uint8_t *in = realloc(c->in, (size_t)len);
                if (in == NULL)
                    return -1;
                c->in = in;
                c->in_cap = (size_t)len;
            }
            break;
        }
        remote_message_header hdr;
        header_read(c->in + off + WIRE_LEN_SIZE, &hdr);
        fn(c, &hdr, c->in + off, (size_t)len, opaque);
        off += (size_t)len;
    }
    memmove(c->in, c->in + off, c->in_len - off);
    c->in_len -= off;
    return 0;
}

int
conn_read(struct lg_conn *c, frame_fn fn, void *opaque)
{
    for (;;) {
        size_t room = c->in_cap - c->in_len;
        ssize_t n = recv(c->fd, c->in + c->in_len, room, 0);
        switch (io_outcome(n)) {
        case IO_MOVED:
            c->in_len += (size_t)n;
            if (cut_frames(c, fn, opaque) < 0)
                return -1;
            /* A short read took all there was: asking again would only
             * hear EAGAIN, a second system call per wake-up. Every caller
             * waits level-triggered, so what comes later wakes it. */
            if ((size_t)n < room)
                return 0;
            break;
        case IO_WOULD_BLOCK: return 0;
        case IO_INTERRUPTED: break;
        case IO_BROKEN: return -1;
        }
    }
}

/* ---- Set-up: blocking calls ------------------------------------------ */

int
unix_socket(const char *path, bool is_nonblocking)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    int fd;

    if (strlen(path) >= sizeof(sa.sun_path)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(sa.sun_path, path);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC |
                (is_nonblocking ? SOCK_NONBLOCK : 0), 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

int
connect_unix(const char *path)
{
    int fd = unix_socket(path, false);

    if (fd < 0)
        fprintf(stderr, "loadgen: cannot connect to %s: %s\n", path,
                strerror(errno));
    return fd;
}

/* Move all len bytes through a blocking fd, either way. 0 or -1. */
static int
move_all(int fd, uint8_t *buf, size_t len, bool is_send)
{
    size_t done = 0;

    while (done < len) {
        ssize_t n = is_send ? send(fd, buf + done, len - done, MSG_NOSIGNAL)
                            : recv(fd, buf + done, len - done, 0);
        enum io_outcome o = io_outcome(n);
        if (o == IO_BROKEN || o == IO_WOULD_BLOCK)
            return -1;
        if (o == IO_MOVED)
            done += (size_t)n;
    }
    return 0;
}

/* One whole message from a blocking fd into *buf (malloc'ed). */
static long
read_message(int fd, uint8_t **buf)
{
    uint8_t word[WIRE_LEN_SIZE];
    long len;

    if (move_all(fd, word, sizeof(word), false) < 0 ||
        (len = wire_read_length(word)) < 0 ||
        (*buf = malloc((size_t)len)) == NULL)
        return -1;
    memcpy(*buf, word, sizeof(word));
    if (move_all(fd, *buf + WIRE_LEN_SIZE, (size_t)len - WIRE_LEN_SIZE, false) < 0) {
        free(*buf);
        return -1;
    }
    return len;
}

static void
print_error_reply(int proc, const struct wire_message *m)
{
    const remote_error *e = m->body;

    fprintf(stderr, "loadgen: call %d failed: %s\n", proc,
            e && e->message ? *e->message : "(error not decoded)");
}

int
call_await(int fd, int proc, uint32_t serial, struct wire_message *reply)
{
    for (;;) {
        uint8_t *buf;
        long len = read_message(fd, &buf);
        if (len < 0) {
            fprintf(stderr, "loadgen: call %d: connection lost\n", proc);
            return -1;
        }
        int rc = wire_decode(buf, (size_t)len, reply);
        free(buf);
        if (reply->header.type != WIRE_TYPE_REPLY ||
            reply->header.serial != serial) {
            wire_message_free(reply);
            continue;
        }
        if (rc != WIRE_RESULT_OK) {
            fprintf(stderr, "loadgen: call %d: bad reply: %s\n", proc,
                    wire_result_string(rc));
        } else if (reply->header.status != WIRE_STATUS_OK) {
            print_error_reply(proc, reply);
            rc = -1;
        }
        if (rc != WIRE_RESULT_OK)
            wire_message_free(reply);
        return rc == WIRE_RESULT_OK ? 0 : -1;
    }
}

uint32_t
call_send(int fd, int proc, xdrproc_t args_proc, const void *args)
{
    static _Thread_local uint32_t serial;
    struct call_template t;
    int rc;

    if (template_build(&t, proc, args_proc, args) < 0)
        return 0;
    if (++serial == 0)
        serial = 1;
    put_be32(t.bytes + SERIAL_OFFSET, serial);
    rc = move_all(fd, t.bytes, t.len, true);
    template_release(&t);
    if (rc < 0) {
        fprintf(stderr, "loadgen: call %d: cannot send\n", proc);
        return 0;
    }
    return serial;
}

int
call_sync(int fd, int proc, xdrproc_t args_proc, const void *args,
          struct wire_message *reply)
{
    uint32_t serial = call_send(fd, proc, args_proc, args);

    return serial != 0 ? call_await(fd, proc, serial, reply) : -1;
}

int
open_sync(int fd, const char *uri)
{
    remote_nonnull_string name = (char *)uri;
    remote_connect_open_args args = { .name = &name };
    struct wire_message reply;

    if (call_sync(fd, REMOTE_PROC_CONNECT_OPEN,
                  (xdrproc_t)xdr_remote_connect_open_args, &args, &reply) < 0)
        return -1;
    wire_message_free(&reply);
    return 0;
}
