/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * loop_wait.h: running the tests' poll(2) loop (tests/loop/poll_impl.h)
 * for a while, the way an application would.
 */
#ifndef VIREO_TESTS_INTEGRATION_LOOP_WAIT_H
#define VIREO_TESTS_INTEGRATION_LOOP_WAIT_H

#include <time.h>

#include "api/vireo.h"
#include "tests/loop/poll_impl.h"

static inline long long
now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* A timer's only job is to keep poll() from sleeping past a deadline. */
static inline void
loop_wait_tick(int timer, void *opaque)
{
    (void)timer;
    (void)opaque;
}

/* Let the loop run the free functions of what a closed connection
 * watched, so that nothing is left for the leak checker. */
static inline void
loop_wait_settle(void)
{
    int timer = vireo_event_add_timeout(10, loop_wait_tick, NULL, NULL);

    for (int i = 0; i < 3; i++)
        poll_impl_run_once();
    vireo_event_remove_timeout(timer);
    poll_impl_run_once();
}

#endif /* VIREO_TESTS_INTEGRATION_LOOP_WAIT_H */
