/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * latency-hist.h: a latency histogram in logarithmic buckets, HDR-like:
 * each power of two of nanoseconds is split into 16 linear sub-buckets,
 * so any recorded value is known to within 1/16 (6%) whatever its size,
 * in a fixed few kilobytes and with no allocation per sample. Values from
 * 1 ns to about 68 s (2^36 ns); larger ones land in the last bucket.
 *
 * Owned by one thread while recording; histograms of several threads are
 * merged after those threads are joined.
 */
#ifndef VIREO_BENCH_LATENCY_HIST_H
#define VIREO_BENCH_LATENCY_HIST_H

#include <stdint.h>

enum {
    HIST_SUB_BITS = 4,                       /* 16 sub-buckets per octave */
    HIST_MAX_BITS = 36,
    HIST_BUCKETS  = (HIST_MAX_BITS - HIST_SUB_BITS + 2) << HIST_SUB_BITS,
};

struct latency_hist {
    uint64_t count[HIST_BUCKETS];
    uint64_t n;
    uint64_t max_ns;
};

/* Count one sample of ns nanoseconds. */
void hist_record(struct latency_hist *h, uint64_t ns);

/* Add every sample of from into into. */
void hist_merge(struct latency_hist *into, const struct latency_hist *from);

/* The value below which a fraction q (0..1) of the samples lie, in
 * microseconds, as the middle of its bucket; 0 when there are none. */
double hist_quantile_us(const struct latency_hist *h, double q);

#endif /* VIREO_BENCH_LATENCY_HIST_H */
