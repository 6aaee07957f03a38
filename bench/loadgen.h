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

/* The same calls made by n_threads threads that share one connection,
 * each with one call in flight (n_conns and depth are not used; the rate
 * must be 0): what the threads of one libvirt client sharing a
 * virConnect make of a daemon (loadgen-shared.c). */
int run_shared(const struct call_load *load, struct call_result *r);

/* The clock of a calls run, on the main thread, while the workers call:
 * the warm-up, then the measurement, with the daemon's and this process's
 * CPU read at both ends into r; *phase says where the run is. */
void run_clock(const struct call_load *load, _Atomic int *phase,
               struct call_result *r);

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
    pid_t       pid;             /* the daemon's, for its CPU; 0: none */
};

struct event_result {
    int      n_produced;
    uint64_t n_delivered, n_lost, n_duplicated, n_out_of_order;
    struct latency_hist hist;  /* from the producer's call to receipt */
    int      n_subscribed;
    double   seconds;          /* producing and draining */
    /* CPU time over those seconds: the daemon's (-1: unknown) and this
     * process's, whose subscribers share the machine with the daemon. */
    double   daemon_cpu_us, client_cpu_us;
};

int run_events(const struct event_load *load, struct event_result *r);

/* The QEMU side of the mixed workload (loadgen-churn.c): n_clients
 * clients each starting and destroying a guest of their own through the
 * qemu driver at uri, over and over, and with is_freezing one more guest
 * frozen with SIGSTOP while a client waits on a call to it. The guests
 * are named prefix-0, prefix-1 ... and prefix-frozen. */
struct churn_load {
    const char *path, *uri, *prefix;
    int         n_clients;
    bool        is_freezing;
};

struct churn_result {
    int    n_cycles;          /* starts and destroys done, each timed */
    int    n_failed;          /* clients whose start or destroy failed */
    double start_p50_ms, start_max_ms, destroy_p50_ms, destroy_max_ms;
    double hung_call_ms;      /* the call on the frozen guest; -1: none */
    bool   is_hung_call_ok;   /* it succeeded (once the guest thawed) */
};

struct churn;

/* Define the guests, freeze one, start the clients: NULL on failure,
 * with the daemon's message on stderr and nothing left behind. */
struct churn *churn_start(const struct churn_load *load);
/* Stop the clients after their current cycle, thaw the frozen guest,
 * destroy and undefine every guest; what was measured into *r (when
 * not NULL). Frees ch. */
void churn_stop(struct churn *ch, struct churn_result *r);

/* Define n inactive domains bench-00000 ... on the open connection fd,
 * which must stay open for them to stay defined (set-up, not measured).
 * 0, or -1 with the daemon's message on stderr. */
int define_domains(int fd, int n);
/* How many domains ListAllDomains returns on fd; -1 on failure. */
int count_domains(int fd);

#endif /* VIREO_BENCH_LOADGEN_H */
