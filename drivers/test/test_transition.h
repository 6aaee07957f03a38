/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_transition.h: the state changes of a test domain, with no checks
 * and no events: callers (test_domain.c, test_state.c) have checked that
 * the change is legal and say what happened. All run with st->lock held.
 */
#ifndef VIREO_DRIVERS_TEST_TRANSITION_H
#define VIREO_DRIVERS_TEST_TRANSITION_H

#include <stdbool.h>

struct domain_obj;
struct test_state;

/* Give an inactive obj the next id and make it running (booted), or
 * paused (starting up) when is_paused. A pending new_def is applied first. */
void test_transition_start(struct test_state *st, struct domain_obj *obj,
                           bool is_paused);

/* Make an active obj shut off with the given shutoff reason. A pending
 * new_def becomes the def. A transient obj is left in the list: the caller
 * queues its event, then removes it. */
void test_transition_stop(struct test_state *st, struct domain_obj *obj,
                          int reason);

/* The guest resets in place: running (booted) again, same id, whether it
 * was running or paused. */
void test_transition_reset(struct domain_obj *obj);

/* Running <-> paused, with the given reason. */
void test_transition_pause(struct domain_obj *obj, int reason);
void test_transition_resume(struct domain_obj *obj, int reason);

#endif /* VIREO_DRIVERS_TEST_TRANSITION_H */
