/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * error.h: the error structure of a failed REPLY (spec §3.4) to and from
 * struct vireo_error, and the errors libvirtd itself sends when a packet
 * cannot be dispatched (spec §2.8).
 *
 * No function here allocates or keeps state; any thread may call them.
 */
#ifndef VIREO_WIRE_ERROR_H
#define VIREO_WIRE_ERROR_H

#include "api/vireo.h"
#include "wire/remote_protocol.h"

/* libvirt's virErrorLevel (spec §6.7). */
enum wire_error_level {
    WIRE_ERROR_LEVEL_NONE    = 0,
    WIRE_ERROR_LEVEL_WARNING = 1,
    WIRE_ERROR_LEVEL_ERROR   = 2,
};

/* A remote_error ready to be encoded, laid out as libvirtd sends it: level
 * 2, message and str2 the text, str1 "%s", str3, dom and net absent, int1
 * and int2 -1. Its pointers point into the struct itself, so it must be
 * filled in place, never copied, and never given to xdr_free(). */
struct wire_error_reply {
    remote_error xdr;
    char        *text_ptr;
    char        *format_ptr;
    char         text[sizeof(((struct vireo_error *)0)->message)];
    char         format[3];
};

/* Fill reply from err, ready for wire_encode(..., xdr_remote_error,
 * &reply->xdr). */
void wire_error_reply_fill(struct wire_error_reply *reply,
                           const struct vireo_error *err);

/* Copy a received error into err as a libvirt client would: code, domain
 * and message (truncated to fit; "Unknown error" when absent), with an
 * "unknown procedure" RPC error turned into VIR_ERR_NO_SUPPORT
 * (spec §3.4.3). */
void wire_error_from_xdr(const remote_error *xdr, struct vireo_error *err);

/* libvirtd's own errors (code 39 VIR_ERR_RPC, domain 7 VIR_FROM_RPC):
 * "unknown procedure: <proc>". */
void wire_error_unknown_procedure(struct vireo_error *err, int proc);

/* The error reply libvirtd sends for a packet that wire_decode() judged
 * as result (spec §2.8): "Cannot find program <prog> version <vers>" for
 * an unknown program or version; "unknown procedure: <proc>" for an
 * unknown procedure, or one that is not callable (an event message sent as
 * a CALL); "Unable to decode message payload" for a payload or status
 * that does not decode. Returns 0 when err was filled, -1 when no reply is
 * due: the packet is not a CALL (libvirtd answers nothing else), the
 * length word was bad (the connection closes), or the result is OK. */
int wire_error_for_result(struct vireo_error *err, int result,
                          const remote_message_header *hdr);

#endif /* VIREO_WIRE_ERROR_H */
