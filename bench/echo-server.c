/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * echo-server.c: the socket limit. A UNIX-socket server on one epoll
 * thread that answers each framed call at once with a reply of the same
 * header (type REPLY, status OK) and an empty payload, reading and
 * writing in batches as a good daemon would. Whatever a daemon costs per
 * call beyond this is its own work. It stops on SIGTERM or SIGINT.
 *
 *   echo-server SOCKET_PATH
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "wire/frame.h"

/* One client; owned by the only thread. */
struct client {
    int      fd;
    bool     is_waiting_writable;   /* EPOLLOUT armed: replies wait */
    uint8_t *in, *out;
    size_t   in_len, in_cap, out_len, out_cap;
};

static volatile sig_atomic_t is_stopping;

static void
on_signal(int sig)
{
    (void)sig;
    is_stopping = 1;
}

static int
grow(uint8_t **buf, size_t *cap, size_t need)
{
    if (need <= *cap)
        return 0;
    size_t cap2 = *cap ? *cap : 4096;
    while (cap2 < need)
        cap2 *= 2;
    uint8_t *p = realloc(*buf, cap2);
    if (p == NULL)
        return -1;
    *buf = p;
    *cap = cap2;
    return 0;
}

/* Turn every whole call in c->in into a reply in c->out. */
static int
answer(struct client *c)
{
    size_t off = 0;

    while (c->in_len - off >= WIRE_LEN_MIN) {
        long len = wire_read_length(c->in + off);
        if (len < 0)
            return -1;
        if (c->in_len - off < (size_t)len)
            return grow(&c->in, &c->in_cap, (size_t)len);
        if (grow(&c->out, &c->out_cap, c->out_len + WIRE_LEN_MIN) < 0)
            return -1;
        uint8_t *reply = c->out + c->out_len;
        uint32_t word = htonl(WIRE_LEN_MIN);
        memcpy(reply, &word, 4);
        memcpy(reply + 4, c->in + off + 4, WIRE_HEADER_SIZE);
        word = htonl(WIRE_TYPE_REPLY);
        memcpy(reply + 4 + 12, &word, 4);
        word = htonl(WIRE_STATUS_OK);
        memcpy(reply + 4 + 20, &word, 4);
        c->out_len += WIRE_LEN_MIN;
        off += (size_t)len;
    }
    memmove(c->in, c->in + off, c->in_len - off);
    c->in_len -= off;
    return 0;
}

/* Read all there is, answer, write. -1: drop the client. */
static int
serve(int ep, struct client *c)
{
    for (;;) {
        if (grow(&c->in, &c->in_cap, c->in_len + 4096) < 0)
            return -1;
        ssize_t n = recv(c->fd, c->in + c->in_len, c->in_cap - c->in_len, 0);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n <= 0)
            return -1;
        c->in_len += (size_t)n;
        if (answer(c) < 0)
            return -1;
    }
    size_t done = 0;
    while (done < c->out_len) {
        ssize_t n = send(c->fd, c->out + done, c->out_len - done, MSG_NOSIGNAL);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n <= 0)
            return -1;
        done += (size_t)n;
    }
    memmove(c->out, c->out + done, c->out_len - done);
    c->out_len -= done;
    /* Replies left over wait for room: watch for it, and only then. */
    if (c->is_waiting_writable != (c->out_len > 0)) {
        c->is_waiting_writable = c->out_len > 0;
        struct epoll_event ev = {
            .events = EPOLLIN | (c->is_waiting_writable ? EPOLLOUT : 0),
            .data.ptr = c,
        };
        epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
    }
    return 0;
}

static void
drop(struct client *c)
{
    close(c->fd);
    free(c->in);
    free(c->out);
    free(c);
}

static int
listen_on(const char *path)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

    if (fd < 0 || strlen(path) >= sizeof(sa.sun_path))
        return -1;
    strcpy(sa.sun_path, path);
    unlink(path);
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
        listen(fd, 4096) < 0)
        return -1;
    return fd;
}

static void
accept_all(int ep, int lfd)
{
    int fd;

    while ((fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
        struct client *c = calloc(1, sizeof(*c));
        struct epoll_event ev = { .events = EPOLLIN, .data.ptr = c };
        if (c == NULL) {
            close(fd);
            continue;
        }
        c->fd = fd;
        epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    }
}

int
main(int argc, char **argv)
{
    struct epoll_event events[256];
    struct rlimit rl;

    if (argc != 2) {
        fprintf(stderr, "usage: %s SOCKET_PATH\n", argv[0]);
        return 2;
    }
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    int lfd = listen_on(argv[1]);
    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event lev = { .events = EPOLLIN, .data.ptr = NULL };
    if (lfd < 0 || ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &lev) < 0) {
        fprintf(stderr, "echo-server: cannot listen on %s: %s\n", argv[1],
                strerror(errno));
        return 1;
    }
    while (!is_stopping) {
        int n = epoll_wait(ep, events, 256, 100);
        for (int i = 0; i < n; i++) {
            struct client *c = events[i].data.ptr;
            if (c == NULL)
                accept_all(ep, lfd);
            else if (serve(ep, c) < 0)
                drop(c);
        }
    }
    unlink(argv[1]);
    return 0;
}
