/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * bench-rpc.c: the cost of one remote call, vireod against libvirtd.
 *
 * Uses libvirt's own C client, so both daemons face the same client and
 * the same wire: only the server differs. Two measurements per URI:
 *   latency    one connection, calls back to back (virDomainGetState),
 *              median and 99th percentile of each call;
 *   throughput T threads, each on its own connection, M calls each;
 *              calls per second over the whole run.
 * Prints one line per measurement and URI, then the ratios.
 *
 *   bench-rpc URI_VIREOD URI_LIBVIRTD [N_CALLS] [N_THREADS]
 */
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "measure.h"

struct result {
    double median_us;
    double p99_us;
    double calls_per_s;
};

struct worker {
    const char *uri;
    int         n_calls;
    int         n_failed;
};

static void
quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

/* n_calls of virDomainGetState on one connection; fills the percentiles. */
static int
measure_latency(const char *uri, int n_calls, struct result *r)
{
    virConnectPtr conn = virConnectOpen(uri);
    virDomainPtr dom = conn ? virDomainLookupByName(conn, "test") : NULL;
    double *samples = calloc((size_t)n_calls, sizeof(*samples));
    int state, reason, ret = -1;

    if (dom == NULL || samples == NULL)
        goto out;
    for (int i = 0; i < n_calls; i++) {
        double start = now_us();
        if (virDomainGetState(dom, &state, &reason, 0) < 0)
            goto out;
        samples[i] = now_us() - start;
    }
    qsort(samples, (size_t)n_calls, sizeof(*samples), compare_doubles);
    r->median_us = samples[n_calls / 2];
    r->p99_us = samples[(n_calls * 99) / 100];
    ret = 0;
out:
    free(samples);
    if (dom)
        virDomainFree(dom);
    if (conn)
        virConnectClose(conn);
    return ret;
}

static void *
run_worker(void *opaque)
{
    struct worker *w = opaque;
    virConnectPtr conn = virConnectOpen(w->uri);
    int state, reason;

    for (int i = 0; conn && i < w->n_calls; i++) {
        virDomainPtr dom = virDomainLookupByName(conn, "test");
        if (dom == NULL || virDomainGetState(dom, &state, &reason, 0) < 0)
            w->n_failed++;
        if (dom)
            virDomainFree(dom);
    }
    if (conn == NULL)
        w->n_failed = w->n_calls;
    else
        virConnectClose(conn);
    return NULL;
}

/* n_threads connections, each making n_calls lookup+get-state pairs. */
static int
measure_throughput(const char *uri, int n_calls, int n_threads,
                   struct result *r)
{
    pthread_t *threads = calloc((size_t)n_threads, sizeof(*threads));
    struct worker *workers = calloc((size_t)n_threads, sizeof(*workers));
    int n_failed = 0;

    if (threads == NULL || workers == NULL)
        return -1;
    double start = now_us();
    for (int t = 0; t < n_threads; t++) {
        workers[t] = (struct worker){ .uri = uri, .n_calls = n_calls };
        pthread_create(&threads[t], NULL, run_worker, &workers[t]);
    }
    for (int t = 0; t < n_threads; t++) {
        pthread_join(threads[t], NULL);
        n_failed += workers[t].n_failed;
    }
    double elapsed_s = (now_us() - start) / 1e6;
    r->calls_per_s = 2.0 * n_calls * n_threads / elapsed_s;
    free(threads);
    free(workers);
    return n_failed == 0 ? 0 : -1;
}

static int
measure(const char *name, const char *uri, int n_calls, int n_threads,
        struct result *r)
{
    if (measure_latency(uri, n_calls, r) < 0 ||
        measure_throughput(uri, n_calls / n_threads, n_threads, r) < 0) {
        fprintf(stderr, "bench-rpc: %s (%s) failed\n", name, uri);
        return -1;
    }
    printf("%-9s latency median %7.1f us  p99 %7.1f us  throughput %8.0f calls/s"
           " (%d threads)\n", name, r->median_us, r->p99_us, r->calls_per_s,
           n_threads);
    return 0;
}

int
main(int argc, char **argv)
{
    struct result vireod, libvirtd;
    int n_calls = argc > 3 ? atoi(argv[3]) : 20000;
    int n_threads = argc > 4 ? atoi(argv[4]) : 8;

    if (argc < 3 || n_calls < n_threads || n_threads < 1) {
        fprintf(stderr, "usage: %s URI_VIREOD URI_LIBVIRTD [N_CALLS] [N_THREADS]\n",
                argv[0]);
        return 2;
    }
    virSetErrorFunc(NULL, quiet);
    if (measure("vireod", argv[1], n_calls, n_threads, &vireod) < 0 ||
        measure("libvirtd", argv[2], n_calls, n_threads, &libvirtd) < 0)
        return 1;
    printf("ratio libvirtd/vireod: latency median %.2fx, p99 %.2fx;"
           " vireod/libvirtd throughput %.2fx\n",
           libvirtd.median_us / vireod.median_us,
           libvirtd.p99_us / vireod.p99_us,
           vireod.calls_per_s / libvirtd.calls_per_s);
    return 0;
}
