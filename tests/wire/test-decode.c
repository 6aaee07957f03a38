/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-decode.c: wire_decode() refuses each kind of bad input with its own
 * verdict, keeps the header for the error reply, and never lets a
 * declared length allocate more than the message holds.
 */
#include "tests/tap.h"
#include "tests/wire/samples.h"
#include "wire/decode.h"
#include "wire/xdr_guard.h"

#define DOM_HEX "00000004 74657374 6695eb01 f6a48304 79aa97f2 502e193f 00000001 "

static uint8_t buf[1 << 16];

/* Decode a remote message and return the verdict, freeing what it got. */
static int
verdict(uint32_t prog, uint32_t vers, int proc, int type, int status,
        const char *payload_hex)
{
    uint8_t payload[4096];
    size_t n = hex_to_bytes(payload_hex, payload, sizeof(payload));
    size_t len = build_message(buf, sizeof(buf), prog, vers, proc, type, 9,
                               status, payload, n);
    struct wire_message m;
    int rc = wire_decode(buf, len, &m);

    wire_message_free(&m);
    return rc;
}

static int
call(int proc, const char *payload_hex)
{
    return verdict(WIRE_REMOTE_PROGRAM, 1, proc, WIRE_TYPE_CALL,
                   WIRE_STATUS_OK, payload_hex);
}

static void
check_length_word(void)
{
    struct wire_message m;
    size_t len = build_message(buf, sizeof(buf), WIRE_REMOTE_PROGRAM, 1, 66,
                               WIRE_TYPE_CALL, 0, 0, NULL, 0);
    uint8_t word[4];

    tap_is_int(wire_decode(buf, 27, &m), WIRE_ERR_LENGTH,
               "27 bytes are not a message");
    hex_to_bytes("0000001b", buf, 4);
    tap_is_int(wire_decode(buf, len, &m), WIRE_ERR_LENGTH,
               "a length word of 27 (< 28) is refused");
    hex_to_bytes("0000001c", buf, 4);
    tap_is_int(wire_decode(buf, len + 4, &m), WIRE_ERR_LENGTH,
               "a buffer longer than its length word is refused");
    tap_is_int(wire_decode(NULL, 0, &m), WIRE_ERR_LENGTH,
               "an empty buffer is refused");
    hex_to_bytes("01000005", word, 4);
    tap_is_int(wire_read_length(word), WIRE_ERR_LENGTH,
               "a length word of 16777221 (> 16777220) is refused");
    hex_to_bytes("01000004", word, 4);
    tap_is_int(wire_read_length(word), 16777220,
               "a length word of 16777220 is the largest accepted");
    hex_to_bytes("00000003", word, 4);
    tap_is_int(wire_read_length(word), WIRE_ERR_LENGTH,
               "a length word of 3 is refused");
}

static void
check_header(void)
{
    struct wire_message m;
    size_t len = build_message(buf, sizeof(buf), 0x00068000, 1, 3,
                               WIRE_TYPE_CALL, 42, 0, NULL, 0);
    int rc = wire_decode(buf, len, &m);

    tap_is_int(rc, WIRE_ERR_PROGRAM, "the lxc program is unknown here");
    tap_ok(m.header.prog == 0x00068000 && m.header.serial == 42 &&
           m.header.proc == 3,
           "the header is kept for the error reply");
    tap_is_int(verdict(WIRE_QEMU_PROGRAM, 2, 1, 0, 0, ""), WIRE_ERR_VERSION,
               "qemu program version 2 is refused");
    tap_is_int(verdict(WIRE_QEMU_PROGRAM, 1, 2, 0, 0, ""), WIRE_ERR_PROCEDURE,
               "qemu procedure 2 (attach) is unknown");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 2, 1, 0, 0, ""), WIRE_ERR_VERSION,
               "remote program version 2 is refused");
    tap_is_int(verdict(WIRE_KEEPALIVE_PROGRAM, 2, 1, 2, 0, ""),
               WIRE_ERR_VERSION, "keepalive version 2 is refused");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 66, 7, 0, ""), WIRE_ERR_TYPE,
               "message type 7 is refused");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 66, -1, 0, ""), WIRE_ERR_TYPE,
               "message type -1 is refused");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 66, 0, 3, ""), WIRE_ERR_STATUS,
               "status 3 is refused");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 66, 0, WIRE_STATUS_ERROR, ""),
               WIRE_ERR_STATUS, "a CALL with status ERROR is refused");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 66, 1, WIRE_STATUS_CONTINUE, ""),
               WIRE_ERR_STATUS, "a REPLY with status CONTINUE is refused");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 66, WIRE_TYPE_STREAM, 0, ""),
               WIRE_ERR_TYPE, "a STREAM packet of a plain call is refused");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 209, WIRE_TYPE_STREAM_HOLE,
                       WIRE_STATUS_CONTINUE, "00000000 00000010 00000000"),
               WIRE_RESULT_OK, "a STREAM_HOLE packet of a stream's call is "
               "taken (sparse streams)");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 66, WIRE_TYPE_STREAM_HOLE,
                       WIRE_STATUS_CONTINUE, "00000000 00000010 00000000"),
               WIRE_ERR_TYPE, "a STREAM_HOLE packet of a plain call is "
               "refused");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 318, WIRE_TYPE_CALL, 0,
                       "00000000 " DOM_HEX "00000005 00000001"),
               WIRE_ERR_TYPE, "an event message sent as a CALL is refused");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 23, WIRE_TYPE_MESSAGE, 0,
                       "00000004 74657374"),
               WIRE_ERR_TYPE, "a call procedure sent as a MESSAGE is refused");
}

/* STREAM messages of a procedure that opens a stream are not decoded:
 * their payload is handed over as it is, whatever the status. */
static void
check_streams(void)
{
    struct wire_message m;
    uint8_t data[] = { 'h', 'i', '\r' };
    size_t len = build_message(buf, sizeof(buf), WIRE_REMOTE_PROGRAM, 1, 201,
                               WIRE_TYPE_STREAM, 8, WIRE_STATUS_CONTINUE,
                               data, sizeof(data));
    int rc = wire_decode(buf, len, &m);

    tap_ok(rc == WIRE_RESULT_OK && m.proc != NULL && m.proc->is_stream &&
           m.body == NULL && m.data_len == 3 && m.data == buf + 28,
           "stream data of DOMAIN_OPEN_CONSOLE is handed over raw, "
           "3 bytes not a multiple of 4");
    wire_message_free(&m);
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 201, WIRE_TYPE_STREAM,
                       WIRE_STATUS_OK, ""), WIRE_RESULT_OK,
               "an empty STREAM OK (finish) decodes");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 201, WIRE_TYPE_STREAM,
                       WIRE_STATUS_ERROR, "00000001 00000002 00000003"),
               WIRE_RESULT_OK, "a STREAM ERROR keeps whatever it carries");
    len = build_message(buf, sizeof(buf), WIRE_REMOTE_PROGRAM, 1, 201,
                        WIRE_TYPE_STREAM, 8, WIRE_STATUS_CONTINUE, NULL, 0);
    rc = wire_decode(buf, len, &m);
    tap_ok(rc == WIRE_RESULT_OK && m.data == NULL && m.data_len == 0,
           "an empty STREAM CONTINUE (end of file) has no data");
    wire_message_free(&m);
}

static void
check_procedures(void)
{
    struct wire_message m;
    size_t len = build_message(buf, sizeof(buf), WIRE_REMOTE_PROGRAM, 1, 9999,
                               WIRE_TYPE_CALL, 5, 0, NULL, 0);

    tap_is_int(wire_decode(buf, len, &m), WIRE_ERR_PROCEDURE,
               "procedure 9999 is unknown");
    tap_ok(m.proc == NULL && m.header.proc == 9999, "and named in the header");
    tap_is_int(call(0, ""), WIRE_ERR_PROCEDURE, "procedure 0 is unknown");
    tap_is_int(call(148, ""), WIRE_ERR_PROCEDURE,
               "procedure 148 (a tunnelled migration), outside the subset, is unknown");
    tap_is_int(call(444, ""), WIRE_ERR_PROCEDURE,
               "procedure 444, after libvirt 9.0, is unknown");
    tap_is_int(call(-5, ""), WIRE_ERR_PROCEDURE, "procedure -5 is unknown");
    tap_is_int(verdict(WIRE_KEEPALIVE_PROGRAM, 1, 3, 2, 0, ""),
               WIRE_ERR_PROCEDURE, "keepalive procedure 3 is unknown");
    tap_is_int(verdict(WIRE_KEEPALIVE_PROGRAM, 1, 2, 2, 0, ""), WIRE_RESULT_OK,
               "keepalive PONG decodes");
    tap_is_int(verdict(WIRE_KEEPALIVE_PROGRAM, 1, 1, 2, 0, "00000000"),
               WIRE_ERR_TRAILING, "a PING with a payload is refused");
    tap_is_int(verdict(WIRE_KEEPALIVE_PROGRAM, 1, 1, 0, 0, ""), WIRE_ERR_TYPE,
               "a PING sent as a CALL is refused");
}

static void
check_payloads(void)
{
    struct wire_message m;
    uint8_t payload[64];
    size_t n, len;

    tap_is_int(call(23, "00000004 7465"), WIRE_ERR_PAYLOAD_LENGTH,
               "a name cut in the middle is refused before allocation");
    tap_is_int(call(60, "0000"), WIRE_ERR_PAYLOAD,
               "half a feature word does not decode");
    tap_is_int(call(60, ""), WIRE_ERR_PAYLOAD,
               "a missing argument does not decode");
    tap_is_int(call(60, "0000000a 00000000"), WIRE_ERR_TRAILING,
               "a word after the argument is refused");
    /* libtirpc reads any non-zero discriminant as "present", as libvirtd
     * does; re-encoding then sends 1. */
    tap_is_int(call(1, "00000002 00000000 00000000"), WIRE_RESULT_OK,
               "an optional string's discriminant of 2 reads as present");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 344, 1, 0,
                       "00000001 " DOM_HEX "00000001 00000001 61000000 00000008 00000000"),
               WIRE_ERR_PAYLOAD, "typed parameter type 8 does not decode");
    tap_is_int(call(23, "00000004 74657374"), WIRE_RESULT_OK,
               "the same name, whole, decodes");
    tap_is_int(call(23, "00000004 74650074"), WIRE_ERR_PAYLOAD,
               "a name with a NUL inside does not decode");

    /* Bounds: 4194304 for strings, 16384 ids, 20 auth types, 257 chars. */
    tap_is_int(call(23, "00400001 74657374"), WIRE_ERR_PAYLOAD,
               "a string of 4194305 bytes is beyond its bound");
    tap_is_int(call(23, "00400000 74657374"), WIRE_ERR_PAYLOAD_LENGTH,
               "a string of 4194304 bytes with 4 present is refused unallocated");
    tap_is_int(call(23, "ffffffff 74657374"), WIRE_ERR_PAYLOAD,
               "a string of 4 GiB is beyond its bound");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 37, 1, 0, "00004001 00000001"),
               WIRE_ERR_PAYLOAD, "16385 domain ids are beyond their bound");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 37, 1, 0, "00004000 00000001"),
               WIRE_ERR_PAYLOAD_LENGTH,
               "16384 domain ids with one present are refused unallocated");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 66, 1, 0, "00000015"),
               WIRE_ERR_PAYLOAD, "21 auth types are beyond their bound");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 122, 1, 0,
                       "00000102 00000000"),
               WIRE_ERR_PAYLOAD, "a security model of 258 chars is beyond its bound");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 344, 1, 0,
                       "00000001 " DOM_HEX "00040000 00000001 61000000"),
               WIRE_ERR_PAYLOAD_LENGTH,
               "262144 typed parameters in 12 bytes are refused unallocated");

    /* An error reply carries the error structure, whatever the procedure. */
    n = hex_to_bytes("00000001 00000007 00000000 00000002 00000000 00000000"
                     "00000000 00000000 ffffffff ffffffff 00000000",
                     payload, sizeof(payload));
    len = build_message(buf, sizeof(buf), WIRE_REMOTE_PROGRAM, 1, 23,
                        WIRE_TYPE_REPLY, 3, WIRE_STATUS_ERROR, payload, n);
    tap_ok(wire_decode(buf, len, &m) == 0 &&
           ((remote_error *)m.body)->code == 1 &&
           ((remote_error *)m.body)->message == NULL,
           "an error reply without a message decodes");
    wire_message_free(&m);
    tap_ok(m.body == NULL, "wire_message_free() empties the message");
}

static void
check_fds(void)
{
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 60, WIRE_TYPE_CALL_WITH_FDS, 0,
                       "00000002 0000000a"), WIRE_RESULT_OK,
               "a CALL_WITH_FDS carries its FD count before the args");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 60, WIRE_TYPE_CALL_WITH_FDS, 0,
                       "00000021 0000000a"), WIRE_ERR_PAYLOAD,
               "33 FDs are more than a message may carry");
    tap_is_int(verdict(WIRE_REMOTE_PROGRAM, 1, 60, WIRE_TYPE_REPLY_WITH_FDS, 0,
                       "0000"), WIRE_ERR_PAYLOAD,
               "a REPLY_WITH_FDS cut inside its FD count does not decode");
}

/* The generated routines decode only through xdr_guard_decode(): a plain
 * xdrmem stream cannot say where its buffer ends, so it gets nothing. */
static void
check_guard_is_mandatory(void)
{
    uint8_t bytes[8];
    size_t n = hex_to_bytes("00000004 74657374", bytes, sizeof(bytes));
    remote_domain_lookup_by_name_args args = { 0 };
    XDR xdrs;
    bool_t ok;

    xdrmem_create(&xdrs, (char *)bytes, (u_int)n, XDR_DECODE);
    ok = xdr_remote_domain_lookup_by_name_args(&xdrs, &args);
    xdr_destroy(&xdrs);
    tap_ok(!ok && args.name == NULL,
           "decoding a string outside xdr_guard_decode() is refused");
    tap_is_int(xdr_guard_decode(bytes, n,
                                (xdrproc_t)xdr_remote_domain_lookup_by_name_args,
                                &args), XDR_GUARD_OK,
               "and succeeds through it");
    xdr_free((xdrproc_t)xdr_remote_domain_lookup_by_name_args, &args);
}

int
main(void)
{
    tap_plan(60);
    check_length_word();
    check_header();
    check_streams();
    check_procedures();
    check_payloads();
    check_fds();
    check_guard_is_mandatory();
    return tap_done();
}
