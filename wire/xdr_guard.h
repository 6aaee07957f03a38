/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * xdr_guard.h: decoding one XDR value from a buffer without letting a
 * declared length allocate more than the buffer could hold.
 *
 * libtirpc's xdr_string() and xdr_array() allocate the declared size of a
 * string or array before they read its bytes. The declared size is only
 * checked against the type's bound (4 MiB for a string, 262144 typed
 * parameters, ...), so a 40-byte message could make the decoder allocate
 * megabytes, and an unbounded type gigabytes. The code rpcgen generates from
 * remote_protocol.x is therefore compiled with xdr_string and xdr_array
 * renamed to the guards below (see wire/meson.build). When decoding, a guard
 * first compares the declared size with the bytes left in the buffer:
 * a string needs one byte per character, an array at least one 4-byte word
 * per element (every XDR item is a non-empty multiple of 4 bytes). Only a
 * size that the remaining bytes could actually hold reaches libtirpc.
 * The string guard also refuses a string with a NUL byte inside, which C
 * code would silently cut short.
 *
 * The guards need to know where the buffer ends, so generated routines may
 * only decode through xdr_guard_decode(); on any other decoding stream a
 * string or array is refused. Encoding and XDR_FREE pass straight
 * through.
 */
#ifndef VIREO_WIRE_XDR_GUARD_H
#define VIREO_WIRE_XDR_GUARD_H

#include <stddef.h>
#include <rpc/rpc.h>

enum xdr_guard_result {
    XDR_GUARD_OK = 0,
    XDR_GUARD_MALFORMED,    /* the bytes are not a value of the type */
    XDR_GUARD_OVERSIZED,    /* a declared length exceeds the bytes left */
    XDR_GUARD_TRAILING,     /* the value decoded but bytes were left over */
};

/* Decode exactly len bytes at buf as one value of proc's type into obj,
 * which must be zeroed and proc's size. On any result obj holds what was
 * decoded so far: release it with xdr_free(proc, obj) in every case. Any
 * thread; keeps no state. */
enum xdr_guard_result xdr_guard_decode(const void *buf, size_t len,
                                       xdrproc_t proc, void *obj);

/* The replacements for xdr_string() and xdr_array() in generated code.
 * Same contracts as libtirpc's, plus the size check described above. */
bool_t xdr_guard_string(XDR *xdrs, char **sp, u_int maxsize);
bool_t xdr_guard_array(XDR *xdrs, char **addrp, u_int *sizep, u_int maxsize,
                       u_int elsize, xdrproc_t elproc);

#endif /* VIREO_WIRE_XDR_GUARD_H */
