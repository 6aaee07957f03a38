/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker_lease.h: a driver's thread that lives while somebody needs it.
 *
 * A driver that also runs inside client processes cannot tie its thread to
 * the daemon's startup and shutdown hooks. Its thread is leased instead:
 * the first hold starts it, and the last release stops it. In vireod the
 * startup hook holds it for the daemon's life and every open connection
 * holds it too, so the thread outlives every connection of its driver; in
 * a client process the connections alone hold it, so it runs exactly
 * while one is open.
 *
 * Declare one lease per driver, statically:
 *   static struct worker_lease lease = WORKER_LEASE_INIT("vireo-test");
 * Every function may be called from any thread, the worker's own included
 * (a connection closed on the worker releasing the last hold makes the
 * worker stop itself after the current job).
 */
#ifndef VIREO_DRIVERS_WORKER_LEASE_H
#define VIREO_DRIVERS_WORKER_LEASE_H

#include <pthread.h>

#include "drivers/worker.h"

struct worker_lease {
    pthread_mutex_t lock;
    pthread_cond_t  is_gone_cond;
    const char     *thread_name;
    struct worker  *w;          /* the running worker, or NULL */
    int             n_holds;
    int             n_threads;  /* workers started and not yet gone */
};

#define WORKER_LEASE_INIT(thread_name)                                   \
    { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, (thread_name), \
      NULL, 0, 0 }

/* Take a hold, starting the worker if none runs. Returns the worker, or
 * NULL (no hold taken) if it cannot be started. */
struct worker *worker_lease_hold(struct worker_lease *l);

/* Drop a hold; the last one stops the worker (joining it, unless called
 * on the worker itself). */
void worker_lease_release(struct worker_lease *l);

/* The running worker, or NULL. Meaningful while the caller holds the
 * lease (otherwise it may stop at any time). */
struct worker *worker_lease_worker(struct worker_lease *l);

/* Wait until no worker of this lease runs any more: after the last hold
 * is released, including by a worker that stops itself. */
void worker_lease_wait_gone(struct worker_lease *l);

/* A daemon driver's startup hook: take the hold that lasts until
 * worker_lease_shutdown and run fn(arg) on the worker, which reports in
 * *rc (0, or -1 with its error set). If the worker cannot start, or *rc
 * is -1, the hold goes again and -1 is returned (*rc left -1 when fn did
 * not run: the caller words that error). */
int worker_lease_startup(struct worker_lease *l, worker_fn fn, void *arg,
                         const int *rc);

/* A daemon driver's autostart hook: fn(arg) on the running worker, and
 * wait for it; nothing when none runs. */
void worker_lease_run(struct worker_lease *l, worker_fn fn, void *arg);

/* A daemon driver's shutdown hook, whose startup hook took a hold: the
 * calls still queued or waiting are answered with an error, fn(arg) (if
 * fn is given) runs on the worker as the daemon's last job there,
 * startup's hold is released, and this returns once the worker is gone
 * (the connections' holds go with the connections). Not from the worker
 * itself. */
void worker_lease_shutdown(struct worker_lease *l, worker_fn fn, void *arg);

#endif /* VIREO_DRIVERS_WORKER_LEASE_H */
