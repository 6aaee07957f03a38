/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * queue_defer.c: the wake-up a thread holds back during a batch
 * (queue_defer.h).
 */
#include <stddef.h>
#include <time.h>

#include "loop/queue_defer.h"
#include "loop/queue_priv.h"

/* Owned by the calling thread. */
struct held {
    bool          is_holding;  /* inside begin ... end */
    struct queue *q;           /* whose consumer waits for a wake-up;
                                  NULL: none held */
    uint64_t      since_us;    /* when it became due */
};

static _Thread_local struct held held;

static uint64_t
now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

void
queue_defer_begin(void)
{
    held.is_holding = true;
}

bool
queue_push_deferred(struct queue *q, struct queue_link *link)
{
    bool needs_wake;

    if (!held.is_holding)
        return queue_push(q, link);
    if (!queue_push_quiet(q, link, &needs_wake))
        return false;
    if (!needs_wake || held.q == q)
        return true;
    queue_defer_flush();
    held.q = q;
    held.since_us = now_us();
    return true;
}

uint64_t
queue_defer_age_us(void)
{
    return held.q != NULL ? now_us() - held.since_us : 0;
}

void
queue_defer_flush(void)
{
    struct queue *q = held.q;

    if (q == NULL)
        return;
    held.q = NULL;
    queue_wake(q);
}

void
queue_defer_end(void)
{
    queue_defer_flush();
    held.is_holding = false;
}

bool
queue_defer_take(struct queue *q)
{
    if (held.q != q || q == NULL)
        return false;
    held.q = NULL;
    return true;
}
