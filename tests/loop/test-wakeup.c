/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-wakeup.c: changes made on other threads wake a blocked loop, on the
 * libuv loop and on a poll(2) loop; uv_impl_interrupt() and uv_impl_stop()
 * do what they say.
 */
#include <pthread.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#include "loop/event.h"
#include "loop/uv_impl.h"
/* tap.h keeps its counters per translation unit, so the scenarios are
 * compiled into this program's unit rather than linked from another. */
#include "tests/loop/scenarios.c"
#include "tests/tap.h"

#define CHECKS_PER_LOOP (1 + SCENARIO_WAKEUP_CHECKS)

static void *
call_later(void *opaque)
{
    struct timespec ts = { 0, 50 * 1000000L };

    nanosleep(&ts, NULL);
    ((void (*)(void))opaque)();
    return NULL;
}

static void
on_tick(int timer, void *opaque)
{
    (void)timer;
    (void)opaque;
}

/* Block the loop thread in fn (bounded by a 5 s watchdog timer) while
 * another thread calls poke after 50 ms; return how long fn took. */
static int64_t
time_woken(int (*fn)(void), void (*poke)(void))
{
    pthread_t thread;
    int dog = event_add_timeout(5000, on_tick, NULL, NULL);
    int64_t start = now_ms();

    pthread_create(&thread, NULL, call_later, (void *)poke);
    fn();
    int64_t took = now_ms() - start;
    pthread_join(thread, NULL);
    event_remove_timeout(dog);
    return took;
}

static void
test_uv_controls(void)
{
    const struct loop_under_test *uv = &loops_under_test[0];

    uv->register_impl();
    scenario_iterate(uv, 2);
    tap_ok(uv_impl_loop() != NULL, "uv: the libuv loop is available");
    tap_ok(time_woken(uv_impl_run_once, uv_impl_interrupt) < 1000,
           "uv: uv_impl_interrupt() from another thread wakes run_once");
    tap_ok(time_woken(uv_impl_run, uv_impl_stop) < 1000,
           "uv: uv_impl_stop() from another thread ends uv_impl_run()");
    scenario_iterate(uv, 2);
}

int
main(void)
{
    alarm(30);      /* a hung loop fails the test instead of stalling CI */
    /* Besides the scenarios: an fd check per loop, a libuv handle check. */
    tap_plan(3 + 2 * CHECKS_PER_LOOP + 2 + 1);
    for (int i = 0; i < 2; i++) {
        const struct loop_under_test *lut = &loops_under_test[i];
        int n_fds, n_handles = 0;

        tap_is_int(lut->register_impl(), 0, "%s: the loop registers",
                   lut->name);
        n_fds = scenario_n_open_fds();
        if (lut == &loops_under_test[0])
            n_handles = scenario_n_uv_handles(lut);
        scenario_wakeup(lut);
        tap_is_int(scenario_n_open_fds(), n_fds,
                   "%s: the scenarios leave no fd open", lut->name);
        if (lut == &loops_under_test[0])
            tap_is_int(scenario_n_uv_handles(lut), n_handles, "uv: removed "
                       "watches and timers leave no libuv handle open");
    }
    test_uv_controls();
    return tap_done();
}
