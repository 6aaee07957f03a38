/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-stream.c: the messages of a console stream, byte for byte as
 * libvirtd 9.0 sent them (recorded between python3-libvirt and libvirtd
 * with a QEMU guest's console), and read back as a libvirt client reads
 * them.
 */
#include "tests/tap.h"
#include "tests/wire/samples.h"
#include "wire/stream.h"

/* The call that opened the stream: DOMAIN_OPEN_CONSOLE, serial 5. */
static const remote_message_header open_call = {
    .prog = WIRE_REMOTE_PROGRAM, .vers = 1, .proc = 201,
    .type = WIRE_TYPE_CALL, .serial = 5, .status = WIRE_STATUS_OK,
};

/* libvirtd's STREAM ERROR when another console took the guest's over:
 * "stream had I/O failure", VIR_ERR_RPC, VIR_FROM_STREAMS. */
static const char io_failure_hex[] =
    "00000088 20008086 00000001 000000c9 00000003 00000005 00000001"
    "00000027 00000026 00000001 00000016 73747265 616d2068 61642049"
    "2f4f2066 61696c75 72650000 00000002 00000000 00000001 00000002"
    "25730000 00000001 00000016 73747265 616d2068 61642049 2f4f2066"
    "61696c75 72650000 00000000 ffffffff ffffffff 00000000";

static void
check_data(void)
{
    struct wire_buffer out = { 0 };
    uint8_t want[64];
    size_t n = hex_to_bytes("00000022 20008086 00000001 000000c9 00000003"
                            "00000005 00000002 68656c6c 6f0d", want,
                            sizeof(want));
    struct wire_message m;

    tap_is_int(wire_encode_stream(&out, &open_call, WIRE_STATUS_CONTINUE,
                                  "hello\r", 6), WIRE_RESULT_OK,
               "6 bytes of console input encode");
    tap_ok(bytes_equal(out.data, out.len, want, n),
           "as python3-libvirt's st.send(b'hello\\r'): raw, unpadded");
    tap_ok(wire_decode(out.data, out.len, &m) == WIRE_RESULT_OK &&
           m.data_len == 6 && memcmp(m.data, "hello\r", 6) == 0 &&
           m.header.serial == 5 && m.header.status == WIRE_STATUS_CONTINUE,
           "and decode back to the same 6 bytes on serial 5");
    wire_message_free(&m);
    wire_buffer_release(&out);
}

static void
check_empty(void)
{
    struct wire_buffer out = { 0 };
    uint8_t want[64];
    size_t n = hex_to_bytes("0000001c 20008086 00000001 000000c9 00000003"
                            "00000005 00000002 0000001c 20008086 00000001"
                            "000000c9 00000003 00000005 00000000", want,
                            sizeof(want));

    wire_encode_stream(&out, &open_call, WIRE_STATUS_CONTINUE, NULL, 0);
    wire_encode_stream(&out, &open_call, WIRE_STATUS_OK, NULL, 0);
    tap_ok(bytes_equal(out.data, out.len, want, n),
           "end of file and the finish confirmation are empty messages, "
           "as libvirtd sends them when the guest goes away");
    wire_buffer_release(&out);
}

static void
check_error(void)
{
    struct vireo_error err = { VIR_ERR_RPC, VIR_FROM_STREAMS,
                               "stream had I/O failure" };
    struct vireo_error got = { 0 };
    struct wire_buffer out = { 0 };
    struct wire_message m;
    uint8_t want[256];
    size_t n = hex_to_bytes(io_failure_hex, want, sizeof(want));

    tap_is_int(wire_encode_stream_error(&out, &open_call, &err),
               WIRE_RESULT_OK, "a stream error encodes");
    tap_ok(bytes_equal(out.data, out.len, want, n),
           "byte for byte as libvirtd's 'stream had I/O failure'");
    tap_ok(wire_decode(want, n, &m) == WIRE_RESULT_OK &&
           wire_stream_error(&m, &got) == -1 && got.code == VIR_ERR_RPC &&
           got.domain == VIR_FROM_STREAMS &&
           strcmp(got.message, "stream had I/O failure") == 0,
           "libvirtd's stream error reads back as code 39, domain 38");
    wire_message_free(&m);
    wire_buffer_release(&out);

    wire_encode_stream(&out, &open_call, WIRE_STATUS_ERROR, NULL, 0);
    tap_ok(wire_decode(out.data, out.len, &m) == WIRE_RESULT_OK &&
           wire_stream_error(&m, &got) == -1 && got.code == VIR_ERR_RPC &&
           strcmp(got.message, "Unable to decode message payload") == 0,
           "an ERROR with nothing in it (a client's abort) reads as a "
           "payload that does not decode");
    wire_message_free(&m);
    wire_buffer_release(&out);
}

/* The call that opened a sparse download: STORAGE_VOL_DOWNLOAD, serial
 * 9. */
static const remote_message_header download_call = {
    .prog = WIRE_REMOTE_PROGRAM, .vers = 1, .proc = 209,
    .type = WIRE_TYPE_CALL, .serial = 9, .status = WIRE_STATUS_OK,
};

static void
check_hole(void)
{
    struct wire_buffer out = { 0 };
    struct vireo_error err = { 0 };
    struct wire_message m;
    long long length = 0;
    unsigned flags = 1;
    uint8_t want[64];
    /* virnetprotocol.x: type VIR_NET_STREAM_HOLE (6), status CONTINUE,
     * then virNetStreamHole { hyper length; unsigned int flags; }. */
    size_t n = hex_to_bytes("00000028 20008086 00000001 000000d1 00000006"
                            "00000009 00000002 00000001 00100000 00000000",
                            want, sizeof(want));

    tap_is_int(wire_encode_stream_hole(&out, &download_call,
                                       0x100100000LL, 0),
               WIRE_RESULT_OK, "a hole of 4 GiB + 1 MiB encodes");
    tap_ok(bytes_equal(out.data, out.len, want, n),
           "as a STREAM_HOLE message with a hyper length and flags 0");
    tap_ok(wire_decode(out.data, out.len, &m) == WIRE_RESULT_OK &&
           m.header.type == WIRE_TYPE_STREAM_HOLE &&
           wire_stream_hole(&m, &length, &flags, &err) == 0 &&
           length == 0x100100000LL && flags == 0,
           "and decodes back to the same length, beyond 32 bits");
    wire_message_free(&m);
    /* A payload one word short: libvirt's client calls it malformed. */
    want[3] = 0x24;
    tap_ok(wire_decode(want, n - 4, &m) == WIRE_RESULT_OK &&
           wire_stream_hole(&m, &length, &flags, &err) == -1 &&
           err.code == VIR_ERR_INTERNAL_ERROR &&
           strcmp(err.message, "Malformed stream hole packet") == 0,
           "a hole without its flags is a malformed stream hole packet");
    wire_message_free(&m);
    wire_buffer_release(&out);
}

static void
check_limits(void)
{
    struct wire_buffer out = { 0 };

    tap_is_int(wire_encode_stream(&out, &open_call, WIRE_STATUS_CONTINUE,
                                  "", WIRE_PAYLOAD_MAX + 1),
               WIRE_ERR_TOO_BIG, "data beyond 16 MiB is refused");
    tap_is_int((int)out.len, 0, "... and leaves the buffer as it was");
    tap_is_int(WIRE_STREAM_CHUNK_MAX, 262144 - 24,
               "a daemon's chunk is libvirt's legacy payload maximum");
}

int
main(void)
{
    tap_plan(15);
    check_data();
    check_empty();
    check_error();
    check_hole();
    check_limits();
    return tap_done();
}
