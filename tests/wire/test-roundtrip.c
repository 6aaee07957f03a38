/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-roundtrip.c: every payload of every procedure decodes, encodes back
 * to the same bytes, and is refused one word short or one word long; and
 * the sample table covers every procedure in the table.
 */
#include "tests/tap.h"
#include "tests/wire/samples.h"
#include "tests/wire/spec_procs.h"
#include "wire/decode.h"

#define BUF_MAX 8192

static const char *const kind_names[] = { "args", "ret", "msg" };

static const struct wire_payload *
payload_of(const struct wire_proc *p, enum sample_kind kind)
{
    return kind == SAMPLE_ARGS ? &p->args : kind == SAMPLE_RET ? &p->ret
                                                               : &p->msg;
}

static bool
has_sample(uint32_t prog, int proc, enum sample_kind kind)
{
    for (size_t i = 0; i < n_samples; i++)
        if (sample_prog(&samples[i]) == prog && sample_proc(&samples[i]) == proc &&
            samples[i].kind == kind)
            return true;
    return false;
}

/* Every non-empty payload of the §5 procedures and of the QEMU program has
 * a sample. */
static void
check_coverage(void)
{
    static const uint32_t progs[] = { WIRE_REMOTE_PROGRAM, WIRE_QEMU_PROGRAM };
    int missing = 0;

    for (size_t i = 0; i < 2; i++) {
        for (int n = 1; n <= WIRE_PROC_MAX; n++) {
            const struct wire_proc *p = wire_proc_find(progs[i], n);

            if (progs[i] == WIRE_REMOTE_PROGRAM && !is_spec_proc(n))
                continue;

            for (int k = SAMPLE_ARGS; p && k <= SAMPLE_MSG; k++) {
                if (payload_of(p, k)->size > 0 && !has_sample(progs[i], n, k)) {
                    tap_diag("no sample for %s %s", p->name, kind_names[k]);
                    missing++;
                }
            }
        }
    }
    tap_is_int(missing, 0, "every non-empty payload of §5 and QEMU has a sample");
}

/* Set the length word again after the payload was cut or grown. */
static void
fix_length(uint8_t *msg, size_t len)
{
    msg[0] = (uint8_t)(len >> 24);
    msg[1] = (uint8_t)(len >> 16);
    msg[2] = (uint8_t)(len >> 8);
    msg[3] = (uint8_t)len;
}

static void
check_sample(const struct sample *s)
{
    uint8_t msg[BUF_MAX];
    size_t len = build_sample_message(s, msg, sizeof(msg) - 4);
    struct wire_message m;
    struct wire_buffer out = { 0 };
    const struct wire_proc *p = wire_proc_find(sample_prog(s), sample_proc(s));
    const char *name = p != NULL ? p->name : "?";
    int rc = wire_decode(msg, len, &m);

    tap_is_int(rc, WIRE_RESULT_OK, "%s %s decodes", name, kind_names[s->kind]);
    rc = rc == 0 ? wire_encode(&out, &m.header, m.body_proc, m.body) : rc;
    tap_ok(rc == 0 && bytes_equal(out.data, out.len, msg, len),
           "%s %s encodes back to the same %zu bytes", name,
           kind_names[s->kind], len);
    wire_message_free(&m);
    wire_buffer_release(&out);

    /* A sample always carries a payload (empty payloads are
     * check_empty_payloads' job), so there is a word to cut; a sample
     * without one fails here rather than passing unchecked. */
    if (len > WIRE_LEN_MIN) {
        fix_length(msg, len - 4);
        rc = wire_decode(msg, len - 4, &m);
        wire_message_free(&m);
    } else {
        tap_diag("%s %s: the sample has no payload word", name,
                 kind_names[s->kind]);
        rc = WIRE_RESULT_OK;
    }
    tap_ok(rc == WIRE_ERR_PAYLOAD || rc == WIRE_ERR_PAYLOAD_LENGTH,
           "%s %s one word short is refused (%s)", name,
           kind_names[s->kind], wire_result_string(rc));

    memset(msg + len, 0, 4);
    fix_length(msg, len + 4);
    rc = wire_decode(msg, len + 4, &m);
    tap_is_int(rc, WIRE_ERR_TRAILING, "%s %s one word long is refused",
               name, kind_names[s->kind]);
    wire_message_free(&m);
}

/* Empty payloads: nothing decodes to nothing, and a word is too many. */
static int
check_empty_payloads(void)
{
    int failures = 0;

    for (int n = 1; n <= WIRE_PROC_MAX; n++) {
        const struct wire_proc *p = wire_proc_lookup(n);

        for (int k = SAMPLE_ARGS; p && k <= SAMPLE_RET; k++) {
            int type = k == SAMPLE_ARGS ? WIRE_TYPE_CALL : WIRE_TYPE_REPLY;
            uint8_t msg[64], word[4] = { 0 };
            struct wire_message m;
            size_t len;

            if (p->kind != WIRE_PROC_CALL || payload_of(p, k)->size > 0)
                continue;
            len = build_message(msg, sizeof(msg), WIRE_REMOTE_PROGRAM, 1, n,
                                type, 1, WIRE_STATUS_OK, NULL, 0);
            failures += wire_decode(msg, len, &m) != WIRE_RESULT_OK ||
                        m.body != NULL;
            wire_message_free(&m);
            len = build_message(msg, sizeof(msg), WIRE_REMOTE_PROGRAM, 1, n,
                                type, 1, WIRE_STATUS_OK, word, 4);
            failures += wire_decode(msg, len, &m) != WIRE_ERR_TRAILING;
            wire_message_free(&m);
        }
    }
    return failures;
}

int
main(void)
{
    tap_plan(2 + (int)n_samples * 4);
    check_coverage();
    for (size_t i = 0; i < n_samples; i++)
        check_sample(&samples[i]);
    tap_is_int(check_empty_payloads(), 0,
               "every empty payload decodes empty and refuses a stray word");
    return tap_done();
}
