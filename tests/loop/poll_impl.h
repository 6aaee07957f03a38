/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * poll_impl.h: a second event-loop implementation, on plain poll(2), so the
 * loop scenarios can show that the contract in loop/event.h does not depend
 * on libuv.
 */
#ifndef VIREO_TESTS_LOOP_POLL_IMPL_H
#define VIREO_TESTS_LOOP_POLL_IMPL_H

/* Create the loop state (once) and register it. Returns 0 or -1. */
int poll_impl_register(void);

/* The calling thread becomes the loop thread: block until a watch or timer
 * fires or another thread changes something, dispatch, run due free_cbs.
 * Returns 0, or -1 if poll_impl_register() never succeeded. */
int poll_impl_run_once(void);

#endif /* VIREO_TESTS_LOOP_POLL_IMPL_H */
