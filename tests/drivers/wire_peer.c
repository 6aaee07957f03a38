/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * wire_peer.c: blocking message I/O for a daemon played by a test's
 * thread (wire_peer.h).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/drivers/wire_peer.h"

static int
read_all(int fd, uint8_t *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = read(fd, buf, len);

        if (n <= 0)
            return -1;
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

long
wire_peer_read_message(int fd, uint8_t **buf)
{
    uint8_t word[4];
    long len;

    if (read_all(fd, word, 4) < 0 || (len = wire_read_length(word)) < 0)
        return -1;
    *buf = malloc((size_t)len);
    memcpy(*buf, word, 4);
    if (read_all(fd, *buf + 4, (size_t)len - 4) < 0) {
        free(*buf);
        return -1;
    }
    return len;
}

void
wire_peer_send_buffer(int fd, struct wire_buffer *out)
{
    size_t off = 0;

    while (off < out->len) {
        ssize_t n = send(fd, out->data + off, out->len - off, MSG_NOSIGNAL);

        if (n <= 0)
            break;
        off += (size_t)n;
    }
    wire_buffer_release(out);
}
