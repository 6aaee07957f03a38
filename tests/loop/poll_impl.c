/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * poll_impl.c: the event_impl contract on poll(2), for the tests.
 *
 * One mutex guards the whole table, which is an array indexed by id.
 * Off-loop-thread changes edit the table and write a byte to a self-pipe
 * that every poll() also watches. Each iteration takes a snapshot of the
 * table, polls, then looks every id up again just before calling it, so a
 * watch or timer removed by an earlier callback is never called. Removed
 * entries wait on a dead list whose free_cbs run at the end of the
 * iteration, on the loop thread, after every callback has returned.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "loop/event.h"
#include "tests/loop/poll_impl.h"

/* A watch or a timer; guarded by lock. */
struct entry {
    int              id;
    bool             is_timer;
    int              fd;
    int              events;
    int              timeout_ms;
    int64_t          deadline_ms;    /* periodic timers: next expiry */
    event_handle_cb  handle_cb;
    event_timeout_cb timeout_cb;
    void            *opaque;
    event_free_cb    free_cb;
    struct entry    *dead_next;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_bool     is_ready;
static int             wake_fds[2] = { -1, -1 };

/* Guarded by lock. */
static bool           has_loop_thread;
static pthread_t      loop_thread;
static struct entry **entries;
static int            n_entries;
static int            next_id = 1;
static struct entry  *dead;

static int64_t
now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static struct entry *
lookup(int id)
{
    return id > 0 && id < n_entries ? entries[id] : NULL;
}

/* Caller holds lock. Off the loop thread, poke the loop so that its next
 * poll() sees the new table. */
static void
changed(void)
{
    char byte = 0;

    if (has_loop_thread && pthread_equal(loop_thread, pthread_self()))
        return;
    if (write(wake_fds[1], &byte, 1) < 0) {
        /* EAGAIN: the pipe is full, so the loop is awake anyway. */
    }
}

static int
insert(struct entry *e)
{
    pthread_mutex_lock(&lock);
    if (next_id >= n_entries) {
        int n = n_entries ? n_entries * 2 : 64;
        struct entry **grown = realloc(entries, n * sizeof(*grown));
        if (grown == NULL) {
            pthread_mutex_unlock(&lock);
            free(e);
            return -1;
        }
        for (int i = n_entries; i < n; i++)
            grown[i] = NULL;
        entries = grown;
        n_entries = n;
    }
    e->id = next_id++;
    entries[e->id] = e;
    changed();
    pthread_mutex_unlock(&lock);
    return e->id;
}

static int
pi_add_handle(int fd, int events, event_handle_cb cb, void *opaque,
              event_free_cb free_cb)
{
    struct entry *e;

    if (fd < 0 || cb == NULL || !is_ready)
        return -1;
    e = calloc(1, sizeof(*e));
    if (e == NULL)
        return -1;
    e->fd = fd;
    e->events = events;
    e->handle_cb = cb;
    e->opaque = opaque;
    e->free_cb = free_cb;
    return insert(e);
}

static void
pi_update_handle(int watch, int events)
{
    pthread_mutex_lock(&lock);
    struct entry *e = lookup(watch);
    if (e != NULL && !e->is_timer) {
        e->events = events;
        changed();
    }
    pthread_mutex_unlock(&lock);
}

static int
remove_entry(int id, bool is_timer)
{
    pthread_mutex_lock(&lock);
    struct entry *e = lookup(id);
    if (e == NULL || e->is_timer != is_timer) {
        pthread_mutex_unlock(&lock);
        return -1;
    }
    entries[id] = NULL;
    e->dead_next = dead;
    dead = e;
    changed();
    pthread_mutex_unlock(&lock);
    return 0;
}

static int
pi_remove_handle(int watch)
{
    return remove_entry(watch, false);
}

static void
arm(struct entry *e, int timeout_ms)
{
    e->timeout_ms = timeout_ms < 0 ? -1 : timeout_ms;
    e->deadline_ms = now_ms() + (e->timeout_ms > 0 ? e->timeout_ms : 0);
}

static int
pi_add_timeout(int timeout_ms, event_timeout_cb cb, void *opaque,
               event_free_cb free_cb)
{
    struct entry *e;

    if (cb == NULL || !is_ready)
        return -1;
    e = calloc(1, sizeof(*e));
    if (e == NULL)
        return -1;
    e->is_timer = true;
    arm(e, timeout_ms);
    e->timeout_cb = cb;
    e->opaque = opaque;
    e->free_cb = free_cb;
    return insert(e);
}

static void
pi_update_timeout(int timer, int timeout_ms)
{
    pthread_mutex_lock(&lock);
    struct entry *e = lookup(timer);
    if (e != NULL && e->is_timer) {
        arm(e, timeout_ms);
        changed();
    }
    pthread_mutex_unlock(&lock);
}

static int
pi_remove_timeout(int timer)
{
    return remove_entry(timer, true);
}

static const struct event_impl poll_event_impl = {
    .add_handle     = pi_add_handle,
    .update_handle  = pi_update_handle,
    .remove_handle  = pi_remove_handle,
    .add_timeout    = pi_add_timeout,
    .update_timeout = pi_update_timeout,
    .remove_timeout = pi_remove_timeout,
};

int
poll_impl_register(void)
{
    pthread_mutex_lock(&lock);
    if (!is_ready) {
        if (pipe2(wake_fds, O_NONBLOCK | O_CLOEXEC) < 0) {
            pthread_mutex_unlock(&lock);
            return -1;
        }
        atomic_store(&is_ready, true);
    }
    pthread_mutex_unlock(&lock);
    event_register_impl(&poll_event_impl);
    return 0;
}

/* ---- One iteration -------------------------------------------------------- */

/* What the iteration will poll: pfds[0] is the self-pipe, pfds[i] belongs to
 * watch ids[i]. */
struct snapshot {
    struct pollfd *pfds;
    int           *ids;
    int            n;
    int            timeout_ms;
};

static int
wait_ms(const struct entry *e, int64_t now)
{
    if (e->timeout_ms < 0)
        return -1;
    if (e->timeout_ms == 0 || e->deadline_ms <= now)
        return 0;
    return (int)(e->deadline_ms - now);
}

static short
to_poll(int events)
{
    return (short)((events & EVENT_READABLE ? POLLIN : 0) |
                   (events & EVENT_WRITABLE ? POLLOUT : 0));
}

/* Caller holds lock. Returns false on allocation failure. */
static bool
take_snapshot(struct snapshot *s)
{
    int64_t now = now_ms();

    s->pfds = calloc(n_entries + 1, sizeof(*s->pfds));
    s->ids = calloc(n_entries + 1, sizeof(*s->ids));
    if (s->pfds == NULL || s->ids == NULL)
        return false;
    s->pfds[0] = (struct pollfd){ .fd = wake_fds[0], .events = POLLIN };
    s->n = 1;
    s->timeout_ms = dead != NULL ? 0 : -1;
    for (int id = 1; id < n_entries; id++) {
        struct entry *e = entries[id];
        if (e == NULL)
            continue;
        if (e->is_timer) {
            int ms = wait_ms(e, now);
            if (ms >= 0 && (s->timeout_ms < 0 || ms < s->timeout_ms))
                s->timeout_ms = ms;
        } else if (e->events != 0) {
            s->pfds[s->n] = (struct pollfd){ .fd = e->fd,
                                             .events = to_poll(e->events) };
            s->ids[s->n++] = id;
        }
    }
    return true;
}

static int
from_poll(short revents)
{
    return (revents & POLLIN ? EVENT_READABLE : 0) |
           (revents & POLLOUT ? EVENT_WRITABLE : 0) |
           (revents & POLLHUP ? EVENT_HANGUP : 0) |
           (revents & (POLLERR | POLLNVAL) ? EVENT_ERROR : 0);
}

static void
dispatch_watch(int id, int got)
{
    pthread_mutex_lock(&lock);
    struct entry *e = lookup(id);
    int events = e != NULL && e->events != 0
                 ? got & (e->events | EVENT_ERROR | EVENT_HANGUP) : 0;
    event_handle_cb cb = events ? e->handle_cb : NULL;
    void *opaque = events ? e->opaque : NULL;
    int fd = events ? e->fd : -1;
    pthread_mutex_unlock(&lock);
    if (cb != NULL)
        cb(id, fd, events, opaque);
}

/* Collect the due timers and move periodic ones to their next period before
 * calling anything, so a callback's own update wins. */
static void
run_timers(void)
{
    int64_t now = now_ms();
    int n = 0, *due;

    pthread_mutex_lock(&lock);
    due = calloc(n_entries + 1, sizeof(*due));
    for (int id = 1; due != NULL && id < n_entries; id++) {
        struct entry *e = entries[id];
        if (e == NULL || !e->is_timer || wait_ms(e, now) != 0)
            continue;
        e->deadline_ms = now + e->timeout_ms;
        due[n++] = id;
    }
    pthread_mutex_unlock(&lock);
    for (int i = 0; i < n; i++) {
        pthread_mutex_lock(&lock);
        struct entry *e = lookup(due[i]);
        event_timeout_cb cb = e != NULL && e->timeout_ms >= 0
                              ? e->timeout_cb : NULL;
        void *opaque = cb != NULL ? e->opaque : NULL;
        pthread_mutex_unlock(&lock);
        if (cb != NULL)
            cb(due[i], opaque);
    }
    free(due);
}

static void
run_free_cbs(void)
{
    for (;;) {
        pthread_mutex_lock(&lock);
        struct entry *list = dead;
        dead = NULL;
        pthread_mutex_unlock(&lock);
        if (list == NULL)
            return;
        while (list != NULL) {
            struct entry *next = list->dead_next;
            if (list->free_cb != NULL)
                list->free_cb(list->opaque);
            free(list);
            list = next;
        }
    }
}

static void
drain_wake_pipe(void)
{
    char buf[64];

    while (read(wake_fds[0], buf, sizeof(buf)) > 0)
        ;
}

int
poll_impl_run_once(void)
{
    struct snapshot s = { 0 };

    if (!is_ready)
        return -1;
    pthread_mutex_lock(&lock);
    loop_thread = pthread_self();
    has_loop_thread = true;
    bool is_ok = take_snapshot(&s);
    pthread_mutex_unlock(&lock);
    if (is_ok && poll(s.pfds, s.n, s.timeout_ms) >= 0) {
        if (s.pfds[0].revents)
            drain_wake_pipe();
        for (int i = 1; i < s.n; i++)
            if (s.pfds[i].revents)
                dispatch_watch(s.ids[i], from_poll(s.pfds[i].revents));
        run_timers();
    }
    free(s.pfds);
    free(s.ids);
    run_free_cbs();
    return is_ok ? 0 : -1;
}
