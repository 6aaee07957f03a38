/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * latency-hist.c: the logarithmic buckets of latency-hist.h. Bucket i
 * below 2 * 16 holds the value i itself; above, the octave k (2^k <= v <
 * 2^(k+1)) holds 16 buckets of width 2^(k-4).
 */
#include "latency-hist.h"

static int
bucket_of(uint64_t ns)
{
    const uint64_t sub = 1u << HIST_SUB_BITS;

    if (ns < 2 * sub)
        return (int)ns;
    int k = 63 - __builtin_clzll(ns);
    if (k > HIST_MAX_BITS)
        return HIST_BUCKETS - 1;
    int shift = k - HIST_SUB_BITS;
    return (int)(((uint64_t)(k - HIST_SUB_BITS + 1) << HIST_SUB_BITS) +
                 ((ns >> shift) & (sub - 1)));
}

/* The lowest value of bucket i and its width, in nanoseconds. */
static void
bucket_range(int i, double *low, double *width)
{
    const int sub = 1 << HIST_SUB_BITS;

    if (i < 2 * sub) {
        *low = i;
        *width = 1;
        return;
    }
    int k = (i >> HIST_SUB_BITS) + HIST_SUB_BITS - 1;
    int shift = k - HIST_SUB_BITS;
    *low = (double)((uint64_t)1 << k) +
           (double)((uint64_t)(i & (sub - 1)) << shift);
    *width = (double)((uint64_t)1 << shift);
}

void
hist_record(struct latency_hist *h, uint64_t ns)
{
    h->count[bucket_of(ns)]++;
    h->n++;
    if (ns > h->max_ns)
        h->max_ns = ns;
}

void
hist_merge(struct latency_hist *into, const struct latency_hist *from)
{
    for (int i = 0; i < HIST_BUCKETS; i++)
        into->count[i] += from->count[i];
    into->n += from->n;
    if (from->max_ns > into->max_ns)
        into->max_ns = from->max_ns;
}

double
hist_quantile_us(const struct latency_hist *h, double q)
{
    if (h->n == 0)
        return 0;
    /* The rank of the sample wanted, 1-based: at least the first. */
    uint64_t rank = (uint64_t)(q * (double)h->n + 0.5);
    uint64_t seen = 0;

    if (rank < 1)
        rank = 1;
    for (int i = 0; i < HIST_BUCKETS; i++) {
        seen += h->count[i];
        if (seen >= rank) {
            double low, width;
            bucket_range(i, &low, &width);
            return (low + width / 2) / 1e3;
        }
    }
    return (double)h->max_ns / 1e3;
}
