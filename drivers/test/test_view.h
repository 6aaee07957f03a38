/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_view.h: the test driver's side of drivers/domain_view.h: each test
 * state publishes a view of its domains, which vireod's loop reads to
 * answer cheap read calls without a hop to the test thread.
 *
 * Everything here runs on the test driver's thread, which owns the states
 * and the list of views retired and not yet freed.
 */
#ifndef VIREO_DRIVERS_TEST_TEST_VIEW_H
#define VIREO_DRIVERS_TEST_TEST_VIEW_H

struct test_state;

/* A new state's source: stale until the first publication. */
void test_view_init(struct test_state *st);

/* Before an operation on st runs: it may change any domain. */
void test_view_before_op(struct test_state *st);

/* After it ran, before its answer goes out: publish afresh if a reader
 * asked for it. A publication that finds memory short leaves the view
 * stale, and readers keep going to the test thread. */
void test_view_after_op(struct test_state *st);

/* The state goes: retire its view. */
void test_view_fini(struct test_state *st);

/* libvirt's test driver gives the wall clock as every domain's CPU time,
 * running or not. Any thread. */
unsigned long long test_view_wall_clock_ns(void);

#endif /* VIREO_DRIVERS_TEST_TEST_VIEW_H */
