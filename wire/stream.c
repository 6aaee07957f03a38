/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * stream.c: the messages of a stream (stream.h): data, end of file,
 * finish and abort confirmations, errors, and the holes of sparse
 * streams.
 */
#include <stdio.h>
#include <string.h>

#include "wire/error.h"
#include "wire/stream.h"
#include "wire/xdr_guard.h"

static remote_message_header
stream_header(const remote_message_header *call, int status)
{
    remote_message_header hdr = *call;

    hdr.type = WIRE_TYPE_STREAM;
    hdr.status = status;
    return hdr;
}

int
wire_encode_stream(struct wire_buffer *buf, const remote_message_header *call,
                   int status, const void *data, size_t len)
{
    remote_message_header hdr = stream_header(call, status);

    return wire_encode_raw(buf, &hdr, data, len);
}

int
wire_encode_stream_error(struct wire_buffer *buf,
                         const remote_message_header *call,
                         const struct vireo_error *err)
{
    remote_message_header hdr = stream_header(call, WIRE_STATUS_ERROR);
    struct wire_error_reply reply;

    wire_error_reply_fill(&reply, err);
    return wire_encode(buf, &hdr, (xdrproc_t)xdr_remote_error, &reply.xdr);
}

int
wire_stream_error(const struct wire_message *msg, struct vireo_error *err)
{
    remote_error xerr;
    enum xdr_guard_result rc = XDR_GUARD_MALFORMED;

    memset(&xerr, 0, sizeof(xerr));
    if (msg->data_len > 0)
        rc = xdr_guard_decode(msg->data, msg->data_len,
                              (xdrproc_t)xdr_remote_error, &xerr);
    if (rc == XDR_GUARD_OK) {
        wire_error_from_xdr(&xerr, err);
    } else {
        err->code = VIR_ERR_RPC;
        err->domain = VIR_FROM_RPC;
        snprintf(err->message, sizeof(err->message), "%s",
                 "Unable to decode message payload");
    }
    xdr_free((xdrproc_t)xdr_remote_error, (char *)&xerr);
    return -1;
}

/* libvirt's virNetStreamHole (virnetprotocol.x). */
struct stream_hole {
    quad_t length;
    u_int  flags;
};

static bool_t
xdr_stream_hole(XDR *xdrs, struct stream_hole *h)
{
    return xdr_quad_t(xdrs, &h->length) && xdr_u_int(xdrs, &h->flags);
}

int
wire_encode_stream_hole(struct wire_buffer *buf,
                        const remote_message_header *call, long long length,
                        unsigned flags)
{
    remote_message_header hdr = stream_header(call, WIRE_STATUS_CONTINUE);
    struct stream_hole hole = { .length = length, .flags = flags };

    hdr.type = WIRE_TYPE_STREAM_HOLE;
    return wire_encode(buf, &hdr, (xdrproc_t)xdr_stream_hole, &hole);
}

int
wire_stream_hole(const struct wire_message *msg, long long *length,
                 unsigned *flags, struct vireo_error *err)
{
    struct stream_hole hole = { 0 };

    if (msg->data_len == 0 ||
        xdr_guard_decode(msg->data, msg->data_len,
                         (xdrproc_t)xdr_stream_hole, &hole) != XDR_GUARD_OK) {
        err->code = VIR_ERR_INTERNAL_ERROR;
        err->domain = VIR_FROM_RPC;
        snprintf(err->message, sizeof(err->message), "%s",
                 "Malformed stream hole packet");
        return -1;
    }
    *length = hole.length;
    *flags = hole.flags;
    return 0;
}
