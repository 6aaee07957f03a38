/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * bench-client.c: the client side of a remote call, vireo's client library
 * against libvirt's, each against vireod and libvirtd in the same run.
 *
 * bench-rpc holds the client still (libvirt's) and varies the daemon; this
 * holds the daemon still and varies the client library. Per daemon and
 * client, on the domain "test", looked up once per connection:
 *   latency  one connection, calls back to back (domain get-state),
 *            median and 99th percentile of each call;
 *   shared   T threads sharing ONE connection and domain handle, M calls
 *            each; calls per second. Both libraries pipeline the threads'
 *            calls on the connection by serial, so this is where their
 *            RPC clients differ most. Where the daemon is the bottleneck,
 *            calls per second hide the client's cost, so the line also
 *            gives the CPU time this process spent per call.
 * The machine is shared and small, so the calls are spread over rounds in
 * which the two clients take turns on each daemon, in an order that flips
 * each round: a slow spell then hits both alike. Latency percentiles are
 * over every call of every round; throughput and CPU per call are the
 * median round's.
 * Prints one line per client, daemon and measurement, then the ratios of
 * the two clients on each daemon.
 *
 *   bench-client URI_VIREOD URI_LIBVIRTD [N_CALLS] [N_THREADS]
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "client.h"
#include "measure.h"

/* Calls made on each new connection before measuring, so that neither
 * side pays for first use. */
#define N_WARMUP_CALLS 200
#define N_ROUNDS       5

/* Everything measured of one client on one daemon, over all rounds. */
struct tally {
    double *samples_us;          /* one per latency call */
    int     n_samples;
    double  calls_per_s[N_ROUNDS];
    double  cpu_us_per_call[N_ROUNDS];
};

struct result {
    double median_us;
    double p99_us;
    double calls_per_s;
    double cpu_us_per_call;
};

/* One thread of the shared-connection run; the session is shared. */
struct worker {
    const struct client *client;
    struct session      *session;
    pthread_barrier_t   *start;
    int                  n_calls;
    int                  n_failed;
};

/* User and system time of the whole process: the client's threads are its
 * only ones (neither library runs an I/O thread of its own). */
static double
cpu_us(void)
{
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e6 +
           ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
}

static int
warm_up(const struct client *c, struct session *s)
{
    for (int i = 0; i < N_WARMUP_CALLS; i++)
        if (c->get_state(s) < 0)
            return -1;
    return 0;
}

/* n_calls back to back on one session, each timed into the tally. */
static int
measure_latency(const struct client *c, struct session *s, int n_calls,
                struct tally *t)
{
    for (int i = 0; i < n_calls; i++) {
        double start = now_us();
        if (c->get_state(s) < 0)
            return -1;
        t->samples_us[t->n_samples++] = now_us() - start;
    }
    return 0;
}

static void *
run_worker(void *opaque)
{
    struct worker *w = opaque;

    pthread_barrier_wait(w->start);
    for (int i = 0; i < w->n_calls; i++)
        if (w->client->get_state(w->session) < 0)
            w->n_failed++;
    return NULL;
}

/* n_threads threads on one session, n_calls each, started together; the
 * clocks run from their start to the last one's end. Fills the round's
 * throughput and CPU time per call in the tally. */
static int
measure_shared(const struct client *c, struct session *s, int n_calls,
               int n_threads, struct tally *tally, int round)
{
    pthread_t *threads = calloc((size_t)n_threads, sizeof(*threads));
    struct worker *workers = calloc((size_t)n_threads, sizeof(*workers));
    pthread_barrier_t start;
    int n_failed = 0;

    if (threads == NULL || workers == NULL) {
        free(threads);
        free(workers);
        return -1;
    }
    pthread_barrier_init(&start, NULL, (unsigned)n_threads + 1);
    for (int t = 0; t < n_threads; t++) {
        workers[t] = (struct worker){ .client = c, .session = s,
                                      .start = &start, .n_calls = n_calls };
        pthread_create(&threads[t], NULL, run_worker, &workers[t]);
    }
    pthread_barrier_wait(&start);
    double began = now_us(), cpu_began = cpu_us();
    for (int t = 0; t < n_threads; t++) {
        pthread_join(threads[t], NULL);
        n_failed += workers[t].n_failed;
    }
    double n_total = (double)n_calls * n_threads;
    tally->calls_per_s[round] = n_total / ((now_us() - began) / 1e6);
    tally->cpu_us_per_call[round] = (cpu_us() - cpu_began) / n_total;
    pthread_barrier_destroy(&start);
    free(threads);
    free(workers);
    return n_failed == 0 ? 0 : -1;
}

/* One round of client c against one daemon, on a connection of its own:
 * n_calls timed one by one, then n_calls shared by n_threads. */
static int
run_round(const struct client *c, const char *uri, int round, int n_calls,
          int n_threads, struct tally *t)
{
    struct session *s = c->open(uri);
    int ret = -1;

    if (s != NULL && warm_up(c, s) == 0 &&
        measure_latency(c, s, n_calls, t) == 0 &&
        measure_shared(c, s, n_calls / n_threads, n_threads, t, round) == 0)
        ret = 0;
    c->close(s);
    return ret;
}

static void
summarize(struct tally *t, struct result *r)
{
    qsort(t->samples_us, (size_t)t->n_samples, sizeof(double),
          compare_doubles);
    qsort(t->calls_per_s, N_ROUNDS, sizeof(double), compare_doubles);
    qsort(t->cpu_us_per_call, N_ROUNDS, sizeof(double), compare_doubles);
    r->median_us = t->samples_us[t->n_samples / 2];
    r->p99_us = t->samples_us[(t->n_samples * 99) / 100];
    r->calls_per_s = t->calls_per_s[N_ROUNDS / 2];
    r->cpu_us_per_call = t->cpu_us_per_call[N_ROUNDS / 2];
}

static void
print_result(const char *client, const char *daemon, const struct result *r,
             int n_threads)
{
    printf("%-7s client on %-8s latency median %7.1f us  p99 %7.1f us\n",
           client, daemon, r->median_us, r->p99_us);
    printf("%-7s client on %-8s shared   %8.0f calls/s"
           "  client CPU %5.1f us/call (%d threads, one connection)\n",
           client, daemon, r->calls_per_s, r->cpu_us_per_call, n_threads);
}

static void
print_ratios(const char *daemon, const struct result *vireo,
             const struct result *libvirt)
{
    printf("ratio on %-8s libvirt/vireo client latency median %.2fx, p99 %.2fx;"
           " vireo/libvirt client shared throughput %.2fx,"
           " libvirt/vireo client CPU per call %.2fx\n", daemon,
           libvirt->median_us / vireo->median_us,
           libvirt->p99_us / vireo->p99_us,
           vireo->calls_per_s / libvirt->calls_per_s,
           libvirt->cpu_us_per_call / vireo->cpu_us_per_call);
}

static const char *const daemons[2] = { "vireod", "libvirtd" };
static const struct client *const clients[2] = { &client_vireo,
                                                 &client_libvirt };

/* Every round: each daemon, each client, in an order that flips. */
static int
run_rounds(char **uris, int n_calls, int n_threads, struct tally t[2][2])
{
    for (int round = 0; round < N_ROUNDS; round++)
        for (int i = 0; i < 4; i++) {
            int d = i / 2, c = (i + round) % 2;
            if (run_round(clients[c], uris[d], round, n_calls / N_ROUNDS,
                          n_threads, &t[d][c]) < 0) {
                fprintf(stderr, "bench-client: %s client on %s (%s) failed\n",
                        clients[c]->name, daemons[d], uris[d]);
                return -1;
            }
        }
    return 0;
}

int
main(int argc, char **argv)
{
    struct tally t[2][2] = { 0 };
    struct result r[2][2];
    int n_calls = argc > 3 ? atoi(argv[3]) : 20000;
    int n_threads = argc > 4 ? atoi(argv[4]) : 8;
    int ret = 1;

    if (argc < 3 || n_calls < n_threads * N_ROUNDS || n_threads < 1) {
        fprintf(stderr, "usage: %s URI_VIREOD URI_LIBVIRTD [N_CALLS]"
                " [N_THREADS]\n", argv[0]);
        return 2;
    }
    for (int i = 0; i < 4; i++)
        if ((t[i / 2][i % 2].samples_us =
                 calloc((size_t)n_calls, sizeof(double))) == NULL)
            goto out;
    if (run_rounds(argv + 1, n_calls, n_threads, t) < 0)
        goto out;
    for (int d = 0; d < 2; d++)
        for (int c = 0; c < 2; c++) {
            summarize(&t[d][c], &r[d][c]);
            print_result(clients[c]->name, daemons[d], &r[d][c], n_threads);
        }
    for (int d = 0; d < 2; d++)
        print_ratios(daemons[d], &r[d][0], &r[d][1]);
    ret = 0;
out:
    for (int i = 0; i < 4; i++)
        free(t[i / 2][i % 2].samples_us);
    return ret;
}
