/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-frame.c: the header both ways, messages appended to a growable
 * buffer with their length words, and the refusals of the encoder.
 */
#include "tests/tap.h"
#include "tests/wire/samples.h"
#include "wire/frame.h"

static void
check_header(void)
{
    remote_message_header h = { 0x20008086, 1, 316, WIRE_TYPE_REPLY, 77,
                                WIRE_STATUS_ERROR }, back;
    uint8_t got[WIRE_HEADER_SIZE], want[WIRE_HEADER_SIZE];

    hex_to_bytes("20008086 00000001 0000013c 00000001 0000004d 00000001",
                 want, sizeof(want));
    wire_header_encode(&h, got);
    tap_ok(bytes_equal(got, sizeof(got), want, sizeof(want)),
           "a header is six big-endian words in order");
    wire_header_decode(want, &back);
    tap_ok(back.prog == h.prog && back.vers == 1 && back.proc == 316 &&
           back.type == 1 && back.serial == 77 && back.status == 1,
           "and reads back field for field");
}

static void
check_appending(void)
{
    struct wire_buffer buf = { 0 };
    remote_message_header h = { WIRE_REMOTE_PROGRAM, 1, 51, WIRE_TYPE_REPLY,
                                0, WIRE_STATUS_OK };
    remote_connect_num_of_domains_ret ret = { 0 };
    int failures = 0;

    /* 5000 messages of 32 bytes make the buffer grow many times. */
    for (int i = 0; i < 5000; i++) {
        h.serial = (uint32_t)i;
        ret.num = i;
        failures += wire_encode(&buf, &h,
                                (xdrproc_t)xdr_remote_connect_num_of_domains_ret,
                                &ret) != WIRE_RESULT_OK;
    }
    tap_is_int(failures, 0, "5000 messages append without failure");
    tap_is_int(buf.len, 5000 * 32, "each takes its 32 bytes");
    tap_ok(buf.cap >= buf.len && buf.cap > 65536, "the buffer grew to fit");
    tap_is_int(wire_read_length(buf.data + 4999 * 32), 32,
               "the last one's length word counts itself");
    tap_is_int(buf.data[4999 * 32 + 31], 4999 % 256,
               "and its payload is its own");
    wire_buffer_release(&buf);
    tap_ok(buf.data == NULL && buf.len == 0, "releasing empties the buffer");
    wire_buffer_release(NULL);
}

static void
check_refusals(void)
{
    struct wire_buffer buf = { 0 };
    remote_message_header h = { WIRE_REMOTE_PROGRAM, 1, 23, WIRE_TYPE_CALL,
                                1, WIRE_STATUS_OK };
    remote_domain_lookup_by_name_args null_name = { NULL };
    remote_domain_get_xml_desc_ret big = { 0 };
    size_t big_len = 4194305;

    tap_is_int(wire_encode(&buf, &h,
                           (xdrproc_t)xdr_remote_domain_lookup_by_name_args,
                           &null_name), WIRE_ERR_ENCODE,
               "a NULL non-null string cannot be encoded");
    tap_is_int(buf.len, 0, "and leaves nothing in the buffer");

    big.xml = malloc(big_len + 1);
    memset(big.xml, 'x', big_len);
    big.xml[big_len] = '\0';
    tap_is_int(wire_encode(&buf, &h,
                           (xdrproc_t)xdr_remote_domain_get_xml_desc_ret, &big),
               WIRE_ERR_ENCODE, "a string beyond 4 MiB cannot be encoded");
    free(big.xml);
    wire_buffer_release(&buf);
}

/* 16 MiB of payload: names of 4 MiB each, four of them. */
static void
check_too_big(void)
{
    struct wire_buffer buf = { 0 };
    remote_message_header h = { WIRE_REMOTE_PROGRAM, 1, 21, WIRE_TYPE_REPLY,
                                1, WIRE_STATUS_OK };
    size_t each = 4194304;
    char *name = malloc(each + 1);
    char *names[4] = { name, name, name, name };
    remote_connect_list_defined_domains_ret ret = { { 4, names } };

    memset(name, 'n', each);
    name[each] = '\0';
    tap_is_int(wire_encode(&buf, &h,
                           (xdrproc_t)xdr_remote_connect_list_defined_domains_ret,
                           &ret), WIRE_ERR_TOO_BIG,
               "a payload above 16777192 bytes is too big");
    ret.names.names_len = 3;
    tap_is_int(wire_encode(&buf, &h,
                           (xdrproc_t)xdr_remote_connect_list_defined_domains_ret,
                           &ret), WIRE_RESULT_OK,
               "12 MiB of payload still fits");
    tap_is_int(wire_read_length(buf.data), 28 + 4 + 3 * (4 + each),
               "with the length word to match");
    free(name);
    wire_buffer_release(&buf);
}

int
main(void)
{
    tap_plan(16);
    check_header();
    check_appending();
    check_refusals();
    check_too_big();
    tap_is_str(wire_result_string(WIRE_ERR_TRAILING),
               "trailing bytes after the payload", "results have names");
    tap_is_str(wire_result_string(-100), "unknown result",
               "and unknown results say so");
    return tap_done();
}
