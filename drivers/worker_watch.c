/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker_watch.c: fd watches on the main loop, delivered to a worker.
 *
 * A watch is shared by two threads: the loop, which notices readiness,
 * and the worker, which owns everything else. The loop's callback pauses
 * the loop's watch (it asks for no events) and pushes the watch's own
 * embedded job; is_queued makes sure that job is in the inbox at most
 * once, even if a loop calls back again before the pause took effect.
 * `fired` carries the events across.
 *
 * The driver may resume a watch while its readiness is still queued (to
 * add EVENT_WRITABLE, say). The loop then calls back again, and pauses
 * again every time, or it would spin on the fd until the job runs. Such a
 * pause can land after the callback's own resume, on the loop thread,
 * while the worker delivers the readiness; it then queues a job with no
 * events left in `fired`. That job puts back what the driver last asked
 * for (`wanted`), so that the watch is never left paused behind its back.
 *
 * The record is freed when its last holder lets go (refs): the worker (until
 * worker_watch_free), the loop (until it calls the watch's free function,
 * where the fd is also closed: only then is it sure the loop stopped
 * polling it) and the job while it sits in the inbox. Until then the loop
 * may call back, even after the worker thread is gone, so the watch also
 * holds the worker's record (worker_ref), where such a late push is
 * refused.
 */
#include <stdlib.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/worker_priv.h"
#include "drivers/worker_watch.h"
#include "loop/event.h"

struct worker_watch {
    struct worker_job    job;        /* readiness, on its way to the worker */
    atomic_int           refs;
    atomic_bool          is_queued;
    atomic_int           fired;      /* EVENT_* seen by the loop */
    int                  fd;
    int                  loop_id;    /* the loop's watch */
    struct worker       *w;

    /* Owned by the worker thread. */
    bool                 is_removed;
    int                  wanted;     /* the last resume; 0 once called */
    worker_watch_cb      cb;
    void                *opaque;
    struct worker_node   node;          /* in w->watches */
};

static void
unref(struct worker_watch *ww)
{
    if (atomic_fetch_sub(&ww->refs, 1) == 1)
        free(ww);
}

/* Worker thread: the job popped, so it may be queued again. */
static void
on_job(struct worker_job *job)
{
    struct worker_watch *ww = (struct worker_watch *)job;
    int events;

    atomic_store(&ww->is_queued, false);
    events = atomic_exchange(&ww->fired, 0);
    if (ww->is_removed) {
        /* Nothing to deliver. */
    } else if (events == 0) {
        event_update_handle(ww->loop_id, ww->wanted);   /* see the top */
    } else {
        ww->wanted = 0;
        ww->cb(ww, ww->fd, events, ww->opaque);
    }
    unref(ww);
}

/* Loop thread. */
static void
on_ready(int loop_id, int fd, int events, void *opaque)
{
    struct worker_watch *ww = opaque;

    atomic_fetch_or(&ww->fired, events);
    event_update_handle(loop_id, 0);
    if (atomic_exchange(&ww->is_queued, true))
        return;
    atomic_fetch_add(&ww->refs, 1);
    if (!worker_push(ww->w, &ww->job)) {
        /* The worker is exiting; its release_all frees the watch. */
        atomic_store(&ww->is_queued, false);
        unref(ww);
    }
}

/* Loop thread, once the loop no longer polls the fd. */
static void
on_loop_done(void *opaque)
{
    struct worker_watch *ww = opaque;
    struct worker *w = ww->w;

    close(ww->fd);
    unref(ww);
    worker_unref(w);
}

struct worker_watch *
worker_watch_new(struct worker *w, int fd, int events, worker_watch_cb cb,
                 void *opaque, struct vireo_error *err)
{
    struct worker_watch *ww = calloc(1, sizeof(*ww));

    if (ww == NULL) {
        error_no_memory(err);
        return NULL;
    }
    /* A readiness job is a notice, not a call: it is never cancelled, and
     * a removed watch ignores it. */
    ww->job = (struct worker_job){ .run = on_job, .cancel = NULL };
    atomic_init(&ww->refs, 2);            /* the worker's and the loop's */
    atomic_init(&ww->is_queued, false);
    atomic_init(&ww->fired, 0);
    ww->fd = fd;
    ww->w = w;
    ww->cb = cb;
    ww->opaque = opaque;
    ww->wanted = events;
    worker_ref(w);
    ww->loop_id = event_add_handle(fd, events, on_ready, ww, on_loop_done);
    if (ww->loop_id < 0) {
        worker_unref(w);
        free(ww);
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_EVENT,
                  "cannot watch fd %d: %s", fd, event_is_registered()
                  ? "the event loop refused it" : "no event loop registered");
        return NULL;
    }
    worker_list_add(&w->watches, &ww->node);
    return ww;
}

void
worker_watch_resume(struct worker_watch *ww, int events)
{
    ww->wanted = events;
    event_update_handle(ww->loop_id, events);
}

int
worker_watch_fd(const struct worker_watch *ww)
{
    return ww->fd;
}

void
worker_watch_free(struct worker_watch *ww)
{
    if (ww == NULL)
        return;
    ww->is_removed = true;
    worker_list_remove(&ww->w->watches, &ww->node);
    if (event_remove_handle(ww->loop_id) < 0)
        on_loop_done(ww);   /* the loop never had it, or let go already */
    unref(ww);
}

void
worker_watches_release_all(struct worker *w)
{
    while (w->watches != NULL)
        worker_watch_free(WORKER_NODE_ITEM(w->watches, struct worker_watch,
                                           node));
}
