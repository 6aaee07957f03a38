/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * frame.c: the length word, the header, and whole messages appended to a
 * growable buffer (spec §2.1, §2.2, §2.7).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wire/frame.h"

static const char *const result_strings[] = {
    [-WIRE_RESULT_OK]          = "ok",
    [-WIRE_ERR_LENGTH]         = "bad length word",
    [-WIRE_ERR_PROGRAM]        = "unknown program",
    [-WIRE_ERR_VERSION]        = "unknown program version",
    [-WIRE_ERR_TYPE]           = "unexpected message type",
    [-WIRE_ERR_STATUS]         = "unexpected message status",
    [-WIRE_ERR_PROCEDURE]      = "unknown procedure",
    [-WIRE_ERR_PAYLOAD]        = "payload does not decode",
    [-WIRE_ERR_PAYLOAD_LENGTH] = "declared length exceeds the payload",
    [-WIRE_ERR_TRAILING]       = "trailing bytes after the payload",
    [-WIRE_ERR_ENCODE]         = "value cannot be encoded",
    [-WIRE_ERR_TOO_BIG]        = "message too big",
    [-WIRE_ERR_NO_MEMORY]      = "out of memory",
};

const char *
wire_result_string(int result)
{
    size_t n = sizeof(result_strings) / sizeof(result_strings[0]);

    if (result > 0 || (size_t)-result >= n)
        return "unknown result";
    return result_strings[-result];
}

static uint32_t
get_be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
           (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static void
put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

long
wire_read_length(const uint8_t buf[WIRE_LEN_SIZE])
{
    uint32_t len = get_be32(buf);

    if (len < WIRE_LEN_MIN || len > WIRE_LEN_MAX)
        return WIRE_ERR_LENGTH;
    return (long)len;
}

/* The header is six words with no variable part: an xdrmem stream over 24
 * bytes can neither run short nor allocate. */
static void
header_xdr(uint8_t buf[WIRE_HEADER_SIZE], remote_message_header *hdr,
           enum xdr_op op)
{
    XDR xdrs;

    xdrmem_create(&xdrs, (char *)buf, WIRE_HEADER_SIZE, op);
    xdr_remote_message_header(&xdrs, hdr);
    xdr_destroy(&xdrs);
}

void
wire_header_encode(const remote_message_header *hdr,
                   uint8_t buf[WIRE_HEADER_SIZE])
{
    remote_message_header copy = *hdr;

    header_xdr(buf, &copy, XDR_ENCODE);
}

void
wire_header_decode(const uint8_t buf[WIRE_HEADER_SIZE],
                   remote_message_header *hdr)
{
    uint8_t copy[WIRE_HEADER_SIZE];

    for (size_t i = 0; i < WIRE_HEADER_SIZE; i++)
        copy[i] = buf[i];
    header_xdr(copy, hdr, XDR_DECODE);
}

void
wire_buffer_release(struct wire_buffer *buf)
{
    if (buf == NULL)
        return;
    free(buf->data);
    buf->data = NULL;
    buf->len = 0;
    buf->cap = 0;
}

/* A new buffer's first size. Small, since most messages are (a reply
 * to a cheap call is a few dozen bytes, and wire_encode() asks for the
 * exact size at once): a daemon encodes a reply on a driver's thread and
 * frees it on the loop's, and a 64 KiB buffer each time made the
 * allocator give the driver's arena back to the kernel and fault it in
 * again, about sixteen page faults per call. */
#define FIRST_CAP 256

/* Make room for `more` bytes after buf->len, doubling like libvirt's
 * encoder so that appending many messages stays linear. */
static int
reserve(struct wire_buffer *buf, size_t more)
{
    size_t want = buf->len + more;
    size_t cap = buf->cap ? buf->cap : FIRST_CAP;
    uint8_t *data;

    if (want <= buf->cap)
        return WIRE_RESULT_OK;
    while (cap < want)
        cap *= 2;
    data = realloc(buf->data, cap);
    if (data == NULL)
        return WIRE_ERR_NO_MEMORY;
    buf->data = data;
    buf->cap = cap;
    return WIRE_RESULT_OK;
}

int
wire_buffer_append(struct wire_buffer *buf, const void *data, size_t len)
{
    int rc = reserve(buf, len);

    if (rc < 0)
        return rc;
    if (len > 0)
        memcpy(buf->data + buf->len, data, len);
    buf->len += len;
    return WIRE_RESULT_OK;
}

/* Encode body into exactly `size` bytes at out. */
static int
encode_payload(uint8_t *out, u_long size, xdrproc_t proc, const void *body)
{
    XDR xdrs;
    bool_t is_encoded;
    u_int used;

    xdrmem_create(&xdrs, (char *)out, (u_int)size, XDR_ENCODE);
    /* Encoding only reads the value; xdrproc_t has no const. */
    is_encoded = proc(&xdrs, (void *)(uintptr_t)body, 0);
    used = xdr_getpos(&xdrs);
    xdr_destroy(&xdrs);
    return is_encoded && used == size ? WIRE_RESULT_OK : WIRE_ERR_ENCODE;
}

/* Room for one message of `size` payload bytes after buf->len, with its
 * length word and header written; *payload is where the payload goes.
 * buf->len is left alone: the message counts once the caller adds it. */
static int
start_message(struct wire_buffer *buf, const remote_message_header *hdr,
              size_t size, uint8_t **payload)
{
    uint8_t *msg;
    int rc;

    if (size > WIRE_PAYLOAD_MAX)
        return WIRE_ERR_TOO_BIG;
    rc = reserve(buf, WIRE_LEN_MIN + size);
    if (rc < 0)
        return rc;
    msg = buf->data + buf->len;
    put_be32(msg, (uint32_t)(WIRE_LEN_MIN + size));
    wire_header_encode(hdr, msg + WIRE_LEN_SIZE);
    *payload = msg + WIRE_LEN_MIN;
    return WIRE_RESULT_OK;
}

int
wire_encode(struct wire_buffer *buf, const remote_message_header *hdr,
            xdrproc_t proc, const void *body)
{
    /* xdr_sizeof() answers 0 for a value that cannot be encoded; encoding
     * into 0 bytes then fails, and says so. */
    u_long size = xdr_sizeof(proc, (void *)(uintptr_t)body);
    uint8_t *payload;
    int rc = start_message(buf, hdr, size, &payload);

    if (rc < 0)
        return rc;
    rc = encode_payload(payload, size, proc, body);
    if (rc < 0)
        return rc;
    buf->len += WIRE_LEN_MIN + size;
    return WIRE_RESULT_OK;
}

int
wire_encode_raw(struct wire_buffer *buf, const remote_message_header *hdr,
                const void *data, size_t len)
{
    uint8_t *payload;
    int rc = start_message(buf, hdr, len, &payload);

    if (rc < 0)
        return rc;
    if (len > 0)
        memcpy(payload, data, len);
    buf->len += WIRE_LEN_MIN + len;
    return WIRE_RESULT_OK;
}
