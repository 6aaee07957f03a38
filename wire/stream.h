/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * stream.h: libvirt's streams on the wire, as libvirtd 9.0 and its
 * clients exchange them (virnetserverprogram.c, remote_daemon_stream.c,
 * virnetclientstream.c), here for consoles.
 *
 * A call whose procedure opens a stream (wire_proc.is_stream) is answered
 * with an ordinary, empty REPLY. From then on both sides send messages of
 * type STREAM with the call's prog, vers, proc and serial:
 *
 *   status     payload          meaning
 *   CONTINUE   raw bytes        data; a daemon sends at most
 *                               WIRE_STREAM_CHUNK_MAX bytes per message,
 *                               but accepts more (libvirt's client sends
 *                               whatever one virStreamSend() was given)
 *   CONTINUE   none             the sender's side reached end of file
 *   OK         none             the client finishes the stream (after its
 *                               data); the daemon confirms with the same
 *   ERROR      none or ignored  the client aborts; the daemon confirms
 *                               with an empty OK
 *   ERROR      remote_error     the daemon gives up (I/O failure); the
 *                               stream is over
 *
 * A stream opened with a sparse flag (libvirt's VIR_STORAGE_VOL_UPLOAD_
 * SPARSE_STREAM, VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM) may also carry,
 * in either direction, messages of type STREAM_HOLE, status CONTINUE,
 * whose payload is libvirt's virNetStreamHole: a hyper length (bytes of
 * zeros the receiver skips instead of reading) and unsigned flags (0).
 *
 * A daemon never sends OK unless asked (a libvirt client drops the
 * connection on an unasked confirmation), and both sides drop messages for
 * a stream they do not know: data may still be in flight when a stream
 * ends.
 *
 * No state; any thread.
 */
#ifndef VIREO_WIRE_STREAM_H
#define VIREO_WIRE_STREAM_H

#include <stddef.h>

#include "api/vireo.h"
#include "wire/decode.h"

/* libvirt's VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX: 256 KiB less the header,
 * the most a daemon reads from a stream's source for one message. */
#define WIRE_STREAM_CHUNK_MAX 262120

/* Append the STREAM message of the stream opened by the call whose header
 * is call, with status and len bytes of data (none: NULL, 0). Returns
 * WIRE_RESULT_OK or a negative enum wire_result; buf is unchanged then. */
int wire_encode_stream(struct wire_buffer *buf,
                       const remote_message_header *call, int status,
                       const void *data, size_t len);

/* The same for the daemon's ERROR message, carrying err as libvirtd lays
 * out a remote_error. */
int wire_encode_stream_error(struct wire_buffer *buf,
                             const remote_message_header *call,
                             const struct vireo_error *err);

/* A received STREAM message with status ERROR: the error it carries into
 * err, as a libvirt client reads it. An empty or undecodable payload gives
 * libvirt's "Unable to decode message payload" (VIR_ERR_RPC). Returns -1,
 * so that it can end a function. */
int wire_stream_error(const struct wire_message *msg, struct vireo_error *err);

/* Sparse streams: the STREAM_HOLE message saying that length bytes of
 * zeros come next, with flags (0 today). Returns WIRE_RESULT_OK or a
 * negative enum wire_result; buf is unchanged then. */
int wire_encode_stream_hole(struct wire_buffer *buf,
                            const remote_message_header *call,
                            long long length, unsigned flags);

/* A received STREAM_HOLE message: its length and flags. Returns 0, or -1
 * with err set to libvirt's "Malformed stream hole packet"
 * (VIR_ERR_INTERNAL_ERROR) when the payload is not exactly a
 * virNetStreamHole. */
int wire_stream_hole(const struct wire_message *msg, long long *length,
                     unsigned *flags, struct vireo_error *err);

#endif /* VIREO_WIRE_STREAM_H */
