/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-timeout.c: timeouts of -1, 0 and N ms, their updates and their
 * removal from callbacks, on the libuv loop and on a poll(2) loop.
 */
#include <unistd.h>

#include "loop/event.h"
/* tap.h keeps its counters per translation unit, so the scenarios are
 * compiled into this program's unit rather than linked from another. */
#include "tests/loop/scenarios.c"
#include "tests/tap.h"

#define CHECKS_PER_LOOP \
    (1 + SCENARIO_TIMEOUTS_CHECKS + SCENARIO_TIMEOUT_REMOVAL_CHECKS)

static void
on_nothing(int timer, void *opaque)
{
    (void)timer;
    (void)opaque;
}

int
main(void)
{
    alarm(30);      /* a hung loop fails the test instead of stalling CI */
    /* Besides the scenarios: an fd check per loop, a libuv handle check. */
    tap_plan(1 + 2 * CHECKS_PER_LOOP + 2 + 1);
    tap_is_int(event_add_timeout(0, on_nothing, NULL, NULL), -1,
               "with no loop registered, adding a timeout fails");
    for (int i = 0; i < 2; i++) {
        const struct loop_under_test *lut = &loops_under_test[i];
        int n_fds, n_handles = 0;

        tap_is_int(lut->register_impl(), 0, "%s: the loop registers",
                   lut->name);
        n_fds = scenario_n_open_fds();
        if (lut == &loops_under_test[0])
            n_handles = scenario_n_uv_handles(lut);
        scenario_timeouts(lut);
        scenario_timeout_removal(lut);
        tap_is_int(scenario_n_open_fds(), n_fds,
                   "%s: the scenarios leave no fd open", lut->name);
        if (lut == &loops_under_test[0])
            tap_is_int(scenario_n_uv_handles(lut), n_handles, "uv: removed "
                       "watches and timers leave no libuv handle open");
    }
    return tap_done();
}
