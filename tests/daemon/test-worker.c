/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-worker.c: drivers/worker: jobs run in submission order, on the
 * worker's own thread, and stopping runs every job already queued.
 */
#include <pthread.h>
#include <stdatomic.h>

#include "drivers/worker.h"
#include "tests/tap.h"

#define N_JOBS 10000

static int order[N_JOBS];
static atomic_int n_done;
static pthread_t ran_on;
static atomic_int n_wrong_thread;

static void
record(void *arg)
{
    int i = atomic_fetch_add(&n_done, 1);

    order[i] = (int)(long)arg;
    if (!pthread_equal(pthread_self(), ran_on) && i > 0)
        atomic_fetch_add(&n_wrong_thread, 1);
    if (i == 0)
        ran_on = pthread_self();
}

static bool
in_order(void)
{
    for (int i = 0; i < N_JOBS; i++)
        if (order[i] != i)
            return false;
    return true;
}

int
main(void)
{
    struct worker *w;
    bool all_taken = true;

    tap_plan(6);
    w = worker_new("test-worker");
    tap_ok(w != NULL, "a worker starts");
    for (long i = 0; i < N_JOBS; i++)
        all_taken &= worker_submit(w, record, (void *)i);
    tap_ok(all_taken, "it takes %d jobs", N_JOBS);
    worker_stop(w);
    tap_is_int(atomic_load(&n_done), N_JOBS,
               "stopping runs every queued job before joining");
    tap_ok(in_order(), "jobs ran in submission order");
    tap_ok(!pthread_equal(ran_on, pthread_self()),
           "jobs ran on the worker's thread, not the submitter's");
    tap_is_int(atomic_load(&n_wrong_thread), 0, "all on that one thread");
    worker_stop(NULL);
    return tap_done();
}
