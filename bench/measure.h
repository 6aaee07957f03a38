/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * measure.h: the clock and the sorting every benchmark here uses.
 */
#ifndef VIREO_BENCH_MEASURE_H
#define VIREO_BENCH_MEASURE_H

#include <time.h>

/* Microseconds on the monotonic clock. */
static inline double
now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* qsort() order for doubles, for percentiles and medians. */
static inline int
compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

#endif /* VIREO_BENCH_MEASURE_H */
