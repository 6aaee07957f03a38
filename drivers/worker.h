/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker.h: one thread that runs job closures in submission order.
 *
 * A driver in the daemon owns one (created by its startup hook, joined by
 * its shutdown hook): every call the daemon makes on the driver runs there,
 * so the driver's state is changed by that thread alone and the main loop
 * never waits for a driver.
 */
#ifndef VIREO_DRIVERS_WORKER_H
#define VIREO_DRIVERS_WORKER_H

#include <stdbool.h>

struct worker;

typedef void (*worker_fn)(void *arg);

/* Start a worker thread; name (at most 15 characters) shows in ps/gdb.
 * NULL if the thread or its queue cannot be made. */
struct worker *worker_new(const char *name);

/* Any thread: run fn(arg) on the worker, after every job submitted before.
 * Returns false (fn is not run, arg stays the caller's) once the worker is
 * stopping. */
bool worker_submit(struct worker *w, worker_fn fn, void *arg);

/* Refuse new jobs, run the ones already queued, join the thread and free
 * the worker. Not from the worker thread itself. NULL is a no-op. */
void worker_stop(struct worker *w);

#endif /* VIREO_DRIVERS_WORKER_H */
