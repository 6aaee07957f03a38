/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker_stats.h: how busy each driver thread is, for the daemon's
 * operators (virt-admin's thread-pool view, the metrics endpoint).
 *
 * Every worker counts what it is pushed and what it runs with relaxed
 * atomics, so looking never stops a driver thread: a snapshot is a few
 * loads per worker under the registry's lock, which only worker start and
 * exit also take.
 */
#ifndef VIREO_DRIVERS_WORKER_STATS_H
#define VIREO_DRIVERS_WORKER_STATS_H

#include <stddef.h>
#include <stdint.h>

struct worker_stats {
    char     name[16];      /* as given to worker_new() */
    uint64_t jobs_pushed;   /* jobs queued since the thread started */
    uint64_t jobs_done;     /* jobs run or cancelled since then */
    uint64_t busy_us;       /* time spent in jobs, microseconds */
    uint64_t started_us;    /* when it started, on worker_now_us()'s clock */
};

/* Jobs waiting or running: pushed but not yet done. */
static inline uint64_t
worker_stats_depth(const struct worker_stats *s)
{
    return s->jobs_pushed > s->jobs_done ? s->jobs_pushed - s->jobs_done : 0;
}

/* Any thread: one record per worker thread alive now, oldest first, in a
 * malloc'ed array the caller frees; *n is its length. NULL with *n = 0
 * when there is none or memory is short. */
struct worker_stats *worker_stats_collect(size_t *n);

#endif /* VIREO_DRIVERS_WORKER_STATS_H */
