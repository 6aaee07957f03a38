/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-watch.c: fd watches behave the same on the libuv loop and on a
 * poll(2) loop: they fire, multiplex one fd, change masks, and can be
 * removed from inside callbacks.
 */
#include <unistd.h>

#include "loop/event.h"
/* tap.h keeps its counters per translation unit, so the scenarios are
 * compiled into this program's unit rather than linked from another. */
#include "tests/loop/scenarios.c"
#include "tests/tap.h"

#define CHECKS_PER_LOOP                                                   \
    (1 + SCENARIO_WATCH_FIRES_CHECKS + SCENARIO_REMOVE_SELF_CHECKS +      \
     SCENARIO_REMOVE_OTHER_CHECKS + SCENARIO_SAME_FD_CHECKS +             \
     SCENARIO_UPDATE_HANDLE_CHECKS + SCENARIO_MANY_PIPES_CHECKS)

static void
on_nothing(int watch, int fd, int events, void *opaque)
{
    (void)watch;
    (void)fd;
    (void)events;
    (void)opaque;
}

/* What runs on each loop under test. */
static void
run_watch_scenarios(const struct loop_under_test *lut)
{
    scenario_watch_fires(lut);
    scenario_remove_self(lut);
    scenario_remove_other(lut);
    scenario_same_fd_twice(lut);
    scenario_update_handle(lut);
    scenario_many_pipes(lut);
}

int
main(void)
{
    alarm(30);      /* a hung loop fails the test instead of stalling CI */
    /* Besides the scenarios: an fd check per loop, a libuv handle check. */
    tap_plan(2 + 2 * CHECKS_PER_LOOP + 2 + 1);
    tap_is_int(event_add_handle(0, EVENT_READABLE, on_nothing, NULL, NULL), -1,
               "with no loop registered, adding a watch fails");
    tap_is_int(event_remove_handle(1), -1,
               "with no loop registered, removing a watch fails");
    scenario_on_each_loop(run_watch_scenarios);
    return tap_done();
}
