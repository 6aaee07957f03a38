/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-queue.c: work queues keep each producer's order and lose nothing
 * under contention, both with a thread consumer and with a loop consumer
 * (on the libuv loop and on a poll(2) loop), and close as documented.
 */
#include <pthread.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#include "loop/event.h"
#include "loop/queue.h"
/* tap.h keeps its counters per translation unit, so the scenarios are
 * compiled into this program's unit rather than linked from another. */
#include "tests/loop/scenarios.c"
#include "tests/tap.h"

#define N_PRODUCERS 4
#define N_ITEMS     100000
#define N_TOTAL     (N_PRODUCERS * N_ITEMS)

struct produced {
    struct queue_link link;
    int               producer;
    int               seq;
};

/* The consumer's view; touched only by the consumer thread. */
struct tally {
    int  total;
    int  next[N_PRODUCERS];
    bool is_in_order;
};

struct producer {
    struct queue *q;
    int           index;
    int           n_refused;
};

static struct produced items[N_PRODUCERS][N_ITEMS];

static void *
produce(void *opaque)
{
    struct producer *p = opaque;

    for (int i = 0; i < N_ITEMS; i++) {
        struct produced *it = &items[p->index][i];
        it->producer = p->index;
        it->seq = i;
        if (!queue_push(p->q, &it->link))
            p->n_refused++;
    }
    return NULL;
}

static void
count_batch(struct queue_link *batch, void *opaque)
{
    struct tally *t = opaque;

    for (struct queue_link *l = batch; l != NULL; l = l->next) {
        struct produced *it = QUEUE_ITEM(l, struct produced, link);
        if (it->seq != t->next[it->producer])
            t->is_in_order = false;
        t->next[it->producer] = it->seq + 1;
        t->total++;
    }
}

static void
start_producers(struct queue *q, pthread_t threads[], struct producer p[])
{
    for (int i = 0; i < N_PRODUCERS; i++) {
        p[i] = (struct producer){ .q = q, .index = i };
        pthread_create(&threads[i], NULL, produce, &p[i]);
    }
}

static int
join_producers(pthread_t threads[], struct producer p[])
{
    int n_refused = 0;

    for (int i = 0; i < N_PRODUCERS; i++) {
        pthread_join(threads[i], NULL);
        n_refused += p[i].n_refused;
    }
    return n_refused;
}

static void
test_thread_consumer(void)
{
    struct queue *q = queue_new();
    struct tally t = { .is_in_order = true };
    pthread_t threads[N_PRODUCERS];
    struct producer p[N_PRODUCERS];
    int64_t end = now_ms() + 10000;

    start_producers(q, threads, p);
    while (t.total < N_TOTAL && now_ms() < end)
        count_batch(queue_wait(q, 100), &t);
    tap_is_int(join_producers(threads, p), 0, "thread consumer: no push is "
               "refused");
    tap_is_int(t.total, N_TOTAL, "thread consumer: all %d items from %d "
               "producers arrive", N_TOTAL, N_PRODUCERS);
    tap_ok(t.is_in_order, "thread consumer: each producer's items arrive in "
           "push order");
    queue_free(q);
}

static void
test_loop_consumer(const struct loop_under_test *lut)
{
    struct tally t = { .is_in_order = true };
    struct queue *q = queue_new_loop(count_batch, &t);
    pthread_t threads[N_PRODUCERS];
    struct producer p[N_PRODUCERS];

    if (!tap_ok(q != NULL, "%s: a loop queue can be made", lut->name))
        return;
    start_producers(q, threads, p);
    scenario_run_until(lut, &t.total, N_TOTAL, 10000);
    join_producers(threads, p);
    tap_is_int(t.total, N_TOTAL, "%s: loop consumer: all %d items arrive",
               lut->name, N_TOTAL);
    tap_ok(t.is_in_order, "%s: loop consumer: each producer's items arrive "
           "in push order", lut->name);
    queue_free(q);
    scenario_iterate(lut, 2);
}

static void *
wait_forever(void *opaque)
{
    return queue_wait(opaque, -1);
}

static void
test_close(void)
{
    struct queue *q = queue_new();
    struct produced a = { 0 }, b = { 0 };
    pthread_t thread;
    void *got = &a;

    tap_ok(queue_drain(q) == NULL, "draining an empty queue gives nothing");
    int64_t start = now_ms();
    tap_ok(queue_wait(q, 50) == NULL && now_ms() - start >= 45,
           "waiting on an empty queue times out after the timeout");
    pthread_create(&thread, NULL, wait_forever, q);
    usleep(50 * 1000);
    queue_close(q);
    pthread_join(thread, &got);
    tap_ok(got == NULL, "closing wakes a waiter blocked without timeout");
    queue_free(q);

    q = queue_new();
    queue_push(q, &a.link);
    queue_close(q);
    tap_ok(queue_is_closed(q), "a closed queue says so");
    tap_ok(!queue_push(q, &b.link), "pushing to a closed queue is refused");
    tap_ok(queue_wait(q, -1) == &a.link && a.link.next == NULL,
           "items queued before the close can still be taken");
    tap_ok(queue_wait(q, -1) == NULL,
           "waiting on a closed, empty queue returns at once");
    queue_free(q);
    queue_free(NULL);
}

static void
ignore_batch(struct queue_link *batch, void *opaque)
{
    (void)batch;
    (void)opaque;
}

/* What runs on each loop under test. */
static void
run_queue_scenarios(const struct loop_under_test *lut)
{
    test_loop_consumer(lut);
    scenario_loop_queue(lut);
}

int
main(void)
{
    alarm(60);      /* a hung loop fails the test instead of stalling CI */
    /* Besides the scenarios: an fd check per loop, a libuv handle check. */
    tap_plan(1 + 3 + 7 + 2 * (1 + 3 + SCENARIO_LOOP_QUEUE_CHECKS) + 2 + 1);
    tap_ok(queue_new_loop(ignore_batch, NULL) == NULL,
           "a loop queue cannot be made before a loop is registered");
    test_thread_consumer();
    test_close();
    scenario_on_each_loop(run_queue_scenarios);
    return tap_done();
}
