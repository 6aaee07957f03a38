/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * loadgen.h: the workloads of the lean load generator (loadgen.c), each
 * described by a struct the main thread fills from the command line and
 * then only reads, and measured into a result the workload fills.
 */
#ifndef VIREO_BENCH_LOADGEN_H
#define VIREO_BENCH_LOADGEN_H

#include <stdatomic.h>
#include <stdint.h>
#include <sys/types.h>

#include "latency-hist.h"
#include "loadgen-conn.h"

/* Where the workers are in a run; written by the main thread only. */
enum phase { PHASE_WARMUP, PHASE_MEASURE, PHASE_STOP };

/* Calls on N connections spread over T threads, each connection keeping
 * up to depth calls in flight: as fast as replies come (closed loop,
 * rate 0), or at a fixed total rate, latency then counted from when each
 * call was due so that a stalled daemon cannot hide its stall. */
struct call_load {
    const char                 *path;      /* the daemon's socket */
    const char                 *uri;       /* for CONNECT_OPEN */
    const struct call_template *call;
    int                         n_conns, n_threads, depth;
    double                      rate;      /* calls/s in all; 0: closed */
    double                      warmup_s, duration_s;
    pid_t                       daemon_pid; /* 0: not measured */
};

struct call_result {
    uint64_t n_done;           /* replies with status OK, while measuring */
    uint64_t n_failed;         /* error replies, unknown serials, lost
                                  connections, at any time */
    struct latency_hist hist;  /* of the n_done */
    double   seconds;          /* of the measurement */
    double   daemon_cpu_us;    /* the daemon's CPU time meanwhile; -1 */
    long     daemon_ctxsw;     /* its threads' context switches; -1 */
    double   client_cpu_us;    /* this process's */
    int      n_conns_opened;
};

int run_calls(const struct call_load *load, struct call_result *r);

/* Lifecycle events fanned out to subscribers: each subscriber connection
 * registers for every domain's lifecycle events, and a producer
 * connection suspends and resumes the domain every interval, so that
 * event k is SUSPENDED for even k and RESUMED for odd k. */
struct event_load {
    const char *path, *uri;
    const remote_nonnull_domain *dom;
    int         n_subscribers, n_threads;
    double      interval_ms, duration_s;
    bool        is_closed_loop;  /* next event once all had the last */
};

struct event_result {
    int      n_produced;
    uint64_t n_delivered, n_lost, n_duplicated, n_out_of_order;
    struct latency_hist hist;  /* from the producer's call to receipt */
    int      n_subscribed;
    double   seconds;          /* producing and draining */
};

int run_events(const struct event_load *load, struct event_result *r);

/* Define n inactive domains bench-00000 ... on the open connection fd,
 * which must stay open for them to stay defined (set-up, not measured).
 * 0, or -1 with the daemon's message on stderr. */
int define_domains(int fd, int n);
/* How many domains ListAllDomains returns on fd; -1 on failure. */
int count_domains(int fd);

#endif /* VIREO_BENCH_LOADGEN_H */
