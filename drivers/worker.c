/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker.c: a driver's thread: it waits on its inbox with the deadline of
 * its next timer, runs the jobs it finds in push order, fires the timers
 * that came due, and on the way out releases what its driver left behind.
 *
 * The inbox is the only state other threads touch; the two flags below it
 * only ever go from false to true.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "drivers/worker_priv.h"
#include "loop/queue_defer.h"

static _Thread_local struct worker *current;

uint64_t
worker_now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

struct worker *
worker_current(void)
{
    return current;
}

bool
worker_is_refusing_calls(const struct worker *w)
{
    return atomic_load(&w->is_cancelling) || atomic_load(&w->is_stopping);
}

static void
run_job(struct worker *w, struct worker_job *job)
{
    uint64_t since = worker_now_us();

    if (job->cancel != NULL && worker_is_refusing_calls(w))
        job->cancel(job);
    else
        job->run(job);
    if (w->after_job != NULL)
        w->after_job(w->after_job_arg);
    worker_stats_job_done(w, since);
}

void
worker_set_after_job(struct worker *w, worker_fn fn, void *arg)
{
    w->after_job = fn;
    w->after_job_arg = arg;
}

/* What a batch's jobs push with queue_push_deferred() (their answers)
 * wakes its consumer once, when the batch ends; or as soon as that
 * wake-up has waited this long behind slower jobs, or before a job that
 * may block (one not marked brief). */
#define DEFER_MAX_US 50

/* A job may push further jobs or free itself: read next before running. */
static void
run_batch(struct worker *w, struct queue_link *link)
{
    queue_defer_begin();
    while (link != NULL) {
        struct worker_job *job = QUEUE_ITEM(link, struct worker_job, link);

        link = link->next;
        if (!job->is_brief)
            queue_defer_flush();
        run_job(w, job);
        if (queue_defer_age_us() >= DEFER_MAX_US)
            queue_defer_flush();
    }
    queue_defer_end();
}

/* Calls still waiting go first: their on_abandon reaches into the
 * driver's records, which the jobs still queued (a teardown among them)
 * may free. Jobs pushed by the exiting thread itself find the inbox
 * closed, so draining ends. Then whatever the driver left registered
 * goes. */
static void
release_all(struct worker *w)
{
    struct queue_link *rest;

    call_abandon_all(w);
    while ((rest = queue_drain(w->inbox)) != NULL)
        run_batch(w, rest);
    worker_children_release_all(w);
    worker_watches_release_all(w);
    worker_timers_release_all(w);
}

static void
serve(struct worker *w)
{
    for (;;) {
        struct queue_link *batch = queue_wait(w->inbox,
                                              worker_timers_wait_ms(w));

        if (batch == NULL && queue_is_closed(w->inbox))
            return;
        run_batch(w, batch);
        if (worker_timers_fire(w) && w->after_job != NULL)
            w->after_job(w->after_job_arg);
    }
}

void
worker_ref(struct worker *w)
{
    atomic_fetch_add(&w->refs, 1);
}

void
worker_unref(struct worker *w)
{
    if (atomic_fetch_sub(&w->refs, 1) != 1)
        return;
    queue_free(w->inbox);
    free(w->timers);
    free(w);
}

static void *
worker_main(void *opaque)
{
    struct worker *w = opaque;
    worker_fn on_exit;
    void *on_exit_arg;

    current = w;
    serve(w);
    release_all(w);
    worker_stats_unregister(w);
    current = NULL;
    if (!w->is_detached)
        return NULL;   /* worker_stop() joins and frees */
    on_exit = w->on_exit;
    on_exit_arg = w->on_exit_arg;
    worker_unref(w);
    if (on_exit != NULL)
        on_exit(on_exit_arg);
    return NULL;
}

struct worker *
worker_new(const char *name)
{
    struct worker *w = calloc(1, sizeof(*w));

    if (w == NULL)
        return NULL;
    snprintf(w->name, sizeof(w->name), "%s", name != NULL ? name : "");
    atomic_init(&w->is_cancelling, false);
    atomic_init(&w->is_stopping, false);
    atomic_init(&w->refs, 1);
    atomic_init(&w->jobs_pushed, 0);
    atomic_init(&w->jobs_done, 0);
    atomic_init(&w->busy_us, 0);
    w->inbox = queue_new();
    if (w->inbox == NULL)
        goto fail;
    worker_stats_register(w);
    if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
        worker_stats_unregister(w);
        goto fail;
    }
    if (w->name[0] != '\0')
        pthread_setname_np(w->thread, w->name);
    return w;
fail:
    queue_free(w->inbox);
    free(w);
    return NULL;
}

/* Push job the way push_fn does (queue_push or queue_push_deferred). */
static bool
push(struct worker *w, struct worker_job *job,
     bool (*push_fn)(struct queue *, struct queue_link *))
{
    /* Counted before the push: once pushed, the job may be done (and
     * counted) before this thread runs again. */
    atomic_fetch_add_explicit(&w->jobs_pushed, 1, memory_order_relaxed);
    if (push_fn(w->inbox, &job->link))
        return true;
    atomic_fetch_sub_explicit(&w->jobs_pushed, 1, memory_order_relaxed);
    return false;
}

bool
worker_push(struct worker *w, struct worker_job *job)
{
    return push(w, job, queue_push);
}

bool
worker_push_deferred(struct worker *w, struct worker_job *job)
{
    return push(w, job, queue_push_deferred);
}

/* ---- closures ---------------------------------------------------------- */

struct closure {
    struct worker_job job;
    worker_fn         fn;
    void             *arg;
};

static void
run_closure(struct worker_job *job)
{
    struct closure *c = (struct closure *)job;

    c->fn(c->arg);
    free(c);
}

bool
worker_submit(struct worker *w, worker_fn fn, void *arg)
{
    struct closure *c = malloc(sizeof(*c));

    if (c == NULL)
        return false;
    c->job = (struct worker_job){ .run = run_closure, .cancel = NULL };
    c->fn = fn;
    c->arg = arg;
    if (!worker_push(w, &c->job)) {
        free(c);
        return false;
    }
    return true;
}

/* A caller waiting on its own stack for the worker to run fn. */
struct sync_call {
    struct worker_job job;
    worker_fn         fn;
    void             *arg;
    pthread_mutex_t   lock;
    pthread_cond_t    is_done_cond;
    bool              is_done;
};

/* The caller frees the record as soon as is_done is seen, so the signal is
 * sent with the lock held: the caller cannot see is_done before we let go
 * of the record. */
static void
run_sync(struct worker_job *job)
{
    struct sync_call *s = (struct sync_call *)job;

    s->fn(s->arg);
    pthread_mutex_lock(&s->lock);
    s->is_done = true;
    pthread_cond_signal(&s->is_done_cond);
    pthread_mutex_unlock(&s->lock);
}

bool
worker_call(struct worker *w, worker_fn fn, void *arg)
{
    struct sync_call s = {
        .job = { .run = run_sync, .cancel = NULL }, .fn = fn, .arg = arg,
    };
    bool is_pushed;

    if (current == w) {
        fn(arg);
        return true;
    }
    pthread_mutex_init(&s.lock, NULL);
    pthread_cond_init(&s.is_done_cond, NULL);
    is_pushed = worker_push(w, &s.job);
    pthread_mutex_lock(&s.lock);
    while (is_pushed && !s.is_done)
        pthread_cond_wait(&s.is_done_cond, &s.lock);
    pthread_mutex_unlock(&s.lock);
    pthread_cond_destroy(&s.is_done_cond);
    pthread_mutex_destroy(&s.lock);
    return is_pushed;
}

/* ---- stopping ---------------------------------------------------------- */

static void
abandon_waiting_calls(void *arg)
{
    call_abandon_all(arg);
}

void
worker_cancel_calls(struct worker *w)
{
    atomic_store(&w->is_cancelling, true);
    /* The calls waiting on the outside world belong to the thread: let it
     * abandon them. If it is already stopping it will on its way out. */
    worker_submit(w, abandon_waiting_calls, w);
}

void
worker_stop(struct worker *w)
{
    if (w == NULL)
        return;
    atomic_store(&w->is_stopping, true);
    queue_close(w->inbox);
    pthread_join(w->thread, NULL);
    worker_unref(w);
}

void
worker_stop_self(struct worker *w, worker_fn on_exit, void *arg)
{
    w->is_detached = true;
    w->on_exit = on_exit;
    w->on_exit_arg = arg;
    atomic_store(&w->is_stopping, true);
    queue_close(w->inbox);
    pthread_detach(w->thread);
}
