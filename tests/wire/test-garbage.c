/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-garbage.c: 100000 random buffers and 100000 mutations of valid
 * messages through wire_decode(). Nothing may crash or leak (the sanitizer
 * build watches), every verdict is one of ours, and whatever decodes
 * encodes again to the same length.
 */
#include "tests/tap.h"
#include "tests/wire/samples.h"
#include "wire/decode.h"

#define N_RANDOM    100000
#define N_MUTATIONS 100000
#define BUF_MAX     8192

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint32_t
rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 32);
}

struct tally {
    int by_result[16];      /* indexed by -result */
    int n_odd_results;
    int n_reencode_failures;
};

static void
put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* Decode, record the verdict, and for *_WITH_FDS-free successes check that
 * the value encodes again to the length it came in. */
static void
decode_one(const uint8_t *buf, size_t len, struct tally *t)
{
    struct wire_message m;
    int rc = wire_decode(buf, len, &m);

    if (rc > 0 || rc <= -16 ||
        strcmp(wire_result_string(rc), "unknown result") == 0)
        t->n_odd_results++;
    else
        t->by_result[-rc]++;
    if (rc == 0 && m.n_fds == 0 && m.header.type != WIRE_TYPE_CALL_WITH_FDS &&
        m.header.type != WIRE_TYPE_REPLY_WITH_FDS) {
        struct wire_buffer out = { 0 };

        if (wire_encode(&out, &m.header, m.body_proc, m.body) != 0 ||
            out.len != len) {
            if (t->n_reencode_failures++ < 3)
                bytes_equal(out.data, out.len, buf, len);
        }
        wire_buffer_release(&out);
    }
    wire_message_free(&m);
}

/* Random bytes, mostly behind a plausible length word and header so that
 * the payload decoders get their share. */
static size_t
random_message(uint8_t *buf)
{
    static const int procs[] = { 1, 6, 16, 21, 37, 66, 122, 273, 316, 318,
                                 344, 426, 9999 };
    size_t len = rng() % 200;

    for (size_t i = 0; i < len; i++)
        buf[i] = (uint8_t)rng();
    if (len < WIRE_LEN_MIN || rng() % 4 == 0)
        return len;
    put_be32(buf, (uint32_t)len);
    put_be32(buf + 4, rng() % 8 ? WIRE_REMOTE_PROGRAM : WIRE_KEEPALIVE_PROGRAM);
    put_be32(buf + 8, 1);
    put_be32(buf + 12, (uint32_t)procs[rng() % (sizeof(procs) / sizeof(procs[0]))]);
    put_be32(buf + 16, rng() % 3);
    put_be32(buf + 24, rng() % 2);
    return len;
}

/* A valid sample with a few bytes changed, or cut, or grown. */
static size_t
mutated_message(uint8_t *buf)
{
    const struct sample *s = &samples[rng() % n_samples];
    size_t len = build_sample_message(s, buf, BUF_MAX - 64);
    int n_flips = 1 + (int)(rng() % 4);

    switch (rng() % 4) {
    case 0:
        len = WIRE_LEN_MIN + rng() % (len - WIRE_LEN_MIN + 1);
        break;
    case 1:
        for (int i = (int)(rng() % 16); i > 0; i--)
            buf[len++] = (uint8_t)rng();
        break;
    default:
        break;
    }
    for (int i = 0; i < n_flips && len > WIRE_LEN_MIN; i++)
        buf[WIRE_LEN_MIN + rng() % (len - WIRE_LEN_MIN)] = (uint8_t)rng();
    if (rng() % 8)
        put_be32(buf, (uint32_t)len);
    return len;
}

int
main(void)
{
    static uint8_t buf[BUF_MAX];
    struct tally random = { 0 }, mutated = { 0 };

    tap_plan(7);
    tap_diag("xorshift seed %#llx", (unsigned long long)rng_state);
    for (int i = 0; i < N_RANDOM; i++)
        decode_one(buf, random_message(buf), &random);
    for (int i = 0; i < N_MUTATIONS; i++)
        decode_one(buf, mutated_message(buf), &mutated);

    tap_is_int(random.n_odd_results + mutated.n_odd_results, 0,
               "every verdict is a known result");
    tap_is_int(random.n_reencode_failures + mutated.n_reencode_failures, 0,
               "whatever decodes encodes again to its own length");
    tap_ok(random.by_result[-WIRE_ERR_LENGTH] > 0 &&
           random.by_result[-WIRE_ERR_PROCEDURE] > 0,
           "random bytes meet the length and procedure checks");
    tap_ok(mutated.by_result[0] > 1000,
           "mutations still decode often (%d)", mutated.by_result[0]);
    tap_ok(mutated.by_result[-WIRE_ERR_PAYLOAD] > 0,
           "mutations reach payloads that do not decode (%d)",
           mutated.by_result[-WIRE_ERR_PAYLOAD]);
    tap_ok(mutated.by_result[-WIRE_ERR_PAYLOAD_LENGTH] > 0,
           "mutations reach declared lengths beyond the data (%d)",
           mutated.by_result[-WIRE_ERR_PAYLOAD_LENGTH]);
    tap_ok(mutated.by_result[-WIRE_ERR_TRAILING] > 0,
           "mutations reach trailing bytes (%d)",
           mutated.by_result[-WIRE_ERR_TRAILING]);
    return tap_done();
}
