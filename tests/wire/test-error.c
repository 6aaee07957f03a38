/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-error.c: error replies as libvirtd lays them out, the client's
 * "unknown procedure" rule, and libvirtd's dispatch errors.
 */
#include "tests/tap.h"
#include "wire/error.h"
#include "wire/frame.h"

static remote_error
received(int code, int domain, int level, char **message)
{
    return (remote_error){ .code = code, .domain = domain, .level = level,
                           .message = message };
}

static void
check_reply_layout(void)
{
    struct vireo_error err = { VIR_ERR_NO_DOMAIN, VIR_FROM_TEST,
                               "Domain not found" };
    struct wire_error_reply r;

    wire_error_reply_fill(&r, &err);
    tap_ok(r.xdr.code == 42 && r.xdr.domain == 12 && r.xdr.level == 2,
           "code, domain and level 2 are set");
    tap_ok(strcmp(*r.xdr.message, "Domain not found") == 0 &&
           strcmp(*r.xdr.str2, "Domain not found") == 0 &&
           strcmp(*r.xdr.str1, "%s") == 0 && r.xdr.str3 == NULL,
           "message and str2 carry the text, str1 is \"%%s\"");
    tap_ok(r.xdr.int1 == -1 && r.xdr.int2 == -1 && r.xdr.dom == NULL &&
           r.xdr.net == NULL, "int1 = int2 = -1, dom and net absent");
}

static void
check_unknown_procedure_rule(void)
{
    char text[] = "unknown procedure: 444", other[] = "Domain not found";
    char *t = text, *o = other;
    struct vireo_error err;
    remote_error e;

    e = received(39, 7, 2, &t);
    wire_error_from_xdr(&e, &err);
    tap_is_int(err.code, VIR_ERR_NO_SUPPORT, "39/RPC \"unknown procedure\" is NO_SUPPORT");
    e = received(39, 13, 2, &t);
    wire_error_from_xdr(&e, &err);
    tap_is_int(err.code, VIR_ERR_NO_SUPPORT, "so is 39/REMOTE");
    e = received(39, 10, 2, &t);
    wire_error_from_xdr(&e, &err);
    tap_is_int(err.code, 39, "but not 39/QEMU");
    e = received(39, 7, 1, &t);
    wire_error_from_xdr(&e, &err);
    tap_is_int(err.code, 39, "nor a warning");
    e = received(39, 7, 2, &o);
    wire_error_from_xdr(&e, &err);
    tap_is_int(err.code, 39, "nor another message");
    e = received(1, 7, 2, &t);
    wire_error_from_xdr(&e, &err);
    tap_is_int(err.code, 1, "nor another code");
    tap_ok(err.domain == 7 && strcmp(err.message, text) == 0,
           "domain and message are copied");
    e = received(1, 7, 2, NULL);
    wire_error_from_xdr(&e, &err);
    tap_is_str(err.message, "Unknown error", "an absent message is \"Unknown error\"");
}

static void
check_long_message(void)
{
    char text[VIREO_ERROR_MESSAGE_MAX + 100];
    char *t = text;
    struct vireo_error err;
    remote_error e = received(1, 0, 2, &t);

    memset(text, 'a', sizeof(text) - 1);
    text[sizeof(text) - 1] = '\0';
    wire_error_from_xdr(&e, &err);
    tap_is_int(strlen(err.message), sizeof(err.message) - 1,
               "a long message is cut to fit");
}

static void
check_dispatch_errors(void)
{
    remote_message_header call = { 0x20008087, 1, 3, WIRE_TYPE_CALL, 5, 0 };
    struct vireo_error err = { 0 };

    tap_is_int(wire_error_for_result(&err, WIRE_ERR_PROGRAM, &call), 0,
               "an unknown program gets an error reply");
    tap_ok(err.code == 39 && err.domain == 7 &&
           strcmp(err.message, "Cannot find program 536903815 version 1") == 0,
           "\"Cannot find program 536903815 version 1\"");
    call.prog = WIRE_REMOTE_PROGRAM;
    call.proc = 9999;
    wire_error_for_result(&err, WIRE_ERR_PROCEDURE, &call);
    tap_is_str(err.message, "unknown procedure: 9999", "\"unknown procedure: 9999\"");
    wire_error_for_result(&err, WIRE_ERR_TRAILING, &call);
    tap_is_str(err.message, "Unable to decode message payload",
               "\"Unable to decode message payload\"");
    tap_is_int(wire_error_for_result(&err, WIRE_ERR_LENGTH, &call), -1,
               "a bad length word gets no reply");
    call.type = WIRE_TYPE_MESSAGE;
    tap_is_int(wire_error_for_result(&err, WIRE_ERR_PROCEDURE, &call), -1,
               "nor does anything but a CALL");
    call.type = WIRE_TYPE_CALL;
    call.prog = WIRE_KEEPALIVE_PROGRAM;
    call.proc = 1;
    wire_error_for_result(&err, WIRE_ERR_TYPE, &call);
    tap_is_str(err.message, "Cannot find program 1801807216 version 1",
               "a CALL to keepalive finds no program");
}

int
main(void)
{
    tap_plan(19);
    check_reply_layout();
    check_unknown_procedure_rule();
    check_long_message();
    check_dispatch_errors();
    return tap_done();
}
