/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * loadgen-storm.c: open_many() of loadgen-conn.h. Connections are opened
 * a window at a time on one epoll set: connect, CONNECT_OPEN, and the
 * reply's status decides. A daemon that stops accepting (libvirtd at
 * max_clients) leaves connects waiting in its backlog, so the whole storm
 * has a deadline. Runs on the calling thread only.
 *
 * The client's own system calls are part of what a storm's time measures,
 * so each connection makes as few as it can: a socket watched one-shot
 * (a settled one needs no EPOLL_CTL_DEL, and closing a refused one drops
 * it from the set), and made blocking with one fcntl.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "loadgen-conn.h"

/* A connection whose CONNECT_OPEN is in flight. */
struct opening {
    int     fd;             /* -1: the slot is free */
    size_t  got;
    uint8_t reply[WIRE_LEN_MIN];
};

struct storm {
    int             ep;
    struct opening *slots;
    int             window, n_active;
    int            *fds;
    struct open_many_result *r;
};

static int
free_slot(struct storm *s)
{
    for (int i = 0; i < s->window; i++)
        if (s->slots[i].fd < 0)
            return i;
    return -1;
}

/* Start one more connection. 1 if started, 0 if the backlog is full
 * (try again later), -1 if it was refused outright. */
static int
start_one(struct storm *s, const char *path, const struct call_template *t)
{
    int fd = unix_socket(path, true);

    if (fd < 0)
        return errno == EAGAIN ? 0 : -1;
    int i = free_slot(s);
    struct epoll_event ev = { .events = EPOLLIN | EPOLLONESHOT,
                              .data.u32 = (uint32_t)i };
    if (send(fd, t->bytes, t->len, MSG_NOSIGNAL) != (ssize_t)t->len ||
        epoll_ctl(s->ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
        close(fd);
        return -1;
    }
    s->slots[i] = (struct opening){ .fd = fd };
    s->n_active++;
    return 1;
}

/* Watch slot i's socket for its next event (one-shot). */
static void
rearm(struct storm *s, struct opening *o)
{
    struct epoll_event ev = { .events = EPOLLIN | EPOLLONESHOT,
                              .data.u32 = (uint32_t)(o - s->slots) };

    epoll_ctl(s->ep, EPOLL_CTL_MOD, o->fd, &ev);
}

static void
end_slot(struct storm *s, struct opening *o, bool is_open)
{
    if (is_open) {
        /* SOCK_NONBLOCK is the only flag F_SETFL changes that the socket
         * was made with. */
        fcntl(o->fd, F_SETFL, 0);
        s->fds[s->r->n_opened++] = o->fd;
    } else {
        close(o->fd);
        s->r->n_refused++;
    }
    o->fd = -1;
    s->n_active--;
}

/* Read what arrived for slot o; settle it once the header is in. */
static void
advance(struct storm *s, struct opening *o)
{
    ssize_t n = read(o->fd, o->reply + o->got, sizeof(o->reply) - o->got);

    if (n < 0 && errno == EAGAIN) {
        rearm(s, o);
        return;
    }
    if (n <= 0) {
        end_slot(s, o, false);
        return;
    }
    o->got += (size_t)n;
    if (o->got < sizeof(o->reply)) {
        rearm(s, o);
        return;
    }
    remote_message_header hdr;
    wire_header_decode(o->reply + WIRE_LEN_SIZE, &hdr);
    end_slot(s, o, hdr.type == WIRE_TYPE_REPLY &&
                   hdr.status == WIRE_STATUS_OK);
}

int
open_many(const char *path, const char *uri, int n, int window,
          double timeout_s, int *fds, struct open_many_result *r)
{
    remote_nonnull_string name = (char *)uri;
    remote_connect_open_args args = { .name = &name };
    struct call_template t;
    struct storm s = { .window = window, .fds = fds, .r = r };
    struct epoll_event events[256];
    int n_started = 0;

    memset(r, 0, sizeof(*r));
    if (template_build(&t, REMOTE_PROC_CONNECT_OPEN,
                       (xdrproc_t)xdr_remote_connect_open_args, &args) < 0)
        return -1;
    s.ep = epoll_create1(EPOLL_CLOEXEC);
    s.slots = calloc((size_t)window, sizeof(*s.slots));
    if (s.ep < 0 || s.slots == NULL)
        return -1;
    for (int i = 0; i < window; i++)
        s.slots[i].fd = -1;
    uint64_t start = now_ns();
    uint64_t deadline = start + (uint64_t)(timeout_s * 1e9);
    while ((n_started < n || s.n_active > 0) && now_ns() < deadline) {
        while (n_started < n && s.n_active < window) {
            int rc = start_one(&s, path, &t);
            if (rc == 0)
                break;
            n_started++;
            r->n_refused += rc < 0;
        }
        int k = epoll_wait(s.ep, events, 256, 10);
        for (int i = 0; i < k; i++)
            advance(&s, &s.slots[events[i].data.u32]);
    }
    r->seconds = (double)(now_ns() - start) / 1e9;
    for (int i = 0; i < window; i++)
        if (s.slots[i].fd >= 0)
            close(s.slots[i].fd);
    r->n_timed_out = n - r->n_opened - r->n_refused;
    close(s.ep);
    free(s.slots);
    template_release(&t);
    return 0;
}
