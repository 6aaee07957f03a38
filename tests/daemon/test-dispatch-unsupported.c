/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-dispatch-unsupported.c: what vireod answers for a call it does not
 * serve, without sockets: a known procedure with no handler, and a
 * handler that found the driver's slot empty; both in libvirtd's words.
 */
#include <string.h>

#include "daemon/dispatch_unsupported.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "tests/tap.h"
#include "wire/error.h"

#define NO_SUPPORT "this function is not supported by the connection driver: "

static const struct driver tiny = { .name = "tiny" };

static bool
is_answer(const struct vireo_error *err, int domain, const char *api)
{
    return err->code == VIR_ERR_NO_SUPPORT && err->domain == domain &&
           strncmp(err->message, NO_SUPPORT, strlen(NO_SUPPORT)) == 0 &&
           strcmp(err->message + strlen(NO_SUPPORT), api) == 0;
}

static void
test_unserved(void)
{
    struct wire_proc reset = { .prog = WIRE_REMOTE_PROGRAM, .number = 245 };
    struct wire_proc agent = { .prog = WIRE_QEMU_PROGRAM, .number = 3 };
    struct wire_proc event = { .prog = WIRE_REMOTE_PROGRAM, .number = 107 };
    struct vireo_error err = { 0 };

    tap_ok(dispatch_unsupported_unserved(&reset, &err) == -1 &&
           is_answer(&err, VIR_FROM_DOMAIN, "virDomainReset"),
           "a remote procedure without a handler: not supported, naming its API");
    tap_ok(dispatch_unsupported_unserved(&agent, &err) == -1 &&
           is_answer(&err, VIR_FROM_NONE, "virDomainQemuAgentCommand"),
           "a QEMU program's one: from VIR_FROM_NONE, as libvirt-qemu reports");
    dispatch_unsupported_unserved(&event, &err);
    tap_ok(err.code == VIR_ERR_RPC &&
           strcmp(err.message, "unknown procedure: 107") == 0,
           "an event message called as a procedure: unknown procedure");
}

static void
test_rename(void)
{
    struct wire_proc reset = { .prog = WIRE_REMOTE_PROGRAM, .number = 245 };
    struct vireo_error err = { 0 };

    error_unsupported(&err, &tiny, "domain_reset");
    dispatch_unsupported_rename(&reset, &err);
    tap_ok(is_answer(&err, VIR_FROM_DOMAIN, "virDomainReset"),
           "an empty driver slot is reported as libvirtd reports it");
    error_set(&err, VIR_ERR_NO_SUPPORT, VIR_FROM_TEST, "%s", "no such flag");
    dispatch_unsupported_rename(&reset, &err);
    tap_ok(err.domain == VIR_FROM_TEST &&
           strcmp(err.message, NO_SUPPORT "no such flag") == 0,
           "a driver's own not-supported error is left as it is");
    error_set(&err, VIR_ERR_NO_DOMAIN, VIR_FROM_TEST, "%s", "gone");
    dispatch_unsupported_rename(&reset, &err);
    tap_ok(err.code == VIR_ERR_NO_DOMAIN, "... and so is any other error");
    error_unsupported(&err, &tiny, "domain_reset");
    dispatch_unsupported_rename(NULL, &err);
    tap_ok(err.domain == VIR_FROM_NONE, "without a procedure, nothing changes");
}

int
main(void)
{
    tap_plan(7);
    test_unserved();
    test_rename();
    return tap_done();
}
