/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker_stats.c: the registry of live workers and their counters.
 *
 * A worker joins the registry when its thread starts and leaves it before
 * its record can be freed, so a snapshot taken under the lock only ever
 * reads live records.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/worker_priv.h"
#include "drivers/worker_stats.h"

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct worker_node *registry;   /* newest first */
static size_t n_registered;

void
worker_stats_register(struct worker *w)
{
    w->started_us = worker_now_us();
    pthread_mutex_lock(&registry_lock);
    worker_list_add(&registry, &w->registry_node);
    n_registered++;
    pthread_mutex_unlock(&registry_lock);
}

void
worker_stats_unregister(struct worker *w)
{
    pthread_mutex_lock(&registry_lock);
    worker_list_remove(&registry, &w->registry_node);
    n_registered--;
    pthread_mutex_unlock(&registry_lock);
}

void
worker_stats_job_done(struct worker *w, uint64_t since_us)
{
    atomic_fetch_add_explicit(&w->busy_us, worker_now_us() - since_us,
                              memory_order_relaxed);
    atomic_fetch_add_explicit(&w->jobs_done, 1, memory_order_relaxed);
}

static void
read_counters(const struct worker *w, struct worker_stats *s)
{
    memcpy(s->name, w->name, sizeof(s->name));
    s->jobs_pushed = atomic_load_explicit(&w->jobs_pushed,
                                          memory_order_relaxed);
    s->jobs_done = atomic_load_explicit(&w->jobs_done, memory_order_relaxed);
    s->busy_us = atomic_load_explicit(&w->busy_us, memory_order_relaxed);
    s->started_us = w->started_us;
}

struct worker_stats *
worker_stats_collect(size_t *n)
{
    struct worker_stats *out;
    struct worker_node *node;
    size_t i;

    pthread_mutex_lock(&registry_lock);
    *n = n_registered;
    out = n_registered > 0 ? calloc(n_registered, sizeof(*out)) : NULL;
    if (out == NULL)
        *n = 0;
    /* The list is newest first: fill from the end for oldest first. */
    for (node = registry, i = *n; out != NULL && node != NULL;
         node = node->next)
        read_counters(WORKER_NODE_ITEM(node, struct worker, registry_node),
                      &out[--i]);
    pthread_mutex_unlock(&registry_lock);
    return out;
}
