/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-lease.c: drivers/worker_lease.h: holds taken at once by many
 * threads start one worker; the last release stops it, joining it from
 * another thread or stopping it from its own; worker_lease_wait_gone()
 * returns once it is gone; a hold after that starts a fresh worker.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/worker.h"
#include "drivers/worker_lease.h"
#include "tests/tap.h"
#include "tests/worker/worker-test.h"

static struct worker_lease lease = WORKER_LEASE_INIT("test-lease");

static int
n_lease_threads(void)
{
    int n;

    pthread_mutex_lock(&lease.lock);
    n = lease.n_threads;
    pthread_mutex_unlock(&lease.lock);
    return n;
}

/* ---- many holders ------------------------------------------------------ */

#define N_HOLDERS 8

struct holder {
    pthread_barrier_t *start;
    struct worker     *got;
};

static void *
hold_thread(void *arg)
{
    struct holder *h = arg;

    pthread_barrier_wait(h->start);
    h->got = worker_lease_hold(&lease);
    return NULL;
}

struct ran_on {
    pthread_t thread;
    bool      has_run;
};

static void
note_thread(void *arg)
{
    struct ran_on *r = arg;

    r->thread = pthread_self();
    r->has_run = true;
}

static void
test_concurrent_holds(void)
{
    pthread_barrier_t start;
    struct holder holders[N_HOLDERS];
    pthread_t threads[N_HOLDERS];
    struct ran_on r = { 0 };
    int n_same = 0, threads0 = n_threads();
    struct worker *w;

    pthread_barrier_init(&start, NULL, N_HOLDERS);
    for (int i = 0; i < N_HOLDERS; i++) {
        holders[i] = (struct holder){ .start = &start };
        pthread_create(&threads[i], NULL, hold_thread, &holders[i]);
    }
    for (int i = 0; i < N_HOLDERS; i++)
        pthread_join(threads[i], NULL);
    pthread_barrier_destroy(&start);
    w = holders[0].got;
    for (int i = 0; i < N_HOLDERS; i++)
        n_same += holders[i].got != NULL && holders[i].got == w;
    tap_is_int(n_same, N_HOLDERS, "%d threads holding at once all get the "
               "same worker", N_HOLDERS);
    tap_ok(n_lease_threads() == 1 && n_threads() == threads0 + 1,
           "one worker thread was started");
    tap_ok(worker_lease_worker(&lease) == w, "worker_lease_worker() names "
           "it");

    for (int i = 0; i < N_HOLDERS - 1; i++)
        worker_lease_release(&lease);
    tap_ok(worker_lease_worker(&lease) == w && worker_call(w, note_thread, &r)
           && r.has_run, "it runs on while one hold is left");
    worker_lease_release(&lease);
    tap_ok(worker_lease_worker(&lease) == NULL && n_lease_threads() == 0,
           "the last release from another thread stops it");
    tap_is_int(n_threads(), threads0, "and its thread is joined");
    worker_lease_wait_gone(&lease);
    tap_ok(true, "worker_lease_wait_gone() returns at once when none runs");
}

/* ---- the last release on the worker itself ----------------------------- */

/* A job that notes in a log whether it ran or was cancelled. */
struct noted_job {
    struct worker_job job;
    const char       *on_run, *on_cancel;
    char             *log;
};

static void
noted_run(struct worker_job *job)
{
    struct noted_job *j = (struct noted_job *)job;

    strcat(j->log, j->on_run);
}

static void
noted_cancel(struct worker_job *job)
{
    struct noted_job *j = (struct noted_job *)job;

    strcat(j->log, j->on_cancel);
}

struct self_release {
    struct worker *w;
    char           log[128];
    bool           was_current;
};

static void
release_on_worker(void *arg)
{
    struct self_release *s = arg;

    s->was_current = worker_current() == s->w;
    worker_lease_release(&lease);
    strcat(s->log, "release ");
}

static void
test_release_on_worker(void)
{
    static struct self_release s;
    struct noted_job queued_call = {
        { .run = noted_run, .cancel = noted_cancel }, "call-ran ",
        "call-cancelled ", s.log };
    struct noted_job queued_work = {
        { .run = noted_run }, "work-ran", NULL, s.log };
    struct gate gate = GATE_INIT;
    int threads0 = n_threads();

    s.w = worker_lease_hold(&lease);
    worker_submit(s.w, gate_pass, &gate);
    gate_wait_entered(&gate);
    worker_submit(s.w, release_on_worker, &s);
    worker_push(s.w, &queued_call.job);
    worker_push(s.w, &queued_work.job);
    gate_open(&gate);
    worker_lease_wait_gone(&lease);
    tap_ok(true, "the last release on the worker itself stops it, and "
           "worker_lease_wait_gone() returns");
    tap_ok(s.was_current, "that release ran on the worker");
    tap_is_str(s.log, "release call-cancelled work-ran", "the worker finished "
               "the job that released it, cancelled the queued call and ran "
               "the queued work");
    tap_ok(worker_lease_worker(&lease) == NULL && n_lease_threads() == 0,
           "the lease has no worker left");
    for (int64_t end = now_ms() + 10000;
         n_threads() != threads0 && now_ms() < end;)
        sleep_ms(1);
    tap_is_int(n_threads(), threads0, "its thread is gone");
}

static void
test_hold_again(void)
{
    struct ran_on r = { 0 };
    struct worker *w = worker_lease_hold(&lease);

    tap_ok(w != NULL && n_lease_threads() == 1 &&
           worker_call(w, note_thread, &r) && r.has_run,
           "a hold after the stop starts a fresh worker, which runs jobs");
    worker_lease_release(&lease);
    worker_lease_wait_gone(&lease);
    tap_is_int(n_lease_threads(), 0, "and it stops on its last release too");
}

/* ---- holds and releases from everywhere -------------------------------- */

#define N_CHURNERS 4
#define N_ROUNDS 300

static atomic_int n_jobs_run;

static void
count_job(void *arg)
{
    (void)arg;
    atomic_fetch_add(&n_jobs_run, 1);
}

/* On the worker: release the hold its submitter took. */
static void
release_job(void *arg)
{
    (void)arg;
    atomic_fetch_add(&n_jobs_run, 1);
    worker_lease_release(&lease);
}

static void *
churn_thread(void *arg)
{
    int *n_submitted = arg;

    for (int i = 0; i < N_ROUNDS; i++) {
        struct worker *w = worker_lease_hold(&lease);

        if (w == NULL)
            continue;
        if (worker_submit(w, count_job, NULL))
            (*n_submitted)++;
        /* Half the holds are dropped on the worker itself. */
        if (i % 2 && worker_submit(w, release_job, NULL))
            (*n_submitted)++;
        else
            worker_lease_release(&lease);
    }
    return NULL;
}

static void
test_churn(void)
{
    pthread_t threads[N_CHURNERS];
    int submitted[N_CHURNERS] = { 0 }, n_submitted = 0;

    for (int i = 0; i < N_CHURNERS; i++)
        pthread_create(&threads[i], NULL, churn_thread, &submitted[i]);
    for (int i = 0; i < N_CHURNERS; i++) {
        pthread_join(threads[i], NULL);
        n_submitted += submitted[i];
    }
    worker_lease_wait_gone(&lease);
    tap_ok(worker_lease_worker(&lease) == NULL && n_lease_threads() == 0,
           "%d threads holding and releasing, some releases on the worker, "
           "leave no worker behind", N_CHURNERS);
    tap_is_int(atomic_load(&n_jobs_run), n_submitted, "every job submitted "
               "under a hold ran");
}

int
main(void)
{
    alarm(120);
    tap_plan(7 + 5 + 2 + 2);
    test_concurrent_holds();
    test_release_on_worker();
    test_hold_again();
    test_churn();
    return tap_done();
}
