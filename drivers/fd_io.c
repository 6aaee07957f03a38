/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * fd_io.c: one loop for whole transfers in either direction.
 */
#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

#include "drivers/fd_io.h"

/* send(2) that never raises SIGPIPE. */
static ssize_t
send_quietly(int fd, const void *buf, size_t len)
{
    return send(fd, buf, len, MSG_NOSIGNAL);
}

static bool
put_all(int fd, const void *buf, size_t len,
        ssize_t (*put)(int fd, const void *buf, size_t len))
{
    const char *p = buf;

    while (len > 0) {
        ssize_t n = put(fd, p, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}

bool
fd_write_all(int fd, const void *buf, size_t len)
{
    return put_all(fd, buf, len, write);
}

bool
fd_send_all(int fd, const void *buf, size_t len)
{
    return put_all(fd, buf, len, send_quietly);
}

bool
fd_read_all(int fd, void *buf, size_t len)
{
    char *p = buf;

    while (len > 0) {
        ssize_t n = read(fd, p, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0)
            errno = 0;
        if (n <= 0)
            return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}
