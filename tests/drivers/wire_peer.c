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
#include "wire/decode.h"
#include "wire/stream.h"

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

void
wire_peer_send_stream(int fd, const remote_message_header *call, int status,
                      const void *data, size_t len)
{
    struct wire_buffer out = { 0 };

    wire_encode_stream(&out, call, status, data, len);
    wire_peer_send_buffer(fd, &out);
}

void
wire_peer_serve(int fd, void (*on_message)(const struct wire_message *m))
{
    uint8_t *buf;
    long len;

    while ((len = wire_peer_read_message(fd, &buf)) > 0) {
        struct wire_message m;

        if (wire_decode(buf, (size_t)len, &m) == WIRE_RESULT_OK)
            on_message(&m);
        wire_message_free(&m);
        free(buf);
    }
}
