/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-error.c: error_set joins a code's prefix and the detail as
 * libvirt's virErrorMsg table does, so clients print libvirtd's lines.
 */
#include <string.h>

#include "drivers/error.h"
#include "tests/tap.h"

static const char *
message(int code, const char *detail)
{
    static struct vireo_error err;

    error_set(&err, code, VIR_FROM_NONE, "%s", detail);
    return err.message;
}

int
main(void)
{
    tap_plan(8);
    tap_is_str(message(VIR_ERR_INTERNAL_ERROR, "boom"), "internal error: boom",
           "most codes read '<prefix>: <detail>'");
    tap_is_str(message(VIR_ERR_SYSTEM_ERROR, "cannot open '/x': No such file"),
           "cannot open '/x': No such file",
           "a system error is its detail alone");
    tap_is_str(message(VIR_ERR_RPC, "too many parameters '9' for limit '8'"),
           "too many parameters '9' for limit '8'",
           "an RPC error is its detail alone");
    tap_is_str(message(VIR_ERR_GNUTLS_ERROR, "handshake failed"),
           "handshake failed", "a GnuTLS error is its detail alone");
    tap_is_str(message(VIR_ERR_SYSTEM_ERROR, ""), "system call error",
           "without detail, the prefix is the message");
    tap_is_str(message(VIR_ERR_OS_TYPE, "plan9"), "unknown OS type plan9",
           "an unknown OS type is named after a space");
    tap_is_str(message(VIR_ERR_NO_CONNECT, "xen:///"),
           "no connection driver available for xen:///",
           "no connection driver: the URI after a space");
    tap_is_str(message(VIR_ERR_NO_DOMAIN, ""), "Domain not found",
           "an empty detail leaves no separator");
    return tap_done();
}
