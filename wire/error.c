/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * error.c: remote_error <-> struct vireo_error, and libvirtd's dispatch
 * errors, worded exactly as libvirtd words them.
 */
#include <stdio.h>
#include <string.h>

#include "wire/error.h"
#include "wire/frame.h"

#define UNKNOWN_PROCEDURE "unknown procedure"

void
wire_error_reply_fill(struct wire_error_reply *reply,
                      const struct vireo_error *err)
{
    memset(reply, 0, sizeof(*reply));
    snprintf(reply->text, sizeof(reply->text), "%s", err->message);
    memcpy(reply->format, "%s", sizeof(reply->format));
    reply->text_ptr = reply->text;
    reply->format_ptr = reply->format;

    reply->xdr.code = err->code;
    reply->xdr.domain = err->domain;
    reply->xdr.message = &reply->text_ptr;
    reply->xdr.level = WIRE_ERROR_LEVEL_ERROR;
    reply->xdr.dom = NULL;
    reply->xdr.str1 = &reply->format_ptr;
    reply->xdr.str2 = &reply->text_ptr;
    reply->xdr.str3 = NULL;
    reply->xdr.int1 = -1;
    reply->xdr.int2 = -1;
    reply->xdr.net = NULL;
}

/* The libvirt client's rule (spec §3.4.3): an RPC error from the RPC or
 * remote layer saying "unknown procedure" means "not supported", which is
 * what every client fallback looks for. */
static bool
is_unknown_procedure(const remote_error *xdr)
{
    return xdr->code == VIR_ERR_RPC &&
           (xdr->domain == VIR_FROM_RPC || xdr->domain == VIR_FROM_REMOTE) &&
           xdr->level == WIRE_ERROR_LEVEL_ERROR &&
           xdr->message != NULL && *xdr->message != NULL &&
           strncmp(*xdr->message, UNKNOWN_PROCEDURE,
                   strlen(UNKNOWN_PROCEDURE)) == 0;
}

void
wire_error_from_xdr(const remote_error *xdr, struct vireo_error *err)
{
    const char *text = xdr->message != NULL && *xdr->message != NULL
                       ? *xdr->message : "Unknown error";

    err->code = is_unknown_procedure(xdr) ? VIR_ERR_NO_SUPPORT : xdr->code;
    err->domain = xdr->domain;
    snprintf(err->message, sizeof(err->message), "%s", text);
}

static void
rpc_error(struct vireo_error *err, int code, const char *text)
{
    err->code = code;
    err->domain = VIR_FROM_RPC;
    snprintf(err->message, sizeof(err->message), "%s", text);
}

void
wire_error_unknown_procedure(struct vireo_error *err, int proc)
{
    err->code = VIR_ERR_RPC;
    err->domain = VIR_FROM_RPC;
    snprintf(err->message, sizeof(err->message), UNKNOWN_PROCEDURE ": %d",
             proc);
}

/* libvirtd prints both numbers with %d, so a program number above
 * INT_MAX comes out negative; so does ours. */
static void
unknown_program(struct vireo_error *err, const remote_message_header *hdr)
{
    err->code = VIR_ERR_RPC;
    err->domain = VIR_FROM_RPC;
    snprintf(err->message, sizeof(err->message),
             "Cannot find program %d version %d",
             (int)hdr->prog, (int)hdr->vers);
}

static bool
is_call(const remote_message_header *hdr)
{
    return hdr->type == WIRE_TYPE_CALL || hdr->type == WIRE_TYPE_CALL_WITH_FDS;
}

int
wire_error_for_result(struct vireo_error *err, int result,
                      const remote_message_header *hdr)
{
    if (result == WIRE_RESULT_OK || result == WIRE_ERR_LENGTH || !is_call(hdr))
        return -1;
    /* libvirtd takes keepalive MESSAGEs aside before dispatching; a CALL
     * to that program finds no program to run it. */
    if (hdr->prog == WIRE_KEEPALIVE_PROGRAM)
        result = WIRE_ERR_PROGRAM;
    switch (result) {
    case WIRE_ERR_PROGRAM:
    case WIRE_ERR_VERSION:
        unknown_program(err, hdr);
        return 0;
    case WIRE_ERR_PROCEDURE:
    case WIRE_ERR_TYPE:
        wire_error_unknown_procedure(err, hdr->proc);
        return 0;
    case WIRE_ERR_NO_MEMORY:
        rpc_error(err, VIR_ERR_NO_MEMORY, "out of memory");
        return 0;
    default:
        rpc_error(err, VIR_ERR_RPC, "Unable to decode message payload");
        return 0;
    }
}
