/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * queue.c: many-producer, one-consumer queues of intrusive links.
 *
 * The list, the closed flag and the wake-up write are guarded by the queue's
 * mutex, the only lock a producer ever takes. A thread consumer sleeps on the
 * condition variable; a loop consumer is woken through an eventfd watched
 * with the registered event implementation. Producers only signal when the
 * queue goes from empty to non-empty: the consumer takes the whole batch, so
 * one wake-up per batch is enough.
 *
 * A loop queue is freed by the free_cb of its watch, once the event loop has
 * let go of it; that callback also closes the eventfd.
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "loop/event.h"
#include "loop/queue.h"
#include "loop/queue_defer.h"
#include "loop/queue_priv.h"

struct queue {
    pthread_mutex_t    lock;
    pthread_cond_t     is_nonempty;
    struct queue_link *head;
    struct queue_link **tail;       /* &head, or &last->next */
    bool               is_closed;

    /* Loop consumers only; set before the queue is shared, then read-only,
     * except is_freed, which the freeing thread sets. */
    int                wake_fd;     /* -1 for a thread consumer */
    int                watch;
    queue_batch_cb     cb;
    void              *opaque;
    atomic_bool        is_freed;
};

static struct queue *
alloc_queue(void)
{
    struct queue *q = calloc(1, sizeof(*q));
    pthread_condattr_t attr;

    if (q == NULL)
        return NULL;
    /* Waits are measured on the monotonic clock so that setting the time of
     * day neither shortens nor stretches them. */
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&q->is_nonempty, &attr);
    pthread_condattr_destroy(&attr);
    pthread_mutex_init(&q->lock, NULL);
    q->tail = &q->head;
    q->wake_fd = -1;
    q->watch = -1;
    return q;
}

static void
destroy_queue(struct queue *q)
{
    if (q->wake_fd >= 0)
        close(q->wake_fd);
    pthread_cond_destroy(&q->is_nonempty);
    pthread_mutex_destroy(&q->lock);
    free(q);
}

struct queue *
queue_new(void)
{
    return alloc_queue();
}

/* Queue lock held. */
static struct queue_link *
take_all(struct queue *q)
{
    struct queue_link *batch = q->head;

    q->head = NULL;
    q->tail = &q->head;
    return batch;
}

/* Loop thread: the eventfd became readable. Reset it before draining, so a
 * push that lands after the drain finds the queue empty and writes again. */
static void
on_wake(int watch, int fd, int events, void *opaque)
{
    struct queue *q = opaque;
    struct queue_link *batch;
    uint64_t n_wakes;

    if (atomic_load(&q->is_freed))
        return;
    if (read(fd, &n_wakes, sizeof(n_wakes)) < 0 && errno != EAGAIN)
        return;
    batch = queue_drain(q);
    if (batch != NULL)
        q->cb(batch, q->opaque);   /* may free q: touch nothing after */
}

/* Loop thread, once the loop no longer references the queue. */
static void
on_watch_freed(void *opaque)
{
    destroy_queue(opaque);
}

struct queue *
queue_new_loop(queue_batch_cb cb, void *opaque)
{
    struct queue *q;

    if (cb == NULL || !event_is_registered() || (q = alloc_queue()) == NULL)
        return NULL;
    q->cb = cb;
    q->opaque = opaque;
    q->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (q->wake_fd < 0) {
        destroy_queue(q);
        return NULL;
    }
    q->watch = event_add_handle(q->wake_fd, EVENT_READABLE, on_wake, q,
                                on_watch_freed);
    if (q->watch < 0) {
        destroy_queue(q);
        return NULL;
    }
    return q;
}

/* Queue lock held: append link; whether the queue was empty (its
 * consumer may be asleep, and only a wake-up brings it). */
static bool
append(struct queue *q, struct queue_link *link)
{
    bool was_empty = q->head == NULL;

    link->next = NULL;
    *q->tail = link;
    q->tail = &link->next;
    return was_empty;
}

/* Queue lock held. */
static void
signal_consumer(struct queue *q)
{
    if (q->wake_fd >= 0) {
        uint64_t one = 1;
        /* Cannot fail short of overflowing the counter, which a consumer
         * that resets it on every wake-up never lets happen. */
        (void)!write(q->wake_fd, &one, sizeof(one));
    } else {
        pthread_cond_signal(&q->is_nonempty);
    }
}

bool
queue_push(struct queue *q, struct queue_link *link)
{
    /* A wake-up this thread held back for q goes now: the caller may
     * wait for the consumer next (worker_call()). */
    bool was_held = queue_defer_take(q);

    pthread_mutex_lock(&q->lock);
    if (q->is_closed) {
        pthread_mutex_unlock(&q->lock);
        return false;
    }
    if (append(q, link) || was_held)
        signal_consumer(q);
    pthread_mutex_unlock(&q->lock);
    return true;
}

bool
queue_push_quiet(struct queue *q, struct queue_link *link, bool *needs_wake)
{
    pthread_mutex_lock(&q->lock);
    if (q->is_closed) {
        pthread_mutex_unlock(&q->lock);
        return false;
    }
    *needs_wake = append(q, link);
    pthread_mutex_unlock(&q->lock);
    return true;
}

void
queue_wake(struct queue *q)
{
    pthread_mutex_lock(&q->lock);
    signal_consumer(q);
    pthread_mutex_unlock(&q->lock);
}

struct queue_link *
queue_drain(struct queue *q)
{
    struct queue_link *batch;

    pthread_mutex_lock(&q->lock);
    batch = take_all(q);
    pthread_mutex_unlock(&q->lock);
    return batch;
}

static struct timespec
deadline_after(int timeout_ms)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += timeout_ms / 1000;
    ts.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    return ts;
}

struct queue_link *
queue_wait(struct queue *q, int timeout_ms)
{
    struct timespec deadline = deadline_after(timeout_ms < 0 ? 0 : timeout_ms);
    struct queue_link *batch;
    int rc = 0;

    pthread_mutex_lock(&q->lock);
    while (q->head == NULL && !q->is_closed && rc != ETIMEDOUT) {
        if (timeout_ms < 0)
            pthread_cond_wait(&q->is_nonempty, &q->lock);
        else
            rc = pthread_cond_timedwait(&q->is_nonempty, &q->lock, &deadline);
    }
    batch = take_all(q);
    pthread_mutex_unlock(&q->lock);
    return batch;
}

void
queue_close(struct queue *q)
{
    pthread_mutex_lock(&q->lock);
    q->is_closed = true;
    pthread_cond_broadcast(&q->is_nonempty);
    pthread_mutex_unlock(&q->lock);
}

bool
queue_is_closed(struct queue *q)
{
    bool is_closed;

    pthread_mutex_lock(&q->lock);
    is_closed = q->is_closed;
    pthread_mutex_unlock(&q->lock);
    return is_closed;
}

void
queue_free(struct queue *q)
{
    if (q == NULL)
        return;
    queue_defer_take(q);
    queue_close(q);
    if (q->wake_fd < 0) {
        destroy_queue(q);
        return;
    }
    /* The watch's free_cb destroys the queue once the loop lets go of it. */
    atomic_store(&q->is_freed, true);
    if (event_remove_handle(q->watch) < 0)
        destroy_queue(q);
}
