/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * queue_defer.h: a thread that works in batches may hold back the
 * wake-ups of what it pushes while a batch runs, and wake each consumer
 * once when the batch ends: the items themselves are queued at once (a
 * consumer that is awake anyway takes them straight away), only the
 * signal waits. A driver's thread answering sixteen cheap calls in one
 * batch then wakes the loop once, not up to sixteen times; the loop,
 * reading sixteen calls in one turn, wakes the driver's thread once,
 * which then finds all sixteen (woken at the first, it would take that
 * one alone and sleep again, fighting the loop for the queue's lock).
 *
 * Holding is opt-in twice over: the thread must be inside
 * queue_defer_begin() ... queue_defer_end(), and the producer must push
 * with queue_push_deferred(). What is pushed with queue_push() wakes at
 * once, so a thread that pushes and then waits for the answer is never
 * held up by its own batch: push that way when you will wait.
 *
 * One queue's wake-up is held at a time: a deferred push to a second
 * queue wakes the first at once.
 *
 * The held wake-up is the calling thread's own (thread-local): no lock
 * beyond the queue's. Every function here is for any thread, about
 * itself.
 */
#ifndef VIREO_LOOP_QUEUE_DEFER_H
#define VIREO_LOOP_QUEUE_DEFER_H

#include <stdbool.h>
#include <stdint.h>

#include "loop/queue.h"

/* This thread starts a batch: queue_push_deferred() holds from now on. */
void queue_defer_begin(void);

/* As queue_push(), but inside a batch the consumer's wake-up waits for
 * the batch's end (or a flush). false, the link left with the caller,
 * once q is closed. */
bool queue_push_deferred(struct queue *q, struct queue_link *link);

/* Microseconds since the wake-up now held was due; 0 when none. A batch
 * of long jobs flushes when this grows, so that a cheap call's answer
 * never waits behind a slow one. */
uint64_t queue_defer_age_us(void);

/* Send the wake-up held now (the batch goes on holding). */
void queue_defer_flush(void);

/* The batch ended: send the wake-up held, stop holding. */
void queue_defer_end(void);

/* Whether this thread held a wake-up for q; it holds none after. For
 * queue_push(), whose caller may be about to wait on the consumer, and
 * queue_free(). */
bool queue_defer_take(struct queue *q);

#endif /* VIREO_LOOP_QUEUE_DEFER_H */
