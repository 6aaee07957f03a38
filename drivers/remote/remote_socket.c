/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_socket.c: UNIX and TCP connects. The connect blocks (as libvirt's
 * does); the socket is made non-blocking afterwards, for the RPC client's
 * poll-driven I/O.
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/remote/remote_socket.h"
#include "drivers/remote/remote_uri.h"

/* "<what>: <strerror>", libvirt's shape for a failed system call. */
static int __attribute__((format(printf, 3, 4)))
system_error(struct vireo_error *err, int errnum, const char *fmt, ...)
{
    char text[sizeof(err->message) / 2];   /* room left for strerror */
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    snprintf(err->message, sizeof(err->message), "%s: %s", text,
             strerror(errnum));
    err->code = VIR_ERR_SYSTEM_ERROR;
    err->domain = VIR_FROM_RPC;
    return -1;
}

static int
set_non_blocking(int fd)
{
    int flags = fcntl(fd, F_GETFL);

    return flags < 0 ? -1 : fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

static int
connect_unix(const char *path, struct vireo_error *err)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd;

    if (strlen(path) >= sizeof(addr.sun_path))
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_RPC,
                         "socket path '%s' is too long", path);
    memcpy(addr.sun_path, path, strlen(path) + 1);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return system_error(err, errno, "Failed to create socket");
    if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
        int errnum = errno;
        close(fd);
        return system_error(err, errnum,
                            "Failed to connect socket to '%s'", path);
    }
    return fd;
}

/* The first address of host:port that accepts a connection. */
static int
connect_addrinfo(const struct addrinfo *list, int *errnum)
{
    for (const struct addrinfo *ai = list; ai; ai = ai->ai_next) {
        int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
                        ai->ai_protocol);
        if (fd < 0) {
            *errnum = errno;
            continue;
        }
        if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
            return fd;
        *errnum = errno;
        close(fd);
    }
    return -1;
}

static int
connect_tcp(const char *host, int port, struct vireo_error *err)
{
    struct addrinfo hints = { .ai_family = AF_UNSPEC,
                              .ai_socktype = SOCK_STREAM,
                              .ai_flags = AI_ADDRCONFIG };
    struct addrinfo *list = NULL;
    char service[16];
    int fd, rc, errnum = ECONNREFUSED, nodelay = 1;

    snprintf(service, sizeof(service), "%d", port);
    rc = getaddrinfo(host, service, &hints, &list);
    if (rc != 0)
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_RPC,
                         "Unable to resolve address '%s' service '%s': %s",
                         host, service, gai_strerror(rc));
    fd = connect_addrinfo(list, &errnum);
    freeaddrinfo(list);
    if (fd < 0)
        return system_error(err, errnum,
                            "unable to connect to server at '%s:%d'", host,
                            port);
    /* Calls are small and latency-bound. */
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &nodelay, sizeof(nodelay));
    return fd;
}

int
remote_socket_connect(const struct remote_target *target,
                      struct vireo_error *err)
{
    int fd = target->transport == REMOTE_TRANSPORT_UNIX
             ? connect_unix(target->socket_path, err)
             : connect_tcp(target->host, target->port, err);

    if (fd < 0)
        return -1;
    if (set_non_blocking(fd) < 0) {
        int errnum = errno;
        close(fd);
        return system_error(err, errnum, "Failed to set O_NONBLOCK");
    }
    return fd;
}
