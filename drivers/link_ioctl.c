/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * link_ioctl.c: a socket for one link ioctl.
 */
#include <errno.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "drivers/link_ioctl.h"

int
link_ioctl(unsigned long request, void *arg)
{
    int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), rc, e;

    if (sock < 0)
        return -1;
    rc = ioctl(sock, request, arg);
    e = errno;
    close(sock);
    errno = e;
    return rc;
}
