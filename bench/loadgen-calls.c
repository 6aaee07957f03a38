/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * loadgen-calls.c: run_calls() of loadgen.h. The main thread opens every
 * connection (CONNECT_OPEN), deals them out to the workers, and keeps the
 * clock: warm-up, measurement (daemon and client CPU read at both ends),
 * stop. Each worker owns its connections and one epoll set; it counts
 * into its own histogram, merged after it is joined.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include "loadgen.h"
#include "proc-stat.h"

/* One worker thread and the connections it owns. */
struct worker {
    const struct call_load *load;
    const _Atomic int      *phase;
    struct lg_conn         *conns;
    int                     n_conns;
    int                     ep;
    double                  rate;      /* this worker's share; 0: closed */
    /* Written by the worker only, read after the join. */
    uint64_t                n_done, n_failed;
    struct latency_hist     hist;
    pthread_t               thread;
};

static void
sleep_s(double s)
{
    struct timespec ts = { (time_t)s, (long)((s - (double)(time_t)s) * 1e9) };

    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

/* Arm or disarm EPOLLOUT on c as its queue requires. */
static void
watch_writable(struct worker *w, struct lg_conn *c, bool on)
{
    if (c->is_waiting_writable == on)
        return;
    struct epoll_event ev = {
        .events = EPOLLIN | (on ? EPOLLOUT : 0),
        .data.ptr = c,
    };
    epoll_ctl(w->ep, EPOLL_CTL_MOD, c->fd, &ev);
    c->is_waiting_writable = on;
}

/* A connection that broke: out of the run, its calls counted failed. */
static void
drop(struct worker *w, struct lg_conn *c)
{
    if (w->n_failed == 0)
        fprintf(stderr, "loadgen: the daemon closed a connection\n");
    epoll_ctl(w->ep, EPOLL_CTL_DEL, c->fd, NULL);
    w->n_failed += (uint64_t)c->n_in_flight + 1;
    conn_release(c);
}

static void
flush(struct worker *w, struct lg_conn *c)
{
    int rc = conn_flush(c);

    if (rc < 0)
        drop(w, c);
    else
        watch_writable(w, c, rc == 0);
}

/* The daemon's message in an error reply: the first of each worker goes
 * to stderr, to say why a run failed. */
static void
print_first_error(const struct worker *w, const uint8_t *frame, size_t len)
{
    struct wire_message m;

    if (w->n_failed > 0)
        return;
    if (wire_decode(frame, len, &m) == WIRE_RESULT_OK &&
        m.header.status == WIRE_STATUS_ERROR) {
        const remote_error *e = m.body;
        fprintf(stderr, "loadgen: call %d failed: %s\n", m.header.proc,
                e->message ? *e->message : "(no message)");
    }
    wire_message_free(&m);
}

/* A frame on c: the reply of one of its calls (anything else, an event
 * or a keepalive, is not ours to count). In a closed loop the reply's
 * slot goes straight to the next call. */
static void
on_frame(struct lg_conn *c, const remote_message_header *hdr,
         const uint8_t *frame, size_t len, void *opaque)
{
    struct worker *w = opaque;
    uint64_t sent_ns;
    int phase = atomic_load_explicit(w->phase, memory_order_relaxed);

    if (hdr->type != WIRE_TYPE_REPLY)
        return;
    if (!conn_take_pending(c, hdr->serial, &sent_ns)) {
        if (w->n_failed == 0)
            fprintf(stderr, "loadgen: a reply to no call (serial %u)\n",
                    hdr->serial);
        w->n_failed++;
    } else if (hdr->status != WIRE_STATUS_OK) {
        print_first_error(w, frame, len);
        w->n_failed++;
    } else if (phase == PHASE_MEASURE) {
        w->n_done++;
        hist_record(&w->hist, now_ns() - sent_ns);
    }
    if (w->rate == 0 && phase != PHASE_STOP)
        conn_queue_call(c, w->load->call, now_ns());
}

static void
on_event(struct worker *w, struct epoll_event *ev)
{
    struct lg_conn *c = ev->data.ptr;

    if (ev->events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
        if (conn_read(c, on_frame, w) < 0) {
            drop(w, c);
            return;
        }
    }
    flush(w, c);
}

/* Paced: queue every call due by now on connections with room, each
 * stamped with when it was due. Returns the index of the next call. */
static uint64_t
issue_due(struct worker *w, uint64_t start_ns, uint64_t next, int *rr)
{
    double gap_ns = 1e9 / w->rate;
    uint64_t now = now_ns();

    while (start_ns + (uint64_t)((double)next * gap_ns) <= now) {
        int tries = 0;
        struct lg_conn *c;
        do {
            c = &w->conns[*rr];
            *rr = (*rr + 1) % w->n_conns;
        } while ((c->fd < 0 || c->n_in_flight >= w->load->depth) &&
                 ++tries < w->n_conns);
        if (tries == w->n_conns)
            break;          /* all busy: the backlog waits, its clock runs */
        conn_queue_call(c, w->load->call,
                        start_ns + (uint64_t)((double)next * gap_ns));
        flush(w, c);
        next++;
    }
    return next;
}

static void *
work(void *opaque)
{
    struct worker *w = opaque;
    struct epoll_event events[64];
    uint64_t start_ns = now_ns(), next = 0;
    int rr = 0;

    for (int i = 0; i < w->n_conns && w->rate == 0; i++) {
        for (int d = 0; d < w->load->depth; d++)
            conn_queue_call(&w->conns[i], w->load->call, now_ns());
        flush(w, &w->conns[i]);
    }
    while (atomic_load_explicit(w->phase, memory_order_relaxed) != PHASE_STOP) {
        if (w->rate > 0)
            next = issue_due(w, start_ns, next, &rr);
        int n = epoll_wait(w->ep, events, 64, w->rate > 0 ? 1 : 20);
        for (int i = 0; i < n; i++)
            on_event(w, &events[i]);
    }
    return NULL;
}

static int
start_worker(struct worker *w)
{
    w->ep = epoll_create1(EPOLL_CLOEXEC);
    if (w->ep < 0)
        return -1;
    for (int i = 0; i < w->n_conns; i++) {
        struct epoll_event ev = { .events = EPOLLIN, .data.ptr = &w->conns[i] };
        if (epoll_ctl(w->ep, EPOLL_CTL_ADD, w->conns[i].fd, &ev) < 0)
            return -1;
    }
    return pthread_create(&w->thread, NULL, work, w) == 0 ? 0 : -1;
}

/* Open the connections and give each worker a contiguous share. */
static int
deal(const struct call_load *load, struct lg_conn *conns,
     struct worker *workers, const _Atomic int *phase, struct call_result *r)
{
    int *fds = calloc((size_t)load->n_conns, sizeof(*fds));
    struct open_many_result opened;

    if (fds == NULL ||
        open_many(load->path, load->uri, load->n_conns, 64, 30, fds,
                  &opened) < 0)
        return -1;
    r->n_conns_opened = opened.n_opened;
    if (opened.n_opened < load->n_conns) {
        fprintf(stderr, "loadgen: only %d of %d connections opened"
                " (%d refused, %d timed out)\n", opened.n_opened,
                load->n_conns, opened.n_refused, opened.n_timed_out);
        for (int i = 0; i < opened.n_opened; i++)
            close(fds[i]);
        free(fds);
        return -1;
    }
    for (int i = 0; i < load->n_conns; i++)
        conn_init(&conns[i], fds[i], load->depth);
    free(fds);
    for (int t = 0, first = 0; t < load->n_threads; t++) {
        int n = load->n_conns / load->n_threads +
                (t < load->n_conns % load->n_threads);
        workers[t] = (struct worker){
            .load = load, .phase = phase, .conns = conns + first,
            .n_conns = n, .rate = load->rate / load->n_threads,
        };
        first += n;
    }
    return 0;
}

void
run_clock(const struct call_load *load, _Atomic int *phase,
          struct call_result *r)
{
    sleep_s(load->warmup_s);
    double daemon0 = load->daemon_pid ? proc_cpu_us(load->daemon_pid) : -1;
    long ctxsw0 = load->daemon_pid ? proc_ctxsw(load->daemon_pid) : -1;
    double self0 = self_cpu_us();
    uint64_t t0 = now_ns();
    atomic_store(phase, PHASE_MEASURE);
    sleep_s(load->duration_s);
    atomic_store(phase, PHASE_STOP);
    r->seconds = (double)(now_ns() - t0) / 1e9;
    r->client_cpu_us = self_cpu_us() - self0;
    double daemon1 = load->daemon_pid ? proc_cpu_us(load->daemon_pid) : -1;
    r->daemon_cpu_us = daemon0 >= 0 && daemon1 >= 0 ? daemon1 - daemon0 : -1;
    long ctxsw1 = load->daemon_pid ? proc_ctxsw(load->daemon_pid) : -1;
    r->daemon_ctxsw = ctxsw0 >= 0 && ctxsw1 >= 0 ? ctxsw1 - ctxsw0 : -1;
}

int
run_calls(const struct call_load *load, struct call_result *r)
{
    struct lg_conn *conns = calloc((size_t)load->n_conns, sizeof(*conns));
    struct worker *workers = calloc((size_t)load->n_threads, sizeof(*workers));
    _Atomic int phase = PHASE_WARMUP;
    int n_started = 0, rc = -1;

    memset(r, 0, sizeof(*r));
    if (conns == NULL || workers == NULL ||
        deal(load, conns, workers, &phase, r) < 0)
        goto out;
    while (n_started < load->n_threads && start_worker(&workers[n_started]) == 0)
        n_started++;
    if (n_started == load->n_threads) {
        run_clock(load, &phase, r);
        rc = 0;
    }
    atomic_store(&phase, PHASE_STOP);
    for (int t = 0; t < n_started; t++) {
        pthread_join(workers[t].thread, NULL);
        r->n_done += workers[t].n_done;
        r->n_failed += workers[t].n_failed;
        hist_merge(&r->hist, &workers[t].hist);
        close(workers[t].ep);
    }
    for (int i = 0; i < r->n_conns_opened; i++)
        conn_release(&conns[i]);
out:
    free(conns);
    free(workers);
    return rc;
}
