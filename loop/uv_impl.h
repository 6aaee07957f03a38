/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * uv_impl.h: vireo's default event-loop implementation, on libuv.
 *
 * One process-wide uv_loop_t. The thread that calls uv_impl_run_once() or
 * uv_impl_run() is the loop thread; the add/update/remove functions may be
 * called from any thread: changes made off the loop thread are applied on
 * it, after a wake-up.
 */
#ifndef VIREO_LOOP_UV_IMPL_H
#define VIREO_LOOP_UV_IMPL_H

#include <stdbool.h>

/* Create the loop (once) and register it with event_register_impl().
 * Returns 0, or -1 if libuv could not be initialised. */
int  uv_impl_register(void);

/* Run one iteration: block until at least one watch or timer fired or
 * uv_impl_interrupt() was called, dispatch, return 0 (-1 if not registered). */
int  uv_impl_run_once(void);

/* Run until uv_impl_stop() is called; returns 0. */
int  uv_impl_run(void);

/* Any thread: wake a blocked uv_impl_run_once(). */
void uv_impl_interrupt(void);

/* Any thread: make uv_impl_run() return after the current iteration. */
void uv_impl_stop(void);

/* The underlying libuv loop, for the daemon's own sockets; loop thread only. */
struct uv_loop_s *uv_impl_loop(void);

#endif /* VIREO_LOOP_UV_IMPL_H */
