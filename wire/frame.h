/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * frame.h: how libvirt's RPC messages are framed on a stream socket
 * (spec §2): the length word, the 24-byte header, and whole messages
 * encoded into a growable buffer.
 *
 *   +-----------+-------------+-------------+
 *   | length 4  | header 24   | payload ... |
 *   +-----------+-------------+-------------+
 *
 * The length word counts itself. Nothing here keeps state between calls;
 * every function may be called from any thread.
 */
#ifndef VIREO_WIRE_FRAME_H
#define VIREO_WIRE_FRAME_H

#include <stddef.h>
#include <stdint.h>

#include "wire/remote_protocol.h"

enum {
    WIRE_LEN_SIZE    = 4,                   /* the length word */
    WIRE_HEADER_SIZE = 24,
    WIRE_LEN_MIN     = WIRE_LEN_SIZE + WIRE_HEADER_SIZE,     /* 28 */
    WIRE_MESSAGE_MAX = 16777216,            /* header + payload */
    WIRE_LEN_MAX     = WIRE_LEN_SIZE + WIRE_MESSAGE_MAX,     /* 16777220 */
    WIRE_PAYLOAD_MAX = WIRE_MESSAGE_MAX - WIRE_HEADER_SIZE,  /* 16777192 */
    WIRE_FDS_MAX     = 32,
};

/* Program numbers and versions (spec §2.6, §2.9). */
#define WIRE_REMOTE_PROGRAM     0x20008086u
#define WIRE_REMOTE_VERSION     1u
#define WIRE_KEEPALIVE_PROGRAM  0x6b656570u    /* "keep" */
#define WIRE_KEEPALIVE_VERSION  1u
#define WIRE_QEMU_PROGRAM       0x20008087u    /* libvirt-qemu's calls */
#define WIRE_QEMU_VERSION       1u

enum wire_keepalive_proc {
    WIRE_KEEPALIVE_PING = 1,
    WIRE_KEEPALIVE_PONG = 2,
};

/* Message types (spec §2.3). */
enum wire_type {
    WIRE_TYPE_CALL           = 0,
    WIRE_TYPE_REPLY          = 1,
    WIRE_TYPE_MESSAGE        = 2,
    WIRE_TYPE_STREAM         = 3,
    WIRE_TYPE_CALL_WITH_FDS  = 4,
    WIRE_TYPE_REPLY_WITH_FDS = 5,
    WIRE_TYPE_STREAM_HOLE    = 6,
};

/* Message status (spec §2.4). */
enum wire_status {
    WIRE_STATUS_OK       = 0,
    WIRE_STATUS_ERROR    = 1,
    WIRE_STATUS_CONTINUE = 2,
};

/* xdr_void as an xdrproc_t, for empty payloads. libtirpc declares it
 * without parameters; the detour through void (*)(void) says that the
 * cast is meant (every xdrproc_t is called with the same arguments). */
#define WIRE_XDR_VOID ((xdrproc_t)(void (*)(void))xdr_void)

/* What went wrong, precisely enough for the daemon to answer as libvirtd
 * does (spec §2.8). Negative, so that functions returning a count or a
 * result can share one int. */
enum wire_result {
    WIRE_RESULT_OK = 0,
    WIRE_ERR_LENGTH = -1,          /* length word < 28, > 16777220, or not
                                      the size of the buffer: drop the peer */
    WIRE_ERR_PROGRAM = -2,         /* "Cannot find program %d version %d" */
    WIRE_ERR_VERSION = -3,         /* likewise */
    WIRE_ERR_TYPE = -4,            /* a type this program/procedure never
                                      carries */
    WIRE_ERR_STATUS = -5,          /* a status that does not fit the type */
    WIRE_ERR_PROCEDURE = -6,       /* "unknown procedure: %d" */
    WIRE_ERR_PAYLOAD = -7,         /* "Unable to decode message payload" */
    WIRE_ERR_PAYLOAD_LENGTH = -8,  /* likewise: a declared string length or
                                      array count exceeds the bytes left */
    WIRE_ERR_TRAILING = -9,        /* likewise: bytes left after the payload */
    WIRE_ERR_ENCODE = -10,         /* a value cannot be encoded (NULL string,
                                      over its bound, ...) */
    WIRE_ERR_TOO_BIG = -11,        /* the encoded message exceeds 16 MiB */
    WIRE_ERR_NO_MEMORY = -12,
};

/* A short English phrase for a result, for logs and tests. */
const char *wire_result_string(int result);

/* Validate the length word at buf[0..3] and return the total message size
 * it announces (length word included), or WIRE_ERR_LENGTH. A reader reads 4
 * bytes, calls this, then reads the size minus 4 more bytes. */
long wire_read_length(const uint8_t buf[WIRE_LEN_SIZE]);

/* Write or read the header (remote_message_header, remote_protocol.x) at
 * buf[0..23], just after the length word. Its type and status fields hold
 * enum wire_type and enum wire_status values. Reading checks nothing. */
void wire_header_encode(const remote_message_header *hdr,
                        uint8_t buf[WIRE_HEADER_SIZE]);
void wire_header_decode(const uint8_t buf[WIRE_HEADER_SIZE],
                        remote_message_header *hdr);

/* A growable byte buffer that whole messages are appended to; a writer
 * sends data[0..len). Owned by whoever holds it; not thread-safe. */
struct wire_buffer {
    uint8_t *data;
    size_t   len;
    size_t   cap;
};

/* Release the buffer's storage and empty it; the struct itself is the
 * caller's. NULL is a no-op. */
void wire_buffer_release(struct wire_buffer *buf);

/* Append len raw bytes (not a message: a stream's data on its way to an
 * fd). WIRE_RESULT_OK, or WIRE_ERR_NO_MEMORY with buf unchanged. */
int wire_buffer_append(struct wire_buffer *buf, const void *data, size_t len);

/* Append one message: length word, hdr, then body encoded with proc
 * (WIRE_XDR_VOID and a NULL body for an empty payload). On failure buf
 * holds the same messages as before and a negative enum wire_result is
 * returned; on success WIRE_RESULT_OK. body is only read. */
int wire_encode(struct wire_buffer *buf, const remote_message_header *hdr,
                xdrproc_t proc, const void *body);

/* The same with a raw payload: len bytes of data, copied as they are (a
 * stream's data, wire/stream.h). */
int wire_encode_raw(struct wire_buffer *buf, const remote_message_header *hdr,
                    const void *data, size_t len);

#endif /* VIREO_WIRE_FRAME_H */
