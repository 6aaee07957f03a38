/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * loadgen-shared.c: run_shared() of loadgen.h: N client threads on one
 * connection, each with one call in flight, as the threads of a libvirt
 * client share one virConnect. Unlike calls pipelined by one thread, each
 * call here is made by a thread that then sleeps until its own reply
 * arrives, and the replies are read the way libvirt's client reads them:
 * whichever waiting thread finds no one reading becomes the reader (it
 * holds the buck), hands each reply it reads to the thread that waits for
 * it, and when its own reply has come passes the buck to another waiter.
 * So the client pays the thread hand-offs a real multi-threaded client
 * pays, and the daemon sees several calls at once from one connection.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loadgen.h"

/* How long a caller waits for its reply before the run is given up: a
 * daemon that stops answering ends the run instead of hanging it. */
#define REPLY_TIMEOUT_NS (30ull * 1000000000ull)
/* One wait of the reader, so that it notices a broken run in time. */
#define POLL_MS 100

struct shared;

/* One client thread and its one call in flight; its fields other than
 * the counters are under the shared connection's lock. */
struct caller {
    struct shared      *s;
    pthread_cond_t      wake;         /* its reply came, or the buck */
    uint32_t            serial;       /* of its call in flight; 0: none */
    bool                is_answered;
    int                 status;       /* of the reply */
    /* Written by this caller only, read after the join. */
    uint64_t            n_done, n_failed;
    struct latency_hist hist;
    pthread_t           thread;
};

/* The connection the callers share. Everything in it is under lock; the
 * read buffer of conn is touched only by the caller holding the buck. */
struct shared {
    const struct call_load *load;
    const _Atomic int      *phase;
    pthread_mutex_t         lock;
    struct lg_conn          conn;
    bool                    is_reading;   /* a caller holds the buck */
    bool                    is_broken;    /* lost, or a reply to no call */
    struct caller          *callers;
    int                     n_callers;
};

static struct caller *
caller_of(struct shared *s, uint32_t serial)
{
    for (int i = 0; i < s->n_callers; i++)
        if (s->callers[i].serial == serial)
            return &s->callers[i];
    return NULL;
}

/* A frame read by the buck holder, under the lock: a reply goes to the
 * thread that waits for it (events and keepalives are not ours). */
static void
on_frame(struct lg_conn *c, const remote_message_header *hdr,
         const uint8_t *frame, size_t len, void *opaque)
{
    struct shared *s = opaque;
    struct caller *k;
    uint64_t sent_ns;

    (void)frame;
    (void)len;
    if (hdr->type != WIRE_TYPE_REPLY)
        return;
    if (!conn_take_pending(c, hdr->serial, &sent_ns) ||
        (k = caller_of(s, hdr->serial)) == NULL) {
        fprintf(stderr, "loadgen: a reply to no call (serial %u)\n",
                hdr->serial);
        s->is_broken = true;
        return;
    }
    k->is_answered = true;
    k->status = hdr->status;
    pthread_cond_signal(&k->wake);
}

/* The buck holder: wait for the socket without the lock, then read what
 * came with it. */
static void
read_some(struct shared *s)
{
    struct pollfd pfd = { .fd = s->conn.fd, .events = POLLIN };

    pthread_mutex_unlock(&s->lock);
    int ready = poll(&pfd, 1, POLL_MS);
    pthread_mutex_lock(&s->lock);
    if (ready > 0 && conn_read(&s->conn, on_frame, s) < 0) {
        fprintf(stderr, "loadgen: the daemon closed the connection\n");
        s->is_broken = true;
    }
}

/* The buck goes to a caller still waiting for its reply, if any. */
static void
pass_buck(struct shared *s)
{
    for (int i = 0; i < s->n_callers; i++) {
        struct caller *k = &s->callers[i];
        if (k->serial != 0 && !k->is_answered) {
            pthread_cond_signal(&k->wake);
            return;
        }
    }
}

/* Send the caller's call, under the lock; false on a broken connection. */
static bool
send_call(struct shared *s, struct caller *me, uint64_t sent_ns)
{
    me->serial = conn_queue_call(&s->conn, s->load->call, sent_ns);
    me->is_answered = false;
    for (;;) {
        int rc = conn_flush(&s->conn);
        if (rc != 0)
            return rc > 0;
        struct pollfd pfd = { .fd = s->conn.fd, .events = POLLOUT };
        poll(&pfd, 1, POLL_MS);
    }
}

/* Under the lock: until the caller's reply has come, read for everyone
 * when no one else does, sleep otherwise. False when the run broke. */
static bool
await_reply(struct shared *s, struct caller *me, uint64_t sent_ns)
{
    while (!me->is_answered && !s->is_broken) {
        if (now_ns() - sent_ns > REPLY_TIMEOUT_NS) {
            fprintf(stderr, "loadgen: no reply in %llu s\n",
                    REPLY_TIMEOUT_NS / 1000000000ull);
            s->is_broken = true;
        } else if (!s->is_reading) {
            s->is_reading = true;
            read_some(s);
            s->is_reading = false;
            if (me->is_answered)
                pass_buck(s);
        } else {
            pthread_cond_wait(&me->wake, &s->lock);
        }
    }
    return me->is_answered;
}

static void *
call_in_turn(void *opaque)
{
    struct caller *me = opaque;
    struct shared *s = me->s;

    pthread_mutex_lock(&s->lock);
    while (atomic_load(s->phase) != PHASE_STOP && !s->is_broken) {
        uint64_t sent_ns = now_ns();
        if (!send_call(s, me, sent_ns)) {
            s->is_broken = true;
            break;
        }
        bool is_answered = await_reply(s, me, sent_ns);
        me->serial = 0;
        if (!is_answered || me->status != WIRE_STATUS_OK) {
            me->n_failed++;
        } else if (atomic_load(s->phase) == PHASE_MEASURE) {
            me->n_done++;
            hist_record(&me->hist, now_ns() - sent_ns);
        }
    }
    /* Whoever is left waiting must not wait for a reader that is gone. */
    pass_buck(s);
    if (s->is_broken)
        for (int i = 0; i < s->n_callers; i++)
            pthread_cond_signal(&s->callers[i].wake);
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

static int
open_shared(struct shared *s, const struct call_load *load)
{
    int fd = connect_unix(load->path);

    if (fd < 0 || open_sync(fd, load->uri) < 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return conn_init(&s->conn, fd, load->n_threads);
}

int
run_shared(const struct call_load *load, struct call_result *r)
{
    _Atomic int phase = PHASE_WARMUP;
    struct shared s = {
        .load = load, .phase = &phase, .n_callers = load->n_threads,
        .lock = PTHREAD_MUTEX_INITIALIZER,
        .callers = calloc((size_t)load->n_threads, sizeof(*s.callers)),
    };
    int n_started = 0;

    memset(r, 0, sizeof(*r));
    if (s.callers == NULL || open_shared(&s, load) < 0) {
        free(s.callers);
        return -1;
    }
    r->n_conns_opened = 1;
    for (; n_started < s.n_callers; n_started++) {
        struct caller *k = &s.callers[n_started];
        k->s = &s;
        pthread_cond_init(&k->wake, NULL);
        if (pthread_create(&k->thread, NULL, call_in_turn, k) != 0)
            break;
    }
    if (n_started == s.n_callers)
        run_clock(load, &phase, r);
    atomic_store(&phase, PHASE_STOP);
    for (int i = 0; i < n_started; i++) {
        pthread_join(s.callers[i].thread, NULL);
        r->n_done += s.callers[i].n_done;
        r->n_failed += s.callers[i].n_failed;
        hist_merge(&r->hist, &s.callers[i].hist);
        pthread_cond_destroy(&s.callers[i].wake);
    }
    if (s.is_broken && r->n_failed == 0)
        r->n_failed = 1;
    conn_release(&s.conn);
    free(s.callers);
    return n_started == s.n_callers ? 0 : -1;
}
