/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker_priv.h: the worker's record, shared by the files that make up a
 * driver's thread (worker.c, worker_timer.c, worker_watch.c,
 * worker_child.c, call.c). Nothing outside them includes it.
 */
#ifndef VIREO_DRIVERS_WORKER_PRIV_H
#define VIREO_DRIVERS_WORKER_PRIV_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "drivers/worker.h"

struct call;
struct worker_child;
struct worker_timer;
struct worker_watch;

struct worker {
    struct queue          *inbox;
    pthread_t              thread;
    char                   name[16];
    /* Set by any thread, read by the worker. */
    atomic_bool            is_cancelling;   /* worker_cancel_calls() */
    atomic_bool            is_stopping;     /* the inbox is closing */
    /* The record (not the thread) is freed by the last of: the thread's
     * end (worker_stop's join, or a self-stopped thread's exit) and each
     * watch, until the loop lets go of it: the loop may still be calling
     * a watch back when the thread is gone, and pushes to a closed inbox
     * then. */
    atomic_int             refs;
    /* Counted by any thread (pushes) and the worker (runs), read by
     * worker_stats_collect(); relaxed, they order nothing. */
    atomic_uint_fast64_t   jobs_pushed;
    atomic_uint_fast64_t   jobs_done;
    atomic_uint_fast64_t   busy_us;
    uint64_t               started_us;      /* set before the thread runs */
    struct worker_node     registry_node;   /* under worker_stats' lock */

    /* Owned by the worker thread. */
    bool                   is_detached;     /* worker_stop_self() */
    worker_fn              on_exit;
    void                  *on_exit_arg;
    struct worker_timer  **timers;          /* a min-heap on due time */
    size_t                 n_timers;
    size_t                 timers_cap;
    size_t                 n_timer_objs;    /* timers that exist */
    struct worker_node    *watches;         /* every live watch */
    struct worker_node    *children;        /* every watched process */
    struct worker_node    *waiting_calls;   /* calls waiting on a step */
    worker_fn              after_job;       /* worker_set_after_job() */
    void                  *after_job_arg;
};

/* The record a node is embedded in. */
#define WORKER_NODE_ITEM(node, type, member) \
    ((type *)((char *)(node) - offsetof(type, member)))

static inline void
worker_list_add(struct worker_node **head, struct worker_node *n)
{
    n->prev = NULL;
    n->next = *head;
    if (*head != NULL)
        (*head)->prev = n;
    *head = n;
}

static inline void
worker_list_remove(struct worker_node **head, struct worker_node *n)
{
    if (n->prev != NULL)
        n->prev->next = n->next;
    else
        *head = n->next;
    if (n->next != NULL)
        n->next->prev = n->prev;
    n->prev = n->next = NULL;
}

/* Any thread: a reference to the record, for a watch the loop holds. */
void worker_ref(struct worker *w);
void worker_unref(struct worker *w);

/* worker_stats.c: join the registry (before the thread starts), leave it
 * (before the record can be freed), and count one job finished that
 * started at since_us. */
void worker_stats_register(struct worker *w);
void worker_stats_unregister(struct worker *w);
void worker_stats_job_done(struct worker *w, uint64_t since_us);

/* Monotonic time in microseconds. */
uint64_t worker_now_us(void);

/* worker_timer.c: how long the worker may sleep before the next timer is
 * due (-1: no timer armed), and firing the due ones (whether any was). */
int  worker_timers_wait_ms(struct worker *w);
bool worker_timers_fire(struct worker *w);
void worker_timers_release_all(struct worker *w);

/* worker_watch.c, worker_child.c, call.c: what is still registered when
 * the thread exits. */
void worker_watches_release_all(struct worker *w);
void worker_children_release_all(struct worker *w);
void call_abandon_all(struct worker *w);

/* Whether a job with a cancel function is to be cancelled now. */
bool worker_is_refusing_calls(const struct worker *w);

#endif /* VIREO_DRIVERS_WORKER_PRIV_H */
