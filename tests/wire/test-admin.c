/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-admin.c: the admin program against the bytes real peers exchanged:
 * virt-admin 9.0's calls and libvirtd 9.0's replies, recorded on its admin
 * socket. Each decodes as the procedure it is, with the fields libvirt
 * put in, and encodes back to the very same bytes; and the table knows
 * the program's procedures and nothing past them.
 */
#include <string.h>

#include "tests/tap.h"
#include "tests/wire/samples.h"
#include "wire/admin_procs.h"
#include "wire/decode.h"

#define BUF_MAX 1024

/* Whole messages as recorded, length word first. */
static const char open_call[] =
    "00000020 06900690 00000001 00000001 00000000 00000000 00000000 00000000";
static const char list_servers_call[] =
    "00000024 06900690 00000001 00000004 00000000 00000001 00000000"
    "| 00000001 00000000";
static const char list_servers_reply[] =
    "0000003c 06900690 00000001 00000004 00000001 00000001 00000000"
    "| 00000002 00000008 6c696276 69727464 00000005 61646d69 6e000000"
    "| 00000002";
static const char threadpool_reply[] =
    "000000b0 06900690 00000001 00000006 00000001 00000002 00000000"
    "| 00000006"
    "| 0000000a 6d696e57 6f726b65 72730000 00000002 00000005"
    "| 0000000a 6d617857 6f726b65 72730000 00000002 00000014"
    "| 00000008 6e576f72 6b657273 00000002 00000005"
    "| 0000000b 66726565 576f726b 65727300 00000002 00000005"
    "| 0000000b 7072696f 576f726b 65727300 00000002 00000005"
    "| 0000000d 6a6f6251 75657565 44657074 68000000 00000002 00000000";
static const char list_clients_reply[] =
    "00000044 06900690 00000001 00000008 00000001 00000002 00000000"
    "| 00000001 00000008 6c696276 69727464 00000000 00000001"
    "  00000000 6b137e8f 00000000 | 00000001";
static const char client_info_reply_start[] =
    "000000c4 06900690 00000001 0000000a 00000001 00000003 00000000"
    "| 00000006 00000008 72656164 6f6e6c79 00000006 00000000";
static const char set_limits_call[] =
    "00000050 06900690 00000001 0000000d 00000000 00000002 00000000"
    "| 00000008 6c696276 69727464 | 00000001"
    "| 00000013 6e636c69 656e7473 5f756e61 7574685f 6d617800 00000002 00000003"
    "| 00000000";
static const char no_filters_reply[] =
    "00000024 06900690 00000001 0000000f 00000001 00000001 00000000"
    "| 00000000 00000000";

/* Decode hex as a message into msg; its bytes stay in buf, len. */
static int
decode(const char *hex, uint8_t *buf, size_t *len, struct wire_message *msg)
{
    *len = hex_to_bytes(hex, buf, BUF_MAX);
    return wire_decode(buf, *len, msg);
}

/* msg, encoded again with its own header, gives back the recorded bytes. */
static bool
encodes_back(const struct wire_message *msg, const uint8_t *want,
             size_t want_len)
{
    struct wire_buffer out = { 0 };
    bool same = wire_encode(&out, &msg->header, msg->body_proc, msg->body) ==
                    WIRE_RESULT_OK &&
                bytes_equal(out.data, out.len, want, want_len);

    wire_buffer_release(&out);
    return same;
}

static void
check_table(void)
{
    tap_ok(wire_program_is_known(WIRE_ADMIN_PROGRAM) &&
           wire_program_has_version(WIRE_ADMIN_PROGRAM, 1) &&
           !wire_program_has_version(WIRE_ADMIN_PROGRAM, 2),
           "the admin program is known, in version 1 only");
    tap_is_str(wire_proc_find(WIRE_ADMIN_PROGRAM, 4)->name,
               "CONNECT_LIST_SERVERS", "procedure 4 lists the servers");
    tap_is_str(wire_proc_find(WIRE_ADMIN_PROGRAM, 19)->name,
               "CONNECT_SET_DAEMON_TIMEOUT",
               "procedure 19 sets the daemon timeout, the last one");
    tap_ok(wire_proc_find(WIRE_ADMIN_PROGRAM, 20) == NULL &&
           wire_proc_find(WIRE_ADMIN_PROGRAM, 0) == NULL,
           "there is nothing past them");
    tap_ok(wire_proc_find(WIRE_ADMIN_PROGRAM, 1)->is_allowed_before_open &&
           !wire_proc_find(WIRE_ADMIN_PROGRAM, 3)->is_allowed_before_open,
           "only opening and closing come before the session");
}

static void
check_calls(void)
{
    uint8_t buf[BUF_MAX];
    size_t len;
    struct wire_message msg;
    const admin_connect_list_servers_args *ls;
    const admin_server_set_client_limits_args *sl;

    tap_is_int(decode(open_call, buf, &len, &msg), WIRE_RESULT_OK,
               "virt-admin's CONNECT_OPEN decodes");
    tap_ok(encodes_back(&msg, buf, len), "and encodes back to its bytes");
    wire_message_free(&msg);

    tap_is_int(decode(list_servers_call, buf, &len, &msg), WIRE_RESULT_OK,
               "virt-admin's CONNECT_LIST_SERVERS decodes");
    ls = msg.body;
    tap_ok(ls->need_results == 1 && ls->flags == 0,
           "asking for the results");
    wire_message_free(&msg);

    tap_is_int(decode(set_limits_call, buf, &len, &msg), WIRE_RESULT_OK,
               "virt-admin's SERVER_SET_CLIENT_LIMITS decodes");
    sl = msg.body;
    tap_ok(sl->params.params_len == 1 &&
           strcmp(sl->params.params_val[0].field, "nclients_unauth_max") == 0 &&
           sl->params.params_val[0].value.type == 2 &&
           sl->params.params_val[0].value.admin_typed_param_value_u.ui == 3,
           "with its typed parameter, an unsigned int");
    tap_ok(encodes_back(&msg, buf, len), "and encodes back to its bytes");
    wire_message_free(&msg);
}

static void
check_replies(void)
{
    uint8_t buf[BUF_MAX];
    size_t len;
    struct wire_message msg;
    const admin_connect_list_servers_ret *ls;
    const admin_server_get_threadpool_parameters_ret *tp;
    const admin_server_list_clients_ret *lc;
    const admin_connect_get_logging_filters_ret *lf;

    tap_is_int(decode(list_servers_reply, buf, &len, &msg), WIRE_RESULT_OK,
               "libvirtd's list of servers decodes");
    ls = msg.body;
    tap_ok(ls->ret == 2 && ls->servers.servers_len == 2 &&
           strcmp(ls->servers.servers_val[1].name, "admin") == 0,
           "as libvirtd and admin");
    tap_ok(encodes_back(&msg, buf, len), "and encodes back to its bytes");
    wire_message_free(&msg);

    tap_is_int(decode(threadpool_reply, buf, &len, &msg), WIRE_RESULT_OK,
               "libvirtd's worker pool parameters decode");
    tp = msg.body;
    tap_ok(tp->params.params_len == 6 &&
           strcmp(tp->params.params_val[5].field, "jobQueueDepth") == 0 &&
           tp->params.params_val[1].value.admin_typed_param_value_u.ui == 20,
           "six unsigned ints, maxWorkers 20");
    tap_ok(encodes_back(&msg, buf, len), "and encode back to their bytes");
    wire_message_free(&msg);

    tap_is_int(decode(list_clients_reply, buf, &len, &msg), WIRE_RESULT_OK,
               "libvirtd's list of clients decodes");
    lc = msg.body;
    tap_ok(lc->ret == 1 && lc->clients.clients_val[0].id == 1 &&
           lc->clients.clients_val[0].timestamp == 0x6b137e8f &&
           lc->clients.clients_val[0].transport == 0,
           "one UNIX client, id 1, with its connection time");
    tap_ok(encodes_back(&msg, buf, len), "and encodes back to its bytes");
    wire_message_free(&msg);

    tap_is_int(decode(no_filters_reply, buf, &len, &msg), WIRE_RESULT_OK,
               "libvirtd's empty list of log filters decodes");
    lf = msg.body;
    tap_ok(lf->filters == NULL && lf->nfilters == 0,
           "as no string at all");
    wire_message_free(&msg);
}

/* The first parameter of client-info: a boolean travels as type 6. */
static void
check_boolean(void)
{
    uint8_t want[BUF_MAX], got_buf[BUF_MAX];
    size_t n = hex_to_bytes(client_info_reply_start, want, sizeof(want));
    struct wire_buffer out = { 0 };
    admin_typed_param p = { .field = (char *)"readonly" };
    remote_message_header hdr;

    p.value.type = 6;
    p.value.admin_typed_param_value_u.b = 0;
    wire_header_decode(want + WIRE_LEN_SIZE, &hdr);
    /* Count, then the one parameter: the recorded reply's first bytes. */
    wire_encode(&out, &hdr, (xdrproc_t)xdr_admin_typed_param, &p);
    memcpy(got_buf, out.data + WIRE_LEN_MIN, out.len - WIRE_LEN_MIN);
    tap_ok(bytes_equal(got_buf, out.len - WIRE_LEN_MIN,
                       want + WIRE_LEN_MIN + 4, n - WIRE_LEN_MIN - 4),
           "a boolean parameter is written as libvirtd writes it");
    wire_buffer_release(&out);
}

int
main(void)
{
    tap_plan(24);
    check_table();
    check_calls();
    check_replies();
    check_boolean();
    return tap_done();
}
