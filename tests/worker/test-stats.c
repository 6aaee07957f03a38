/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-stats.c: drivers/worker_stats.h: every live worker is listed, oldest
 * first, with the jobs queued behind a busy one, the jobs done and the
 * time spent in them; a stopped worker leaves the list.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/worker_stats.h"
#include "tests/tap.h"
#include "tests/worker/worker-test.h"

#define N_QUEUED 3
#define HELD_MS  30

/* The record named name in a fresh snapshot, copied to *out. */
static bool
find_stats(const char *name, struct worker_stats *out)
{
    size_t n;
    struct worker_stats *all = worker_stats_collect(&n);
    bool found = false;

    for (size_t i = 0; i < n && !found; i++) {
        if (strcmp(all[i].name, name) == 0) {
            *out = all[i];
            found = true;
        }
    }
    free(all);
    return found;
}

/* Index of name in a fresh snapshot, or -1. */
static long
position_of(const char *name)
{
    size_t n;
    struct worker_stats *all = worker_stats_collect(&n);
    long at = -1;

    for (size_t i = 0; i < n; i++)
        if (strcmp(all[i].name, name) == 0)
            at = (long)i;
    free(all);
    return at;
}

static void
test_listed_oldest_first(void)
{
    struct worker *a = worker_new("stats-a");
    struct worker *b = worker_new("stats-b");

    tap_ok(position_of("stats-a") >= 0 &&
       position_of("stats-a") < position_of("stats-b"),
       "live workers are listed, oldest first");
    worker_stop(a);
    tap_ok(position_of("stats-a") < 0 && position_of("stats-b") >= 0,
       "a stopped worker leaves the list, the others stay");
    worker_stop(b);
}

static void
test_depth_and_busy_time(void)
{
    struct worker *w = worker_new("stats-busy");
    struct gate gate = GATE_INIT;
    struct worker_stats s;

    worker_submit(w, gate_pass, &gate);
    gate_wait_entered(&gate);
    for (int i = 0; i < N_QUEUED; i++)
        worker_submit(w, do_nothing, NULL);
    tap_ok(find_stats("stats-busy", &s) &&
       worker_stats_depth(&s) == N_QUEUED + 1,
       "the depth counts the running job and those queued behind it");
    sleep_ms(HELD_MS);
    gate_open(&gate);
    worker_call(w, do_nothing, NULL);
    tap_ok(find_stats("stats-busy", &s) && worker_stats_depth(&s) <= 1 &&
       s.jobs_done >= N_QUEUED + 1,
       "once drained, the jobs are counted done");
    tap_ok(s.busy_us >= HELD_MS * 1000,
       "the time spent in jobs includes the held one (%llu us)",
       (unsigned long long)s.busy_us);
    worker_stop(w);
}

int
main(void)
{
    tap_plan(5);
    test_listed_oldest_first();
    test_depth_and_busy_time();
    return tap_done();
}
