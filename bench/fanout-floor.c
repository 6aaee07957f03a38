/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * fanout-floor.c: what fanning one small message out to N local stream
 * sockets costs with no daemon at all, the floor under vireod's event
 * fan-out (loadgen --subscribers N). One thread writes a message the
 * size of a lifecycle event (a head of its own and the shared rest: two
 * iovecs, as vireod writes it) to each of N socket pairs in turn, every
 * interval; reader threads, each with an epoll set over its share of the
 * other ends, read what arrives. Every message carries the time its
 * round began, so the readers record the delivery latency as loadgen
 * does for events.
 *
 *   fanout-floor [--subscribers N] [--threads T] [--interval-ms MS]
 *                [--duration S]
 *
 * The defaults are loadgen's event run's in bench/suite.py: 1,000
 * subscribers, 2 reader threads (fewer if there are fewer subscribers),
 * one round every 20 ms, for 3 s.
 *
 * One line: fanout-floor subscribers=N rounds=R delivered=D lost=L
 * write_cpu_us=C (the writer's CPU per message written)
 * write_wall_us=W (a round's writes, median) p50_us=.. p99_us=..
 * max_us=.. The exit status is 1 when a message was lost or a socket
 * failed.
 */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "latency-hist.h"

/* A lifecycle event message for a domain named "test": a head (length
 * word, header, callback id) and the body vireod shares. */
enum { HEAD_LEN = 32, BODY_LEN = 44, MSG_LEN = HEAD_LEN + BODY_LEN };

struct reader {
    int                 *fds;       /* the read ends it watches */
    int                  n_fds;
    const atomic_bool   *is_stopping;
    struct latency_hist  hist;
    uint64_t             n_messages;
    int                  ep;
    pthread_t            thread;
};

static uint64_t
clock_ns(clockid_t clock)
{
    struct timespec ts;

    clock_gettime(clock, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Each whole message in buf: its latency from the stamp it carries. A
 * stream may split a message; *carry holds the bytes of one begun. */
static void
count_messages(struct reader *r, const uint8_t *buf, size_t len,
               uint8_t *carry, size_t *n_carry, uint64_t now)
{
    while (len > 0) {
        size_t take = MSG_LEN - *n_carry < len ? MSG_LEN - *n_carry : len;
        uint64_t stamp;

        memcpy(carry + *n_carry, buf, take);
        *n_carry += take;
        buf += take;
        len -= take;
        if (*n_carry < MSG_LEN)
            return;
        memcpy(&stamp, carry + HEAD_LEN, sizeof(stamp));
        hist_record(&r->hist, now > stamp ? now - stamp : 0);
        r->n_messages++;
        *n_carry = 0;
    }
}

static void *
read_messages(void *opaque)
{
    struct reader *r = opaque;
    struct epoll_event events[256];
    uint8_t (*carry)[MSG_LEN] = calloc((size_t)r->n_fds, MSG_LEN);
    size_t *n_carry = calloc((size_t)r->n_fds, sizeof(*n_carry));
    uint8_t buf[4096];

    while (carry != NULL && n_carry != NULL && !atomic_load(r->is_stopping)) {
        int n = epoll_wait(r->ep, events, 256, 20);
        uint64_t now = clock_ns(CLOCK_MONOTONIC);

        for (int i = 0; i < n; i++) {
            int k = events[i].data.u32;
            ssize_t got = read(r->fds[k], buf, sizeof(buf));

            if (got > 0)
                count_messages(r, buf, (size_t)got, carry[k], &n_carry[k],
                               now);
        }
    }
    free(carry);
    free(n_carry);
    return NULL;
}

static int
start_reader(struct reader *r, const atomic_bool *is_stopping)
{
    r->is_stopping = is_stopping;
    r->ep = epoll_create1(EPOLL_CLOEXEC);
    if (r->ep < 0)
        return -1;
    for (int k = 0; k < r->n_fds; k++) {
        struct epoll_event ev = { .events = EPOLLIN, .data.u32 = (uint32_t)k };
        if (epoll_ctl(r->ep, EPOLL_CTL_ADD, r->fds[k], &ev) < 0)
            return -1;
    }
    return pthread_create(&r->thread, NULL, read_messages, r) == 0 ? 0 : -1;
}

static void
sleep_until(uint64_t when_ns)
{
    struct timespec ts = { (time_t)(when_ns / 1000000000u),
                           (long)(when_ns % 1000000000u) };

    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
        ;
}

/* One round: the message, stamped now, to every write end. The wall
 * time it took, or 0 when a write failed or fell short. */
static uint64_t
write_round(const int *fds, int n)
{
    uint8_t head[HEAD_LEN] = { 0 }, body[BODY_LEN] = { 0 };
    struct iovec iov[2] = { { head, HEAD_LEN }, { body, BODY_LEN } };
    uint64_t start = clock_ns(CLOCK_MONOTONIC);

    memcpy(body, &start, sizeof(start));
    for (int i = 0; i < n; i++)
        if (writev(fds[i], iov, 2) != MSG_LEN)
            return 0;
    return clock_ns(CLOCK_MONOTONIC) - start + 1;
}

static int
compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return (x > y) - (x < y);
}

struct options {
    int    n_subscribers;
    int    n_threads;
    double interval_ms;
    double duration_s;
};

static int
parse(int argc, char **argv, struct options *o)
{
    static const struct option longs[] = {
        { "subscribers", required_argument, NULL, 'n' },
        { "threads", required_argument, NULL, 't' },
        { "interval-ms", required_argument, NULL, 'i' },
        { "duration", required_argument, NULL, 'd' },
        { NULL, 0, NULL, 0 },
    };
    int c;

    *o = (struct options){ 1000, 2, 20, 3 };
    while ((c = getopt_long(argc, argv, "", longs, NULL)) != -1) {
        switch (c) {
        case 'n': o->n_subscribers = atoi(optarg); break;
        case 't': o->n_threads = atoi(optarg); break;
        case 'i': o->interval_ms = atof(optarg); break;
        case 'd': o->duration_s = atof(optarg); break;
        default: return -1;
        }
    }
    if (o->n_threads > o->n_subscribers)
        o->n_threads = o->n_subscribers;   /* no reader without sockets */
    if (o->n_subscribers < 1 || o->n_threads < 1 || o->interval_ms <= 0 ||
        o->duration_s <= 0) {
        fprintf(stderr, "usage: fanout-floor [--subscribers N] [--threads T]"
                        " [--interval-ms MS] [--duration S]\n");
        return -1;
    }
    return 0;
}

/* Socket pairs: write ends in w, read ends in r; *n_open says how many
 * were made. */
static int
open_pairs(int *w, int *r, int n, int *n_open)
{
    for (*n_open = 0; *n_open < n; (*n_open)++) {
        int sv[2];
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
            perror("fanout-floor: socketpair");
            return -1;
        }
        w[*n_open] = sv[0];
        r[*n_open] = sv[1];
    }
    return 0;
}

/* Everything one run holds. */
struct run {
    struct options       o;
    int                 *w, *r;     /* write and read ends */
    struct reader       *readers;
    int                  n_started;
    uint64_t            *walls;     /* each round's writes */
    int                  n_pairs;
    int                  n_rounds, n_done;
    uint64_t             write_cpu_ns;
    atomic_bool          is_stopping;
};

static int
set_up(struct run *run)
{
    const struct options *o = &run->o;
    int n = o->n_subscribers;

    run->n_rounds = (int)(o->duration_s * 1e3 / o->interval_ms);
    run->w = malloc((size_t)n * sizeof(*run->w));
    run->r = malloc((size_t)n * sizeof(*run->r));
    run->readers = calloc((size_t)o->n_threads, sizeof(*run->readers));
    run->walls = calloc((size_t)run->n_rounds + 1, sizeof(*run->walls));
    if (run->w == NULL || run->r == NULL || run->readers == NULL ||
        run->walls == NULL ||
        open_pairs(run->w, run->r, n, &run->n_pairs) < 0)
        return -1;
    for (int t = 0, first = 0; t < o->n_threads; t++) {
        struct reader *rd = &run->readers[t];
        rd->fds = run->r + first;
        rd->n_fds = n / o->n_threads + (t < n % o->n_threads);
        first += rd->n_fds;
        if (start_reader(rd, &run->is_stopping) < 0)
            return -1;
        run->n_started++;
    }
    return 0;
}

/* A round every interval, each begun at its time; the writer's CPU is
 * counted during the writes only, not its waits between rounds. */
static void
write_rounds(struct run *run)
{
    uint64_t start = clock_ns(CLOCK_MONOTONIC);

    while (run->n_done < run->n_rounds) {
        uint64_t cpu0;

        sleep_until(start + (uint64_t)(run->n_done * run->o.interval_ms * 1e6));
        cpu0 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
        run->walls[run->n_done] = write_round(run->w, run->o.n_subscribers);
        run->write_cpu_ns += clock_ns(CLOCK_THREAD_CPUTIME_ID) - cpu0;
        if (run->walls[run->n_done] == 0)
            break;
        run->n_done++;
    }
    /* What is still on its way arrives within the wait. */
    sleep_until(clock_ns(CLOCK_MONOTONIC) + 200000000u);
}

/* Stop the readers, print the line; 0 when nothing was lost. */
static int
report(struct run *run, struct latency_hist *all)
{
    uint64_t delivered = 0, sent;

    atomic_store(&run->is_stopping, true);
    for (int t = 0; t < run->n_started; t++) {
        pthread_join(run->readers[t].thread, NULL);
        hist_merge(all, &run->readers[t].hist);
        delivered += run->readers[t].n_messages;
    }
    run->n_started = 0;
    if (run->n_done == 0)
        return -1;
    sent = (uint64_t)run->n_done * (uint64_t)run->o.n_subscribers;
    qsort(run->walls, (size_t)run->n_done, sizeof(*run->walls), compare_u64);
    printf("fanout-floor subscribers=%d rounds=%d delivered=%llu lost=%llu"
           " write_cpu_us=%.2f write_wall_us=%.0f p50_us=%.1f p99_us=%.1f"
           " max_us=%.1f\n", run->o.n_subscribers, run->n_done,
           (unsigned long long)delivered,
           (unsigned long long)(sent - delivered),
           (double)run->write_cpu_ns / 1e3 / (double)sent,
           (double)run->walls[run->n_done / 2] / 1e3,
           hist_quantile_us(all, 0.5), hist_quantile_us(all, 0.99),
           (double)all->max_ns / 1e3);
    return delivered == sent && run->n_done == run->n_rounds ? 0 : -1;
}

static void
tear_down(struct run *run)
{
    atomic_store(&run->is_stopping, true);
    for (int t = 0; t < run->n_started; t++)
        pthread_join(run->readers[t].thread, NULL);
    for (int t = 0; run->readers != NULL && t < run->o.n_threads; t++)
        if (run->readers[t].ep > 0)
            close(run->readers[t].ep);
    for (int i = 0; run->w != NULL && run->r != NULL &&
                    i < run->n_pairs; i++) {
        close(run->w[i]);
        close(run->r[i]);
    }
    free(run->w);
    free(run->r);
    free(run->readers);
    free(run->walls);
}

int
main(int argc, char **argv)
{
    static struct run run;
    struct latency_hist *all = calloc(1, sizeof(*all));
    int rc = 1;

    if (parse(argc, argv, &run.o) < 0) {
        free(all);
        return 2;
    }
    if (all != NULL && set_up(&run) == 0) {
        write_rounds(&run);
        rc = report(&run, all) == 0 ? 0 : 1;
    }
    tear_down(&run);
    free(all);
    return rc;
}
