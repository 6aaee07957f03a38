/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * loadgen-events.c: run_events() of loadgen.h. The subscribers are dealt
 * out to worker threads, each with its own epoll set, which note when
 * each lifecycle event arrives and which one it was; the main thread is
 * the producer, suspending and resuming the domain on a connection of its
 * own every interval and noting when it sent each call. Delivery latency,
 * losses, duplicates and reorderings are worked out from both records
 * after the workers are joined.
 *
 * Closed loop (load->is_closed_loop): no interval; the producer makes the
 * next call as soon as every subscriber has had the previous event, so
 * the rate is what the daemon's fan-out sustains. The workers count every
 * event in one shared counter and wake the producer when it reaches the
 * mark it waits for.
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

/* Lifecycle event numbers (libvirt's virDomainEventType). */
enum { EVENT_SUSPENDED = 3, EVENT_RESUMED = 4 };
/* Extra room in each record for events beyond those produced. */
#define EXTRA_EVENTS 16
/* Closed loop: at most this many events a second are recorded, and a
 * round whose event has not reached everyone after this long ends the
 * run (what is missing is then counted as lost). */
#define CLOSED_LOOP_MAX_RATE 2000
#define CLOSED_LOOP_WAIT_NS 1000000000u

/* Closed loop: events received by all workers, and the producer waiting
 * for it to reach a mark. */
struct arrivals {
    pthread_mutex_t  lock;
    pthread_cond_t   is_reached;
    _Atomic uint64_t n_received;
    _Atomic uint64_t mark;       /* 0: nobody waits */
};

/* One subscriber connection; owned by its worker. */
struct subscriber {
    struct lg_conn conn;
    int        callback_id;
    int        n_received;
    uint64_t  *received_ns;     /* one per event, up to n_slots */
    int       *types;
};

struct ev_worker {
    struct subscriber *subs;
    int                n_subs;
    int                n_slots;
    const _Atomic int *phase;
    struct arrivals   *arrivals;
    int                ep;
    pthread_t          thread;
};

/* One more event arrived; wake the producer if it was the one awaited. */
static void
count_arrival(struct arrivals *a)
{
    uint64_t n = atomic_fetch_add(&a->n_received, 1) + 1;
    uint64_t mark = atomic_load(&a->mark);

    if (mark != 0 && n >= mark) {
        pthread_mutex_lock(&a->lock);
        pthread_cond_signal(&a->is_reached);
        pthread_mutex_unlock(&a->lock);
    }
}

/* Its waits are measured on now_ns()'s clock. */
static void
init_arrivals(struct arrivals *a)
{
    pthread_condattr_t attr;

    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&a->is_reached, &attr);
    pthread_condattr_destroy(&attr);
}

/* Wait until mark events have arrived in all, or the deadline passed:
 * whether they did. */
static bool
wait_arrivals(struct arrivals *a, uint64_t mark, uint64_t deadline_ns)
{
    struct timespec ts = { (time_t)(deadline_ns / 1000000000u),
                           (long)(deadline_ns % 1000000000u) };
    int rc = 0;

    pthread_mutex_lock(&a->lock);
    atomic_store(&a->mark, mark);
    while (atomic_load(&a->n_received) < mark && rc == 0)
        rc = pthread_cond_timedwait(&a->is_reached, &a->lock, &ts);
    atomic_store(&a->mark, 0);
    pthread_mutex_unlock(&a->lock);
    return atomic_load(&a->n_received) >= mark;
}

static void
on_message(struct lg_conn *c, const remote_message_header *hdr,
           const uint8_t *frame, size_t len, void *opaque)
{
    struct subscriber *s = c->user;
    struct ev_worker *w = opaque;
    struct wire_message m;
    uint64_t now = now_ns();

    if (hdr->type != WIRE_TYPE_MESSAGE ||
        hdr->proc != REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE)
        return;
    if (wire_decode(frame, len, &m) == WIRE_RESULT_OK) {
        const remote_domain_event_callback_lifecycle_msg *e = m.body;
        if (e->callbackID == s->callback_id && s->n_received < w->n_slots) {
            s->received_ns[s->n_received] = now;
            s->types[s->n_received] = e->event;
        }
        /* Read by the producer's drain() while this thread runs. */
        if (e->callbackID == s->callback_id) {
            __atomic_store_n(&s->n_received, s->n_received + 1,
                             __ATOMIC_RELEASE);
            count_arrival(w->arrivals);
        }
    }
    wire_message_free(&m);
}

static void *
listen_events(void *opaque)
{
    struct ev_worker *w = opaque;
    struct epoll_event events[256];

    while (atomic_load_explicit(w->phase, memory_order_relaxed) != PHASE_STOP) {
        int n = epoll_wait(w->ep, events, 256, 20);
        for (int i = 0; i < n; i++) {
            struct lg_conn *c = events[i].data.ptr;
            if (conn_read(c, on_message, w) < 0) {
                epoll_ctl(w->ep, EPOLL_CTL_DEL, c->fd, NULL);
                close(c->fd);
                c->fd = -1;
            }
        }
    }
    return NULL;
}

/* Ask on fd for every domain's lifecycle events; the call's serial, or
 * 0. Every subscriber asks before any answer is read, so that setting up
 * a thousand costs about one round trip, not a thousand. */
static uint32_t
subscribe(int fd)
{
    remote_connect_domain_event_callback_register_any_args args = {
        .eventID = 0,       /* VIR_DOMAIN_EVENT_ID_LIFECYCLE */
    };

    return call_send(fd, REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                     (xdrproc_t)
                     xdr_remote_connect_domain_event_callback_register_any_args,
                     &args);
}

/* The callback id the registration sent as serial got, or -1. */
static int
subscribed(int fd, uint32_t serial)
{
    struct wire_message reply;

    if (serial == 0 ||
        call_await(fd, REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                   serial, &reply) < 0)
        return -1;
    int id = ((remote_connect_domain_event_callback_register_any_ret *)
              reply.body)->callbackID;
    wire_message_free(&reply);
    return id;
}

static int
set_up_subscriber(struct subscriber *s, int fd, uint32_t serial, int n_slots)
{
    s->callback_id = subscribed(fd, serial);
    s->received_ns = calloc((size_t)n_slots, sizeof(*s->received_ns));
    s->types = calloc((size_t)n_slots, sizeof(*s->types));
    if (s->callback_id < 0 || s->received_ns == NULL || s->types == NULL ||
        conn_init(&s->conn, fd, 1) < 0)
        return -1;
    s->conn.user = s;
    return 0;
}

/* Open and register every subscriber; deal them out to the workers. */
static int
set_up(const struct event_load *load, struct subscriber *subs,
       struct ev_worker *workers, int n_slots, struct event_result *r)
{
    int *fds = calloc((size_t)load->n_subscribers, sizeof(*fds));
    uint32_t *serials = calloc((size_t)load->n_subscribers, sizeof(*serials));
    struct open_many_result opened;

    if (fds == NULL || serials == NULL ||
        open_many(load->path, load->uri, load->n_subscribers, 256, 30, fds,
                  &opened) < 0) {
        free(fds);
        free(serials);
        return -1;
    }
    for (int i = 0; i < opened.n_opened; i++)
        serials[i] = subscribe(fds[i]);
    for (int i = 0; i < opened.n_opened; i++) {
        if (set_up_subscriber(&subs[i], fds[i], serials[i], n_slots) < 0)
            break;
        r->n_subscribed++;
    }
    free(fds);
    free(serials);
    if (r->n_subscribed < load->n_subscribers) {
        fprintf(stderr, "loadgen: only %d of %d subscribers registered\n",
                r->n_subscribed, load->n_subscribers);
        return -1;
    }
    for (int t = 0, first = 0; t < load->n_threads; t++) {
        int n = load->n_subscribers / load->n_threads +
                (t < load->n_subscribers % load->n_threads);
        workers[t] = (struct ev_worker){ .subs = subs + first, .n_subs = n,
                                         .n_slots = n_slots };
        first += n;
    }
    return 0;
}

static int
start_listener(struct ev_worker *w, const _Atomic int *phase,
               struct arrivals *arrivals)
{
    w->phase = phase;
    w->arrivals = arrivals;
    w->ep = epoll_create1(EPOLL_CLOEXEC);
    if (w->ep < 0)
        return -1;
    for (int i = 0; i < w->n_subs; i++) {
        struct epoll_event ev = { .events = EPOLLIN,
                                  .data.ptr = &w->subs[i].conn };
        if (epoll_ctl(w->ep, EPOLL_CTL_ADD, w->subs[i].conn.fd, &ev) < 0)
            return -1;
    }
    return pthread_create(&w->thread, NULL, listen_events, w) == 0 ? 0 : -1;
}

static void
sleep_until_ns(uint64_t when)
{
    uint64_t now = now_ns();

    if (when <= now)
        return;
    struct timespec ts = { (time_t)((when - now) / 1000000000u),
                           (long)((when - now) % 1000000000u) };
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

/* Call k of a run: a suspend when k is even, a resume when odd (they
 * take the same arguments); sent_ns[k] is when it went out. 0, or -1. */
static int
toggle(const struct event_load *load, int fd, int k, uint64_t *sent_ns)
{
    remote_domain_suspend_args args = { .dom = *load->dom };
    struct wire_message reply;

    sent_ns[k] = now_ns();
    if (call_sync(fd, k % 2 ? REMOTE_PROC_DOMAIN_RESUME
                            : REMOTE_PROC_DOMAIN_SUSPEND,
                  (xdrproc_t)xdr_remote_domain_suspend_args, &args,
                  &reply) < 0)
        return -1;
    wire_message_free(&reply);
    return 0;
}

/* Suspend and resume in turn, one call every interval, each sent at its
 * time. Returns how many were made. */
static int
produce(const struct event_load *load, int fd, uint64_t *sent_ns, int n)
{
    uint64_t start = now_ns();

    for (int k = 0; k < n; k++) {
        sleep_until_ns(start + (uint64_t)((double)k * load->interval_ms * 1e6));
        if (toggle(load, fd, k, sent_ns) < 0)
            return k;
    }
    return n;
}

/* Closed loop: call k as soon as every subscriber had event k - 1, for
 * the run's duration (and an even number of calls), at most n. */
static int
produce_closed_loop(const struct event_load *load, int fd,
                    struct arrivals *a, uint64_t *sent_ns, int n)
{
    uint64_t end = now_ns() + (uint64_t)(load->duration_s * 1e9);
    int k;

    for (k = 0; k < n && (k % 2 == 1 || now_ns() < end); k++) {
        if (toggle(load, fd, k, sent_ns) < 0)
            return k;
        if (!wait_arrivals(a, (uint64_t)(k + 1) * (uint64_t)load->n_subscribers,
                           now_ns() + CLOSED_LOOP_WAIT_NS))
            return k + 1;
    }
    return k;
}

/* Wait (up to a second) until every subscriber has had n events. */
static void
drain(struct subscriber *subs, int n_subs, int n)
{
    uint64_t deadline = now_ns() + 1000000000u;

    for (int i = 0; i < n_subs && now_ns() < deadline; i++)
        while (__atomic_load_n(&subs[i].n_received, __ATOMIC_ACQUIRE) < n &&
               now_ns() < deadline)
            sleep_until_ns(now_ns() + 1000000);
}

/* Compare what each subscriber got with what was produced. */
static void
tally(const struct subscriber *subs, int n_subs, const uint64_t *sent_ns,
      int n, struct event_result *r)
{
    for (int i = 0; i < n_subs; i++) {
        const struct subscriber *s = &subs[i];
        int n_kept = s->n_received < n ? s->n_received : n;
        r->n_delivered += (uint64_t)s->n_received;
        if (s->n_received < n)
            r->n_lost += (uint64_t)(n - s->n_received);
        else
            r->n_duplicated += (uint64_t)(s->n_received - n);
        for (int k = 0; k < n_kept; k++) {
            int expected = k % 2 ? EVENT_RESUMED : EVENT_SUSPENDED;
            if (s->types[k] != expected)
                r->n_out_of_order++;
            else if (s->received_ns[k] >= sent_ns[k])
                hist_record(&r->hist, s->received_ns[k] - sent_ns[k]);
        }
    }
}

/* How many events the run may produce: an even number, so that the
 * domain ends as it began (running). */
static int
n_events(const struct event_load *load)
{
    int n = load->is_closed_loop
                ? (int)(load->duration_s * CLOSED_LOOP_MAX_RATE)
                : (int)(load->duration_s * 1e3 / load->interval_ms);

    n &= ~1;
    return n < 2 ? 2 : n;
}

int
run_events(const struct event_load *load, struct event_result *r)
{
    int n = n_events(load);
    int n_slots = n + EXTRA_EVENTS, n_started = 0, rc = -1;
    struct subscriber *subs = calloc((size_t)load->n_subscribers, sizeof(*subs));
    struct ev_worker *workers = calloc((size_t)load->n_threads, sizeof(*workers));
    uint64_t *sent_ns = calloc((size_t)n, sizeof(*sent_ns));
    _Atomic int phase = PHASE_MEASURE;
    int producer = connect_unix(load->path);
    struct arrivals arrivals = { .lock = PTHREAD_MUTEX_INITIALIZER };
    uint64_t started_ns;
    double daemon0, self0;

    memset(r, 0, sizeof(*r));
    init_arrivals(&arrivals);
    if (subs == NULL || workers == NULL || sent_ns == NULL || producer < 0 ||
        open_sync(producer, load->uri) < 0 ||
        set_up(load, subs, workers, n_slots, r) < 0)
        goto out;
    while (n_started < load->n_threads &&
           start_listener(&workers[n_started], &phase, &arrivals) == 0)
        n_started++;
    if (n_started == load->n_threads) {
        started_ns = now_ns();
        daemon0 = load->pid ? proc_cpu_us(load->pid) : -1;
        self0 = self_cpu_us();
        r->n_produced = load->is_closed_loop
            ? produce_closed_loop(load, producer, &arrivals, sent_ns, n)
            : produce(load, producer, sent_ns, n);
        drain(subs, load->n_subscribers, r->n_produced);
        r->seconds = (double)(now_ns() - started_ns) / 1e9;
        r->client_cpu_us = self_cpu_us() - self0;
        r->daemon_cpu_us = daemon0 >= 0 ? proc_cpu_us(load->pid) - daemon0
                                        : -1;
        /* A closed loop ends with the duration, not after n events. */
        rc = r->n_produced == n ||
             (load->is_closed_loop && r->n_produced % 2 == 0) ? 0 : -1;
    }
    atomic_store(&phase, PHASE_STOP);
    for (int t = 0; t < n_started; t++) {
        pthread_join(workers[t].thread, NULL);
        close(workers[t].ep);
    }
    if (rc == 0)
        tally(subs, load->n_subscribers, sent_ns, r->n_produced, r);
out:
    for (int i = 0; i < r->n_subscribed; i++) {
        conn_release(&subs[i].conn);
        free(subs[i].received_ns);
        free(subs[i].types);
    }
    if (producer >= 0)
        close(producer);
    free(subs);
    free(workers);
    free(sent_ns);
    pthread_cond_destroy(&arrivals.is_reached);
    return rc;
}
