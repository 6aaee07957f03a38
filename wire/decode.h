/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * decode.h: one whole message from bytes to C structs, with every check
 * libvirt makes and a precise verdict when one fails. The single entry
 * point for received bytes, on both sides of the wire (and for the
 * fuzzer).
 */
#ifndef VIREO_WIRE_DECODE_H
#define VIREO_WIRE_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "wire/frame.h"
#include "wire/procs.h"

/* A decoded message. body is allocated by wire_decode() and belongs to the
 * holder of the struct until wire_message_free(). */
struct wire_message {
    remote_message_header header;
    /* The remote procedure, or NULL (keepalive, or not found). */
    const struct wire_proc *proc;
    /* The FD count carried by CALL_WITH_FDS / REPLY_WITH_FDS, else 0. */
    unsigned int n_fds;
    /* What body holds and how it was decoded: proc's args (CALL), ret
     * (REPLY, status OK), msg (MESSAGE), or a remote_error (REPLY, status
     * ERROR). NULL with WIRE_XDR_VOID when the payload is empty. */
    xdrproc_t body_proc;
    void     *body;
    /* STREAM and STREAM_HOLE messages only: the raw payload, which
     * points into the buffer given to wire_decode() and lives only as
     * long as it (NULL, 0 when empty). body stays NULL for them. */
    const uint8_t *data;
    size_t         data_len;
};

/* Decode the message in buf[0..len), length word included; len must be
 * exactly the length the word announces. Checks in this order: length
 * word, program, version, type and status values, procedure, whether type
 * and status fit the procedure, then the payload, which must decode
 * exactly: no string or array beyond its bound or beyond the bytes left,
 * no byte left over. A STREAM or STREAM_HOLE message (of a procedure
 * that opens streams, any status) is not decoded: out->data points at its
 * payload.
 *
 * Returns WIRE_RESULT_OK or a negative enum wire_result. out is always
 * initialised: out->header is valid for every result but WIRE_ERR_LENGTH
 * (so that the daemon can answer with the call's prog, vers, proc and
 * serial; it answers only CALLs, whatever the result), out->proc is set
 * whenever the procedure was found, and out->body only on success. Call
 * wire_message_free(out) in every case. Any thread. */
int wire_decode(const uint8_t *buf, size_t len, struct wire_message *out);

/* Release what wire_decode() allocated in msg (not msg itself) and reset
 * its body. NULL is a no-op. */
void wire_message_free(struct wire_message *msg);

#endif /* VIREO_WIRE_DECODE_H */
