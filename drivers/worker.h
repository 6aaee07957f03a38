/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker.h: a driver's thread. Every driver that keeps state owns one: the
 * thread is the only one that touches the driver's state, and everything
 * else reaches it as a job pushed onto its inbox.
 *
 * Besides running jobs, a worker gives its driver the services a driver
 * needs to talk to the outside world without ever blocking on it:
 *   worker_timer.h  timeouts that fire on the worker thread
 *   worker_watch.h  file descriptors the main loop watches for it
 *   worker_child.h  child processes, their exit reported as a job
 *   call.h          calls that are answered later, with a deadline
 * All of them are owned by the worker thread: they are created, changed and
 * freed there, and their callbacks run there.
 *
 * Lifetime: worker_new() starts the thread, worker_stop() (from another
 * thread) or worker_stop_self() (from the worker itself) ends it. Before
 * it exits, the thread releases what its driver left registered: queued
 * jobs are cancelled or run (see struct worker_job), waiting calls are
 * abandoned, timers disarmed, watches removed, and attached children
 * killed and reaped, so that no zombie is ever left behind.
 */
#ifndef VIREO_DRIVERS_WORKER_H
#define VIREO_DRIVERS_WORKER_H

#include <stdbool.h>

#include "loop/queue.h"

struct worker;

/* Links a record into one of its worker's lists of what the driver has
 * registered (watches, children, waiting calls), so that the worker can
 * release them when it exits. Private to the files of drivers/worker*.c
 * and call.c; embedded where a record must be public (struct call). */
struct worker_node {
    struct worker_node *prev, *next;
};

/* A job: embed it in a message and push it. Once pushed, the message
 * belongs to the worker thread, which calls exactly one of run or cancel:
 * run normally; cancel instead when the job is a call on behalf of a
 * caller and the worker cancels calls (worker_cancel_calls) or exits
 * before reaching it. A job whose cancel is NULL is work that must happen
 * (releasing a connection, tearing a driver down): it always runs. */
struct worker_job {
    struct queue_link link;
    void (*run)(struct worker_job *job);
    void (*cancel)(struct worker_job *job);
    /* Set by the producer when the job never blocks (libvirt's
     * high-priority calls): the wake-ups earlier jobs of the batch hold
     * back may wait across it. Before any other job the worker sends
     * them, so that a job that blocks (a save into a FIFO, a slow host
     * tool) never holds back answers already made, its own driver's or,
     * through the queue they share, another's. */
    bool is_brief;
};

typedef void (*worker_fn)(void *arg);

/* Start a worker thread; name (at most 15 characters) shows in ps and gdb.
 * NULL if the thread or its queue cannot be made. */
struct worker *worker_new(const char *name);

/* Any thread: queue job after everything pushed before. Returns false once
 * the worker is stopping; the job then stays the caller's. */
bool worker_push(struct worker *w, struct worker_job *job);
/* The same, but inside a batch of the calling thread (the loop's turn,
 * another worker's batch) the worker is woken once at the batch's end
 * (loop/queue_defer.h). For a caller that does not wait for the job. */
bool worker_push_deferred(struct worker *w, struct worker_job *job);

/* Any thread: run fn(arg) on the worker, as a job that always runs.
 * Returns false (fn is not run, arg stays the caller's) once the worker is
 * stopping or when memory is short. */
bool worker_submit(struct worker *w, worker_fn fn, void *arg);

/* Any thread: run fn(arg) on the worker and wait until it returns. This
 * is how a caller on its own thread (a client process using an in-process
 * driver) reaches a driver. From another thread it returns false, without
 * running fn, once the worker is stopping. On the worker thread itself fn
 * runs at once, stopping or not: the caller is a job the worker is still
 * finishing (a connection's last release, say), whose work must happen. */
bool worker_call(struct worker *w, worker_fn fn, void *arg);

/* The worker whose thread is calling, or NULL on any other thread. */
struct worker *worker_current(void);

/* Worker thread: run fn(arg) after every job and after every round of
 * timers, before the worker goes on (NULL: nothing). For a driver that
 * publishes what its work changed (domain_view.h) once each piece of
 * work is whole, whichever of its callbacks did it. */
void worker_set_after_job(struct worker *w, worker_fn fn, void *arg);

/* Any thread: from now on calls are cancelled instead of run: call jobs
 * still queued and those pushed later get their cancel, and calls waiting
 * on the outside world (call.h) are abandoned with an error. Jobs without
 * cancel keep running. For a daemon shutting down: nobody waits for those
 * answers any more. */
void worker_cancel_calls(struct worker *w);

/* Not from the worker thread: stop taking jobs, let the thread finish what
 * is queued (as described at the top), join it and free the worker. NULL
 * is a no-op. (A loop still calling back one of its watches keeps the
 * record's memory until it lets go of the watch; w is unusable at once.) */
void worker_stop(struct worker *w);

/* From the worker thread only: the same, but the thread cannot join
 * itself, so it detaches and exits once the job that called this returns,
 * freeing the worker itself. on_exit(arg), if given, is its last act, so
 * that whoever waits for the worker to be gone can learn it. */
void worker_stop_self(struct worker *w, worker_fn on_exit, void *arg);

#endif /* VIREO_DRIVERS_WORKER_H */
