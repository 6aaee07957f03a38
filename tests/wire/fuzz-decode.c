/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * fuzz-decode.c: libFuzzer target for wire_decode(), the one entry point
 * for received bytes. Beyond "no crash, no leak", it checks that whatever
 * decodes encodes again to the length it came in.
 *
 *   build-clang/tests/wire/fuzz-wire-decode -max_len=4096 corpus/
 */
#include <stdlib.h>

#include "wire/decode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct wire_message m;
    struct wire_buffer out = { 0 };
    int rc = wire_decode(data, size, &m);

    if (rc == WIRE_RESULT_OK && m.header.type != WIRE_TYPE_CALL_WITH_FDS &&
        m.header.type != WIRE_TYPE_REPLY_WITH_FDS) {
        if (wire_encode(&out, &m.header, m.body_proc, m.body) != 0 ||
            out.len != size)
            abort();
    }
    wire_buffer_release(&out);
    wire_message_free(&m);
    return 0;
}
