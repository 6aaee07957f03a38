/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * scenarios.h: loop scenarios that every event implementation must pass.
 *
 * Each test program runs the same scenarios once per loop under test (libuv
 * and the test's poll(2) loop). A scenario registers nothing itself: the
 * caller registers the loop first. Every scenario leaves no watch, timer or
 * fd behind, and never waits without a bound. The *_CHECKS constants say how
 * many TAP checks each scenario makes, for the plan.
 */
#ifndef VIREO_TESTS_LOOP_SCENARIOS_H
#define VIREO_TESTS_LOOP_SCENARIOS_H

struct loop_under_test {
    const char *name;
    int (*register_impl)(void);
    int (*run_once)(void);
};

/* The libuv loop and the poll(2) loop, in that order. */
extern const struct loop_under_test loops_under_test[2];

/* Run lut until *counter reaches want or max_ms pass. A watchdog timer keeps
 * each iteration short. Returns whether the count was reached. */
int  scenario_run_until(const struct loop_under_test *lut, const int *counter,
                        int want, int max_ms);
/* Run n iterations that must not block (a zero timeout is armed meanwhile). */
void scenario_iterate(const struct loop_under_test *lut, int n);

/* Open fds of the process. Taken after registering a loop and again after
 * its scenarios, the two counts must agree. */
int  scenario_n_open_fds(void);
/* Let lut apply outstanding removals and finish closing, then count the
 * libuv handles still open (the loop's own plus any leaked). */
int  scenario_n_uv_handles(const struct loop_under_test *lut);

/* Register each loop under test in turn and call run on it, checking that
 * the loop registers and that run leaves no fd open (and, on libuv, no
 * handle): 2 checks per loop plus 1, besides run's own. */
void scenario_on_each_loop(void (*run)(const struct loop_under_test *lut));

#define SCENARIO_WATCH_FIRES_CHECKS    7
void scenario_watch_fires(const struct loop_under_test *lut);
#define SCENARIO_REMOVE_SELF_CHECKS    3
void scenario_remove_self(const struct loop_under_test *lut);
#define SCENARIO_REMOVE_OTHER_CHECKS   4
void scenario_remove_other(const struct loop_under_test *lut);
#define SCENARIO_SAME_FD_CHECKS        7
void scenario_same_fd_twice(const struct loop_under_test *lut);
#define SCENARIO_UPDATE_HANDLE_CHECKS  5
void scenario_update_handle(const struct loop_under_test *lut);
#define SCENARIO_MANY_PIPES_CHECKS     3
void scenario_many_pipes(const struct loop_under_test *lut);

#define SCENARIO_TIMEOUTS_CHECKS       9
void scenario_timeouts(const struct loop_under_test *lut);
#define SCENARIO_TIMEOUT_REMOVAL_CHECKS 5
void scenario_timeout_removal(const struct loop_under_test *lut);

#define SCENARIO_WAKEUP_CHECKS         6
void scenario_wakeup(const struct loop_under_test *lut);

#define SCENARIO_LOOP_QUEUE_CHECKS     3
void scenario_loop_queue(const struct loop_under_test *lut);

#endif /* VIREO_TESTS_LOOP_SCENARIOS_H */
