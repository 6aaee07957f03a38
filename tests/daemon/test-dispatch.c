/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-dispatch.c: vireod's procedure handlers against the test driver,
 * without sockets: the table, wire arguments in, ret structs out, and the
 * error reply a failed call turns into.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_reply.h"
#include "daemon/dispatch_slots.h"
#include "daemon/dispatch_table.h"
#include "drivers/handle.h"
#include "drivers/test/testdrv.h"
#include "drivers/uri.h"
#include "tests/tap.h"
#include "wire/decode.h"

/* The default domain of test:///default. */
static const unsigned char test_uuid[16] = {
    0x66, 0x95, 0xeb, 0x01, 0xf6, 0xa4, 0x83, 0x04,
    0x79, 0xaa, 0x97, 0xf2, 0x50, 0x2e, 0x19, 0x3f,
};

static struct vireo_conn *
open_default(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = handle_conn_new("test:///default", false);
    struct uri *uri = uri_parse("test:///default", &err);

    conn->driver = &testdrv;
    if (testdrv.open(conn, uri, 0, &err) < 0)
        tap_diag("open: %s", err.message);
    uri_free(uri);
    return conn;
}

static dispatch_fn
handler(int number)
{
    return dispatch_driver_handler(wire_proc_lookup(number));
}

static void
test_table(void)
{
    struct wire_proc unknown = { .prog = WIRE_REMOTE_PROGRAM, .number = 9999 };
    struct wire_proc qemu_two = { .prog = WIRE_QEMU_PROGRAM, .number = 2 };

    tap_ok(handler(REMOTE_PROC_DOMAIN_SUSPEND) == dispatch_domain_suspend,
           "34 is DOMAIN_SUSPEND's handler");
    tap_ok(handler(REMOTE_PROC_CONNECT_GET_ALL_DOMAIN_STATS) ==
           dispatch_connect_get_all_domain_stats,
           "344 is CONNECT_GET_ALL_DOMAIN_STATS's handler");
    tap_ok(handler(REMOTE_PROC_DOMAIN_EVENT_LIFECYCLE) == NULL,
           "107, an event message, has no call handler");
    tap_ok(dispatch_driver_handler(&unknown) == NULL &&
           dispatch_driver_handler(&qemu_two) == NULL,
           "numbers out of range have none");
    tap_ok(dispatch_local_handler(REMOTE_PROC_AUTH_LIST) != NULL &&
           handler(REMOTE_PROC_AUTH_LIST) == NULL,
           "AUTH_LIST is answered on the loop");
    tap_ok(dispatch_driver_handler(wire_proc_find(WIRE_QEMU_PROGRAM, 1)) ==
           dispatch_qemu_domain_monitor_command,
           "QEMU program procedure 1 is the monitor command's handler");
    tap_ok(dispatch_stream_handler(wire_proc_lookup(201)) ==
           dispatch_domain_open_console && handler(201) == NULL &&
           dispatch_stream_handler(wire_proc_lookup(34)) == NULL,
           "201 opens a stream; other calls do not");
}

static int
feature(int number)
{
    remote_connect_supports_feature_args a = { .feature = number };
    remote_connect_supports_feature_ret r = { 0 };
    struct vireo_error err = { 0 };

    dispatch_local_handler(REMOTE_PROC_CONNECT_SUPPORTS_FEATURE)(NULL, &a, &r,
                                                                 &err);
    return r.supported;
}

static void
test_features(void)
{
    tap_is_int(feature(10), 1, "keepalive is supported (PINGs get PONGs)");
    tap_is_int(feature(14), 1, "event callbacks are (316/317)");
    tap_is_int(feature(15), 1, "close callbacks are");
    tap_is_int(feature(8), 1, "FD passing is (CALL_WITH_FDS is read)");
    tap_is_int(feature(9), 1, "typed parameter strings are");
    tap_is_int(feature(7), 0, "migration change protection is not");
}

static void
test_lookup(struct vireo_conn *conn)
{
    remote_domain_lookup_by_name_args a = { .name = (char *)"test" };
    remote_domain_lookup_by_name_ret r = { 0 };
    struct vireo_error err = { 0 };

    tap_is_int(dispatch_domain_lookup_by_name(conn, &a, &r, &err), 0,
               "lookup by name");
    tap_is_int(r.dom.id, 1, "the running domain carries its id");
    tap_ok(memcmp(r.dom.uuid, test_uuid, 16) == 0, "and its uuid");
    xdr_free((xdrproc_t)xdr_remote_domain_lookup_by_name_ret, &r);
    a.name = (char *)"nosuch";
    memset(&r, 0, sizeof(r));
    tap_is_int(dispatch_domain_lookup_by_name(conn, &a, &r, &err), -1,
               "an unknown name fails");
    tap_is_int(err.code, VIR_ERR_NO_DOMAIN, "with NO_DOMAIN");
}

static void
test_list(struct vireo_conn *conn)
{
    remote_connect_list_all_domains_args a = { .need_results = 1 };
    remote_connect_list_all_domains_ret r = { 0 };
    struct vireo_error err = { 0 };

    dispatch_connect_list_all_domains(conn, &a, &r, &err);
    tap_ok(r.domains.domains_len == 1 && r.ret == 1 &&
           strcmp(r.domains.domains_val[0].name, "test") == 0,
           "list all: the one domain");
    xdr_free((xdrproc_t)xdr_remote_connect_list_all_domains_ret, &r);
    a.need_results = 0;
    memset(&r, 0, sizeof(r));
    dispatch_connect_list_all_domains(conn, &a, &r, &err);
    tap_ok(r.domains.domains_len == 0 && r.ret == 1,
           "need_results 0: the count only");
}

static int
state_of(struct vireo_conn *conn, const remote_nonnull_domain *dom)
{
    remote_domain_get_state_args a = { .dom = *dom };
    remote_domain_get_state_ret r = { 0 };
    struct vireo_error err = { 0 };

    if (dispatch_domain_get_state(conn, &a, &r, &err) < 0)
        return -1;
    return r.state;
}

static void
test_suspend(struct vireo_conn *conn)
{
    /* A stale id must not matter: the driver goes by uuid. */
    remote_domain_suspend_args a = { .dom = { .name = (char *)"test", .id = -1 } };
    struct vireo_error err = { 0 };

    memcpy(a.dom.uuid, test_uuid, 16);
    tap_is_int(dispatch_domain_suspend(conn, &a, NULL, &err), 0, "suspend");
    tap_is_int(state_of(conn, &a.dom), VIR_DOMAIN_PAUSED, "now paused");
    tap_is_int(dispatch_domain_resume(conn, &a, NULL, &err), 0, "resume");
    tap_is_int(state_of(conn, &a.dom), VIR_DOMAIN_RUNNING, "running again");
}

static void
test_error_reply(void)
{
    remote_message_header call = {
        .prog = WIRE_REMOTE_PROGRAM, .vers = WIRE_REMOTE_VERSION,
        .proc = REMOTE_PROC_DOMAIN_SUSPEND, .type = WIRE_TYPE_CALL,
        .serial = 42, .status = WIRE_STATUS_OK,
    };
    struct vireo_error err = {
        .code = VIR_ERR_NO_DOMAIN, .domain = VIR_FROM_TEST,
        .message = "Domain not found",
    };
    struct wire_buffer out = { 0 };
    struct wire_message msg;
    const remote_error *e;

    dispatch_reply_encode(&out, &call,
                          wire_proc_lookup(REMOTE_PROC_DOMAIN_SUSPEND), -1,
                          NULL, &err);
    tap_is_int(wire_decode(out.data, out.len, &msg), WIRE_RESULT_OK,
               "a failed call's reply decodes");
    e = msg.body;
    tap_ok(msg.header.type == WIRE_TYPE_REPLY && msg.header.serial == 42 &&
           msg.header.status == WIRE_STATUS_ERROR,
           "as a REPLY with the call's serial and status ERROR");
    tap_ok(e != NULL && e->code == VIR_ERR_NO_DOMAIN &&
           e->domain == VIR_FROM_TEST && e->message != NULL &&
           strcmp(*e->message, "Domain not found") == 0,
           "carrying the driver's code, domain and message");
    wire_message_free(&msg);
    wire_buffer_release(&out);
}

int
main(void)
{
    struct vireo_conn *conn;

    tap_plan(27);
    test_table();
    test_features();
    conn = open_default();
    test_lookup(conn);
    test_list(conn);
    test_suspend(conn);
    test_error_reply();
    handle_conn_unref(conn);
    return tap_done();
}
