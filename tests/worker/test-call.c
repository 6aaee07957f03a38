/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-call.c: drivers/call.h, with the libuv loop turning on the test's
 * main thread: calls answered at once; calls that wait and are answered
 * later from a timer, a watch or a child's exit, and run again to replay
 * the answers in order; deadlines (the error, on_abandon once, a late
 * answer ignored and its data freed); cancellation of queued and waiting
 * calls, by worker_cancel_calls() and by the worker's exit; and thousands
 * of calls in flight from several threads.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "drivers/call.h"
#include "drivers/error.h"
#include "drivers/worker.h"
#include "drivers/worker_child.h"
#include "drivers/worker_timer.h"
#include "drivers/worker_watch.h"
#include "loop/uv_impl.h"
#include "tests/tap.h"
#include "tests/worker/worker-test.h"

/* What a test call's run does. */
enum kind {
    AT_ONCE,        /* returns 42 */
    FAILS,          /* fails at once */
    BY_TIMER,       /* waits n_waits times, each answered by a timer */
    BY_WATCH,       /* waits for a byte on a pipe */
    BY_CHILD,       /* waits for a child's exit status */
    NEVER,          /* waits for an answer that never comes */
    AT_ONCE_AFTER_WAIT,   /* waits, and answers itself in the same run */
};

#define MAX_WAITS 4

/* A call and what the test saw of it. The run, the answers and done run
 * on the worker; the test reads the record after n_done moved, or after a
 * worker_call(). */
struct tcall {
    struct call          call;
    struct vireo_error   err;
    struct worker       *w;
    enum kind            kind;
    int                  n_waits;
    int                  answer_ms;     /* BY_TIMER */
    int                  deadline_ms;
    int                  answer_rc;     /* BY_TIMER: rc of a failing answer */
    bool                 is_answer_late;   /* NEVER: answer from on_abandon */

    /* Pending work, forgotten on abandon. */
    struct worker_timer *timer;
    struct worker_watch *watch;
    struct worker_child *child;
    int                  read_fd, write_fd;   /* BY_WATCH */

    int                  n_runs;
    bool                 was_current;
    int                  replayed[MAX_WAITS];
    char                 replayed_data[MAX_WAITS][16];
    int                  n_replayed;
    int                  n_abandoned;
    int                  rc;
    bool                 was_done_on_worker;
    atomic_int           n_waiting;    /* runs that ended waiting */
    atomic_int           n_done;
    atomic_int          *n_done_total;
};

static struct worker *w;
static pthread_t worker_thread;
static atomic_int n_data_freed;

static void
free_data(void *data)
{
    atomic_fetch_add(&n_data_freed, 1);
    free(data);
}

/* Data for an answer: "<word><n>", freed with free_data. */
static char *
text(const char *word, int n)
{
    char *s = malloc(16);

    snprintf(s, 16, "%s%d", word, n);
    return s;
}

static void
note_worker_thread(void *arg)
{
    (void)arg;
    worker_thread = pthread_self();
}

/* ---- the pending work, and forgetting it -------------------------------- */

static void
forget(struct tcall *t)
{
    worker_timer_free(t->timer);
    t->timer = NULL;
    worker_watch_free(t->watch);
    t->watch = NULL;
    worker_child_free(t->child);
    t->child = NULL;
}

static void
on_abandon(void *opaque)
{
    struct tcall *t = opaque;

    t->n_abandoned++;
    forget(t);
    if (t->is_answer_late)
        call_answer(&t->call, 1, NULL, text("late", 0), free_data);
}

/* The answer to wait number n_runs - 1. */
static void
on_timer(struct worker_timer *timer, void *opaque)
{
    struct tcall *t = opaque;
    int step = t->n_runs - 1;
    struct vireo_error err = { 0 };

    worker_timer_free(timer);
    t->timer = NULL;
    if (t->answer_rc < 0) {
        error_set(&err, VIR_ERR_OPERATION_FAILED, VIR_FROM_NONE,
                  "the timer says no");
        call_answer(&t->call, -1, &err, NULL, NULL);
        return;
    }
    call_answer(&t->call, 10 * (step + 1), NULL, text("step", step),
                free_data);
}

static void
on_byte(struct worker_watch *ww, int fd, int events, void *opaque)
{
    struct tcall *t = opaque;
    unsigned char byte = 0;

    if (read(fd, &byte, 1) != 1) {
        worker_watch_resume(ww, EVENT_READABLE);
        return;
    }
    worker_watch_free(ww);
    t->watch = NULL;
    call_answer(&t->call, byte, NULL, NULL, NULL);
}

static void
on_child_exit(struct worker_child *c, int status, void *opaque)
{
    struct tcall *t = opaque;

    worker_child_free(c);
    t->child = NULL;
    call_answer(&t->call, WEXITSTATUS(status), NULL, NULL, NULL);
}

/* Start what the call waits for; false if that failed (err set). */
static bool
start_waiting(struct tcall *t)
{
    static const char *const argv[] = { "/bin/sh", "-c", "exit 5", NULL };
    struct worker_child_spec spec = {
        .argv = argv, .stdin_fd = -1, .stdout_fd = -1, .stderr_fd = -1 };

    switch (t->kind) {
    case BY_TIMER:
        t->timer = worker_timer_new(t->w, on_timer, t);
        worker_timer_arm(t->timer, t->answer_ms);
        return true;
    case BY_WATCH:
        t->watch = worker_watch_new(t->w, t->read_fd, EVENT_READABLE,
                                    on_byte, t, &t->err);
        return t->watch != NULL;
    case BY_CHILD:
        t->child = worker_child_spawn(t->w, &spec, on_child_exit, t, &t->err);
        return t->child != NULL;
    default:
        return true;
    }
}

/* ---- the call ---------------------------------------------------------- */

/* Replay what was answered, wait for the next answer, or finish. */
static int
run(struct call *c, void *opaque)
{
    struct tcall *t = opaque;
    int rc, sum = 0;
    void *data;

    t->n_runs++;
    t->was_current = call_current() == c;
    if (t->kind == AT_ONCE)
        return 42;
    if (t->kind == FAILS)
        return error_set(&t->err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                         "the call says no");
    t->n_replayed = 0;
    for (int step = 0; step < t->n_waits; step++) {
        data = NULL;
        if (call_replay(c, &rc, &t->err, &data)) {
            t->replayed[t->n_replayed] = rc;
            snprintf(t->replayed_data[t->n_replayed++], 16, "%s",
                     data != NULL ? (char *)data : "");
            if (rc < 0)
                return -1;
            sum += rc;
            continue;
        }
        if (!start_waiting(t))
            return -1;
        call_wait(c, t->deadline_ms, "the test's answer", on_abandon, t);
        atomic_fetch_add(&t->n_waiting, 1);
        if (t->kind == AT_ONCE_AFTER_WAIT)
            call_answer(c, 7, NULL, NULL, NULL);
        return -1;   /* ignored: the call waits */
    }
    return sum;
}

static void
done(struct call *c, int rc, void *opaque)
{
    struct tcall *t = opaque;

    t->rc = rc;
    t->was_done_on_worker = pthread_equal(pthread_self(), worker_thread);
    atomic_fetch_add(&t->n_done, 1);
    if (t->n_done_total != NULL)
        atomic_fetch_add(t->n_done_total, 1);
}

static struct tcall *
tcall_new(enum kind kind, int n_waits)
{
    struct tcall *t = calloc(1, sizeof(*t));

    t->w = w;
    t->kind = kind;
    t->n_waits = n_waits;
    t->answer_ms = 10;
    t->deadline_ms = 10000;
    t->read_fd = t->write_fd = -1;
    call_init(&t->call, run, done, t, &t->err);
    return t;
}

static bool
submit(struct tcall *t)
{
    return call_submit(t->w, &t->call);
}

/* Turn the loop until t is done (the loop carries watches and exits). */
static bool
wait_done(struct tcall *t)
{
    return loop_until(uv_impl_run_once, &t->n_done, 1, 10000);
}

static void
sync_with_worker(void)
{
    worker_call(w, do_nothing, NULL);
}

/* ---- answered at once -------------------------------------------------- */

struct current_probe {
    bool is_null;
};

static void
probe_current(void *arg)
{
    ((struct current_probe *)arg)->is_null = call_current() == NULL;
}

static void
test_at_once(void)
{
    struct tcall *t = tcall_new(AT_ONCE, 0);
    struct current_probe p = { false };

    tap_ok(submit(t) && wait_done(t), "a call answered at once is done");
    sync_with_worker();
    tap_ok(t->rc == 42 && t->n_runs == 1 && atomic_load(&t->n_done) == 1,
           "once, with the run's result, after one run");
    tap_ok(t->was_current, "call_current() is the call while it runs");
    tap_ok(t->was_done_on_worker, "done runs on the worker's thread");
    worker_call(w, probe_current, &p);
    tap_ok(call_current() == NULL && p.is_null, "call_current() is NULL "
           "outside a call, on the worker and elsewhere");
    free(t);

    t = tcall_new(FAILS, 0);
    submit(t);
    wait_done(t);
    sync_with_worker();
    tap_ok(t->rc == -1 && t->err.code == VIR_ERR_INVALID_ARG,
           "a call that fails at once is done with its error");
    free(t);
}

/* ---- answered later ---------------------------------------------------- */

static void
test_by_timer(void)
{
    struct tcall *t = tcall_new(BY_TIMER, 1);
    int n_freed0 = atomic_load(&n_data_freed);

    submit(t);
    tap_ok(wait_done(t), "a call answered later by a timer is done");
    sync_with_worker();
    tap_ok(t->rc == 10 && t->n_runs == 2 && atomic_load(&t->n_done) == 1,
           "once, after running again to replay the answer");
    tap_ok(t->n_replayed == 1 && strcmp(t->replayed_data[0], "step0") == 0,
           "the replay hands over the answer's data");
    tap_is_int(atomic_load(&n_data_freed) - n_freed0, 1, "which is freed "
               "when the call completes");
    tap_is_int(t->n_abandoned, 0, "an answered call is not abandoned");
    free(t);

    t = tcall_new(BY_TIMER, 1);
    t->answer_rc = -1;
    submit(t);
    wait_done(t);
    sync_with_worker();
    tap_ok(t->rc == -1 && t->err.code == VIR_ERR_OPERATION_FAILED &&
           strstr(t->err.message, "the timer says no") != NULL,
           "an answer that is an error reaches the caller as the call's "
           "error");
    free(t);
}

static void
test_waits_twice(void)
{
    struct tcall *t = tcall_new(BY_TIMER, 2);

    submit(t);
    tap_ok(wait_done(t), "a call that waits twice is done");
    sync_with_worker();
    tap_ok(t->n_runs == 3 && t->rc == 30, "after three runs, with both "
           "answers");
    tap_ok(t->n_replayed == 2 && t->replayed[0] == 10 &&
           t->replayed[1] == 20 &&
           strcmp(t->replayed_data[0], "step0") == 0 &&
           strcmp(t->replayed_data[1], "step1") == 0,
           "the last run replays the answers in the order they came");
    free(t);
}

static void
test_by_watch(void)
{
    struct tcall *t = tcall_new(BY_WATCH, 1);
    unsigned char byte = 9;
    int fds[2];

    if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) < 0)
        abort();
    t->read_fd = fds[0];
    t->write_fd = fds[1];
    submit(t);
    loop_until(uv_impl_run_once, &t->n_waiting, 1, 5000);
    if (write(fds[1], &byte, 1) != 1)
        abort();
    tap_ok(wait_done(t), "a call waiting for a watch is done when the fd is "
           "ready");
    sync_with_worker();
    tap_ok(t->rc == 9 && t->n_runs == 2, "with what the watch read");
    close(fds[1]);
    loop_for(uv_impl_run_once, 10);   /* the loop closes the read end */
    free(t);
}

static void
test_by_child(void)
{
    struct tcall *t = tcall_new(BY_CHILD, 1);

    submit(t);
    tap_ok(wait_done(t), "a call waiting for a child's exit is done when it "
           "exits");
    sync_with_worker();
    tap_ok(t->rc == 5 && t->n_runs == 2, "with the exit status");
    free(t);
}

static void
test_answer_in_run(void)
{
    struct tcall *t = tcall_new(AT_ONCE_AFTER_WAIT, 1);

    submit(t);
    wait_done(t);
    sync_with_worker();
    tap_ok(t->rc == 7 && t->n_runs == 2 && atomic_load(&t->n_done) == 1,
           "a call answered inside the run that waits runs again, once");
    free(t);
}

/* ---- deadlines --------------------------------------------------------- */

static void
answer_late(void *arg)
{
    struct tcall *t = arg;

    call_answer(&t->call, 1, NULL, text("late", 1), free_data);
}

static void
test_deadline(void)
{
    struct tcall *t = tcall_new(NEVER, 1);
    int64_t t0 = now_ms();
    int n_freed0;

    t->deadline_ms = 50;
    submit(t);
    tap_ok(wait_done(t), "a call that is never answered ends at its "
           "deadline");
    sync_with_worker();
    tap_ok(now_ms() - t0 >= 50, "not before it");
    tap_ok(t->rc == -1 && t->err.code == VIR_ERR_OPERATION_TIMEOUT,
           "with VIR_ERR_OPERATION_TIMEOUT");
    tap_is_str(t->err.message, "Timed out during operation: waited 50 ms "
               "for the test's answer", "the message says what was awaited "
               "and how long");
    tap_is_int(t->n_abandoned, 1, "on_abandon ran once");
    n_freed0 = atomic_load(&n_data_freed);
    worker_call(w, answer_late, t);
    sync_with_worker();
    tap_ok(atomic_load(&t->n_done) == 1 &&
           atomic_load(&n_data_freed) == n_freed0 + 1,
           "a late call_answer() is ignored and its data freed");
    free(t);

    t = tcall_new(NEVER, 1);
    t->deadline_ms = 20;
    t->is_answer_late = true;
    n_freed0 = atomic_load(&n_data_freed);
    submit(t);
    wait_done(t);
    sync_with_worker();
    tap_ok(t->err.code == VIR_ERR_OPERATION_TIMEOUT &&
           atomic_load(&t->n_done) == 1 &&
           atomic_load(&n_data_freed) == n_freed0 + 1,
           "an answer given from on_abandon is ignored too, its data freed");
    free(t);
}

/* ---- cancellation ------------------------------------------------------ */

#define N_QUEUED 10
#define N_WAITING 5

static int
n_with(struct tcall **ts, int n, int code, int n_runs)
{
    int k = 0;

    for (int i = 0; i < n; i++)
        k += atomic_load(&ts[i]->n_done) == 1 && ts[i]->rc == -1 &&
             ts[i]->err.code == code && ts[i]->n_runs == n_runs;
    return k;
}

static int
n_abandoned_once(struct tcall **ts, int n)
{
    int k = 0;

    for (int i = 0; i < n; i++)
        k += ts[i]->n_abandoned == 1;
    return k;
}

static void
free_all(struct tcall **ts, int n)
{
    for (int i = 0; i < n; i++)
        free(ts[i]);
}

/* Answer t, then hold the worker at the gate: t's next run is queued. */
struct answer_then_hold {
    struct tcall *t;
    struct gate  *gate;
};

static void
answer_then_hold(void *arg)
{
    struct answer_then_hold *a = arg;

    call_answer(&a->t->call, 3, NULL, text("held", 0), free_data);
    gate_pass(a->gate);
}

static void
test_cancel_calls(void)
{
    struct tcall *queued[N_QUEUED], *waiting[N_WAITING], *later, *answered;
    struct gate gate = GATE_INIT;
    struct answer_then_hold a = { .gate = &gate };
    atomic_int n_done = 0;
    int n_freed0;

    for (int i = 0; i < N_WAITING; i++) {
        waiting[i] = tcall_new(BY_TIMER, 1);
        waiting[i]->answer_ms = 20000;
        waiting[i]->deadline_ms = 30000;
        waiting[i]->n_done_total = &n_done;
        submit(waiting[i]);
    }
    answered = tcall_new(NEVER, 1);
    submit(answered);
    sync_with_worker();
    a.t = answered;
    worker_submit(w, answer_then_hold, &a);
    gate_wait_entered(&gate);
    for (int i = 0; i < N_QUEUED; i++) {
        queued[i] = tcall_new(AT_ONCE, 0);
        submit(queued[i]);
    }
    n_freed0 = atomic_load(&n_data_freed);
    worker_cancel_calls(w);
    later = tcall_new(AT_ONCE, 0);
    tap_ok(submit(later), "a worker that cancels calls still takes them");
    gate_open(&gate);
    tap_ok(wait_for(&n_done, N_WAITING, 5000), "worker_cancel_calls() ends "
           "the waiting calls at once, not at their deadlines");
    wait_for(&later->n_done, 1, 5000);
    sync_with_worker();
    tap_is_int(n_with(waiting, N_WAITING, VIR_ERR_OPERATION_ABORTED, 1),
               N_WAITING, "each once, with VIR_ERR_OPERATION_ABORTED");
    tap_is_int(n_abandoned_once(waiting, N_WAITING), N_WAITING,
               "and on_abandon ran once for each");
    tap_is_int(n_with(queued, N_QUEUED, VIR_ERR_OPERATION_ABORTED, 0),
               N_QUEUED, "the calls still queued end with "
               "VIR_ERR_OPERATION_ABORTED, not run");
    tap_is_int(n_with(&later, 1, VIR_ERR_OPERATION_ABORTED, 0), 1,
               "so does a call submitted after");
    tap_ok(n_with(&answered, 1, VIR_ERR_OPERATION_ABORTED, 1) == 1 &&
           answered->n_abandoned == 0 &&
           atomic_load(&n_data_freed) == n_freed0 + 1, "a call answered but "
           "not yet run again ends the same way, its answer's data freed");
    free_all(waiting, N_WAITING);
    free_all(queued, N_QUEUED);
    free(later);
    free(answered);

    /* The worker keeps cancelling: the rest of the tests get a new one. */
    worker_stop(w);
    w = worker_new("test-call");
    worker_call(w, note_worker_thread, NULL);
}

static void
test_exit_abandons(void)
{
    struct worker *old = w;
    struct tcall *waiting[N_WAITING], *refused;
    struct gate gate = GATE_INIT;
    pthread_t stopper;

    for (int i = 0; i < N_WAITING; i++) {
        waiting[i] = tcall_new(BY_TIMER, 1);
        waiting[i]->answer_ms = 20000;
        submit(waiting[i]);
    }
    sync_with_worker();
    worker_submit(old, gate_pass, &gate);
    gate_wait_entered(&gate);
    pthread_create(&stopper, NULL, stop_worker_thread, old);
    wait_refusing(old, 10000);
    refused = tcall_new(AT_ONCE, 0);
    tap_ok(!submit(refused), "call_submit() says false once the worker is "
           "stopping");
    gate_open(&gate);
    pthread_join(stopper, NULL);
    tap_is_int(n_with(waiting, N_WAITING, VIR_ERR_OPERATION_ABORTED, 1),
               N_WAITING, "a worker that exits ends its waiting calls with "
               "VIR_ERR_OPERATION_ABORTED");
    tap_ok(n_abandoned_once(waiting, N_WAITING) == N_WAITING &&
           strstr(waiting[0]->err.message, "shutting down") != NULL,
           "on_abandon once each, and the message says why");
    tap_ok(atomic_load(&refused->n_done) == 0, "a refused call is never "
           "done: it is still the caller's");
    free_all(waiting, N_WAITING);
    free(refused);
    w = worker_new("test-call");
    worker_call(w, note_worker_thread, NULL);
}

/* ---- many calls -------------------------------------------------------- */

#define N_CALLERS 4
#define N_EACH 2500

struct caller {
    struct tcall *calls[N_EACH];
    atomic_int    n_done;
    unsigned      seed;
    int           n_wrong;
};

static void *
caller_thread(void *arg)
{
    struct caller *c = arg;

    for (int i = 0; i < N_EACH; i++) {
        int pick = rand_r(&c->seed) % 4;
        struct tcall *t = tcall_new(pick == 0 ? AT_ONCE
                                    : pick == 3 ? NEVER : BY_TIMER,
                                    pick == 2 ? 2 : 1);

        t->answer_ms = rand_r(&c->seed) % 20;
        t->deadline_ms = pick == 3 ? 1 + rand_r(&c->seed) % 20 : 10000;
        t->n_done_total = &c->n_done;
        c->calls[i] = t;
        if (!submit(t))
            c->n_wrong++;
    }
    return NULL;
}

static bool
is_right(const struct tcall *t)
{
    if (atomic_load(&t->n_done) != 1)
        return false;
    switch (t->kind) {
    case AT_ONCE:
        return t->rc == 42;
    case NEVER:
        return t->rc == -1 && t->err.code == VIR_ERR_OPERATION_TIMEOUT &&
               t->n_abandoned == 1;
    default:
        return t->rc == (t->n_waits == 2 ? 30 : 10) && t->n_abandoned == 0;
    }
}

static void
test_many(void)
{
    static struct caller callers[N_CALLERS];
    pthread_t threads[N_CALLERS];
    int n_done = 0, n_wrong = 0;
    int64_t end;

    for (int i = 0; i < N_CALLERS; i++) {
        callers[i].seed = (unsigned)time(NULL) + (unsigned)i;
        pthread_create(&threads[i], NULL, caller_thread, &callers[i]);
    }
    for (int i = 0; i < N_CALLERS; i++)
        pthread_join(threads[i], NULL);
    end = now_ms() + 60000;
    for (int i = 0; i < N_CALLERS; i++)
        while (atomic_load(&callers[i].n_done) < N_EACH && now_ms() < end)
            sleep_ms(5);
    sync_with_worker();
    for (int i = 0; i < N_CALLERS; i++) {
        n_done += atomic_load(&callers[i].n_done);
        n_wrong += callers[i].n_wrong;
        for (int j = 0; j < N_EACH; j++) {
            n_wrong += !is_right(callers[i].calls[j]);
            free(callers[i].calls[j]);
        }
    }
    tap_is_int(n_done, N_CALLERS * N_EACH, "%d calls from %d threads, "
               "answered at once, by timers, once or twice, or timing out, "
               "are all done", N_CALLERS * N_EACH, N_CALLERS);
    tap_is_int(n_wrong, 0, "each once, with its own result");
}

int
main(void)
{
    alarm(120);
    tap_plan(6 + 6 + 3 + 2 + 2 + 1 + 7 + 7 + 4 + 2);
    uv_impl_register();
    w = worker_new("test-call");
    worker_call(w, note_worker_thread, NULL);
    test_at_once();
    test_by_timer();
    test_waits_twice();
    test_by_watch();
    test_by_child();
    test_answer_in_run();
    test_deadline();
    test_cancel_calls();
    test_exit_abandons();
    test_many();
    worker_stop(w);
    loop_for(uv_impl_run_once, 20);   /* the loop lets go of the watches */
    return tap_done();
}
