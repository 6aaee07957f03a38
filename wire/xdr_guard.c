/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * xdr_guard.c: declared lengths checked against the bytes that are really
 * there, before libtirpc allocates for them (see xdr_guard.h).
 *
 * This file must not be compiled with the xdr_string/xdr_array renaming
 * that the generated code gets: the guards call libtirpc's originals.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wire/xdr_guard.h"

struct guard_state {
    const XDR *xdrs;    /* the stream being decoded */
    u_int      len;     /* bytes in its buffer */
    bool       is_oversized; /* a guard refused a declared length */
};

/* The decode in progress on this thread. Generated routines hand the
 * guards nothing but the XDR, and XDR.x_public cannot carry the state:
 * xdrmem_create() leaves it uninitialised, so a stream that is not ours
 * would hold garbage there. A decode runs start to end on one thread. */
static _Thread_local struct guard_state *current;

/* Read the 4-byte length or count at the current position without
 * consuming it. */
static bool_t
peek_u_int(XDR *xdrs, u_int *value)
{
    u_int pos = xdr_getpos(xdrs);

    if (!xdr_u_int(xdrs, value))
        return FALSE;
    return xdr_setpos(xdrs, pos);
}

/* Whether a declared size, in units of unit_bytes each, fits in what is
 * left of the buffer after its own 4-byte length word; the size goes to
 * *size. Sizes above the type's bound are left to libtirpc, which refuses
 * them without allocating, so that such input is reported as malformed
 * rather than as a length problem. */
static bool_t
declared_size_fits(XDR *xdrs, u_int maxsize, u_int unit_bytes, u_int *size)
{
    struct guard_state *st = current;
    u_int pos, left;

    if (st == NULL || st->xdrs != xdrs)
        return FALSE;   /* not our stream: we cannot tell where it ends */
    if (!peek_u_int(xdrs, size))
        return FALSE;
    if (*size > maxsize)
        return TRUE;
    pos = xdr_getpos(xdrs) + BYTES_PER_XDR_UNIT;
    left = pos <= st->len ? st->len - pos : 0;
    if (*size > left / unit_bytes) {
        st->is_oversized = true;
        return FALSE;
    }
    return TRUE;
}

/* size bytes into dst, then the padding up to the next 4-byte boundary.
 * libtirpc's decoder reads that padding into one static buffer shared by
 * every thread: harmless bytes, but a data race as soon as two threads
 * decode at once, which the client library does. Here it lands on the
 * stack. */
static bool_t
get_padded_bytes(XDR *xdrs, char *dst, u_int size)
{
    char pad[BYTES_PER_XDR_UNIT];
    u_int pad_len = (BYTES_PER_XDR_UNIT - size % BYTES_PER_XDR_UNIT) %
                    BYTES_PER_XDR_UNIT;

    if (size > 0 && !XDR_GETBYTES(xdrs, dst, size))
        return FALSE;
    return pad_len == 0 || XDR_GETBYTES(xdrs, pad, pad_len);
}

/* Decoding also refuses a string with a NUL inside: C would see only the
 * part before it, so "test\0x" would name the domain "test". (libvirt
 * accepts and truncates such strings; nothing legitimate sends them.)
 * On failure *sp is NULL or a string that xdr_free() releases. */
static bool_t
decode_string(XDR *xdrs, char **sp, u_int maxsize)
{
    u_int size;

    if (!declared_size_fits(xdrs, maxsize, 1, &size) ||
        !xdr_u_int(xdrs, &size) || size > maxsize)
        return FALSE;
    if (*sp == NULL && (*sp = malloc((size_t)size + 1)) == NULL)
        return FALSE;
    if (!get_padded_bytes(xdrs, *sp, size)) {
        **sp = '\0';
        return FALSE;
    }
    (*sp)[size] = '\0';
    return strlen(*sp) == size;
}

bool_t
xdr_guard_string(XDR *xdrs, char **sp, u_int maxsize)
{
    /* libtirpc refuses to encode a NULL string, but the sanitizers'
     * interceptor of xdr_string() reads it first; refuse it here. */
    if (xdrs->x_op == XDR_ENCODE && *sp == NULL)
        return FALSE;
    if (xdrs->x_op == XDR_DECODE)
        return decode_string(xdrs, sp, maxsize);
    return xdr_string(xdrs, sp, maxsize);
}

bool_t
xdr_guard_array(XDR *xdrs, char **addrp, u_int *sizep, u_int maxsize,
                u_int elsize, xdrproc_t elproc)
{
    u_int size;

    if (xdrs->x_op == XDR_DECODE &&
        !declared_size_fits(xdrs, maxsize, BYTES_PER_XDR_UNIT, &size))
        return FALSE;
    return xdr_array(xdrs, addrp, sizep, maxsize, elsize, elproc);
}

enum xdr_guard_result
xdr_guard_decode(const void *buf, size_t len, xdrproc_t proc, void *obj)
{
    XDR xdrs;
    struct guard_state st = { .xdrs = &xdrs, .len = (u_int)len };
    bool_t is_decoded;
    u_int used;

    if (len > UINT_MAX)
        return XDR_GUARD_MALFORMED;
    /* A decoding xdrmem stream only reads from its buffer; the cast is
     * there because xdrmem_create() serves both directions. */
    xdrmem_create(&xdrs, (char *)(uintptr_t)buf, (u_int)len, XDR_DECODE);
    current = &st;
    is_decoded = proc(&xdrs, obj, 0);
    current = NULL;
    used = xdr_getpos(&xdrs);
    xdr_destroy(&xdrs);
    if (!is_decoded)
        return st.is_oversized ? XDR_GUARD_OVERSIZED : XDR_GUARD_MALFORMED;
    return used == len ? XDR_GUARD_OK : XDR_GUARD_TRAILING;
}
