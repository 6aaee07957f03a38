/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_io.c: the test driver's blocking file I/O on threads of its own,
 * as calls that wait (call.h), and the hold a pending save or dump keeps
 * on its domain.
 */
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/call.h"
#include "drivers/error.h"
#include "drivers/test/test_io.h"
#include "drivers/worker.h"

/* No deadline of its own: libvirt waits for a save as long as the path
 * blocks. */
#define IO_TIMEOUT_MS INT_MAX

/* The answer a call waiting for a domain gets when the domain is free:
 * recorded among the call's answers, skipped when they are replayed. */
static char domain_free_tag;

/* A domain whose I/O is pending (its owner), or a call waiting for it.
 * Owned by the test thread. */
struct hold {
    struct hold       *next;
    struct test_state *st;
    unsigned char      uuid[VIREO_UUID_BUFLEN];
    struct call       *call;
    bool               is_owner;
};

static struct hold *holds;

/* The outermost operation running on the test thread. */
static struct {
    int                depth;
    struct call       *call;
    struct test_state *st;
    bool               has_uuid;
    unsigned char      uuid[VIREO_UUID_BUFLEN];
    bool               is_started;   /* its I/O began in this run */
    int                n_answers;    /* the I/O's ends, in order */
    int                n_taken;      /* of which test_io_result gave */
    int                rc[TEST_IO_MAX_STEPS];
    struct vireo_error err[TEST_IO_MAX_STEPS];
    const char        *data[TEST_IO_MAX_STEPS];   /* the call's */
} cur;

/* ---- Holds ------------------------------------------------------------- */

static struct hold *
hold_find(struct test_state *st, const unsigned char *uuid, bool is_owner,
          const struct call *call)
{
    for (struct hold *h = holds; h != NULL; h = h->next)
        if (h->st == st && h->is_owner == is_owner &&
            memcmp(h->uuid, uuid, sizeof(h->uuid)) == 0 &&
            (call == NULL || h->call == call))
            return h;
    return NULL;
}

static struct hold *
hold_add(struct test_state *st, const unsigned char *uuid, struct call *call,
         bool is_owner)
{
    struct hold *h = calloc(1, sizeof(*h));
    struct hold **tail = &holds;

    if (h == NULL)
        return NULL;
    h->st = st;
    memcpy(h->uuid, uuid, sizeof(h->uuid));
    h->call = call;
    h->is_owner = is_owner;
    while (*tail != NULL)
        tail = &(*tail)->next;
    *tail = h;          /* waiters in their order of arrival */
    return h;
}

static void
hold_remove(struct hold *h)
{
    struct hold **p = &holds;

    while (*p != h)
        p = &(*p)->next;
    *p = h->next;
    free(h);
}

/* The owner call is done with st's domain uuid: every call waiting for
 * it runs again, in order; the first to start I/O holds it anew. */
static void
release(struct test_state *st, const unsigned char *uuid, struct call *owner)
{
    struct hold *h = hold_find(st, uuid, true, owner);
    struct hold *w;

    if (h == NULL)
        return;
    hold_remove(h);
    while ((w = hold_find(st, uuid, false, NULL)) != NULL) {
        struct call *c = w->call;

        hold_remove(w);
        call_answer(c, 0, NULL, &domain_free_tag, NULL);
    }
}

/* A waiting call ended otherwise (the daemon stops). */
static void
forget_waiter(void *opaque)
{
    hold_remove(opaque);
}

/* ---- Entering and leaving operations ------------------------------------ */

static void
take_answers(struct call *c)
{
    struct vireo_error *err = &cur.err[0];
    int rc;
    void *data;

    while (cur.n_answers < TEST_IO_MAX_STEPS &&
           call_replay(c, &rc, err, &data)) {
        if (data == &domain_free_tag)
            continue;
        cur.rc[cur.n_answers] = rc;
        cur.data[cur.n_answers] = data;
        if (++cur.n_answers < TEST_IO_MAX_STEPS)
            err = &cur.err[cur.n_answers];
    }
}

/* The call waits for the domain held by another call's I/O. */
static bool
must_wait(void)
{
    struct hold *w;

    if (cur.call == NULL || !cur.has_uuid ||
        hold_find(cur.st, cur.uuid, true, NULL) == NULL ||
        hold_find(cur.st, cur.uuid, true, cur.call) != NULL)
        return false;
    w = hold_add(cur.st, cur.uuid, cur.call, false);
    if (w == NULL)
        return false;   /* no memory to queue: run now, as before */
    call_wait(cur.call, IO_TIMEOUT_MS, "the domain's save or dump",
              forget_waiter, w);
    return true;
}

bool
test_io_enter(struct test_state *st, const unsigned char *uuid)
{
    if (cur.depth++ > 0)
        return true;
    cur.call = call_current();
    cur.st = st;
    cur.has_uuid = uuid != NULL;
    if (uuid != NULL)
        memcpy(cur.uuid, uuid, sizeof(cur.uuid));
    cur.is_started = false;
    cur.n_answers = 0;
    cur.n_taken = 0;
    if (cur.call != NULL)
        take_answers(cur.call);
    if (!must_wait())
        return true;
    cur.depth--;
    return false;
}

bool
test_io_leave(void)
{
    if (--cur.depth > 0)
        return false;
    if (cur.call != NULL && cur.has_uuid && !cur.is_started)
        release(cur.st, cur.uuid, cur.call);
    cur.call = NULL;
    return cur.is_started;
}

bool
test_io_result(int *rc, char **result, struct vireo_error *err)
{
    int i = cur.n_taken;

    if (cur.call == NULL || i >= cur.n_answers)
        return false;
    cur.n_taken++;
    *rc = cur.rc[i];
    if (*rc < 0)
        *err = cur.err[i];
    if (result != NULL)
        *result = cur.data[i] != NULL ? strdup(cur.data[i]) : NULL;
    return true;
}

/* ---- The I/O's thread --------------------------------------------------- */

/* Shared by the I/O's thread and the test thread, each holding a
 * reference; the lock guards w and refs. */
struct io_job {
    pthread_mutex_t    lock;
    int                refs;
    struct worker     *w;          /* NULL once the call is gone */
    struct call       *call;       /* test thread: NULL once answered */
    struct test_state *st;         /* the held domain's, if has_uuid */
    bool               has_uuid;
    unsigned char      uuid[VIREO_UUID_BUFLEN];
    test_io_fn         fn;
    void              *task;
    void             (*free_task)(void *task);
    int                rc;
    char              *result;
    struct vireo_error err;
};

static void
job_free(struct io_job *job)
{
    pthread_mutex_destroy(&job->lock);
    free(job->result);
    free(job);
}

static void
job_unref(struct io_job *job)
{
    int refs;

    pthread_mutex_lock(&job->lock);
    refs = --job->refs;
    pthread_mutex_unlock(&job->lock);
    if (refs == 0)
        job_free(job);
}

/* Test thread: the call ends without its answer (the daemon stops). The
 * I/O's thread runs on; its end then reaches nobody. */
static void
abandon_job(void *opaque)
{
    struct io_job *job = opaque;

    pthread_mutex_lock(&job->lock);
    job->w = NULL;
    pthread_mutex_unlock(&job->lock);
    if (job->has_uuid)
        release(job->st, job->uuid, job->call);
    job->call = NULL;
    job_unref(job);
}

/* Test thread: the I/O ended; the call runs again and finds it. */
static void
deliver(void *opaque)
{
    struct io_job *job = opaque;
    struct call *c = job->call;

    if (c != NULL) {
        job->call = NULL;
        call_answer(c, job->rc, &job->err, job->result, free);
        job->result = NULL;
        job_unref(job);
    }
    job_unref(job);
}

static void *
io_main(void *opaque)
{
    struct io_job *job = opaque;
    bool is_sent = false;

    job->rc = job->fn(job->task, &job->result, &job->err);
    job->free_task(job->task);
    job->task = NULL;
    pthread_mutex_lock(&job->lock);
    if (job->w != NULL)
        is_sent = worker_submit(job->w, deliver, job);
    pthread_mutex_unlock(&job->lock);
    if (!is_sent)
        job_unref(job);
    return NULL;
}

static int
start_thread(struct io_job *job, struct vireo_error *err)
{
    pthread_attr_t attr;
    pthread_t tid;
    int rc;

    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    rc = pthread_create(&tid, &attr, io_main, job);
    pthread_attr_destroy(&attr);
    if (rc != 0)
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_TEST,
                         "cannot start the I/O's thread: %s", strerror(rc));
    return 0;
}

static struct io_job *
job_new(test_io_fn fn, void *task, void (*free_task)(void *task))
{
    struct io_job *job = calloc(1, sizeof(*job));

    if (job == NULL)
        return NULL;
    pthread_mutex_init(&job->lock, NULL);
    job->refs = 2;              /* the thread's, and the call's */
    job->w = worker_current();
    job->call = cur.call;
    job->st = cur.st;
    job->has_uuid = cur.has_uuid;
    memcpy(job->uuid, cur.uuid, sizeof(job->uuid));
    job->fn = fn;
    job->task = task;
    job->free_task = free_task;
    return job;
}

int
test_io_start(test_io_fn fn, void *task, void (*free_task)(void *task),
              char **result, struct vireo_error *err)
{
    struct io_job *job;
    int rc;

    *result = NULL;
    if (cur.call == NULL) {
        rc = fn(task, result, err);
        free_task(task);
        return rc;
    }
    job = job_new(fn, task, free_task);
    if (job == NULL || (job->has_uuid &&
                        hold_add(cur.st, cur.uuid, cur.call, true) == NULL)) {
        if (job != NULL)
            job_free(job);
        free_task(task);
        return error_no_memory(err);
    }
    if (start_thread(job, err) < 0) {
        release(cur.st, cur.uuid, cur.call);
        job_free(job);
        free_task(task);
        return -1;
    }
    cur.is_started = true;
    call_wait(cur.call, IO_TIMEOUT_MS, "the file's I/O", abandon_job, job);
    return TEST_IO_WAITING;
}
