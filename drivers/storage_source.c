/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_source.c: a volume's path, asked of the storage thread
 * (storage_source.h).
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/storage_source.h"
#include "drivers/worker.h"

/* Who answers: written by the storage thread at its start and end, read
 * by the askers in between (driver order keeps the worker alive while
 * anyone asks). */
struct finder {
    struct worker         *w;
    storage_source_find_fn find;
    void                  *opaque;
};

static _Atomic(struct finder *) the_finder;

void
storage_source_listen(struct worker *w, storage_source_find_fn find,
                      void *opaque)
{
    struct finder *f = NULL, *old;

    if (w != NULL && (f = malloc(sizeof(*f))) != NULL)
        *f = (struct finder){ w, find, opaque };
    old = atomic_exchange(&the_finder, f);
    free(old);
}

/* One question: owned by the storage thread while there, then by the
 * asker's. The finder's fn and opaque ride with it, so that the storage
 * thread needs nothing shared. */
struct question {
    char                    *pool;
    char                    *volume;
    storage_source_find_fn   find;
    void                    *find_opaque;
    struct worker           *reply_to;
    storage_source_answer_fn answer;
    void                    *opaque;
    char                    *path;       /* the answer, or NULL with err */
    struct vireo_error       err;
};

static void
question_free(struct question *q)
{
    free(q->pool);
    free(q->volume);
    free(q->path);
    free(q);
}

static struct question *
question_new(const struct finder *f, const char *pool, const char *volume)
{
    struct question *q = calloc(1, sizeof(*q));

    if (q == NULL)
        return NULL;
    q->pool = strdup(pool);
    q->volume = strdup(volume);
    if (q->pool == NULL || q->volume == NULL) {
        question_free(q);
        return NULL;
    }
    q->find = f->find;
    q->find_opaque = f->opaque;
    return q;
}

static void
find_on_thread(struct question *q)
{
    if (q->find(q->pool, q->volume, &q->path, &q->err, q->find_opaque) < 0) {
        free(q->path);
        q->path = NULL;
    }
}

/* On the asker's thread. */
static void
deliver(void *arg)
{
    struct question *q = arg;

    q->answer(q->path, &q->err, q->opaque);
    question_free(q);
}

/* On the storage thread. */
static void
answer_on_thread(void *arg)
{
    struct question *q = arg;

    find_on_thread(q);
    if (!worker_submit(q->reply_to, deliver, q))
        question_free(q);    /* the asker is stopping: nobody waits */
}

bool
storage_source_ask(const char *pool, const char *volume,
                   struct worker *reply_to, storage_source_answer_fn answer,
                   void *opaque)
{
    struct finder *f = atomic_load(&the_finder);
    struct question *q = f != NULL ? question_new(f, pool, volume) : NULL;

    if (q == NULL)
        return false;
    q->reply_to = reply_to;
    q->answer = answer;
    q->opaque = opaque;
    if (!worker_submit(f->w, answer_on_thread, q)) {
        question_free(q);
        return false;
    }
    return true;
}

static void
now_on_thread(void *arg)
{
    find_on_thread(arg);
}

char *
storage_source_path_now(const char *pool, const char *volume,
                        struct vireo_error *err)
{
    struct finder *f = atomic_load(&the_finder);
    struct question *q = f != NULL ? question_new(f, pool, volume) : NULL;
    char *path = NULL;

    if (q == NULL || !worker_call(f->w, now_on_thread, q))
        error_set(err, VIR_ERR_NO_STORAGE_POOL, VIR_FROM_STORAGE,
                  "no storage pool with matching name '%s'", pool);
    else if ((path = q->path) == NULL)
        *err = q->err;
    else
        q->path = NULL;           /* now the caller's */
    if (q != NULL)
        question_free(q);
    return path;
}
