/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker-test.h: what the worker tests share, header-only: clocks, a gate
 * that holds a worker inside a job until the test opens it, waiting for a
 * counter another thread moves (with or without turning the main loop),
 * and counting the process's fds and threads.
 *
 * Counters shared with a worker or the loop are atomic_int; everything else
 * a test reads from a worker's records is read after a worker_call(), which
 * orders it after whatever the worker did before.
 */
#ifndef VIREO_TESTS_WORKER_WORKER_TEST_H
#define VIREO_TESTS_WORKER_WORKER_TEST_H

#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/resource.h>
#include <time.h>

#include "drivers/worker.h"
#include "loop/event.h"

static inline int64_t
clock_us(clockid_t clock)
{
    struct timespec ts;

    clock_gettime(clock, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static inline int64_t
now_us(void)
{
    return clock_us(CLOCK_MONOTONIC);
}

static inline int64_t
now_ms(void)
{
    return now_us() / 1000;
}

/* CPU time the calling thread has used. */
static inline int64_t
thread_cpu_us(void)
{
    return clock_us(CLOCK_THREAD_CPUTIME_ID);
}

static inline void
sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

    nanosleep(&ts, NULL);
}

/* CPU time the whole process has used, every thread included. */
static inline int64_t
process_cpu_us(void)
{
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return ((int64_t)ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000 +
           ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
}

static inline int
count_dir(const char *path)
{
    DIR *dir = opendir(path);
    int n = 0;

    if (dir == NULL)
        return -1;
    while (readdir(dir) != NULL)
        n++;
    closedir(dir);
    return n;
}

static inline int
n_open_fds(void)
{
    return count_dir("/proc/self/fd");
}

static inline void *
no_op_thread(void *arg)
{
    return arg;
}

static inline void
start_one_thread(void)
{
    pthread_t t;

    if (pthread_create(&t, NULL, no_op_thread, NULL) == 0)
        pthread_join(t, NULL);
}

/* The threads of the process. ThreadSanitizer starts one of its own with
 * the first thread a program makes: one is made and joined first, so that
 * counts taken before and after a test agree. */
static inline int
n_threads(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;

    pthread_once(&once, start_one_thread);
    return count_dir("/proc/self/task");
}

/* Wait (sleeping, no loop turning) until *counter >= want or max_ms pass. */
static inline bool
wait_for(atomic_int *counter, int want, int max_ms)
{
    int64_t end = now_ms() + max_ms;

    while (atomic_load(counter) < want && now_ms() < end)
        sleep_ms(1);
    return atomic_load(counter) >= want;
}

static inline void
on_tick(int timer, void *opaque)
{
    (void)timer;
    (void)opaque;
}

/* Turn the registered loop with run_once (the calling thread is the loop's)
 * until *counter >= want or max_ms pass. A 5 ms timeout keeps every turn
 * short, since what moves the counter may happen on a worker without the
 * loop hearing of it. */
static inline bool
loop_until(int (*run_once)(void), atomic_int *counter, int want, int max_ms)
{
    int tick = event_add_timeout(5, on_tick, NULL, NULL);
    int64_t end = now_ms() + max_ms;

    while (atomic_load(counter) < want && now_ms() < end)
        run_once();
    event_remove_timeout(tick);
    return atomic_load(counter) >= want;
}

/* Turn the loop for ms milliseconds whatever happens. */
static inline void
loop_for(int (*run_once)(void), int ms)
{
    atomic_int never = 0;

    loop_until(run_once, &never, 1, ms);
}

/* A gate holds a worker inside a job (gate_pass) until the test opens it,
 * so that the test can queue jobs behind it and change the worker's state
 * before they run. */
struct gate {
    pthread_mutex_t lock;
    pthread_cond_t  cond;
    bool            is_open;
    bool            is_entered;
};

#define GATE_INIT \
    { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false, false }

/* A worker_fn: on the worker, wait for the gate to open. */
static inline void
gate_pass(void *arg)
{
    struct gate *g = arg;

    pthread_mutex_lock(&g->lock);
    g->is_entered = true;
    pthread_cond_broadcast(&g->cond);
    while (!g->is_open)
        pthread_cond_wait(&g->cond, &g->lock);
    pthread_mutex_unlock(&g->lock);
}

/* Wait until the worker is held at the gate. */
static inline void
gate_wait_entered(struct gate *g)
{
    pthread_mutex_lock(&g->lock);
    while (!g->is_entered)
        pthread_cond_wait(&g->cond, &g->lock);
    pthread_mutex_unlock(&g->lock);
}

static inline void
gate_open(struct gate *g)
{
    pthread_mutex_lock(&g->lock);
    g->is_open = true;
    pthread_cond_broadcast(&g->cond);
    pthread_mutex_unlock(&g->lock);
}

static inline void
do_nothing(void *arg)
{
    (void)arg;
}

/* Wait until w refuses jobs, that is, until a worker_stop() running on
 * another thread has begun. */
static inline bool
wait_refusing(struct worker *w, int max_ms)
{
    int64_t end = now_ms() + max_ms;

    while (worker_submit(w, do_nothing, NULL)) {
        if (now_ms() >= end)
            return false;
        sleep_ms(1);
    }
    return true;
}

/* worker_stop() on a thread of its own, for tests that must act while a
 * stop is under way. */
static inline void *
stop_worker_thread(void *arg)
{
    worker_stop(arg);
    return NULL;
}

#endif /* VIREO_TESTS_WORKER_WORKER_TEST_H */
