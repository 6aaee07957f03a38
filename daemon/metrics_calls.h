/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * metrics_calls.h: calls per procedure, their errors and how long each
 * took from its arrival on the loop to its reply being queued.
 *
 * Counted on the loop thread for every call, with relaxed atomic adds and
 * no lock; a scrape on any thread reads them as they are.
 */
#ifndef VIREO_DAEMON_METRICS_CALLS_H
#define VIREO_DAEMON_METRICS_CALLS_H

#include <stdint.h>

struct metrics_text;
struct wire_buffer;

/* Any thread: CLOCK_MONOTONIC in nanoseconds. */
uint64_t metrics_now_ns(void);

/* Loop thread: a message is about to be dispatched; what its call's reply
 * is measured from (metrics_call_arrival_ns() until the next one). */
void metrics_call_arrived(void);
uint64_t metrics_call_arrival_ns(void);

/* Loop thread: reply (one encoded REPLY message, length word first) is
 * about to be queued for the call that arrived at arrived_ns: count it
 * under its procedure, as an error if its status says so. Anything but a
 * REPLY is ignored. */
void metrics_call_replied(const struct wire_buffer *reply,
                          uint64_t arrived_ns);

/* Any thread: the families vireo_calls_total, vireo_call_errors_total and
 * vireo_call_duration_seconds, for the procedures called at least once. */
void metrics_calls_render(struct metrics_text *t);

#endif /* VIREO_DAEMON_METRICS_CALLS_H */
