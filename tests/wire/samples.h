/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * samples.h: hand-written wire payloads for every procedure of the subset,
 * built from the spec's field tables and hex examples, and small helpers
 * to turn hex into bytes and payloads into whole messages.
 */
#ifndef VIREO_TESTS_WIRE_SAMPLES_H
#define VIREO_TESTS_WIRE_SAMPLES_H

#include <stddef.h>
#include <stdint.h>

enum sample_kind { SAMPLE_ARGS, SAMPLE_RET, SAMPLE_MSG };

/* A procedure of the QEMU program rather than the remote one:
 * SAMPLE_QEMU | number. */
#define SAMPLE_QEMU 0x10000

struct sample {
    int              proc;      /* the number, with SAMPLE_QEMU or not */
    enum sample_kind kind;
    const char      *hex;       /* the payload; spaces and '|' are ignored */
};

/* The program and procedure number a sample is for. */
uint32_t sample_prog(const struct sample *s);
int      sample_proc(const struct sample *s);

extern const struct sample samples[];
extern const size_t n_samples;

/* Parse hex (whitespace and '|' ignored) into out; returns the byte count.
 * Aborts on a bad digit or overflow: a broken test table is not a test
 * failure to report but a bug to fix. */
size_t hex_to_bytes(const char *hex, uint8_t *out, size_t cap);

/* Write a whole message (length word, header, payload) into out and
 * return its size. */
size_t build_message(uint8_t *out, size_t cap, uint32_t prog, uint32_t vers,
                     int proc, int type, uint32_t serial, int status,
                     const uint8_t *payload, size_t payload_len);

/* The message a sample travels in: CALL, REPLY with status OK, or MESSAGE
 * of its program. */
size_t build_sample_message(const struct sample *s, uint8_t *out, size_t cap);

/* Whether a and b hold the same bytes; prints a hex dump of both as TAP
 * diagnostics when they differ. */
int bytes_equal(const uint8_t *a, size_t a_len, const uint8_t *b,
                size_t b_len);

#endif /* VIREO_TESTS_WIRE_SAMPLES_H */
