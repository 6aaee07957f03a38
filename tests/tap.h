/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tap.h: the Test Anything Protocol for our C tests, header-only.
 *
 *   tap_plan(3);
 *   tap_ok(x == 1, "one is one");
 *   tap_is_int(got, 42, "the answer is %d", 42);
 *   return tap_done();
 *
 * Thread-safe: checks may be made from several threads.
 */
#ifndef VIREO_TESTS_TAP_H
#define VIREO_TESTS_TAP_H

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t tap_lock_ = PTHREAD_MUTEX_INITIALIZER;
static int tap_run_;
static int tap_failed_;
static int tap_planned_ = -1;

static inline void
tap_plan(int n)
{
    tap_planned_ = n;
    printf("1..%d\n", n);
    fflush(stdout);
}

static inline void __attribute__((format(printf, 2, 0)))
tap_vreport_(bool pass, const char *fmt, va_list ap)
{
    pthread_mutex_lock(&tap_lock_);
    tap_run_++;
    if (!pass)
        tap_failed_++;
    printf("%s %d - ", pass ? "ok" : "not ok", tap_run_);
    vprintf(fmt, ap);
    printf("\n");
    fflush(stdout);
    pthread_mutex_unlock(&tap_lock_);
}

static inline bool __attribute__((format(printf, 2, 3)))
tap_ok(bool pass, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tap_vreport_(pass, fmt, ap);
    va_end(ap);
    return pass;
}

static inline void __attribute__((format(printf, 1, 2)))
tap_diag(const char *fmt, ...)
{
    va_list ap;
    pthread_mutex_lock(&tap_lock_);
    printf("# ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    pthread_mutex_unlock(&tap_lock_);
}

#define tap_is_int(got, want, ...)                                        \
    do {                                                                  \
        long long tap_g_ = (long long)(got), tap_w_ = (long long)(want);  \
        if (!tap_ok(tap_g_ == tap_w_, __VA_ARGS__))                       \
            tap_diag("  got %lld, want %lld", tap_g_, tap_w_);            \
    } while (0)

#define tap_is_str(got, want, ...)                                        \
    do {                                                                  \
        const char *tap_g_ = (got), *tap_w_ = (want);                     \
        bool tap_p_ = tap_g_ && tap_w_ ? strcmp(tap_g_, tap_w_) == 0      \
                                       : tap_g_ == tap_w_;                \
        if (!tap_ok(tap_p_, __VA_ARGS__))                                 \
            tap_diag("  got '%s', want '%s'", tap_g_ ? tap_g_ : "(null)", \
                     tap_w_ ? tap_w_ : "(null)");                         \
    } while (0)

/* The test cannot run at all (a missing argument, file or peer): one
 * failing check says what it needed, and the program exits 1. Call it
 * before tap_plan. There is no skip: under `make check` everything a test
 * needs is installed, so a missing piece means the set-up broke. */
static inline void __attribute__((format(printf, 1, 2), noreturn))
tap_fail_all(const char *fmt, ...)
{
    va_list ap;

    printf("1..1\nnot ok 1 - ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    exit(1);
}

/* Exit status for main: non-zero if any check failed or the plan was not
 * met. */
static inline int
tap_done(void)
{
    if (tap_planned_ >= 0 && tap_run_ != tap_planned_) {
        printf("# planned %d checks but ran %d\n", tap_planned_, tap_run_);
        return 1;
    }
    return tap_failed_ ? 1 : 0;
}

#endif /* VIREO_TESTS_TAP_H */
