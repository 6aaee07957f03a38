/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-spec-examples.c: our encoder produces, byte for byte, every hex
 * example of libvirt-remote-subset.md, and our decoder reads them back.
 */
#include "tests/tap.h"
#include "tests/wire/samples.h"
#include "wire/decode.h"
#include "wire/error.h"

#define UUID_HEX "6695eb01 f6a48304 79aa97f2 502e193f"
#define DOM_HEX  "00000004 74657374 " UUID_HEX " 00000001"

static const unsigned char test_uuid[16] = {
    0x66, 0x95, 0xeb, 0x01, 0xf6, 0xa4, 0x83, 0x04,
    0x79, 0xaa, 0x97, 0xf2, 0x50, 0x2e, 0x19, 0x3f,
};

static char test_name[] = "test";

/* Encode one value on its own (no framing), as the spec's fragments show. */
static size_t
encode_value(xdrproc_t proc, void *obj, uint8_t *out, size_t cap)
{
    XDR xdrs;
    bool_t ok;
    size_t len;

    xdrmem_create(&xdrs, (char *)out, (u_int)cap, XDR_ENCODE);
    ok = proc(&xdrs, obj, 0);
    len = xdr_getpos(&xdrs);
    xdr_destroy(&xdrs);
    return ok ? len : 0;
}

static bool
encodes_to(xdrproc_t proc, void *obj, const char *hex)
{
    uint8_t got[4096], want[4096];
    size_t got_len = encode_value(proc, obj, got, sizeof(got));
    size_t want_len = hex_to_bytes(hex, want, sizeof(want));

    return got_len > 0 && bytes_equal(got, got_len, want, want_len);
}

/* A whole message with payload hex, as a client or server would send it. */
static size_t
message(uint8_t *out, size_t cap, int proc, int type, uint32_t serial,
        int status, const char *payload_hex)
{
    uint8_t payload[4096];
    size_t n = hex_to_bytes(payload_hex, payload, sizeof(payload));

    return build_message(out, cap, WIRE_REMOTE_PROGRAM, WIRE_REMOTE_VERSION,
                         proc, type, serial, status, payload, n);
}

static remote_nonnull_domain
test_dom(void)
{
    remote_nonnull_domain d = { .name = test_name, .id = 1 };

    memcpy(d.uuid, test_uuid, sizeof(d.uuid));
    return d;
}

static void
check_strings_and_domain(void)
{
    char uri[] = "test:///default";
    char *uri_ptr = uri;
    remote_string present = &uri_ptr, absent = NULL;
    remote_nonnull_domain d = test_dom();

    tap_ok(encodes_to((xdrproc_t)xdr_remote_string, &present,
                      "00000001 0000000f 74657374 3a2f2f2f 64656661 756c7400"),
           "§3.1: the ostr \"test:///default\" is present, 15, bytes, one pad");
    tap_ok(encodes_to((xdrproc_t)xdr_remote_string, &absent, "00000000"),
           "§3.1: a NULL ostr is the single word 0");
    tap_ok(encodes_to((xdrproc_t)xdr_remote_nonnull_domain, &d, DOM_HEX),
           "§3.3: domain \"test\" id 1 is name, 16-byte uuid, id");
}

#define UNKNOWN_9999 "00000017 756e6b6e 6f776e20 70726f63 65647572 653a2039 39393900"
#define ERROR_9999   "00000027 00000007 00000001 " UNKNOWN_9999 \
                     " 00000002 00000000 00000001 00000002 25730000" \
                     " 00000001 " UNKNOWN_9999 \
                     " 00000000 ffffffff ffffffff 00000000"

static void
check_unknown_procedure_error(void)
{
    struct vireo_error err = { 0 }, back = { 0 };
    struct wire_error_reply reply;
    uint8_t buf[512];
    struct wire_message m;
    size_t len;
    int rc;

    wire_error_unknown_procedure(&err, 9999);
    wire_error_reply_fill(&reply, &err);
    tap_ok(encodes_to((xdrproc_t)xdr_remote_error, &reply.xdr, ERROR_9999),
           "§3.4.3: the unknown-procedure error payload is libvirtd's");

    /* The same payload as the error reply to a procedure we know. */
    len = message(buf, sizeof(buf), 66, WIRE_TYPE_REPLY, 0, WIRE_STATUS_ERROR,
                  ERROR_9999);
    rc = wire_decode(buf, len, &m);
    tap_ok(rc == 0 && m.body_proc == (xdrproc_t)xdr_remote_error,
           "§3.4.3: an error reply decodes as the error structure");
    if (rc == 0)
        wire_error_from_xdr(m.body, &back);
    tap_is_int(back.code, VIR_ERR_NO_SUPPORT,
               "§3.4.3: a client reads it as VIR_ERR_NO_SUPPORT");
    tap_is_str(back.message, "unknown procedure: 9999",
               "§3.4.3: with the message unchanged");
    wire_message_free(&m);
}

static void
check_typed_params(void)
{
    char f_state[] = "state.state", f_reason[] = "state.reason";
    remote_typed_param params[2] = {
        { .field = f_state, .value = { .type = 1, .remote_typed_param_value_u.i = 1 } },
        { .field = f_reason, .value = { .type = 1, .remote_typed_param_value_u.i = 0 } },
    };
    remote_domain_stats_record rec = {
        .dom = test_dom(),
        .params = { .params_len = 2, .params_val = params },
    };
    remote_connect_get_all_domain_stats_ret ret = {
        .retStats = { .retStats_len = 1, .retStats_val = &rec },
    };

    tap_ok(encodes_to((xdrproc_t)xdr_remote_connect_get_all_domain_stats_ret,
                      &ret,
                      "00000001 " DOM_HEX " 00000002"
                      " 0000000b 73746174 652e7374 61746500 00000001 00000001"
                      " 0000000c 73746174 652e7265 61736f6e 00000001 00000000"),
           "§3.5: the GET_ALL_DOMAIN_STATS reply for \"test\" is libvirtd's");
}

/* §4.1, both directions, as one stream. */
#define HANDSHAKE \
    "0000001c 20008086 00000001 00000042 00000000 00000000 00000000" \
    "00000024 20008086 00000001 00000042 00000001 00000000 00000000 | 00000001 00000000" \
    "00000020 20008086 00000001 0000003c 00000000 00000001 00000000 | 0000000a" \
    "00000020 20008086 00000001 0000003c 00000001 00000001 00000000 | 00000001" \
    "00000038 20008086 00000001 00000001 00000000 00000002 00000000 | 00000001 0000000f 74657374 3a2f2f2f 64656661 756c7400 00000000" \
    "0000001c 20008086 00000001 00000001 00000001 00000002 00000000"

static remote_message_header
header(int proc, int type, uint32_t serial)
{
    return (remote_message_header){ WIRE_REMOTE_PROGRAM, WIRE_REMOTE_VERSION,
                                    proc, type, serial, WIRE_STATUS_OK };
}

static int
encode_handshake(struct wire_buffer *out)
{
    remote_auth_type none = REMOTE_AUTH_NONE;
    remote_auth_list_ret auth = { .types = { 1, &none } };
    remote_connect_supports_feature_args feature = { 10 };
    remote_connect_supports_feature_ret supported = { 1 };
    char uri[] = "test:///default";
    char *uri_ptr = uri;
    remote_connect_open_args open = { &uri_ptr, 0 };
    remote_message_header h;
    int rc = 0;

    h = header(66, WIRE_TYPE_CALL, 0);
    rc |= wire_encode(out, &h, WIRE_XDR_VOID, NULL);
    h = header(66, WIRE_TYPE_REPLY, 0);
    rc |= wire_encode(out, &h, (xdrproc_t)xdr_remote_auth_list_ret, &auth);
    h = header(60, WIRE_TYPE_CALL, 1);
    rc |= wire_encode(out, &h, (xdrproc_t)xdr_remote_connect_supports_feature_args, &feature);
    h = header(60, WIRE_TYPE_REPLY, 1);
    rc |= wire_encode(out, &h, (xdrproc_t)xdr_remote_connect_supports_feature_ret, &supported);
    h = header(1, WIRE_TYPE_CALL, 2);
    rc |= wire_encode(out, &h, (xdrproc_t)xdr_remote_connect_open_args, &open);
    h = header(1, WIRE_TYPE_REPLY, 2);
    rc |= wire_encode(out, &h, WIRE_XDR_VOID, NULL);
    return rc;
}

/* Split the stream at its length words and decode each message. */
static void
decode_handshake(const uint8_t *p, size_t len)
{
    static const int procs[] = { 66, 66, 60, 60, 1, 1 };
    struct wire_message m[6];
    size_t off = 0;
    int n = 0, bad = 0;

    while (off + 4 <= len && n < 6) {
        long size = wire_read_length(p + off);

        if (size < 0 || off + (size_t)size > len ||
            wire_decode(p + off, (size_t)size, &m[n]) != 0 ||
            m[n].header.proc != procs[n] || m[n].header.serial != (uint32_t)n / 2 ||
            m[n].header.type != n % 2)
            bad++;
        off += size > 0 ? (size_t)size : len;
        n++;
    }
    tap_ok(n == 6 && bad == 0 && off == len,
           "§4.1: the stream splits into six messages with the right procs, "
           "serials and types");
    if (n == 6 && bad == 0) {
        const remote_auth_list_ret *auth = m[1].body;
        const remote_connect_supports_feature_args *feature = m[2].body;
        const remote_connect_supports_feature_ret *supported = m[3].body;
        const remote_connect_open_args *open = m[4].body;

        tap_ok(auth->types.types_len == 1 && auth->types.types_val[0] == 0,
               "§4.1: AUTH_LIST answers [NONE]");
        tap_ok(feature->feature == 10 && supported->supported == 1,
               "§4.1: feature 10 is asked and supported");
        tap_ok(open->name && strcmp(*open->name, "test:///default") == 0 &&
               open->flags == 0, "§4.1: CONNECT_OPEN names test:///default");
        tap_ok(m[0].body == NULL && m[5].body == NULL,
               "§4.1: the AUTH_LIST call and the OPEN reply are empty");
    } else {
        for (int i = 0; i < 4; i++)
            tap_ok(false, "§4.1: handshake payloads (not decoded)");
    }
    for (int i = 0; i < n; i++)
        wire_message_free(&m[i]);
}

static void
check_handshake(void)
{
    struct wire_buffer out = { 0 };
    uint8_t want[1024];
    size_t want_len = hex_to_bytes(HANDSHAKE, want, sizeof(want));

    tap_ok(encode_handshake(&out) == 0 &&
           bytes_equal(out.data, out.len, want, want_len),
           "§2.1, §4.1: the first three exchanges are byte-exact");
    decode_handshake(want, want_len);
    wire_buffer_release(&out);
}

static void
check_lifecycle_event(void)
{
    static const char hex[] = "00000000 00000003 766d3200 9a6543f9 d5ee489b "
                              "b6f4b55a 178abeee ffffffff 00000005 00000001";
    static const unsigned char uuid[16] = {
        0x9a, 0x65, 0x43, 0xf9, 0xd5, 0xee, 0x48, 0x9b,
        0xb6, 0xf4, 0xb5, 0x5a, 0x17, 0x8a, 0xbe, 0xee,
    };
    char name[] = "vm2";
    remote_domain_event_callback_lifecycle_msg msg = {
        .callbackID = 0, .dom = { .name = name, .id = -1 },
        .event = 5, .detail = 1,
    };
    uint8_t buf[256];
    struct wire_message m;
    size_t len = message(buf, sizeof(buf), 318, WIRE_TYPE_MESSAGE, 1,
                         WIRE_STATUS_OK, hex);
    const remote_domain_event_callback_lifecycle_msg *got;

    memcpy(msg.dom.uuid, uuid, 16);
    tap_ok(encodes_to((xdrproc_t)xdr_remote_domain_event_callback_lifecycle_msg,
                      &msg, hex),
           "§5.7: the callback lifecycle message for vm2 stopped/destroyed");
    tap_is_int(wire_decode(buf, len, &m), WIRE_RESULT_OK,
               "§5.7: it decodes as a MESSAGE of procedure 318");
    got = m.body;
    tap_ok(got && got->callbackID == 0 && strcmp(got->dom.name, "vm2") == 0 &&
           got->dom.id == -1 && got->event == 5 && got->detail == 1 &&
           memcmp(got->dom.uuid, uuid, 16) == 0,
           "§5.7: callbackID 0, vm2, id -1, STOPPED, DESTROYED");
    wire_message_free(&m);
}

static void
check_info_payloads(void)
{
    remote_domain_get_info_ret info = {
        .state = 1, .maxMem = 8388608, .memory = 2097152, .nrVirtCpu = 2,
        .cpuTime = 0x18eb0ee09acd1b98ULL,
    };
    remote_node_get_info_ret node = {
        .model = "i686", .memory = 3145728, .cpus = 16, .mhz = 2800,
        .nodes = 1, .sockets = 2, .cores = 4, .threads = 2,
    };
    remote_connect_get_lib_version_ret lib = { 9000000 };
    char none = 0;
    remote_node_get_security_model_ret secmodel = {
        .model = { 1, &none }, .doi = { 1, &none },
    };
    uint8_t buf[512];

    tap_ok(encodes_to((xdrproc_t)xdr_remote_domain_get_info_ret, &info,
                      "00000001 00000000 00800000 00000000 00200000 00000002 "
                      "18eb0ee0 9acd1b98"),
           "§7.3: GET_INFO's 32-byte reply, char and short as full words");
    tap_is_int(encode_value((xdrproc_t)xdr_remote_node_get_info_ret, &node,
                            buf, sizeof(buf)), 160,
               "§5.1: NODE_GET_INFO's reply is 160 bytes");
    tap_ok(encodes_to((xdrproc_t)xdr_remote_node_get_info_ret, &node,
                      "00000069 00000036 00000038 00000036"
                      " 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
                      " 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
                      " 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
                      " 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
                      " 00000000 00300000 00000010 00000af0 00000001 00000002"
                      " 00000004 00000002"),
           "§7.2: its model takes one word per character");
    tap_ok(encodes_to((xdrproc_t)xdr_remote_connect_get_lib_version_ret, &lib,
                      "00000000 00895440"),
           "§5.1: GET_LIB_VERSION 9000000 is 00000000 00895440");
    tap_ok(encodes_to((xdrproc_t)xdr_remote_node_get_security_model_ret,
                      &secmodel, "00000001 00000000 00000001 00000000"),
           "§5.1: \"no security model\" is one NUL char for model and doi");
}

static void
check_keepalive(void)
{
    static const char ping[] =
        "0000001c 6b656570 00000001 00000001 00000002 00000000 00000000";
    remote_message_header h = { WIRE_KEEPALIVE_PROGRAM, 1, WIRE_KEEPALIVE_PING,
                                WIRE_TYPE_MESSAGE, 0, WIRE_STATUS_OK };
    struct wire_buffer out = { 0 };
    uint8_t want[64];
    size_t want_len = hex_to_bytes(ping, want, sizeof(want));
    struct wire_message m;

    tap_ok(wire_encode(&out, &h, WIRE_XDR_VOID, NULL) == 0 &&
           bytes_equal(out.data, out.len, want, want_len),
           "§2.9: PING is 28 bytes of keepalive MESSAGE, serial 0");
    tap_ok(wire_decode(want, want_len, &m) == 0 && m.proc == NULL &&
           m.header.proc == WIRE_KEEPALIVE_PING,
           "§2.9: PING decodes as keepalive, with no remote procedure");
    wire_message_free(&m);
    wire_buffer_release(&out);
}

int
main(void)
{
    tap_plan(24);
    check_strings_and_domain();
    check_unknown_procedure_error();
    check_typed_params();
    check_handshake();
    check_lifecycle_event();
    check_info_payloads();
    check_keepalive();
    return tap_done();
}
