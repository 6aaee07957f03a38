/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-watch.c: drivers/worker_watch.h, with the main loop turning on the
 * test's main thread, once on libuv and once on the poll(2) loop of
 * tests/loop/: readiness reaches the worker's thread; the watch stays
 * paused until resumed, and what arrived meanwhile is read after; watches
 * come and go in numbers; a callback may free its own watch; the fd is
 * closed once the loop lets go of it; a paused watch costs no CPU, even
 * when resumed while its readiness is still queued; a stopped worker's
 * watches are released. Last, on a loop run by hand, orders a real loop
 * makes only by chance: a pause landing after the callback's resume, and
 * readiness delivered after the worker exited.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/worker.h"
#include "drivers/worker_watch.h"
#include "loop/event.h"
#include "loop/uv_impl.h"
#include "tests/loop/poll_impl.h"
#include "tests/tap.h"
#include "tests/worker/worker-test.h"

struct loop_under_test {
    const char *name;
    int (*register_impl)(void);
    int (*run_once)(void);
};

static const struct loop_under_test loops[] = {
    { "uv",   uv_impl_register,   uv_impl_run_once },
    { "poll", poll_impl_register, poll_impl_run_once },
};

/* A pipe watched on the worker. The flags say what the callback does;
 * the rest is written by the worker and read by the test after a
 * worker_call(), except calls, which the test waits on. */
struct watched {
    struct worker       *w;
    struct worker_watch *ww;
    int                  fd;        /* the read end: the watch's */
    int                  write_fd;  /* the test's */
    bool                 is_draining;   /* read all, not one byte */
    bool                 is_resuming;   /* resume from the callback */
    bool                 is_freeing;    /* free the watch from it */
    struct gate         *open_after_cb;  /* opened once it has resumed */
    char                 got[256];
    int                  n_got;
    int                  last_fd;
    int                  last_events;
    int                  n_off_thread;
    pthread_t            thread;
    atomic_int           calls;
    struct vireo_error   err;
};

static void
on_ready(struct worker_watch *ww, int fd, int events, void *opaque)
{
    struct watched *x = opaque;
    char buf[64];
    ssize_t n;

    if (!pthread_equal(pthread_self(), x->thread))
        x->n_off_thread++;
    x->last_fd = fd;
    x->last_events = events;
    do {
        n = read(fd, buf, x->is_draining ? sizeof(buf) : 1);
        for (ssize_t i = 0; i < n && x->n_got < (int)sizeof(x->got) - 1; i++)
            x->got[x->n_got++] = buf[i];
    } while (n > 0 && x->is_draining);
    if (x->is_freeing) {
        worker_watch_free(ww);
        x->ww = NULL;
    } else if (x->is_resuming) {
        worker_watch_resume(ww, EVENT_READABLE);
    }
    if (x->open_after_cb != NULL)
        gate_open(x->open_after_cb);
    atomic_fetch_add(&x->calls, 1);
}

static void
add_on_worker(void *arg)
{
    struct watched *x = arg;

    x->thread = pthread_self();
    x->ww = worker_watch_new(x->w, x->fd, EVENT_READABLE, on_ready, x,
                             &x->err);
}

static void
resume_on_worker(void *arg)
{
    struct watched *x = arg;

    worker_watch_resume(x->ww, EVENT_READABLE);
}

static void
free_on_worker(void *arg)
{
    struct watched *x = arg;

    worker_watch_free(x->ww);
    x->ww = NULL;
}

/* A new pipe, watched on w; NULL if the watch could not be made. */
static struct watched *
watch_pipe(struct worker *w, bool is_draining, bool is_resuming)
{
    struct watched *x = calloc(1, sizeof(*x));
    int fds[2];

    if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) < 0)
        abort();
    x->w = w;
    x->fd = fds[0];
    x->write_fd = fds[1];
    x->is_draining = is_draining;
    x->is_resuming = is_resuming;
    worker_call(w, add_on_worker, x);
    if (x->ww == NULL) {
        tap_diag("cannot watch: %s", x->err.message);
        close(fds[0]);
        close(fds[1]);
        free(x);
        return NULL;
    }
    return x;
}

static void
put(struct watched *x, const char *text)
{
    if (write(x->write_fd, text, strlen(text)) < 0 && errno != EPIPE)
        abort();
}

static int
calls(struct watched *x)
{
    return atomic_load(&x->calls);
}

/* The test's end of x goes; the watch was freed already. */
static void
drop(struct watched *x)
{
    close(x->write_fd);
    free(x);
}

static bool
is_open(int fd)
{
    return fcntl(fd, F_GETFD) >= 0;
}

/* Turn the loop until fd is closed (by the watch's free function) or
 * max_ms pass. */
static bool
loop_until_closed(const struct loop_under_test *lut, int fd, int max_ms)
{
    int64_t end = now_ms() + max_ms;

    while (is_open(fd) && now_ms() < end)
        loop_for(lut->run_once, 5);
    return !is_open(fd);
}

static bool
loop_until_n_fds(const struct loop_under_test *lut, int n, int max_ms)
{
    int64_t end = now_ms() + max_ms;

    while (n_open_fds() != n && now_ms() < end)
        loop_for(lut->run_once, 5);
    return n_open_fds() == n;
}

/* Free x's watch on w, wait for the loop to close its fd, drop the rest. */
static void
unwatch(const struct loop_under_test *lut, struct worker *w,
        struct watched *x)
{
    worker_call(w, free_on_worker, x);
    loop_until_closed(lut, x->fd, 5000);
    drop(x);
}

/* ---- one watch --------------------------------------------------------- */

#define CHECKS_READINESS 9

static void
test_readiness(const struct loop_under_test *lut, struct worker *w)
{
    struct watched *x = watch_pipe(w, true, false);

    tap_ok(x != NULL, "%s: a worker watches a pipe", lut->name);
    if (x == NULL)
        return;
    put(x, "a");
    tap_ok(loop_until(lut->run_once, &x->calls, 1, 5000),
           "%s: the pipe's readiness reaches the worker", lut->name);
    worker_call(w, do_nothing, NULL);
    tap_ok(x->n_off_thread == 0 && x->last_fd == x->fd &&
           (x->last_events & EVENT_READABLE) != 0, "%s: the callback runs on "
           "the worker's thread, with the fd and EVENT_READABLE", lut->name);

    put(x, "b");
    loop_for(lut->run_once, 100);
    tap_is_int(calls(x), 1, "%s: data written while the watch is paused "
               "brings no second callback", lut->name);
    worker_call(w, resume_on_worker, x);
    tap_ok(loop_until(lut->run_once, &x->calls, 2, 5000),
           "%s: once resumed, the watch calls back again", lut->name);
    worker_call(w, do_nothing, NULL);
    tap_is_str(x->got, "ab", "%s: and nothing written meanwhile was lost",
               lut->name);

    worker_call(w, free_on_worker, x);
    tap_ok(is_open(x->fd), "%s: right after worker_watch_free() the fd is "
           "still open: the loop has not let go yet", lut->name);
    tap_ok(loop_until_closed(lut, x->fd, 5000), "%s: the fd is closed once "
           "the loop lets go of the watch", lut->name);
    put(x, "c");
    loop_for(lut->run_once, 50);
    tap_is_int(calls(x), 2, "%s: a freed watch calls back no more",
               lut->name);
    drop(x);
}

#define CHECKS_PARTIAL 2

/* The callback reads one byte and resumes: level-triggered, the rest
 * brings the next callbacks. */
static void
test_partial_reads(const struct loop_under_test *lut, struct worker *w)
{
    struct watched *x = watch_pipe(w, false, true);

    put(x, "xyz");
    tap_ok(loop_until(lut->run_once, &x->calls, 3, 5000),
           "%s: a callback that reads one byte of three and resumes is "
           "called back for the rest", lut->name);
    loop_for(lut->run_once, 50);
    worker_call(w, do_nothing, NULL);
    tap_ok(calls(x) == 3 && strcmp(x->got, "xyz") == 0,
           "%s: three callbacks, three bytes, in order", lut->name);
    unwatch(lut, w, x);
}

#define CHECKS_NO_BUSY_LOOP 2

/* The callback leaves the byte unread and does not resume: the fd stays
 * readable, and nothing may spin on it. */
static void
test_no_busy_loop(const struct loop_under_test *lut, struct worker *w)
{
    struct watched *x = watch_pipe(w, false, false);
    int64_t cpu0_us, t0_us, cpu_us, elapsed_us;

    put(x, "qq");
    loop_until(lut->run_once, &x->calls, 1, 5000);
    cpu0_us = process_cpu_us();
    t0_us = now_us();
    loop_for(lut->run_once, 300);
    cpu_us = process_cpu_us() - cpu0_us;
    elapsed_us = now_us() - t0_us;
    tap_is_int(calls(x), 1, "%s: a paused watch on a readable fd is not "
               "called again", lut->name);
    tap_ok(cpu_us < elapsed_us / 2, "%s: and costs no busy loop: %lld us of "
           "CPU in %lld us", lut->name, (long long)cpu_us,
           (long long)elapsed_us);
    unwatch(lut, w, x);
}

#define CHECKS_FREE_IN_CALLBACK 3

static void
test_free_in_callback(const struct loop_under_test *lut, struct worker *w)
{
    struct watched *x = watch_pipe(w, true, true);

    x->is_freeing = true;
    put(x, "a");
    loop_until(lut->run_once, &x->calls, 1, 5000);
    worker_call(w, do_nothing, NULL);
    tap_ok(calls(x) == 1 && x->ww == NULL,
           "%s: a callback frees its own watch", lut->name);
    tap_ok(loop_until_closed(lut, x->fd, 5000), "%s: and its fd is closed "
           "once the loop lets go", lut->name);
    put(x, "b");
    loop_for(lut->run_once, 50);
    tap_is_int(calls(x), 1, "%s: no callback follows", lut->name);
    drop(x);
}

/* ---- resumed while its readiness is queued ------------------------------ */

#define CHECKS_RESUME_WHILE_QUEUED 4

struct resume_early {
    struct watched *x;
    struct gate     first, second;
};

/* A job ahead of the watch's readiness: it resumes the watch (a driver
 * that wants to write, say) while that readiness is still queued behind
 * it, then keeps the worker busy. */
static void
resume_then_wait(void *arg)
{
    struct resume_early *r = arg;

    gate_pass(&r->first);
    worker_watch_resume(r->x->ww, EVENT_READABLE);
    gate_pass(&r->second);
}

static void
test_resume_while_queued(const struct loop_under_test *lut, struct worker *w)
{
    struct resume_early r = { .first = GATE_INIT, .second = GATE_INIT };
    int64_t cpu0_us, t0_us, cpu_us, elapsed_us;

    r.x = watch_pipe(w, true, true);
    worker_submit(w, resume_then_wait, &r);
    gate_wait_entered(&r.first);
    put(r.x, "a");
    loop_for(lut->run_once, 50);   /* the readiness is queued behind */
    gate_open(&r.first);
    gate_wait_entered(&r.second);
    cpu0_us = process_cpu_us();
    t0_us = now_us();
    loop_for(lut->run_once, 300);
    cpu_us = process_cpu_us() - cpu0_us;
    elapsed_us = now_us() - t0_us;
    tap_ok(cpu_us < elapsed_us / 2, "%s: a watch resumed while its readiness "
           "is queued costs the loop no busy loop: %lld us of CPU in %lld us",
           lut->name, (long long)cpu_us, (long long)elapsed_us);
    gate_open(&r.second);
    tap_ok(loop_until(lut->run_once, &r.x->calls, 1, 5000),
           "%s: the queued readiness is delivered", lut->name);
    put(r.x, "b");
    tap_ok(loop_until(lut->run_once, &r.x->calls, 2, 5000) &&
           (worker_call(w, do_nothing, NULL), strcmp(r.x->got, "ab") == 0),
           "%s: and the watch goes on working", lut->name);
    unwatch(lut, w, r.x);
}

#define N_RACES 100

/* The same, as a race: the worker resumes the watch and at once delivers
 * the readiness queued behind, while the loop, woken by the resume, calls
 * the watch back and pauses it again. However those interleave, the next
 * byte must still be delivered. */
static void
test_resume_races(const struct loop_under_test *lut, struct worker *w)
{
    struct watched *x = watch_pipe(w, true, true);
    int n_lost = 0;

    for (int i = 0; i < N_RACES && n_lost == 0; i++) {
        struct gate hold = GATE_INIT;
        int n_calls = calls(x);

        worker_submit(w, gate_pass, &hold);
        worker_submit(w, resume_on_worker, x);
        gate_wait_entered(&hold);
        put(x, "r");
        loop_for(lut->run_once, 1);   /* the readiness is queued */
        gate_open(&hold);
        loop_until(lut->run_once, &x->calls, n_calls + 1, 2000);
        put(x, "s");
        if (!loop_until(lut->run_once, &x->calls, n_calls + 2, 2000))
            n_lost++;
    }
    tap_is_int(n_lost, 0, "%s: a resume racing with the delivery of the "
               "readiness queued behind it never leaves the watch paused",
               lut->name);
    unwatch(lut, w, x);
}

/* ---- many watches ------------------------------------------------------ */

#define CHECKS_MANY 7
#define N_WAVE 40

static int
total_calls(struct watched **xs, int from, int to)
{
    int n = 0;

    for (int i = from; i < to; i++)
        n += calls(xs[i]);
    return n;
}

static void
put_all(struct watched **xs, int from, int to)
{
    for (int i = from; i < to; i++)
        put(xs[i], "m");
}

/* Wait until the watches in [from, to) were called back want times in
 * all. */
static bool
loop_until_total(const struct loop_under_test *lut, struct watched **xs,
                 int from, int to, int want)
{
    int64_t end = now_ms() + 10000;

    while (total_calls(xs, from, to) < want && now_ms() < end)
        loop_for(lut->run_once, 5);
    return total_calls(xs, from, to) == want;
}

static void
test_many(const struct loop_under_test *lut, struct worker *w)
{
    struct watched *xs[2 * N_WAVE];
    int n_fds0 = n_open_fds(), n_freed_calls;

    for (int i = 0; i < N_WAVE; i++)
        xs[i] = watch_pipe(w, true, true);
    tap_is_int(n_open_fds(), n_fds0 + 2 * N_WAVE, "%s: %d watches added, "
               "the fds grow by theirs", lut->name, N_WAVE);
    put_all(xs, 0, N_WAVE);
    tap_ok(loop_until_total(lut, xs, 0, N_WAVE, N_WAVE), "%s: each of them "
           "is called back once", lut->name);

    for (int i = 0; i < N_WAVE / 2; i++) {
        worker_call(w, free_on_worker, xs[i]);
        close(xs[i]->write_fd);
    }
    tap_ok(loop_until_n_fds(lut, n_fds0 + N_WAVE, 5000), "%s: freeing half "
           "of them closes their fds", lut->name);

    for (int i = N_WAVE; i < 2 * N_WAVE; i++)
        xs[i] = watch_pipe(w, true, true);
    tap_is_int(n_open_fds(), n_fds0 + 3 * N_WAVE, "%s: %d more added, the "
               "fds grow again", lut->name, N_WAVE);
    n_freed_calls = total_calls(xs, 0, N_WAVE / 2);
    put_all(xs, N_WAVE / 2, 2 * N_WAVE);
    /* The older half were called once before, the newer ones never. */
    tap_ok(loop_until_total(lut, xs, N_WAVE / 2, 2 * N_WAVE, 2 * N_WAVE),
           "%s: every live watch is called back", lut->name);
    tap_is_int(total_calls(xs, 0, N_WAVE / 2), n_freed_calls,
               "%s: and no freed one", lut->name);

    for (int i = N_WAVE / 2; i < 2 * N_WAVE; i++) {
        worker_call(w, free_on_worker, xs[i]);
        close(xs[i]->write_fd);
    }
    tap_ok(loop_until_n_fds(lut, n_fds0, 5000), "%s: freeing the rest brings "
           "the fds back to where they were", lut->name);
    for (int i = 0; i < 2 * N_WAVE; i++)
        free(xs[i]);
}

/* ---- a worker that stops ----------------------------------------------- */

#define CHECKS_STOP 2

static void
test_stop_releases(const struct loop_under_test *lut)
{
    struct worker *w = worker_new("test-watch-stop");
    struct watched *xs[3];
    int n_fds0 = n_open_fds(), n_calls;

    for (int i = 0; i < 3; i++)
        xs[i] = watch_pipe(w, true, true);
    put(xs[0], "a");
    loop_until(lut->run_once, &xs[0]->calls, 1, 5000);
    put(xs[1], "b");   /* its readiness may be on its way when it stops */
    worker_stop(w);
    n_calls = total_calls(xs, 0, 3);
    for (int i = 0; i < 3; i++)
        close(xs[i]->write_fd);
    tap_ok(loop_until_n_fds(lut, n_fds0, 5000), "%s: a stopped worker's "
           "watches are removed and their fds closed", lut->name);
    loop_for(lut->run_once, 20);
    tap_is_int(total_calls(xs, 0, 3), n_calls, "%s: no callback runs once "
               "the worker is stopped", lut->name);
    for (int i = 0; i < 3; i++)
        free(xs[i]);
}

#define CHECKS_PER_LOOP                                                   \
    (2 + CHECKS_READINESS + CHECKS_PARTIAL + CHECKS_NO_BUSY_LOOP +        \
     CHECKS_FREE_IN_CALLBACK + CHECKS_RESUME_WHILE_QUEUED + CHECKS_MANY + \
     CHECKS_STOP)

static void
test_on_loop(const struct loop_under_test *lut)
{
    struct worker *w = worker_new("test-watch");
    int n_fds0;

    tap_is_int(lut->register_impl(), 0, "%s: the loop registers", lut->name);
    n_fds0 = n_open_fds();
    test_readiness(lut, w);
    test_partial_reads(lut, w);
    test_no_busy_loop(lut, w);
    test_free_in_callback(lut, w);
    test_resume_while_queued(lut, w);
    test_resume_races(lut, w);
    test_many(lut, w);
    worker_stop(w);
    test_stop_releases(lut);
    tap_ok(loop_until_n_fds(lut, n_fds0, 5000), "%s: the scenarios leave no "
           "fd open", lut->name);
}

/* ---- without a loop, and a loop that refuses --------------------------- */

static void
test_no_loop(void)
{
    struct worker *w = worker_new("test-no-loop");
    struct watched x = { .w = w };
    int fds[2];

    if (pipe2(fds, O_CLOEXEC) < 0)
        abort();
    x.fd = fds[0];
    worker_call(w, add_on_worker, &x);
    tap_ok(x.ww == NULL && x.err.code == VIR_ERR_INTERNAL_ERROR &&
           strstr(x.err.message, "no event loop registered") != NULL,
           "with no loop registered, a watch fails with a clear error");
    tap_ok(is_open(fds[0]), "and the fd is still the caller's");
    close(fds[0]);
    close(fds[1]);
    worker_stop(w);
}

static void
test_refused(void)
{
    struct worker *w = worker_new("test-refused");
    struct watched x = { .w = w };

    x.fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
    worker_call(w, add_on_worker, &x);
    tap_ok(x.ww == NULL && strstr(x.err.message, "refused") != NULL,
           "uv: a regular file, which epoll refuses, cannot be watched");
    tap_ok(is_open(x.fd), "uv: and the fd is still the caller's");
    close(x.fd);
    worker_stop(w);
}

/* ---- a loop run by hand ------------------------------------------------ */

/* A loop run by hand, for orders of events a real loop makes only by
 * chance: it keeps the one watch it is given, and the test calls it back
 * whenever it likes, as a loop does between reading a watch's callback
 * under its lock and calling it. It records the events last asked for;
 * when hold_pause is set, the next pause (an update to 0) waits at that
 * gate before it takes effect. */
static struct {
    int             fd;
    event_handle_cb cb;
    void           *opaque;
    event_free_cb   free_cb;
    bool            is_removed;
    pthread_mutex_t lock;          /* guards the two below */
    int             events;
    struct gate    *hold_pause;
} by_hand = { .lock = PTHREAD_MUTEX_INITIALIZER };

static int
hand_add_handle(int fd, int events, event_handle_cb cb, void *opaque,
                event_free_cb free_cb)
{
    by_hand.fd = fd;
    by_hand.cb = cb;
    by_hand.opaque = opaque;
    by_hand.free_cb = free_cb;
    by_hand.is_removed = false;
    return 1;
}

static void
hand_update_handle(int watch, int events)
{
    struct gate *hold = NULL;

    pthread_mutex_lock(&by_hand.lock);
    if (events == 0) {
        hold = by_hand.hold_pause;
        by_hand.hold_pause = NULL;
    }
    pthread_mutex_unlock(&by_hand.lock);
    if (hold != NULL)
        gate_pass(hold);
    pthread_mutex_lock(&by_hand.lock);
    by_hand.events = events;
    pthread_mutex_unlock(&by_hand.lock);
}

static int
hand_events(void)
{
    int events;

    pthread_mutex_lock(&by_hand.lock);
    events = by_hand.events;
    pthread_mutex_unlock(&by_hand.lock);
    return events;
}

static int
hand_remove_handle(int watch)
{
    by_hand.is_removed = true;
    return 0;
}

static int
hand_add_timeout(int timeout_ms, event_timeout_cb cb, void *opaque,
                 event_free_cb free_cb)
{
    return -1;
}

static void
hand_update_timeout(int timer, int timeout_ms)
{
}

static int
hand_remove_timeout(int timer)
{
    return -1;
}

static const struct event_impl by_hand_impl = {
    hand_add_handle, hand_update_handle, hand_remove_handle,
    hand_add_timeout, hand_update_timeout, hand_remove_timeout,
};

static void *
hand_call_back(void *arg)
{
    by_hand.cb(1, by_hand.fd, EVENT_READABLE, by_hand.opaque);
    return arg;
}

/* The watch's readiness is queued and the driver resumed it meanwhile, so
 * the loop calls back again and pauses it again; that pause is held until
 * the worker has delivered the readiness and the callback has resumed the
 * watch. Landing last, it would leave the watch paused for good, had the
 * job it queued not put back what the callback asked for. */
static void
test_late_pause(void)
{
    struct worker *w = worker_new("test-late-pause");
    struct watched x = { .w = w, .is_draining = true, .is_resuming = true };
    struct gate hold_worker = GATE_INIT, hold_pause = GATE_INIT;
    pthread_t loop_thread;
    int fds[2];

    if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) < 0)
        abort();
    x.fd = fds[0];
    x.write_fd = fds[1];
    worker_call(w, add_on_worker, &x);
    worker_submit(w, gate_pass, &hold_worker);
    gate_wait_entered(&hold_worker);
    put(&x, "a");
    by_hand.cb(1, by_hand.fd, EVENT_READABLE, by_hand.opaque);

    pthread_mutex_lock(&by_hand.lock);
    by_hand.hold_pause = &hold_pause;
    pthread_mutex_unlock(&by_hand.lock);
    x.open_after_cb = &hold_pause;
    pthread_create(&loop_thread, NULL, hand_call_back, NULL);
    gate_wait_entered(&hold_pause);
    gate_open(&hold_worker);
    pthread_join(loop_thread, NULL);
    worker_call(w, do_nothing, NULL);
    tap_is_int(hand_events(), EVENT_READABLE, "by hand: a pause that lands "
               "after the callback resumed the watch does not leave it "
               "paused");
    tap_ok(calls(&x) == 1 && strcmp(x.got, "a") == 0, "by hand: the "
           "readiness was delivered once");
    worker_stop(w);
    by_hand.free_cb(by_hand.opaque);
    close(fds[1]);
}

/* The loop saw the fd ready and was about to call back when the worker
 * stopped (worker_stop frees it): the call then comes after the worker is
 * gone, and only the free function tells the watch the loop let go. */
static void
test_readiness_after_exit(void)
{
    struct worker *w = worker_new("test-late");
    struct watched x = { .w = w };
    int fds[2];

    if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) < 0)
        abort();
    x.fd = fds[0];
    worker_call(w, add_on_worker, &x);
    worker_stop(w);
    tap_ok(by_hand.is_removed, "by hand: a stopped worker removed its watch");
    by_hand.cb(1, by_hand.fd, EVENT_READABLE, by_hand.opaque);
    tap_is_int(calls(&x), 0, "by hand: readiness delivered after the worker "
               "exited calls nothing back");
    by_hand.free_cb(by_hand.opaque);
    tap_ok(!is_open(fds[0]), "by hand: the fd is closed once the loop lets "
           "go");
    close(fds[1]);
}

int
main(void)
{
    alarm(120);
    signal(SIGPIPE, SIG_IGN);   /* writing to a pipe whose watch went */
    tap_plan(2 + 1 + 2 + 2 * CHECKS_PER_LOOP + 2 + 3);
    test_no_loop();
    tap_is_int(uv_impl_register(), 0, "uv: the loop registers");
    test_refused();
    for (size_t i = 0; i < sizeof(loops) / sizeof(loops[0]); i++)
        test_on_loop(&loops[i]);
    event_register_impl(&by_hand_impl);
    test_late_pause();
    test_readiness_after_exit();
    return tap_done();
}
