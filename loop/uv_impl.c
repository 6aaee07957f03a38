/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * uv_impl.c: vireo's default event loop, the event.h contract on libuv.
 *
 * Threads. libuv is not thread-safe. The records of watches and timers live
 * under one mutex that any thread may take, but every libuv call is made on
 * the loop thread (the thread inside uv_impl_run_once()). A call from
 * another thread changes the records, marks them dirty and wakes the loop
 * with uv_async_send(); the loop thread applies dirty records on entering
 * uv_impl_run_once() and in its async, prepare and check callbacks, so
 * always before it next computes how long to block. A call made on the loop
 * thread, also from inside a callback, applies at once.
 *
 * Watches. libuv allows one uv_poll_t per fd, while the contract allows an fd
 * to be watched twice. So each watched fd has one struct fd_poll listening
 * for the union of its watches' events, and it dispatches to every watch
 * whose mask matches. The fd must stay open until its last watch is removed:
 * libuv aborts if epoll is handed a closed fd.
 *
 * Timers. Each timer owns a uv_timer_t, used for N > 0 ms, and a uv_idle_t,
 * used for 0 ms: an active idle handle fires once per iteration and keeps
 * libuv from blocking, which a re-armed 0 ms uv_timer_t would not do safely.
 *
 * Ids. Watch and timer ids count up from 1, wrapping after INT_MAX to the
 * lowest free id, and are found through a hash table. An id is thus not
 * handed out again for about two billion additions, so a stale id passed to
 * a remove finds nothing rather than somebody else's watch.
 *
 * Lifetimes. A removed watch stays on its fd's list, marked removed and
 * never dispatched, until a safe point between callbacks (settle()), where
 * it is unlinked and its free_cb runs. A removed timer's free_cb runs from
 * the close callback of its handles. Both happen on the loop thread, outside
 * any user callback, which is why a callback may remove its own watch.
 */
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/epoll.h>
#include <unistd.h>
#include <uv.h>

#include "loop/event.h"
#include "loop/queue_defer.h"
#include "loop/uv_impl.h"

/* Ids to records: an intrusive hash table, chained, with a power-of-two
 * number of buckets; monotonic ids spread evenly over them. */
struct id_node {
    int             id;
    struct id_node *next;
};

struct id_table {
    struct id_node **buckets;
    size_t           n_buckets;
    size_t           n_nodes;
    int              last_id;
};

struct watch;

/* The one uv_poll_t on an fd, shared by every watch on that fd. Owned by the
 * loop thread; the list of watches changes under uv.lock. */
struct fd_poll {
    uv_poll_t       handle;
    int             fd;
    int             uv_mask;        /* what libuv is asked for right now */
    bool            is_dirty;
    struct fd_poll *next_dirty;
    struct watch   *first, *last;   /* in the order they were attached */
};

struct watch {
    struct id_node  node;           /* the id, and the hash chain */
    int             fd;
    int             events;         /* EVENT_* wanted */
    event_handle_cb cb;
    void           *opaque;
    event_free_cb   free_cb;
    bool            is_removed;
    bool            is_pending;     /* still on the attach list */
    struct fd_poll *poll;           /* NULL until attached on the loop thread */
    struct watch   *prev_on_fd, *next_on_fd;
    struct watch   *next_pending;   /* on the attach or the reap list */
};

struct timer {
    struct id_node   node;
    int              timeout_ms;
    event_timeout_cb cb;
    void            *opaque;
    event_free_cb    free_cb;
    bool             is_removed;
    bool             is_dirty;
    bool             has_handles;
    int              n_open_handles;
    uv_timer_t       tick;          /* armed for timeout_ms > 0 */
    uv_idle_t        spin;          /* active for timeout_ms == 0 */
    struct timer    *next_dirty;
};

/* Everything below `lock` is guarded by it; the uv handles belong to the loop
 * thread. */
static struct {
    uv_loop_t        loop;
    uv_async_t       wake;
    uv_prepare_t     before_poll;
    uv_check_t       after_poll;
    pthread_mutex_t  lock;
    int              probe_fd;      /* private epoll fd to vet new fds */
    struct id_table  watches, timers;
    struct fd_poll **by_fd;
    size_t           n_by_fd;
    struct watch    *attach_first, *attach_last;
    struct watch    *to_reap;
    struct fd_poll  *dirty_polls;
    struct timer    *dirty_timers;
} uv = { .lock = PTHREAD_MUTEX_INITIALIZER, .probe_fd = -1 };

static atomic_bool is_ready;
static atomic_bool is_stop_requested;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static _Thread_local bool on_loop_thread;

/* ---- id table ---------------------------------------------------------- */

static struct id_node **
id_bucket(const struct id_table *t, int id)
{
    return &t->buckets[(size_t)id & (t->n_buckets - 1)];
}

static struct id_node *
id_find(const struct id_table *t, int id)
{
    if (id <= 0 || t->n_buckets == 0)
        return NULL;
    for (struct id_node *n = *id_bucket(t, id); n != NULL; n = n->next)
        if (n->id == id)
            return n;
    return NULL;
}

static int
id_grow(struct id_table *t)
{
    size_t n_old = t->n_buckets;
    struct id_node **old = t->buckets;

    t->n_buckets = n_old != 0 ? n_old * 2 : 64;
    t->buckets = calloc(t->n_buckets, sizeof(*t->buckets));
    if (t->buckets == NULL) {
        t->buckets = old;
        t->n_buckets = n_old;
        return -1;
    }
    for (size_t i = 0; i < n_old; i++) {
        struct id_node *n = old[i], *next;
        for (; n != NULL; n = next) {
            struct id_node **b = id_bucket(t, n->id);
            next = n->next;
            n->next = *b;
            *b = n;
        }
    }
    free(old);
    return 0;
}

/* Give node the next free id and index it. Returns the id, or -1. */
static int
id_insert(struct id_table *t, struct id_node *node)
{
    struct id_node **b;

    if (t->n_nodes >= t->n_buckets && id_grow(t) < 0)
        return -1;
    do
        t->last_id = t->last_id == INT_MAX ? 1 : t->last_id + 1;
    while (id_find(t, t->last_id) != NULL);
    node->id = t->last_id;
    b = id_bucket(t, node->id);
    node->next = *b;
    *b = node;
    t->n_nodes++;
    return node->id;
}

static void
id_remove(struct id_table *t, struct id_node *node)
{
    struct id_node **p = id_bucket(t, node->id);

    while (*p != node)
        p = &(*p)->next;
    *p = node->next;
    t->n_nodes--;
}

/* ---- event bits -------------------------------------------------------- */

static int
uv_events_from(int events)
{
    int mask = 0;

    if (events & EVENT_READABLE)
        mask |= UV_READABLE;
    if (events & EVENT_WRITABLE)
        mask |= UV_WRITABLE;
    /* Hang-ups are reported whatever was asked, as poll(2) does. */
    return mask != 0 ? mask | UV_DISCONNECT : 0;
}

static int
events_from_uv(int status, int uv_events)
{
    int events = 0;

    if (status < 0)
        return EVENT_ERROR;
    if (uv_events & UV_READABLE)
        events |= EVENT_READABLE;
    if (uv_events & UV_WRITABLE)
        events |= EVENT_WRITABLE;
    if (uv_events & UV_DISCONNECT)
        events |= EVENT_HANGUP;
    return events;
}

/* ---- applying changes (loop thread, uv.lock held) ---------------------- */

static void on_poll(uv_poll_t *handle, int status, int uv_events);

static void
mark_poll_dirty(struct fd_poll *p)
{
    if (p->is_dirty)
        return;
    p->is_dirty = true;
    p->next_dirty = uv.dirty_polls;
    uv.dirty_polls = p;
}

static void
mark_timer_dirty(struct timer *t)
{
    if (t->is_dirty)
        return;
    t->is_dirty = true;
    t->next_dirty = uv.dirty_timers;
    uv.dirty_timers = t;
}

static int
grow_by_fd(int fd)
{
    size_t n = uv.n_by_fd != 0 ? uv.n_by_fd : 64;
    struct fd_poll **grown;

    while (n <= (size_t)fd)
        n *= 2;
    grown = realloc(uv.by_fd, n * sizeof(*grown));
    if (grown == NULL)
        return -1;
    for (size_t i = uv.n_by_fd; i < n; i++)
        grown[i] = NULL;
    uv.by_fd = grown;
    uv.n_by_fd = n;
    return 0;
}

/* The fd_poll of fd, made if needed; NULL if libuv refuses the fd. */
static struct fd_poll *
poll_for_fd(int fd)
{
    struct fd_poll *p;

    if ((size_t)fd >= uv.n_by_fd && grow_by_fd(fd) < 0)
        return NULL;
    if (uv.by_fd[fd] != NULL)
        return uv.by_fd[fd];
    p = calloc(1, sizeof(*p));
    if (p == NULL)
        return NULL;
    if (uv_poll_init(&uv.loop, &p->handle, fd) < 0) {
        free(p);
        return NULL;
    }
    p->handle.data = p;
    p->fd = fd;
    uv.by_fd[fd] = p;
    return p;
}

/* Put newly added watches on their fd's list. A watch whose fd libuv
 * refuses (the daemon polls that fd itself) stays unattached and silent
 * until it is removed. */
static void
attach_pending_watches(void)
{
    struct watch *w, *next;

    for (w = uv.attach_first; w != NULL; w = next) {
        next = w->next_pending;
        w->next_pending = NULL;
        w->is_pending = false;
        if (w->is_removed) {
            w->next_pending = uv.to_reap;
            uv.to_reap = w;
            continue;
        }
        w->poll = poll_for_fd(w->fd);
        if (w->poll == NULL)
            continue;
        w->prev_on_fd = w->poll->last;
        if (w->poll->last != NULL)
            w->poll->last->next_on_fd = w;
        else
            w->poll->first = w;
        w->poll->last = w;
        mark_poll_dirty(w->poll);
    }
    uv.attach_first = uv.attach_last = NULL;
}

static void
sync_poll(struct fd_poll *p)
{
    int mask = 0;

    for (struct watch *w = p->first; w != NULL; w = w->next_on_fd)
        if (!w->is_removed)
            mask |= uv_events_from(w->events);
    if (mask == p->uv_mask)
        return;
    /* libuv aborts on a closed fd; leave such a watch silent instead. */
    if (mask == 0 || fcntl(p->fd, F_GETFD) < 0)
        uv_poll_stop(&p->handle);
    else if (uv_poll_start(&p->handle, mask, on_poll) < 0)
        mask = 0;
    p->uv_mask = mask;
}

static void on_tick(uv_timer_t *handle);
static void on_spin(uv_idle_t *handle);
static void on_timer_closed(uv_handle_t *handle);

static void
sync_timer(struct timer *t)
{
    if (!t->has_handles) {
        uv_timer_init(&uv.loop, &t->tick);
        uv_idle_init(&uv.loop, &t->spin);
        t->tick.data = t->spin.data = t;
        t->has_handles = true;
    }
    if (t->is_removed) {
        t->n_open_handles = 2;
        uv_close((uv_handle_t *)&t->tick, on_timer_closed);
        uv_close((uv_handle_t *)&t->spin, on_timer_closed);
    } else if (t->timeout_ms < 0) {
        uv_timer_stop(&t->tick);
        uv_idle_stop(&t->spin);
    } else if (t->timeout_ms == 0) {
        uv_timer_stop(&t->tick);
        uv_idle_start(&t->spin, on_spin);
    } else {
        uv_idle_stop(&t->spin);
        /* libuv counts from its cached "now", which is stale after the loop
         * sat idle between iterations; N ms must mean N ms from here. */
        uv_update_time(&uv.loop);
        uv_timer_start(&t->tick, on_tick, (uint64_t)t->timeout_ms,
                       (uint64_t)t->timeout_ms);
    }
}

static void
sync_dirty_polls(void)
{
    while (uv.dirty_polls != NULL) {
        struct fd_poll *p = uv.dirty_polls;
        uv.dirty_polls = p->next_dirty;
        p->is_dirty = false;
        sync_poll(p);
    }
}

static void
apply_changes(void)
{
    /* Removals first: if another thread removed the last watch on fd 5,
     * closed it, and watched a new fd 5, the old registration must be
     * dropped before the new watch joins the same fd_poll, or epoll would
     * still be listening to the closed file. */
    sync_dirty_polls();
    attach_pending_watches();
    sync_dirty_polls();
    while (uv.dirty_timers != NULL) {
        struct timer *t = uv.dirty_timers;
        uv.dirty_timers = t->next_dirty;
        t->is_dirty = false;
        sync_timer(t);
    }
}

/* uv.lock held: the records changed; make libuv follow. */
static void
changed(void)
{
    if (on_loop_thread)
        apply_changes();
    else
        uv_async_send(&uv.wake);
}

/* ---- safe points (loop thread, no lock, outside user callbacks) -------- */

static void
on_poll_closed(uv_handle_t *handle)
{
    free(handle->data);
}

static void
detach_watch(struct watch *w)
{
    struct fd_poll *p = w->poll;

    if (p == NULL)
        return;
    if (w->prev_on_fd != NULL)
        w->prev_on_fd->next_on_fd = w->next_on_fd;
    else
        p->first = w->next_on_fd;
    if (w->next_on_fd != NULL)
        w->next_on_fd->prev_on_fd = w->prev_on_fd;
    else
        p->last = w->prev_on_fd;
    if (p->first == NULL) {
        uv.by_fd[p->fd] = NULL;
        uv_close((uv_handle_t *)&p->handle, on_poll_closed);
    }
}

/* Apply what other threads changed, then let go of removed watches: no
 * callback is running, so nothing references their opaque any more. */
static void
settle(void)
{
    struct watch *reaped, *next;

    pthread_mutex_lock(&uv.lock);
    apply_changes();
    reaped = uv.to_reap;
    uv.to_reap = NULL;
    for (struct watch *w = reaped; w != NULL; w = w->next_pending)
        detach_watch(w);
    pthread_mutex_unlock(&uv.lock);

    for (struct watch *w = reaped; w != NULL; w = next) {
        next = w->next_pending;
        if (w->free_cb != NULL)
            w->free_cb(w->opaque);
        free(w);
    }
}

static void
on_wake(uv_async_t *handle)
{
    settle();
}

/* What the loop's callbacks pushed with queue_push_deferred() wakes
 * its consumers here, once per turn: before the loop blocks, and after
 * the callbacks of what it polled. */
static void
on_before_poll(uv_prepare_t *handle)
{
    queue_defer_flush();
    settle();
}

static void
on_after_poll(uv_check_t *handle)
{
    queue_defer_flush();
    settle();
}

static void
on_timer_closed(uv_handle_t *handle)
{
    struct timer *t = handle->data;

    if (--t->n_open_handles > 0)
        return;
    if (t->free_cb != NULL)
        t->free_cb(t->opaque);
    free(t);
}

/* ---- dispatch (loop thread) -------------------------------------------- */

/* Call every live watch on the fd that wants one of the events. The lock is
 * dropped around each callback, which may add, change or remove any watch;
 * the list itself only shrinks in settle(), so walking it stays safe. */
static void
on_poll(uv_poll_t *handle, int status, int uv_events)
{
    struct fd_poll *p = handle->data;
    int events = events_from_uv(status, uv_events);

    pthread_mutex_lock(&uv.lock);
    if (status < 0) {
        /* libuv stopped the handle. Start it again next iteration so that,
         * as with poll(2), the error repeats until the watch goes. */
        p->uv_mask = 0;
        mark_poll_dirty(p);
    }
    for (struct watch *w = p->first; w != NULL; w = w->next_on_fd) {
        int hit = events & (w->events | EVENT_ERROR | EVENT_HANGUP);
        event_handle_cb cb = w->cb;
        void *opaque = w->opaque;
        int id = w->node.id;

        if (w->is_removed || hit == 0)
            continue;
        pthread_mutex_unlock(&uv.lock);
        cb(id, p->fd, hit, opaque);
        pthread_mutex_lock(&uv.lock);
    }
    pthread_mutex_unlock(&uv.lock);
}

static void
fire(struct timer *t)
{
    event_timeout_cb cb;
    void *opaque;
    bool is_armed;

    pthread_mutex_lock(&uv.lock);
    /* Another thread may have disarmed it since libuv queued this call. */
    is_armed = !t->is_removed && t->timeout_ms >= 0;
    cb = t->cb;
    opaque = t->opaque;
    pthread_mutex_unlock(&uv.lock);
    if (is_armed)
        cb(t->node.id, opaque);
}

static void
on_tick(uv_timer_t *handle)
{
    fire(handle->data);
}

static void
on_spin(uv_idle_t *handle)
{
    fire(handle->data);
}

/* ---- the six functions (any thread) ------------------------------------ */

/* Whether epoll accepts fd (regular files and closed fds are refused), so
 * that add_handle can fail at once even when called off the loop thread.
 * uv.lock held: the probe fd is shared. */
static bool
is_pollable(int fd)
{
    struct epoll_event ev = { .events = 0 };

    if (epoll_ctl(uv.probe_fd, EPOLL_CTL_ADD, fd, &ev) < 0)
        return false;
    epoll_ctl(uv.probe_fd, EPOLL_CTL_DEL, fd, &ev);
    return true;
}

static int
uvi_add_handle(int fd, int events, event_handle_cb cb, void *opaque,
               event_free_cb free_cb)
{
    struct watch *w;
    int id;

    if (fd < 0 || cb == NULL || (w = calloc(1, sizeof(*w))) == NULL)
        return -1;
    w->fd = fd;
    w->events = events;
    w->cb = cb;
    w->opaque = opaque;
    w->free_cb = free_cb;

    pthread_mutex_lock(&uv.lock);
    if (!is_pollable(fd) || (id = id_insert(&uv.watches, &w->node)) < 0) {
        pthread_mutex_unlock(&uv.lock);
        free(w);
        return -1;
    }
    w->is_pending = true;
    if (uv.attach_last != NULL)
        uv.attach_last->next_pending = w;
    else
        uv.attach_first = w;
    uv.attach_last = w;
    changed();
    pthread_mutex_unlock(&uv.lock);
    return id;
}

static void
uvi_update_handle(int watch, int events)
{
    struct watch *w;

    pthread_mutex_lock(&uv.lock);
    w = (struct watch *)id_find(&uv.watches, watch);
    if (w != NULL) {
        w->events = events;
        if (w->poll != NULL)
            mark_poll_dirty(w->poll);
        changed();
    }
    pthread_mutex_unlock(&uv.lock);
}

static int
uvi_remove_handle(int watch)
{
    struct watch *w;

    pthread_mutex_lock(&uv.lock);
    w = (struct watch *)id_find(&uv.watches, watch);
    if (w == NULL) {
        pthread_mutex_unlock(&uv.lock);
        return -1;
    }
    id_remove(&uv.watches, &w->node);
    w->is_removed = true;
    /* A watch still on the attach list is reaped from there. */
    if (!w->is_pending) {
        if (w->poll != NULL)
            mark_poll_dirty(w->poll);
        w->next_pending = uv.to_reap;
        uv.to_reap = w;
    }
    changed();
    pthread_mutex_unlock(&uv.lock);
    return 0;
}

static int
uvi_add_timeout(int timeout_ms, event_timeout_cb cb, void *opaque,
                event_free_cb free_cb)
{
    struct timer *t;
    int id;

    if (cb == NULL || (t = calloc(1, sizeof(*t))) == NULL)
        return -1;
    t->timeout_ms = timeout_ms < 0 ? -1 : timeout_ms;
    t->cb = cb;
    t->opaque = opaque;
    t->free_cb = free_cb;

    pthread_mutex_lock(&uv.lock);
    id = id_insert(&uv.timers, &t->node);
    if (id < 0) {
        pthread_mutex_unlock(&uv.lock);
        free(t);
        return -1;
    }
    mark_timer_dirty(t);
    changed();
    pthread_mutex_unlock(&uv.lock);
    return id;
}

static void
uvi_update_timeout(int timer, int timeout_ms)
{
    struct timer *t;

    pthread_mutex_lock(&uv.lock);
    t = (struct timer *)id_find(&uv.timers, timer);
    if (t != NULL) {
        t->timeout_ms = timeout_ms < 0 ? -1 : timeout_ms;
        mark_timer_dirty(t);
        changed();
    }
    pthread_mutex_unlock(&uv.lock);
}

static int
uvi_remove_timeout(int timer)
{
    struct timer *t;

    pthread_mutex_lock(&uv.lock);
    t = (struct timer *)id_find(&uv.timers, timer);
    if (t == NULL) {
        pthread_mutex_unlock(&uv.lock);
        return -1;
    }
    id_remove(&uv.timers, &t->node);
    t->is_removed = true;
    mark_timer_dirty(t);
    changed();
    pthread_mutex_unlock(&uv.lock);
    return 0;
}

static const struct event_impl uv_event_impl = {
    .add_handle     = uvi_add_handle,
    .update_handle  = uvi_update_handle,
    .remove_handle  = uvi_remove_handle,
    .add_timeout    = uvi_add_timeout,
    .update_timeout = uvi_update_timeout,
    .remove_timeout = uvi_remove_timeout,
};

/* ---- the loop ---------------------------------------------------------- */

/* The prepare and check handles are unreferenced: only the wake-up handle
 * and the user's watches and timers keep the loop alive. */
static void
init_loop(void)
{
    uv.probe_fd = epoll_create1(EPOLL_CLOEXEC);
    if (uv.probe_fd < 0)
        return;
    if (uv_loop_init(&uv.loop) < 0) {
        close(uv.probe_fd);
        uv.probe_fd = -1;
        return;
    }
    uv_async_init(&uv.loop, &uv.wake, on_wake);
    uv_prepare_init(&uv.loop, &uv.before_poll);
    uv_prepare_start(&uv.before_poll, on_before_poll);
    uv_unref((uv_handle_t *)&uv.before_poll);
    uv_check_init(&uv.loop, &uv.after_poll);
    uv_check_start(&uv.after_poll, on_after_poll);
    uv_unref((uv_handle_t *)&uv.after_poll);
    atomic_store(&is_ready, true);
}

int
uv_impl_register(void)
{
    pthread_once(&init_once, init_loop);
    if (!atomic_load(&is_ready))
        return -1;
    event_register_impl(&uv_event_impl);
    return 0;
}

int
uv_impl_run_once(void)
{
    if (!atomic_load(&is_ready))
        return -1;
    on_loop_thread = true;
    /* Changes made while no thread ran the loop were only recorded; apply
     * them now, or a 0 ms timeout added before this call would first be
     * armed after libuv's idle phase and miss this iteration. */
    settle();
    queue_defer_begin();
    uv_run(&uv.loop, UV_RUN_ONCE);
    queue_defer_end();
    on_loop_thread = false;
    return 0;
}

int
uv_impl_run(void)
{
    if (!atomic_load(&is_ready))
        return -1;
    while (!atomic_exchange(&is_stop_requested, false))
        uv_impl_run_once();
    return 0;
}

void
uv_impl_interrupt(void)
{
    if (atomic_load(&is_ready))
        uv_async_send(&uv.wake);
}

void
uv_impl_stop(void)
{
    atomic_store(&is_stop_requested, true);
    uv_impl_interrupt();
}

struct uv_loop_s *
uv_impl_loop(void)
{
    return atomic_load(&is_ready) ? &uv.loop : NULL;
}
