/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-queue-defer.c: wake-ups held back during a batch
 * (queue_defer.h). The items are queued at once; a consumer asleep in
 * queue_wait() sleeps on until the batch ends or is flushed, and is
 * woken at once outside a batch, by a plain push of the holding thread,
 * or when that thread defers a push to another queue.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <time.h>

#include "loop/queue.h"
#include "loop/queue_defer.h"
#include "tests/tap.h"

/* Long enough for a woken consumer to have run on a loaded machine. */
#define SETTLE_MS 100

struct item {
    struct queue_link link;
    int               n;
};

/* A thread asleep in queue_wait(q, forever) until a wake-up; it then
 * records how many items the batch it took held. */
struct consumer {
    struct queue *q;
    pthread_t     thread;
    atomic_int    n_taken;   /* -1 while asleep */
};

static void
sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

    nanosleep(&ts, NULL);
}

static void *
consume(void *opaque)
{
    struct consumer *c = opaque;
    int n = 0;

    for (struct queue_link *l = queue_wait(c->q, -1); l != NULL; l = l->next)
        n++;
    atomic_store(&c->n_taken, n);
    return NULL;
}

/* A consumer for q, given time to fall asleep in queue_wait(). */
static void
start_consumer(struct consumer *c, struct queue *q)
{
    c->q = q;
    atomic_init(&c->n_taken, -1);
    pthread_create(&c->thread, NULL, consume, c);
    sleep_ms(SETTLE_MS);
}

/* How many items the consumer took, once it was woken (-1: still asleep
 * after SETTLE_MS). A sleeper is woken by closing its queue. */
static int
taken(struct consumer *c)
{
    sleep_ms(SETTLE_MS);
    return atomic_load(&c->n_taken);
}

static void
stop_consumer(struct consumer *c)
{
    if (atomic_load(&c->n_taken) < 0)
        queue_close(c->q);
    pthread_join(c->thread, NULL);
}

static void
check_outside_a_batch(struct item *it)
{
    struct queue *q = queue_new();
    struct consumer c;

    start_consumer(&c, q);
    tap_ok(queue_push_deferred(q, &it[0].link),
           "outside a batch, a deferred push is queued");
    tap_is_int(taken(&c), 1, "and wakes the consumer at once");
    tap_is_int(queue_defer_age_us(), 0, "nothing is held");
    stop_consumer(&c);
    queue_free(q);
}

static void
check_held_until_the_end(struct item *it)
{
    struct queue *q = queue_new();
    struct consumer c;

    start_consumer(&c, q);
    queue_defer_begin();
    queue_push_deferred(q, &it[0].link);
    queue_push_deferred(q, &it[1].link);
    tap_is_int(taken(&c), -1, "during a batch, the consumer sleeps on");
    tap_ok(queue_defer_age_us() >= SETTLE_MS * 1000,
           "the held wake-up's age grows (%llu us)",
           (unsigned long long)queue_defer_age_us());
    queue_defer_end();
    tap_is_int(taken(&c), 2, "the batch's end wakes it, to find both items");
    tap_is_int(queue_defer_age_us(), 0, "and holds nothing after");
    stop_consumer(&c);
    queue_free(q);
}

static void
check_queued_at_once(struct item *it)
{
    struct queue *q = queue_new();
    struct queue_link *got;

    queue_defer_begin();
    queue_push_deferred(q, &it[0].link);
    queue_push_deferred(q, &it[1].link);
    got = queue_drain(q);
    tap_ok(got == &it[0].link && got->next == &it[1].link &&
           got->next->next == NULL,
           "during a batch, the items are queued at once, in order");
    queue_defer_flush();
    tap_is_int(queue_defer_age_us(), 0, "a flush sends the held wake-up");
    queue_defer_end();
    queue_free(q);
}

static void
check_plain_push_wakes(struct item *it)
{
    struct queue *q = queue_new();
    struct consumer c;

    start_consumer(&c, q);
    queue_defer_begin();
    queue_push_deferred(q, &it[0].link);
    queue_push(q, &it[1].link);
    tap_is_int(taken(&c), 2, "a plain push of the holding thread wakes the"
               " consumer (the pusher may wait for it next)");
    tap_is_int(queue_defer_age_us(), 0, "and releases the held wake-up");
    queue_defer_end();
    stop_consumer(&c);
    queue_free(q);
}

static void
check_two_queues(struct item *it)
{
    struct queue *q = queue_new(), *other = queue_new();
    struct consumer c, d;

    start_consumer(&c, q);
    start_consumer(&d, other);
    queue_defer_begin();
    queue_push_deferred(q, &it[0].link);
    queue_push_deferred(other, &it[1].link);
    tap_is_int(taken(&c), 1, "a deferred push to another queue wakes the"
               " first queue's consumer");
    tap_is_int(atomic_load(&d.n_taken), -1, "and holds the new one's");
    queue_defer_end();
    tap_is_int(taken(&d), 1, "which the batch's end wakes");
    stop_consumer(&c);
    stop_consumer(&d);
    queue_free(q);
    queue_free(other);
}

static void
check_closed(struct item *it)
{
    struct queue *q = queue_new();

    queue_close(q);
    queue_defer_begin();
    tap_ok(!queue_push_deferred(q, &it[0].link),
           "a closed queue refuses a deferred push");
    tap_is_int(queue_defer_age_us(), 0, "and holds no wake-up for it");
    queue_defer_end();
    queue_free(q);
}

int
main(void)
{
    struct item it[2] = { { .n = 0 }, { .n = 1 } };

    tap_plan(16);
    check_outside_a_batch(it);
    check_held_until_the_end(it);
    check_queued_at_once(it);
    check_plain_push_wakes(it);
    check_two_queues(it);
    check_closed(it);
    return tap_done();
}
