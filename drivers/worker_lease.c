/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker_lease.c: starting a driver's worker on the first hold and
 * stopping it on the last release. The lease's lock guards its fields. It
 * is held while the first hold starts the worker, so that concurrent holds
 * start one (worker_new() only starts a thread, which never takes it), and
 * never while a worker is joined or runs a job.
 */
#include "drivers/worker.h"
#include "drivers/worker_lease.h"

struct worker *
worker_lease_hold(struct worker_lease *l)
{
    struct worker *w;

    pthread_mutex_lock(&l->lock);
    if (l->w == NULL) {
        l->w = worker_new(l->thread_name);
        if (l->w != NULL)
            l->n_threads++;
    }
    if (l->w != NULL)
        l->n_holds++;
    w = l->w;
    pthread_mutex_unlock(&l->lock);
    return w;
}

static void
thread_gone(struct worker_lease *l)
{
    pthread_mutex_lock(&l->lock);
    l->n_threads--;
    pthread_cond_broadcast(&l->is_gone_cond);
    pthread_mutex_unlock(&l->lock);
}

/* The last act of a worker that stopped itself. */
static void
on_self_exit(void *arg)
{
    thread_gone(arg);
}

void
worker_lease_release(struct worker_lease *l)
{
    struct worker *w;

    pthread_mutex_lock(&l->lock);
    if (--l->n_holds > 0) {
        pthread_mutex_unlock(&l->lock);
        return;
    }
    w = l->w;
    l->w = NULL;
    pthread_mutex_unlock(&l->lock);
    if (worker_current() == w) {
        worker_stop_self(w, on_self_exit, l);
        return;
    }
    worker_stop(w);
    thread_gone(l);
}

struct worker *
worker_lease_worker(struct worker_lease *l)
{
    struct worker *w;

    pthread_mutex_lock(&l->lock);
    w = l->w;
    pthread_mutex_unlock(&l->lock);
    return w;
}

void
worker_lease_wait_gone(struct worker_lease *l)
{
    pthread_mutex_lock(&l->lock);
    while (l->n_threads > 0)
        pthread_cond_wait(&l->is_gone_cond, &l->lock);
    pthread_mutex_unlock(&l->lock);
}

void
worker_lease_shutdown(struct worker_lease *l, worker_fn fn, void *arg)
{
    struct worker *w = worker_lease_worker(l);

    if (w != NULL) {
        worker_cancel_calls(w);
        if (fn != NULL)
            worker_call(w, fn, arg);
    }
    worker_lease_release(l);
    worker_lease_wait_gone(l);
}

int
worker_lease_startup(struct worker_lease *l, worker_fn fn, void *arg,
                     const int *rc)
{
    struct worker *w = worker_lease_hold(l);

    if (w == NULL)
        return -1;
    if (!worker_call(w, fn, arg) || *rc < 0) {
        worker_lease_release(l);
        return -1;
    }
    return 0;
}

void
worker_lease_run(struct worker_lease *l, worker_fn fn, void *arg)
{
    struct worker *w = worker_lease_worker(l);

    if (w != NULL)
        worker_call(w, fn, arg);
}
