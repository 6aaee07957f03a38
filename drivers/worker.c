/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker.c: a thread draining a queue of job closures. The queue is the
 * only shared state; each job belongs to the worker once pushed.
 */
#include <pthread.h>
#include <stdlib.h>

#include "drivers/worker.h"
#include "loop/queue.h"

struct job {
    struct queue_link link;
    worker_fn         fn;
    void             *arg;
};

struct worker {
    struct queue *inbox;
    pthread_t     thread;
};

/* Run a batch in push order; each job is freed before the next runs. */
static void
run_batch(struct queue_link *link)
{
    while (link != NULL) {
        struct job *job = QUEUE_ITEM(link, struct job, link);

        link = link->next;
        job->fn(job->arg);
        free(job);
    }
}

/* queue_wait() returns NULL only once the queue is closed and empty (it
 * waits forever otherwise), so leaving the loop means every job ran. */
static void *
worker_main(void *opaque)
{
    struct worker *w = opaque;
    struct queue_link *batch;

    while ((batch = queue_wait(w->inbox, -1)) != NULL)
        run_batch(batch);
    return NULL;
}

struct worker *
worker_new(const char *name)
{
    struct worker *w = calloc(1, sizeof(*w));

    if (w == NULL)
        return NULL;
    w->inbox = queue_new();
    if (w->inbox == NULL)
        goto fail;
    if (pthread_create(&w->thread, NULL, worker_main, w) != 0)
        goto fail;
    if (name != NULL)
        pthread_setname_np(w->thread, name);
    return w;
fail:
    queue_free(w->inbox);
    free(w);
    return NULL;
}

bool
worker_submit(struct worker *w, worker_fn fn, void *arg)
{
    struct job *job = malloc(sizeof(*job));

    if (job == NULL)
        return false;
    job->fn = fn;
    job->arg = arg;
    if (!queue_push(w->inbox, &job->link)) {
        free(job);
        return false;
    }
    return true;
}

void
worker_stop(struct worker *w)
{
    if (w == NULL)
        return;
    queue_close(w->inbox);
    pthread_join(w->thread, NULL);
    queue_free(w->inbox);
    free(w);
}
