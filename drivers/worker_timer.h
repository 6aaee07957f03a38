/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker_timer.h: timeouts that fire on a driver's own thread.
 *
 * The worker sleeps on its inbox with the deadline of its earliest timer,
 * so a timer costs no thread and no polling. Every function here is for
 * the worker thread only, and callbacks run there, between jobs. A timer
 * fires once per arming; re-arming moves it, cancelling disarms it, and
 * either may be done from any callback, its own included.
 */
#ifndef VIREO_DRIVERS_WORKER_TIMER_H
#define VIREO_DRIVERS_WORKER_TIMER_H

#include <stdbool.h>

struct worker;
struct worker_timer;

typedef void (*worker_timer_cb)(struct worker_timer *t, void *opaque);

/* A disarmed timer on w (the calling worker). NULL when memory is short. */
struct worker_timer *worker_timer_new(struct worker *w, worker_timer_cb cb,
                                      void *opaque);

/* Fire once, timeout_ms (>= 0) from now; an armed timer is moved. */
void worker_timer_arm(struct worker_timer *t, int timeout_ms);
void worker_timer_cancel(struct worker_timer *t);
bool worker_timer_is_armed(const struct worker_timer *t);

/* Disarm and free; safe inside the timer's own callback. NULL is a no-op. */
void worker_timer_free(struct worker_timer *t);

#endif /* VIREO_DRIVERS_WORKER_TIMER_H */
