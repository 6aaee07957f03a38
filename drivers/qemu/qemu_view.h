/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_view.h: the QEMU driver's side of drivers/domain_view.h: its state
 * publishes a view of its domains, which vireod's loop reads to answer
 * cheap read calls (state, info, activity, persistence, lookups) without
 * a hop to the driver's thread, so a poller never waits behind a start,
 * a stop or a guest that does not answer.
 *
 * Unlike the test driver, which marks its view stale before every
 * operation, this driver marks it where a domain changes: most of its
 * work (QMP traffic, calls waiting on guests, queries) changes nothing,
 * and a view marked stale for the length of every job would send readers
 * to the thread whenever it is busy. The rule that keeps readers from
 * going back in time: whatever changes what the view holds (a domain's
 * state, id, definition, persistence or process, or the set of domains)
 * marks it stale before the job that changes it ends and before any
 * answer or event about the change leaves the thread (qemu_state_set and
 * qemu_state_emit do so; the other changes call qemu_view_mark_stale).
 * After every job and round of timers (worker_set_after_job), a stale
 * view is published afresh, so it shows the driver's state between two
 * pieces of work: what the thread itself would answer then, a start's
 * "paused (starting up)" included.
 *
 * Everything here runs on the driver's thread, which owns the list of
 * views retired and not yet freed; only the CPU time (cpu_time_ns, read
 * from /proc) is computed on the reader's.
 */
#ifndef VIREO_QEMU_VIEW_H
#define VIREO_QEMU_VIEW_H

struct qemu_state;

/* A new state's view, stale until published after the job making it
 * ends; the calling worker publishes it from then on. */
void qemu_view_init(struct qemu_state *st);

/* Something the view holds changes, or is about to be told. */
void qemu_view_mark_stale(struct qemu_state *st);

/* The state goes: its view is retired and the worker stops publishing. */
void qemu_view_fini(struct qemu_state *st);

#endif /* VIREO_QEMU_VIEW_H */
