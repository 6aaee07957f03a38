/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * call.c: running calls on a worker, waiting for answers without holding
 * the thread, and ending every call exactly once: with its result, at its
 * deadline, or when the worker cancels calls.
 *
 * The call's own job carries it to the worker: first to run, and again
 * after each answer. Only one of those is ever in the inbox at a time.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/call.h"
#include "drivers/error.h"
#include "drivers/worker_priv.h"
#include "drivers/worker_timer.h"

struct call_step {
    int                rc;
    struct vireo_error err;
    void              *data;
    void             (*free_data)(void *data);
};

static _Thread_local struct call *running;

static void call_job_run(struct worker_job *job);
static void call_job_cancel(struct worker_job *job);

void
call_init(struct call *c, call_run_fn run, call_done_fn done, void *opaque,
          struct vireo_error *err)
{
    memset(c, 0, sizeof(*c));
    c->job = (struct worker_job){ .run = call_job_run,
                                  .cancel = call_job_cancel };
    c->run = run;
    c->done = done;
    c->opaque = opaque;
    c->err = err;
}

bool
call_submit(struct worker *w, struct call *c)
{
    c->w = w;
    return worker_push(w, &c->job);
}

bool
call_submit_deferred(struct worker *w, struct call *c)
{
    c->w = w;
    return worker_push_deferred(w, &c->job);
}

struct call *
call_current(void)
{
    return running;
}

/* ---- completing -------------------------------------------------------- */

static void
free_steps(struct call *c)
{
    for (int i = 0; i < c->n_steps; i++)
        if (c->steps[i].free_data != NULL)
            c->steps[i].free_data(c->steps[i].data);
    free(c->steps);
    c->steps = NULL;
    c->n_steps = 0;
}

/* The one answer. Touch nothing of c afterwards: done may free it. */
static void
complete(struct call *c, int rc)
{
    free_steps(c);
    c->done(c, rc, c->opaque);
}

static void
fail(struct call *c, int code, const char *detail)
{
    error_set(c->err, code, VIR_FROM_NONE, "%s", detail);
    complete(c, -1);
}

/* ---- running ----------------------------------------------------------- */

static void
run_once(struct call *c)
{
    int rc;

    c->n_replayed = 0;
    running = c;
    rc = c->run(c, c->opaque);
    running = NULL;
    if (c->is_waiting || c->is_queued)
        return;   /* it ends later: when answered, or at its deadline */
    if (c->is_aborted)
        call_job_cancel(&c->job);
    else
        complete(c, rc);
}

static void
call_job_run(struct worker_job *job)
{
    struct call *c = (struct call *)job;

    c->is_queued = false;
    run_once(c);
}

/* Not run (the worker cancels calls or is exiting): answered anyway. */
static void
call_job_cancel(struct worker_job *job)
{
    struct call *c = (struct call *)job;

    fail(c, VIR_ERR_OPERATION_ABORTED,
         "the driver is shutting down, the call was not run");
}

/* Run c again after an answer, on a later turn: the answer usually comes
 * from inside a handler of the driver, which must be left first. */
static void
rerun_later(struct call *c)
{
    c->is_queued = true;
    if (worker_push(c->w, &c->job))
        return;
    c->is_queued = false;
    if (running == c)
        c->is_aborted = true;   /* run_once ends it when the slot returns */
    else
        call_job_cancel(&c->job);
}

/* ---- waiting ----------------------------------------------------------- */

static void
stop_waiting(struct call *c)
{
    worker_list_remove(&c->w->waiting_calls, &c->node);
    c->is_waiting = false;
    worker_timer_free(c->deadline);
    c->deadline = NULL;
}

static int
record(struct call *c, int rc, const struct vireo_error *err, void *data,
       void (*free_data)(void *data))
{
    struct call_step *grown = realloc(c->steps,
                                      (size_t)(c->n_steps + 1) *
                                      sizeof(*grown));
    struct call_step *s;

    if (grown == NULL) {
        if (free_data != NULL)
            free_data(data);
        return -1;
    }
    c->steps = grown;
    s = &c->steps[c->n_steps++];
    memset(s, 0, sizeof(*s));
    s->rc = rc;
    if (rc < 0 && err != NULL)
        s->err = *err;
    s->data = data;
    s->free_data = free_data;
    return 0;
}

bool
call_replay(struct call *c, int *rc, struct vireo_error *err, void **data)
{
    const struct call_step *s;

    if (c->n_replayed >= c->n_steps)
        return false;
    s = &c->steps[c->n_replayed++];
    *rc = s->rc;
    if (s->rc < 0 && err != NULL)
        *err = s->err;
    if (data != NULL)
        *data = s->data;
    return true;
}

void
call_answer(struct call *c, int rc, const struct vireo_error *err, void *data,
            void (*free_data)(void *data))
{
    if (!c->is_waiting) {
        /* Ended meanwhile; a driver that honours on_abandon never gets
         * here, but the data is ours to free either way. */
        if (free_data != NULL)
            free_data(data);
        return;
    }
    stop_waiting(c);
    if (record(c, rc, err, data, free_data) < 0) {
        fail(c, VIR_ERR_NO_MEMORY, "");
        return;
    }
    rerun_later(c);
}

/* Tell the driver to forget c, which ends without its answer. */
static void
abandon(struct call *c)
{
    call_abandon_fn on_abandon = c->on_abandon;

    stop_waiting(c);
    if (on_abandon != NULL)
        on_abandon(c->abandon_opaque);
}

static void
on_deadline(struct worker_timer *t, void *opaque)
{
    struct call *c = opaque;
    struct vireo_error err = { 0 };

    error_set(&err, VIR_ERR_OPERATION_TIMEOUT, VIR_FROM_NONE,
              "waited %d ms for %s", c->timeout_ms, c->waiting_for);
    abandon(c);
    if (record(c, -1, &err, NULL, NULL) < 0) {
        fail(c, VIR_ERR_NO_MEMORY, "");
        return;
    }
    rerun_later(c);
}

void
call_wait(struct call *c, int timeout_ms, const char *waiting_for,
          call_abandon_fn on_abandon, void *opaque)
{
    c->is_waiting = true;
    c->waiting_for = waiting_for;
    c->timeout_ms = timeout_ms > 0 ? timeout_ms : 0;
    c->on_abandon = on_abandon;
    c->abandon_opaque = opaque;
    worker_list_add(&c->w->waiting_calls, &c->node);
    c->deadline = worker_timer_new(c->w, on_deadline, c);
    if (c->deadline != NULL)
        worker_timer_arm(c->deadline, c->timeout_ms);
    else
        on_deadline(NULL, c);   /* no memory for a deadline: end it now */
}

void
call_abandon_all(struct worker *w)
{
    while (w->waiting_calls != NULL) {
        struct call *c = WORKER_NODE_ITEM(w->waiting_calls, struct call,
                                          node);

        abandon(c);
        fail(c, VIR_ERR_OPERATION_ABORTED,
             "the driver is shutting down, the call was not answered");
    }
}
