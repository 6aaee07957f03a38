/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * decode.c: wire_decode(), from received bytes to a checked, decoded
 * message. Payloads go through xdr_guard_decode() only, so that no
 * declared length can allocate more than the message could hold.
 */
#include <stdlib.h>
#include <string.h>

#include "wire/decode.h"
#include "wire/xdr_guard.h"

static const struct wire_payload no_payload = { WIRE_XDR_VOID, 0 };
static const struct wire_payload error_payload = {
    (xdrproc_t)xdr_remote_error, sizeof(remote_error)
};

static int
check_program(const remote_message_header *hdr)
{
    if (!wire_program_is_known(hdr->prog))
        return WIRE_ERR_PROGRAM;
    return wire_program_has_version(hdr->prog, hdr->vers) ? 0
                                                          : WIRE_ERR_VERSION;
}

static int
check_values(const remote_message_header *hdr)
{
    if (hdr->type < WIRE_TYPE_CALL || hdr->type > WIRE_TYPE_STREAM_HOLE)
        return WIRE_ERR_TYPE;
    if (hdr->status < WIRE_STATUS_OK || hdr->status > WIRE_STATUS_CONTINUE)
        return WIRE_ERR_STATUS;
    return 0;
}

/* Keepalive PING and PONG: MESSAGE, status OK, no payload (spec §2.9). */
static int
check_keepalive(const remote_message_header *hdr, size_t payload_len)
{
    if (hdr->proc != WIRE_KEEPALIVE_PING && hdr->proc != WIRE_KEEPALIVE_PONG)
        return WIRE_ERR_PROCEDURE;
    if (hdr->type != WIRE_TYPE_MESSAGE)
        return WIRE_ERR_TYPE;
    if (hdr->status != WIRE_STATUS_OK)
        return WIRE_ERR_STATUS;
    return payload_len == 0 ? 0 : WIRE_ERR_TRAILING;
}

/* Which payload a remote message carries, given its type and status, or a
 * verdict on why the pair does not fit the procedure. STREAM messages are
 * taken apart by take_stream(), and so are STREAM_HOLE messages (sparse
 * streams), whose payload wire_stream_hole() reads. */
static int
choose_payload(const remote_message_header *hdr, const struct wire_proc *proc,
               struct wire_payload *payload)
{
    bool is_call_proc = proc->kind == WIRE_PROC_CALL;

    switch (hdr->type) {
    case WIRE_TYPE_CALL:
    case WIRE_TYPE_CALL_WITH_FDS:
        if (!is_call_proc)
            return WIRE_ERR_TYPE;
        *payload = proc->args;
        return hdr->status == WIRE_STATUS_OK ? 0 : WIRE_ERR_STATUS;
    case WIRE_TYPE_REPLY:
    case WIRE_TYPE_REPLY_WITH_FDS:
        if (!is_call_proc)
            return WIRE_ERR_TYPE;
        *payload = hdr->status == WIRE_STATUS_ERROR ? error_payload
                                                    : proc->ret;
        return hdr->status == WIRE_STATUS_CONTINUE ? WIRE_ERR_STATUS : 0;
    case WIRE_TYPE_MESSAGE:
        if (is_call_proc)
            return WIRE_ERR_TYPE;
        *payload = proc->msg;
        return hdr->status == WIRE_STATUS_OK ? 0 : WIRE_ERR_STATUS;
    default:
        return WIRE_ERR_TYPE;
    }
}

/* The *_WITH_FDS types put a 4-byte FD count (at most 32) before the
 * payload (spec §2.3). Returns how many bytes it took, or an error. */
static int
take_fd_count(const remote_message_header *hdr, const uint8_t *p,
              size_t len, unsigned int *n_fds)
{
    if (hdr->type != WIRE_TYPE_CALL_WITH_FDS &&
        hdr->type != WIRE_TYPE_REPLY_WITH_FDS)
        return 0;
    if (len < 4)
        return WIRE_ERR_PAYLOAD;
    *n_fds = (unsigned int)p[0] << 24 | (unsigned int)p[1] << 16 |
             (unsigned int)p[2] << 8 | p[3];
    return *n_fds <= WIRE_FDS_MAX ? 4 : WIRE_ERR_PAYLOAD;
}

static int
verdict(enum xdr_guard_result result)
{
    switch (result) {
    case XDR_GUARD_OK:
        return WIRE_RESULT_OK;
    case XDR_GUARD_OVERSIZED:
        return WIRE_ERR_PAYLOAD_LENGTH;
    case XDR_GUARD_TRAILING:
        return WIRE_ERR_TRAILING;
    case XDR_GUARD_MALFORMED:
        break;
    }
    return WIRE_ERR_PAYLOAD;
}

static int
decode_body(const uint8_t *p, size_t len, const struct wire_payload *payload,
            struct wire_message *out)
{
    void *body = NULL;
    int rc;

    if (payload->size > 0 && (body = calloc(1, payload->size)) == NULL)
        return WIRE_ERR_NO_MEMORY;
    rc = verdict(xdr_guard_decode(p, len, payload->proc, body));
    if (rc < 0) {
        /* A failed decode leaves what it had allocated so far in body. */
        if (body != NULL)
            xdr_free(payload->proc, body);
        free(body);
        return rc;
    }
    out->body_proc = payload->proc;
    out->body = body;
    return WIRE_RESULT_OK;
}

/* A STREAM message of a procedure that opens streams: its payload is raw
 * bytes whatever the status (data for CONTINUE, nothing for OK, an error
 * or nothing for ERROR), left where it is for wire/stream.h to read; the
 * same for a STREAM_HOLE message (a hole's length and flags). */
static int
take_stream(const uint8_t *p, size_t len, struct wire_message *out)
{
    if (!out->proc->is_stream)
        return WIRE_ERR_TYPE;
    out->data = len > 0 ? p : NULL;
    out->data_len = len;
    return WIRE_RESULT_OK;
}

static int
decode_remote(const uint8_t *p, size_t len, struct wire_message *out)
{
    struct wire_payload payload = no_payload;
    int rc;

    out->proc = wire_proc_find(out->header.prog, out->header.proc);
    if (out->proc == NULL)
        return WIRE_ERR_PROCEDURE;
    if (out->header.type == WIRE_TYPE_STREAM ||
        out->header.type == WIRE_TYPE_STREAM_HOLE)
        return take_stream(p, len, out);
    rc = choose_payload(&out->header, out->proc, &payload);
    if (rc < 0)
        return rc;
    rc = take_fd_count(&out->header, p, len, &out->n_fds);
    if (rc < 0)
        return rc;
    return decode_body(p + rc, len - (size_t)rc, &payload, out);
}

int
wire_decode(const uint8_t *buf, size_t len, struct wire_message *out)
{
    int rc;

    memset(out, 0, sizeof(*out));
    out->body_proc = WIRE_XDR_VOID;
    /* wire_read_length() accepts nothing below 28, so the header is there
     * once the length word matches the buffer. */
    if (len < WIRE_LEN_SIZE || wire_read_length(buf) != (long)len)
        return WIRE_ERR_LENGTH;
    wire_header_decode(buf + WIRE_LEN_SIZE, &out->header);
    if ((rc = check_program(&out->header)) < 0 ||
        (rc = check_values(&out->header)) < 0)
        return rc;
    if (out->header.prog == WIRE_KEEPALIVE_PROGRAM)
        return check_keepalive(&out->header, len - WIRE_LEN_MIN);
    return decode_remote(buf + WIRE_LEN_MIN, len - WIRE_LEN_MIN, out);
}

void
wire_message_free(struct wire_message *msg)
{
    if (msg == NULL || msg->body == NULL)
        return;
    xdr_free(msg->body_proc, msg->body);
    free(msg->body);
    msg->body = NULL;
    msg->body_proc = WIRE_XDR_VOID;
}
