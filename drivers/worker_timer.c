/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker_timer.c: a worker's timers, kept in a binary min-heap on their due
 * time; each timer knows its slot, so moving or cancelling one is
 * O(log n). All of it belongs to the worker thread.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>

#include "drivers/worker_priv.h"
#include "drivers/worker_timer.h"

#define NOT_ARMED SIZE_MAX

struct worker_timer {
    struct worker  *w;
    uint64_t        due_us;
    size_t          slot;          /* in w->timers, or NOT_ARMED */
    worker_timer_cb cb;
    void           *opaque;
};

static void
place(struct worker *w, size_t slot, struct worker_timer *t)
{
    w->timers[slot] = t;
    t->slot = slot;
}

static void
sift_up(struct worker *w, size_t slot)
{
    struct worker_timer *t = w->timers[slot];

    while (slot > 0) {
        size_t parent = (slot - 1) / 2;
        if (w->timers[parent]->due_us <= t->due_us)
            break;
        place(w, slot, w->timers[parent]);
        slot = parent;
    }
    place(w, slot, t);
}

static void
sift_down(struct worker *w, size_t slot)
{
    struct worker_timer *t = w->timers[slot];

    for (;;) {
        size_t child = 2 * slot + 1;
        if (child >= w->n_timers)
            break;
        if (child + 1 < w->n_timers &&
            w->timers[child + 1]->due_us < w->timers[child]->due_us)
            child++;
        if (t->due_us <= w->timers[child]->due_us)
            break;
        place(w, slot, w->timers[child]);
        slot = child;
    }
    place(w, slot, t);
}

static void
unlink_timer(struct worker_timer *t)
{
    struct worker *w = t->w;
    size_t slot = t->slot;
    struct worker_timer *last;

    if (slot == NOT_ARMED)
        return;
    t->slot = NOT_ARMED;
    last = w->timers[--w->n_timers];
    if (last == t)
        return;
    place(w, slot, last);
    sift_up(w, slot);
    sift_down(w, last->slot);
}

/* A heap slot for every timer that exists, made when the timer is
 * created, so that arming can never fail. */
static int
reserve(struct worker *w)
{
    size_t cap = w->timers_cap ? w->timers_cap * 2 : 16;
    struct worker_timer **grown;

    if (w->n_timer_objs + 1 <= w->timers_cap)
        return 0;
    grown = realloc(w->timers, cap * sizeof(*grown));
    if (grown == NULL)
        return -1;
    w->timers = grown;
    w->timers_cap = cap;
    return 0;
}

struct worker_timer *
worker_timer_new(struct worker *w, worker_timer_cb cb, void *opaque)
{
    struct worker_timer *t;

    assert(w == worker_current());
    if (reserve(w) < 0 || (t = calloc(1, sizeof(*t))) == NULL)
        return NULL;
    w->n_timer_objs++;
    t->w = w;
    t->slot = NOT_ARMED;
    t->cb = cb;
    t->opaque = opaque;
    return t;
}

void
worker_timer_arm(struct worker_timer *t, int timeout_ms)
{
    struct worker *w = t->w;

    unlink_timer(t);
    /* At least 1 us ahead: a callback that re-arms its timer for 0 ms must
     * not fire again within the same pass. */
    t->due_us = worker_now_us() +
                (timeout_ms > 0 ? (uint64_t)timeout_ms * 1000u : 1u);
    w->timers[w->n_timers++] = t;
    t->slot = w->n_timers - 1;
    sift_up(w, t->slot);
}

void
worker_timer_cancel(struct worker_timer *t)
{
    unlink_timer(t);
}

bool
worker_timer_is_armed(const struct worker_timer *t)
{
    return t->slot != NOT_ARMED;
}

void
worker_timer_free(struct worker_timer *t)
{
    if (t == NULL)
        return;
    unlink_timer(t);
    t->w->n_timer_objs--;
    free(t);
}

int
worker_timers_wait_ms(struct worker *w)
{
    uint64_t now, due;

    if (w->n_timers == 0)
        return -1;
    now = worker_now_us();
    due = w->timers[0]->due_us;
    if (due <= now)
        return 0;
    /* Round up: waking a little late is fine, early means spinning. */
    return (int)((due - now + 999) / 1000);
}

bool
worker_timers_fire(struct worker *w)
{
    uint64_t now = worker_now_us();
    bool has_fired = false;

    while (w->n_timers > 0 && w->timers[0]->due_us <= now) {
        struct worker_timer *t = w->timers[0];

        unlink_timer(t);
        t->cb(t, t->opaque);   /* may re-arm or free t, or any other */
        has_fired = true;
    }
    return has_fired;
}

/* The timers themselves belong to their owners, who must free them; only
 * the heap goes, so that nothing fires any more. */
void
worker_timers_release_all(struct worker *w)
{
    while (w->n_timers > 0)
        unlink_timer(w->timers[0]);
}
