/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * measure.h: the clock and the sorting every benchmark here uses, and the
 * one way they keep an error message for their report.
 */
#ifndef VIREO_BENCH_MEASURE_H
#define VIREO_BENCH_MEASURE_H

#include <stdarg.h>
#include <stdio.h>
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

/* Format a message into buf (size bytes) and return -1, so that a failing
 * function can end with it. */
static inline int __attribute__((format(printf, 3, 4)))
set_message(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return -1;
}

#endif /* VIREO_BENCH_MEASURE_H */
