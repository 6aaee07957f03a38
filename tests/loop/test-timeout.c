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

/* What runs on each loop under test. */
static void
run_timeout_scenarios(const struct loop_under_test *lut)
{
    scenario_timeouts(lut);
    scenario_timeout_removal(lut);
}

int
main(void)
{
    alarm(30);      /* a hung loop fails the test instead of stalling CI */
    /* Besides the scenarios: an fd check per loop, a libuv handle check. */
    tap_plan(1 + 2 * CHECKS_PER_LOOP + 2 + 1);
    tap_is_int(event_add_timeout(0, on_nothing, NULL, NULL), -1,
               "with no loop registered, adding a timeout fails");
    scenario_on_each_loop(run_timeout_scenarios);
    return tap_done();
}
