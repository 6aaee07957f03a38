/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * scenarios.c: the loop scenarios of scenarios.h.
 *
 * Everything runs on the calling thread, which is the loop thread, except
 * the helper threads of the wake-up scenario, which only call event_*().
 * A probe records what the loop told a watch or timer; its free_cb counts.
 */
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <uv.h>

#include "loop/event.h"
#include "loop/queue.h"
#include "loop/uv_impl.h"
#include "tests/loop/poll_impl.h"
#include "tests/loop/scenarios.h"
#include "tests/tap.h"

const struct loop_under_test loops_under_test[2] = {
    { "uv",   uv_impl_register,   uv_impl_run_once },
    { "poll", poll_impl_register, poll_impl_run_once },
};

struct probe {
    int       calls, frees, events, fd, id;
    int       frees_at_remove;  /* frees seen just after removing itself */
    bool      drain;            /* read what a readable fd holds */
    bool      remove_self;
    int      *other;            /* id to remove from the callback */
    int      *total;            /* shared call counter */
    int      *total_frees;      /* shared free counter */
    pthread_t freer;            /* thread that ran free_cb */
};

/* ---- Helpers ------------------------------------------------------------- */

static int64_t
now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

    nanosleep(&ts, NULL);
}

static void
tick(int timer, void *opaque)
{
    (void)timer;
    (*(int *)opaque)++;
}

static void
probe_free(void *opaque)
{
    struct probe *p = opaque;

    p->frees++;
    p->freer = pthread_self();
    if (p->total_frees != NULL)
        (*p->total_frees)++;
}

static void
probe_count(struct probe *p, int id)
{
    p->calls++;
    p->id = id;
    if (p->total != NULL)
        (*p->total)++;
}

static void
on_watch(int watch, int fd, int events, void *opaque)
{
    struct probe *p = opaque;
    char buf[64];

    probe_count(p, watch);
    p->fd = fd;
    p->events = events;
    if (p->drain && (events & EVENT_READABLE) && read(fd, buf, sizeof(buf)) < 0)
        p->drain = false;
    if (p->remove_self) {
        event_remove_handle(watch);
        p->frees_at_remove = p->frees;
    }
    if (p->other != NULL)
        event_remove_handle(*p->other);
}

static void
on_timer(int timer, void *opaque)
{
    struct probe *p = opaque;

    probe_count(p, timer);
    if (p->remove_self) {
        event_remove_timeout(timer);
        p->frees_at_remove = p->frees;
    }
    if (p->other != NULL)
        event_remove_timeout(*p->other);
}

/* The watchdog fires every tick_ms so that no iteration blocks for long. */
static int
run_until_every(const struct loop_under_test *lut, const int *counter,
                int want, int max_ms, int tick_ms)
{
    int ticks = 0;
    int dog = event_add_timeout(tick_ms, tick, &ticks, NULL);
    int64_t end = now_ms() + max_ms;

    while (*counter < want && now_ms() < end)
        lut->run_once();
    event_remove_timeout(dog);
    return *counter >= want;
}

int
scenario_run_until(const struct loop_under_test *lut, const int *counter,
                   int want, int max_ms)
{
    return run_until_every(lut, counter, want, max_ms, 20);
}

int
scenario_n_open_fds(void)
{
    DIR *dir = opendir("/proc/self/fd");
    int n = 0;

    if (dir == NULL)
        return -1;
    while (readdir(dir) != NULL)
        n++;
    closedir(dir);
    return n;
}

static void
count_open_handle(uv_handle_t *handle, void *opaque)
{
    if (!uv_is_closing(handle))
        (*(int *)opaque)++;
}

int
scenario_n_uv_handles(const struct loop_under_test *lut)
{
    int n = 0;

    /* The iteration's own timer is removed off-loop, so one more
     * iteration applies that removal and runs the close callbacks. */
    scenario_iterate(lut, 1);
    lut->run_once();
    uv_walk(uv_impl_loop(), count_open_handle, &n);
    return n;
}

void
scenario_on_each_loop(void (*run)(const struct loop_under_test *lut))
{
    for (int i = 0; i < 2; i++) {
        const struct loop_under_test *lut = &loops_under_test[i];
        bool is_uv = lut == &loops_under_test[0];
        int n_fds, n_handles = 0;

        tap_is_int(lut->register_impl(), 0, "%s: the loop registers",
                   lut->name);
        n_fds = scenario_n_open_fds();
        if (is_uv)
            n_handles = scenario_n_uv_handles(lut);
        run(lut);
        tap_is_int(scenario_n_open_fds(), n_fds,
                   "%s: the scenarios leave no fd open", lut->name);
        if (is_uv)
            tap_is_int(scenario_n_uv_handles(lut), n_handles, "uv: removed "
                       "watches and timers leave no libuv handle open");
    }
}

static void
run_for(const struct loop_under_test *lut, int ms)
{
    int never = 0;

    scenario_run_until(lut, &never, 1, ms);
}

void
scenario_iterate(const struct loop_under_test *lut, int n)
{
    int count = 0;
    int timer = event_add_timeout(0, tick, &count, NULL);

    for (int i = 0; i < n + 10 && count < n; i++)
        lut->run_once();
    event_remove_timeout(timer);
}

static void
write_byte(int fd)
{
    if (write(fd, "x", 1) != 1)
        tap_diag("write to fd %d failed", fd);
}

static void
make_pipe(int p[2])
{
    if (pipe2(p, O_CLOEXEC) < 0)
        abort();
}

static void
make_socketpair(int s[2])
{
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s) < 0)
        abort();
}

static void
close_pair(int p[2])
{
    close(p[0]);
    close(p[1]);
}

/* ---- Watches ------------------------------------------------------------- */

void
scenario_watch_fires(const struct loop_under_test *lut)
{
    struct probe pr = { 0 };
    int p[2];

    make_pipe(p);
    int w = event_add_handle(p[0], EVENT_READABLE, on_watch, &pr, probe_free);
    tap_ok(w > 0, "%s: adding a watch returns a positive id", lut->name);
    write_byte(p[1]);
    tap_ok(scenario_run_until(lut, &pr.calls, 1, 2000),
           "%s: a watch fires when its fd becomes readable", lut->name);
    tap_ok(pr.id == w && pr.fd == p[0],
           "%s: the callback is told its watch id and fd", lut->name);
    tap_is_int(pr.events, EVENT_READABLE,
               "%s: the callback is told the fd is readable", lut->name);
    tap_is_int(event_remove_handle(w), 0,
               "%s: removing the watch succeeds", lut->name);
    scenario_run_until(lut, &pr.frees, 1, 2000);
    tap_is_int(pr.frees, 1, "%s: free_cb runs once after removal", lut->name);
    tap_is_int(event_remove_handle(w), -1,
               "%s: removing a watch twice fails", lut->name);
    close_pair(p);
}

void
scenario_remove_self(const struct loop_under_test *lut)
{
    struct probe pr = { .remove_self = true };
    int p[2];

    make_pipe(p);
    write_byte(p[1]);       /* never read: the fd stays readable */
    event_add_handle(p[0], EVENT_READABLE, on_watch, &pr, probe_free);
    scenario_run_until(lut, &pr.calls, 1, 2000);
    scenario_iterate(lut, 5);
    tap_is_int(pr.calls, 1, "%s: removing a watch inside its own callback "
               "stops further calls", lut->name);
    tap_is_int(pr.frees_at_remove, 0,
               "%s: free_cb does not run inside the removal", lut->name);
    scenario_run_until(lut, &pr.frees, 1, 2000);
    scenario_iterate(lut, 2);
    tap_is_int(pr.frees, 1, "%s: free_cb of a watch removed in its callback "
               "runs exactly once", lut->name);
    close_pair(p);
}

/* a and b are ready in the same iteration and each removes the other:
 * exactly one of them may be called. */
static void
remove_each_other(const struct loop_under_test *lut, int fd_a, int fd_b,
                  const char *what)
{
    int total = 0, total_frees = 0, wa, wb;
    struct probe pa = { .drain = true, .other = &wb, .total = &total,
                        .total_frees = &total_frees };
    struct probe pb = { .drain = true, .other = &wa, .total = &total,
                        .total_frees = &total_frees };

    wa = event_add_handle(fd_a, EVENT_READABLE, on_watch, &pa, probe_free);
    wb = event_add_handle(fd_b, EVENT_READABLE, on_watch, &pb, probe_free);
    scenario_run_until(lut, &total, 1, 2000);
    scenario_iterate(lut, 3);
    tap_ok((pa.calls == 0) != (pb.calls == 0), "%s: removing another watch "
           "(%s) from a callback in the same iteration prevents its call",
           lut->name, what);
    event_remove_handle(pa.calls ? wa : wb);
    scenario_run_until(lut, &total_frees, 2, 2000);
    tap_ok(pa.frees == 1 && pb.frees == 1,
           "%s: both watches (%s) are freed once", lut->name, what);
}

void
scenario_remove_other(const struct loop_under_test *lut)
{
    int a[2], b[2];

    make_pipe(a);
    make_pipe(b);
    write_byte(a[1]);
    write_byte(b[1]);
    remove_each_other(lut, a[0], b[0], "other fd");
    write_byte(a[1]);
    remove_each_other(lut, a[0], a[0], "same fd");
    close_pair(a);
    close_pair(b);
}

void
scenario_same_fd_twice(const struct loop_under_test *lut)
{
    int total_frees = 0, s[2];
    struct probe pa = { .total_frees = &total_frees };
    struct probe pb = { .total_frees = &total_frees };
    struct probe pc = { .total_frees = &total_frees };

    make_socketpair(s);
    int wa = event_add_handle(s[0], EVENT_READABLE, on_watch, &pa, probe_free);
    int wb = event_add_handle(s[0], EVENT_WRITABLE, on_watch, &pb, probe_free);
    tap_ok(scenario_run_until(lut, &pb.calls, 1, 2000) && pa.calls == 0,
           "%s: of two watches on one fd only the writable one fires while "
           "no data is pending", lut->name);
    tap_is_int(pb.events, EVENT_WRITABLE,
               "%s: the writable watch is told writable only", lut->name);
    event_update_handle(wb, 0);
    write_byte(s[1]);
    tap_ok(scenario_run_until(lut, &pa.calls, 1, 2000),
           "%s: the readable watch fires when data arrives", lut->name);
    tap_is_int(pa.events, EVENT_READABLE,
               "%s: the readable watch is told readable only", lut->name);

    int wc = event_add_handle(s[0], EVENT_READABLE, on_watch, &pc, probe_free);
    pa.calls = 0;
    scenario_run_until(lut, &pc.calls, 1, 2000);
    scenario_run_until(lut, &pa.calls, 1, 2000);
    tap_ok(pa.calls >= 1 && pc.calls >= 1,
           "%s: two watches with the same mask on one fd both fire",
           lut->name);
    event_remove_handle(wa);
    pa.calls = pc.calls = 0;
    tap_ok(scenario_run_until(lut, &pc.calls, 2, 2000) && pa.calls == 0,
           "%s: removing one of two watches on an fd leaves the other "
           "firing", lut->name);
    event_remove_handle(wb);
    event_remove_handle(wc);
    scenario_run_until(lut, &total_frees, 3, 2000);
    tap_ok(pa.frees == 1 && pb.frees == 1 && pc.frees == 1,
           "%s: each watch on the shared fd is freed once", lut->name);
    close_pair(s);
}

void
scenario_update_handle(const struct loop_under_test *lut)
{
    struct probe pa = { 0 };
    int s[2];

    make_socketpair(s);
    write_byte(s[1]);
    int w = event_add_handle(s[0], 0, on_watch, &pa, probe_free);
    scenario_iterate(lut, 5);
    tap_is_int(pa.calls, 0, "%s: a watch with an empty mask is never called",
               lut->name);
    event_update_handle(w, EVENT_READABLE);
    tap_ok(scenario_run_until(lut, &pa.calls, 1, 2000),
           "%s: updating the mask to readable enables the watch", lut->name);
    event_update_handle(w, 0);
    scenario_iterate(lut, 2);
    pa.calls = 0;
    scenario_iterate(lut, 5);
    tap_is_int(pa.calls, 0, "%s: updating the mask to 0 disables the watch",
               lut->name);
    event_update_handle(w, EVENT_WRITABLE);
    scenario_run_until(lut, &pa.calls, 1, 2000);
    tap_is_int(pa.events, EVENT_WRITABLE,
               "%s: after updating to writable the watch is told writable "
               "only", lut->name);
    event_remove_handle(w);
    scenario_run_until(lut, &pa.frees, 1, 2000);
    tap_is_int(pa.frees, 1, "%s: the updated watch is freed once", lut->name);
    close_pair(s);
}

#define N_PIPES 500

/* Room for N_PIPES pipes on top of what the process already has open. */
static int
fit_pipes(void)
{
    struct rlimit rl;
    rlim_t want = 2 * N_PIPES + 64;

    if (getrlimit(RLIMIT_NOFILE, &rl) < 0)
        return 0;
    if (rl.rlim_cur < want) {
        rl.rlim_cur = rl.rlim_max < want ? rl.rlim_max : want;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    return rl.rlim_cur >= want ? N_PIPES : (int)(rl.rlim_cur - 64) / 2;
}

void
scenario_many_pipes(const struct loop_under_test *lut)
{
    static int pipes[N_PIPES][2], ids[N_PIPES];
    static struct probe probes[N_PIPES];
    int n = fit_pipes(), total = 0, total_frees = 0, n_once = 0;

    if (n < N_PIPES)
        tap_diag("%s: only room for %d pipes", lut->name, n);
    for (int i = 0; i < n; i++) {
        make_pipe(pipes[i]);
        probes[i] = (struct probe){ .drain = true, .total = &total,
                                    .total_frees = &total_frees };
        ids[i] = event_add_handle(pipes[i][0], EVENT_READABLE, on_watch,
                                  &probes[i], probe_free);
        write_byte(pipes[i][1]);
    }
    tap_ok(scenario_run_until(lut, &total, n, 5000),
           "%s: all %d watched pipes fire", lut->name, n);
    scenario_iterate(lut, 3);
    for (int i = 0; i < n; i++)
        n_once += probes[i].calls == 1;
    tap_is_int(n_once, n, "%s: each pipe's watch fires exactly once",
               lut->name);
    for (int i = 0; i < n; i++)
        event_remove_handle(ids[i]);
    scenario_run_until(lut, &total_frees, n, 5000);
    tap_is_int(total_frees, n, "%s: all %d watches are freed", lut->name, n);
    for (int i = 0; i < n; i++)
        close_pair(pipes[i]);
}

/* ---- Timeouts ---------------------------------------------------------- */

void
scenario_timeouts(const struct loop_under_test *lut)
{
    struct probe pt = { 0 };
    int64_t start;

    int t = event_add_timeout(-1, on_timer, &pt, probe_free);
    tap_ok(t > 0, "%s: adding a timeout returns a positive id", lut->name);
    run_for(lut, 60);
    tap_is_int(pt.calls, 0, "%s: a disabled timeout (-1) never fires",
               lut->name);

    event_update_timeout(t, 0);
    start = now_ms();
    for (int i = 0; i < 5; i++)
        lut->run_once();
    tap_is_int(pt.calls, 5, "%s: a zero timeout fires on every iteration",
               lut->name);
    tap_ok(now_ms() - start < 500,
           "%s: the loop does not block while a zero timeout is armed",
           lut->name);

    event_update_timeout(t, 20);
    pt.calls = 0;
    start = now_ms();
    tap_ok(scenario_run_until(lut, &pt.calls, 3, 2000),
           "%s: a 20 ms timeout fires repeatedly", lut->name);
    tap_ok(now_ms() - start >= 55, "%s: three 20 ms periods take about "
           "60 ms (took %lld)", lut->name, (long long)(now_ms() - start));

    event_update_timeout(t, -1);
    pt.calls = 0;
    run_for(lut, 80);
    tap_is_int(pt.calls, 0, "%s: updating a timeout to -1 disables it",
               lut->name);

    event_update_timeout(t, 40);
    start = now_ms();
    scenario_run_until(lut, &pt.calls, 1, 2000);
    tap_ok(pt.calls == 1 && now_ms() - start >= 35, "%s: re-arming with 40 ms "
           "fires after about 40 ms", lut->name);

    event_remove_timeout(t);
    scenario_run_until(lut, &pt.frees, 1, 2000);
    tap_is_int(pt.frees, 1, "%s: a removed timeout is freed once", lut->name);
}

void
scenario_timeout_removal(const struct loop_under_test *lut)
{
    struct probe pz = { .remove_self = true };
    struct probe pp = { .remove_self = true };
    int total = 0, total_frees = 0, ta, tb;
    struct probe pa = { .other = &tb, .total = &total,
                        .total_frees = &total_frees };
    struct probe pb = { .other = &ta, .total = &total,
                        .total_frees = &total_frees };

    event_add_timeout(0, on_timer, &pz, probe_free);
    scenario_iterate(lut, 5);
    tap_is_int(pz.calls, 1, "%s: removing a zero timeout inside its own "
               "callback stops further calls", lut->name);
    scenario_run_until(lut, &pz.frees, 1, 2000);
    tap_ok(pz.frees == 1 && pz.frees_at_remove == 0, "%s: its free_cb runs "
           "once, after the callback", lut->name);

    event_add_timeout(5, on_timer, &pp, probe_free);
    scenario_run_until(lut, &pp.calls, 1, 2000);
    run_for(lut, 40);
    tap_ok(pp.calls == 1 && pp.frees == 1, "%s: a periodic timeout removed in "
           "its own callback fires once and is freed once", lut->name);

    ta = event_add_timeout(0, on_timer, &pa, probe_free);
    tb = event_add_timeout(0, on_timer, &pb, probe_free);
    scenario_iterate(lut, 3);
    tap_ok(pa.calls + pb.calls >= 1 && (pa.calls == 0 || pb.calls == 0),
           "%s: removing another timeout in the same iteration prevents its "
           "call", lut->name);
    event_remove_timeout(pa.calls ? ta : tb);
    scenario_run_until(lut, &total_frees, 2, 2000);
    tap_ok(pa.frees == 1 && pb.frees == 1,
           "%s: both zero timeouts are freed once", lut->name);
}

/* ---- Changes from another thread ------------------------------------------ */

struct job {
    int    delay_ms;
    void (*fn)(struct job *job);
    int    fd;
    int    id;
    struct probe *probe;
};

static void *
job_main(void *opaque)
{
    struct job *job = opaque;

    sleep_ms(job->delay_ms);
    job->fn(job);
    return NULL;
}

/* Run job on a new thread while the loop blocks (its watchdog only ticks
 * every 5 s), and check that the loop reaches *counter >= want quickly. */
static bool
wakes_loop(const struct loop_under_test *lut, struct job *job,
           const int *counter, int want)
{
    pthread_t thread;
    int64_t start = now_ms();
    bool is_reached;

    job->delay_ms = 50;
    if (pthread_create(&thread, NULL, job_main, job) != 0)
        return false;
    is_reached = run_until_every(lut, counter, want, 3000, 5000);
    pthread_join(thread, NULL);
    if (now_ms() - start >= 1000)
        tap_diag("%s: took %lld ms", lut->name, (long long)(now_ms() - start));
    return is_reached && now_ms() - start < 1000;
}

static void
job_add_watch(struct job *job)
{
    job->id = event_add_handle(job->fd, EVENT_READABLE, on_watch, job->probe,
                               probe_free);
}

static void
job_enable_watch(struct job *job)
{
    event_update_handle(job->id, EVENT_READABLE);
}

static void
job_remove_watch(struct job *job)
{
    event_remove_handle(job->id);
}

static void
job_add_timeout(struct job *job)
{
    job->id = event_add_timeout(0, on_timer, job->probe, probe_free);
}

static void
job_arm_timeout(struct job *job)
{
    event_update_timeout(job->id, 0);
}

static void
job_remove_timeout(struct job *job)
{
    event_remove_timeout(job->id);
}

void
scenario_wakeup(const struct loop_under_test *lut)
{
    struct probe pr = { 0 }, pt = { 0 };
    struct job job = { .probe = &pr };
    int p[2];

    make_pipe(p);
    write_byte(p[1]);
    job.fd = p[0];
    job.fn = job_add_watch;
    tap_ok(wakes_loop(lut, &job, &pr.calls, 1), "%s: a watch added from "
           "another thread wakes the blocked loop and fires", lut->name);
    event_update_handle(job.id, 0);
    scenario_iterate(lut, 2);
    pr.calls = 0;
    job.fn = job_enable_watch;
    tap_ok(wakes_loop(lut, &job, &pr.calls, 1), "%s: a watch enabled from "
           "another thread wakes the blocked loop and fires", lut->name);
    event_update_handle(job.id, 0);
    scenario_iterate(lut, 2);
    job.fn = job_remove_watch;
    tap_ok(wakes_loop(lut, &job, &pr.frees, 1) &&
           pthread_equal(pr.freer, pthread_self()),
           "%s: a watch removed from another thread is freed on the loop "
           "thread", lut->name);
    close_pair(p);

    job = (struct job){ .probe = &pt, .fn = job_add_timeout };
    tap_ok(wakes_loop(lut, &job, &pt.calls, 1), "%s: a zero timeout added "
           "from another thread wakes the blocked loop", lut->name);
    event_update_timeout(job.id, -1);
    scenario_iterate(lut, 2);
    pt.calls = 0;
    job.fn = job_arm_timeout;
    tap_ok(wakes_loop(lut, &job, &pt.calls, 1), "%s: a timeout armed from "
           "another thread wakes the blocked loop", lut->name);
    event_update_timeout(job.id, -1);
    job.fn = job_remove_timeout;
    tap_ok(wakes_loop(lut, &job, &pt.frees, 1) &&
           pthread_equal(pt.freer, pthread_self()),
           "%s: a timeout removed from another thread is freed on the loop "
           "thread", lut->name);
}

/* ---- A loop queue ------------------------------------------------------- */

struct item {
    struct queue_link link;
    int               seq;
};

struct receiver {
    int  count;
    int  last_batch;
    bool is_in_order;
};

static void
on_batch(struct queue_link *batch, void *opaque)
{
    struct receiver *r = opaque;

    r->last_batch = 0;
    for (struct queue_link *l = batch; l != NULL; l = l->next) {
        if (QUEUE_ITEM(l, struct item, link)->seq != r->count)
            r->is_in_order = false;
        r->count++;
        r->last_batch++;
    }
}

struct pusher {
    struct queue *q;
    struct item  *items;
    int           n;
};

static void *
push_later(void *opaque)
{
    struct pusher *p = opaque;

    sleep_ms(30);
    for (int i = 0; i < p->n; i++)
        queue_push(p->q, &p->items[i].link);
    return NULL;
}

void
scenario_loop_queue(const struct loop_under_test *lut)
{
    struct item items[9];
    struct receiver r = { .is_in_order = true };
    struct queue *q = queue_new_loop(on_batch, &r);
    pthread_t thread;

    for (int i = 0; i < 9; i++)
        items[i].seq = i;
    tap_ok(q != NULL, "%s: a loop queue can be made", lut->name);
    if (q == NULL)
        return;
    for (int i = 0; i < 3; i++)
        queue_push(q, &items[i].link);
    struct pusher pusher = { q, items + 3, 3 };
    pthread_create(&thread, NULL, push_later, &pusher);
    scenario_run_until(lut, &r.count, 6, 3000);
    pthread_join(thread, NULL);
    tap_ok(r.count == 6 && r.is_in_order, "%s: a loop queue delivers items "
           "from two threads in push order", lut->name);
    for (int i = 6; i < 9; i++)
        queue_push(q, &items[i].link);
    scenario_run_until(lut, &r.count, 9, 3000);
    tap_ok(r.count == 9 && r.last_batch == 3, "%s: a burst pushed while the "
           "loop is busy arrives as one batch", lut->name);
    queue_free(q);
    scenario_iterate(lut, 2);
}
