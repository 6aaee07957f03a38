/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-worker.c: drivers/worker.h: jobs run in push order on the worker's
 * own thread; a job that is a call (it has a cancel) is cancelled instead
 * of run once the worker cancels calls or stops, any other job always
 * runs; worker_call runs inline on the worker and waits on other threads;
 * a worker stops from another thread, or from itself with its on_exit as
 * its last act; a job that may block first sends the wake-ups its batch
 * held back; the after-job hook runs after every job and every round of
 * timers.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/worker.h"
#include "drivers/worker_timer.h"
#include "loop/queue.h"
#include "loop/queue_defer.h"
#include "tests/tap.h"
#include "tests/worker/worker-test.h"

/* ---- jobs run in order on one thread ----------------------------------- */

#define N_JOBS 10000

static int order[N_JOBS];
static atomic_int n_done;
static pthread_t ran_on;
static atomic_int n_wrong_thread;
static atomic_int n_not_current;

static void
record(void *arg)
{
    int i = atomic_fetch_add(&n_done, 1);

    order[i] = (int)(long)arg;
    if (!pthread_equal(pthread_self(), ran_on) && i > 0)
        atomic_fetch_add(&n_wrong_thread, 1);
    if (worker_current() == NULL)
        atomic_fetch_add(&n_not_current, 1);
    if (i == 0)
        ran_on = pthread_self();
}

static bool
in_order(void)
{
    for (int i = 0; i < N_JOBS; i++)
        if (order[i] != i)
            return false;
    return true;
}

static void
test_order(void)
{
    struct worker *w;
    bool all_taken = true;

    w = worker_new("test-worker");
    tap_ok(w != NULL, "a worker starts");
    tap_ok(worker_current() == NULL,
           "worker_current() is NULL on a thread that is no worker");
    for (long i = 0; i < N_JOBS; i++)
        all_taken &= worker_submit(w, record, (void *)i);
    tap_ok(all_taken, "it takes %d jobs", N_JOBS);
    worker_stop(w);
    tap_is_int(atomic_load(&n_done), N_JOBS,
               "stopping runs every queued job before joining");
    tap_ok(in_order(), "jobs ran in submission order");
    tap_ok(!pthread_equal(ran_on, pthread_self()),
           "jobs ran on the worker's thread, not the submitter's");
    tap_is_int(atomic_load(&n_wrong_thread), 0, "all on that one thread");
    tap_is_int(atomic_load(&n_not_current), 0,
               "worker_current() names the worker inside its jobs");
    worker_stop(NULL);
    tap_ok(true, "worker_stop(NULL) does nothing");
}

/* ---- run or cancel ----------------------------------------------------- */

/* A job that writes "r<id> " when run and "c<id> " when cancelled into a
 * log only the worker writes; the test reads it after a worker_call() or
 * once the worker is joined. */
struct logged_job {
    struct worker_job job;
    int               id;
    char             *log;
};

static void
log_run(struct worker_job *job)
{
    struct logged_job *j = (struct logged_job *)job;

    sprintf(j->log + strlen(j->log), "r%d ", j->id);
}

static void
log_cancel(struct worker_job *job)
{
    struct logged_job *j = (struct logged_job *)job;

    sprintf(j->log + strlen(j->log), "c%d ", j->id);
}

static void
logged_init(struct logged_job *j, int id, bool is_call, char *log)
{
    j->job = (struct worker_job){ .run = log_run,
                                  .cancel = is_call ? log_cancel : NULL };
    j->id = id;
    j->log = log;
}

static void
test_run_or_cancel(void)
{
    static char log[256];
    struct logged_job jobs[8];
    struct gate gate = GATE_INIT;
    struct worker *w = worker_new("test-cancel");

    logged_init(&jobs[1], 1, true, log);
    logged_init(&jobs[2], 2, false, log);
    worker_push(w, &jobs[1].job);
    worker_push(w, &jobs[2].job);
    worker_call(w, do_nothing, NULL);
    tap_is_str(log, "r1 r2 ",
               "jobs run, calls included, while the worker takes calls");

    log[0] = '\0';
    worker_submit(w, gate_pass, &gate);
    gate_wait_entered(&gate);
    for (int i = 3; i <= 5; i++) {
        logged_init(&jobs[i], i, i != 4, log);
        worker_push(w, &jobs[i].job);
    }
    worker_cancel_calls(w);
    logged_init(&jobs[6], 6, true, log);
    logged_init(&jobs[7], 7, false, log);
    tap_ok(worker_push(w, &jobs[6].job) && worker_push(w, &jobs[7].job),
           "a worker that cancels calls still takes jobs");
    gate_open(&gate);
    worker_call(w, do_nothing, NULL);
    tap_is_str(log, "c3 r4 c5 c6 r7 ", "after worker_cancel_calls, calls "
               "queued before and pushed after are cancelled in order, and "
               "jobs without cancel still run");
    worker_stop(w);
}

static void
test_stop_cancels_calls(void)
{
    static char log[256];
    struct logged_job jobs[4], refused;
    struct gate gate = GATE_INIT;
    struct worker *w = worker_new("test-stop");
    pthread_t stopper;

    worker_submit(w, gate_pass, &gate);
    gate_wait_entered(&gate);
    logged_init(&jobs[1], 1, true, log);
    logged_init(&jobs[2], 2, false, log);
    logged_init(&jobs[3], 3, true, log);
    for (int i = 1; i <= 3; i++)
        worker_push(w, &jobs[i].job);
    pthread_create(&stopper, NULL, stop_worker_thread, w);
    tap_ok(wait_refusing(w, 10000),
           "a worker being stopped refuses new jobs");
    logged_init(&refused, 9, false, log);
    tap_ok(!worker_push(w, &refused.job),
           "worker_push() says false once the worker is stopping");
    gate_open(&gate);
    pthread_join(stopper, NULL);
    tap_is_str(log, "c1 r2 c3 ", "stopping cancels the queued calls, runs "
               "the other queued jobs, and never touches a refused job");
}

/* ---- worker_call ------------------------------------------------------- */

struct call_probe {
    struct worker *w;
    pthread_t      thread;
    bool           has_run;
    bool           was_inline;
    bool           inner_result;
    int            n;
};

static void
probe_note(void *arg)
{
    struct call_probe *p = arg;

    p->thread = pthread_self();
    p->has_run = true;
}

/* On the worker: worker_call() again, which must run at once. */
static void
probe_nested(void *arg)
{
    struct call_probe *p = arg;
    struct call_probe inner = { 0 };

    p->inner_result = worker_call(p->w, probe_note, &inner);
    p->was_inline = inner.has_run && pthread_equal(inner.thread,
                                                   pthread_self());
    p->has_run = true;
}

static void
probe_count(void *arg)
{
    ((struct call_probe *)arg)->n++;
}

#define N_CALLERS 4
#define N_CALLS_EACH 500

static void *
caller_thread(void *arg)
{
    struct call_probe *p = arg;

    for (int i = 0; i < N_CALLS_EACH; i++)
        worker_call(p->w, probe_count, p);
    return NULL;
}

static void
test_worker_call(void)
{
    struct worker *w = worker_new("test-call");
    struct call_probe p = { .w = w };
    pthread_t callers[N_CALLERS];
    bool is_ok;

    is_ok = worker_call(w, probe_note, &p);
    tap_ok(is_ok && p.has_run, "worker_call() from another thread returns "
           "true once fn has run");
    tap_ok(!pthread_equal(p.thread, pthread_self()),
           "worker_call() ran fn on the worker, not on the caller");

    memset(&p, 0, sizeof(p));
    p.w = w;
    worker_call(w, probe_nested, &p);
    tap_ok(p.inner_result && p.was_inline, "worker_call() on the worker "
           "itself runs fn at once, on the worker, and returns true");

    memset(&p, 0, sizeof(p));
    p.w = w;
    for (int i = 0; i < N_CALLERS; i++)
        pthread_create(&callers[i], NULL, caller_thread, &p);
    for (int i = 0; i < N_CALLERS; i++)
        pthread_join(callers[i], NULL);
    tap_is_int(p.n, N_CALLERS * N_CALLS_EACH, "%d threads calling at once "
               "each wait for their own call", N_CALLERS);
    worker_stop(w);
}

struct draining {
    struct worker    *w;
    struct worker_job job;
    bool              inner_result;
    bool              inner_has_run;
};

/* A job without cancel, run while the worker stops. */
static void
draining_run(struct worker_job *job)
{
    struct draining *d = (struct draining *)((char *)job -
                                             offsetof(struct draining, job));
    struct call_probe inner = { 0 };

    d->inner_result = worker_call(d->w, probe_note, &inner);
    d->inner_has_run = inner.has_run;
}

static void
test_worker_call_stopping(void)
{
    struct worker *w = worker_new("test-call-stop");
    struct gate gate = GATE_INIT;
    struct draining d = { .w = w, .job = { .run = draining_run } };
    struct call_probe p = { .w = w };
    pthread_t stopper;

    worker_submit(w, gate_pass, &gate);
    gate_wait_entered(&gate);
    worker_push(w, &d.job);
    pthread_create(&stopper, NULL, stop_worker_thread, w);
    wait_refusing(w, 10000);
    tap_ok(!worker_call(w, probe_note, &p) && !p.has_run,
           "worker_call() from another thread says false once the worker "
           "is stopping, and fn does not run");
    gate_open(&gate);
    pthread_join(stopper, NULL);
    tap_ok(d.inner_result && d.inner_has_run, "a job the stopping worker "
           "still runs may worker_call() its own worker: fn runs at once");
}

/* ---- worker_stop_self -------------------------------------------------- */

struct self_stop {
    struct worker    *w;
    struct worker_job job;
    worker_fn         on_exit;
    char              log[256];
    bool              push_after_refused;
    pthread_t         worker_thread;
    bool              exit_on_worker;
    bool              exit_had_current;
    atomic_int        has_exited;
};

/* The job that stops its own worker; the rest of the batch is queued
 * behind it. */
static void
self_stop_run(struct worker_job *job)
{
    struct self_stop *s = (struct self_stop *)((char *)job -
                                               offsetof(struct self_stop,
                                                        job));
    strcat(s->log, "stop ");
    s->worker_thread = pthread_self();
    worker_stop_self(s->w, s->on_exit, s);
    s->push_after_refused = !worker_submit(s->w, do_nothing, NULL);
}

static void
self_stop_exit(void *arg)
{
    struct self_stop *s = arg;

    strcat(s->log, "exit");
    s->exit_on_worker = pthread_equal(pthread_self(), s->worker_thread);
    s->exit_had_current = worker_current() != NULL;
    atomic_store(&s->has_exited, 1);
}

static void
wait_n_threads(int n)
{
    for (int64_t end = now_ms() + 10000; n_threads() != n && now_ms() < end;)
        sleep_ms(1);
}

static void
test_stop_self(void)
{
    static struct self_stop s;
    struct logged_job jobs[3];
    struct gate gate = GATE_INIT;
    int threads_before = n_threads();

    s.w = worker_new("test-self");
    s.job = (struct worker_job){ .run = self_stop_run };
    s.on_exit = self_stop_exit;
    worker_submit(s.w, gate_pass, &gate);
    gate_wait_entered(&gate);
    worker_push(s.w, &s.job);
    logged_init(&jobs[1], 1, true, s.log);
    logged_init(&jobs[2], 2, false, s.log);
    worker_push(s.w, &jobs[1].job);
    worker_push(s.w, &jobs[2].job);
    gate_open(&gate);
    tap_ok(wait_for(&s.has_exited, 1, 10000),
           "a worker stopped from its own job exits by itself");
    tap_is_str(s.log, "stop c1 r2 exit", "the jobs queued behind are "
               "cancelled (calls) or run, and on_exit comes last");
    tap_ok(s.push_after_refused,
           "after worker_stop_self() the worker takes no more jobs");
    tap_ok(s.exit_on_worker && !s.exit_had_current, "on_exit runs on the "
           "worker's thread once the worker is gone");
    wait_n_threads(threads_before);
    tap_is_int(n_threads(), threads_before,
               "the thread of a self-stopped worker ends");

    /* on_exit is optional. */
    memset(&s, 0, sizeof(s));
    s.w = worker_new("test-self-2");
    s.job = (struct worker_job){ .run = self_stop_run };
    worker_push(s.w, &s.job);
    wait_n_threads(threads_before);
    tap_is_int(n_threads(), threads_before,
               "a worker stopped from its own job without on_exit ends too");
}

/* ---- stopping while others push ---------------------------------------- */

#define N_PUSHERS 3

struct pusher {
    struct worker *w;
    atomic_int    *n_run;
    atomic_int    *n_cancelled;
    int            n_taken;
};

struct counted_job {
    struct worker_job job;
    atomic_int       *n_run, *n_cancelled;
};

static void
counted_run(struct worker_job *job)
{
    struct counted_job *j = (struct counted_job *)job;

    atomic_fetch_add(j->n_run, 1);
    free(j);
}

static void
counted_cancel(struct worker_job *job)
{
    struct counted_job *j = (struct counted_job *)job;

    atomic_fetch_add(j->n_cancelled, 1);
    free(j);
}

static void *
pusher_thread(void *arg)
{
    struct pusher *p = arg;

    for (int i = 0;; i++) {
        struct counted_job *j = malloc(sizeof(*j));

        j->job = (struct worker_job){
            .run = counted_run, .cancel = i % 2 ? counted_cancel : NULL };
        j->n_run = p->n_run;
        j->n_cancelled = p->n_cancelled;
        if (!worker_push(p->w, &j->job)) {
            free(j);   /* refused: still ours */
            return NULL;
        }
        p->n_taken++;
    }
}

/* The pushers stop at the first refusal, but a pusher may still be inside
 * worker_push() then: a gate queued before the stop keeps the worker (and
 * its memory) until they are joined. The worker keeps running the jobs
 * queued before the gate meanwhile, so the stop lands on a busy worker. */
static void
test_stop_while_pushing(void)
{
    atomic_int n_run = 0, n_cancelled = 0;
    struct pusher pushers[N_PUSHERS];
    pthread_t threads[N_PUSHERS], stopper;
    struct gate gate = GATE_INIT;
    struct worker *w = worker_new("test-race");
    int n_taken = 0;

    for (int i = 0; i < N_PUSHERS; i++) {
        pushers[i] = (struct pusher){ w, &n_run, &n_cancelled, 0 };
        pthread_create(&threads[i], NULL, pusher_thread, &pushers[i]);
    }
    sleep_ms(20);
    worker_submit(w, gate_pass, &gate);
    pthread_create(&stopper, NULL, stop_worker_thread, w);
    for (int i = 0; i < N_PUSHERS; i++) {
        pthread_join(threads[i], NULL);
        n_taken += pushers[i].n_taken;
    }
    gate_open(&gate);
    pthread_join(stopper, NULL);
    tap_ok(n_taken > 0, "%d threads pushed jobs before the stop", N_PUSHERS);
    tap_is_int(atomic_load(&n_run) + atomic_load(&n_cancelled), n_taken,
               "every job a stopping worker took was run or cancelled once");
}

/* ---- a job that may block sends the wake-ups its batch held ----------- */

/* A job answering into a queue the way a driver's thread answers the
 * loop: the consumer's wake-up held back for the batch. */
struct answering {
    struct worker_job  job;
    struct queue      *answers;
    struct queue_link  answer;
};

static atomic_int n_answers_taken;

static void
answer_run(struct worker_job *job)
{
    struct answering *a = (struct answering *)job;

    queue_push_deferred(a->answers, &a->answer);
}

static void *
await_answer(void *opaque)
{
    int n = 0;

    for (struct queue_link *l = queue_wait(opaque, -1); l != NULL;
         l = l->next)
        n++;
    atomic_store(&n_answers_taken, n);
    return NULL;
}

static void
test_blocking_job_sends_held_wakeups(void)
{
    struct worker *w = worker_new("test-held");
    struct queue *answers = queue_new();
    struct gate holding = GATE_INIT, blocking = GATE_INIT;
    struct answering a = { .job = { .run = answer_run }, .answers = answers };
    pthread_t consumer;

    pthread_create(&consumer, NULL, await_answer, answers);
    /* Held at the first gate, the worker then takes the answering job and
     * the blocking one in one batch. */
    worker_submit(w, gate_pass, &holding);
    gate_wait_entered(&holding);
    worker_push(w, &a.job);
    worker_submit(w, gate_pass, &blocking);
    gate_open(&holding);
    gate_wait_entered(&blocking);
    tap_ok(wait_for(&n_answers_taken, 1, 5000),
           "an answer made before a job that may block reaches its consumer "
           "while that job blocks");
    gate_open(&blocking);
    pthread_join(consumer, NULL);
    worker_stop(w);
    queue_free(answers);
}

/* ---- the after-job hook ----------------------------------------------- */

/* What ran on the worker, in order: 'j' a job, 't' a timer, 'a' the hook.
 * Written and read on the worker only: the hook runs after worker_call()
 * has returned, so the test reads the trail with a job of its own. */
static char trail[32];
static int n_trail;

static void
note(char what)
{
    if (n_trail < (int)sizeof(trail) - 1)
        trail[n_trail++] = what;
}

static void
note_job(void *arg)
{
    note('j');
}

static void
note_after(void *arg)
{
    note('a');
}

static void
note_timer(struct worker_timer *t, void *opaque)
{
    note('t');
    *(atomic_bool *)opaque = true;
}

static void
set_hook(void *arg)
{
    worker_set_after_job(worker_current(), arg != NULL ? note_after : NULL,
                         NULL);
}

/* Copy the trail so far into arg and start a new one (which this job's
 * own hook then begins). */
static void
take_trail(void *arg)
{
    memcpy(arg, trail, sizeof(trail));
    memset(trail, 0, sizeof(trail));
    n_trail = 0;
}

static struct worker_timer *hook_timer;

static void
arm_timer(void *arg)
{
    hook_timer = worker_timer_new(worker_current(), note_timer, arg);
    worker_timer_arm(hook_timer, 1);
}

static void
free_timer(void *arg)
{
    worker_timer_free(hook_timer);
}

static void
test_after_job(void)
{
    struct worker *w = worker_new("test-after");
    atomic_bool has_fired = false;
    char got[sizeof(trail)];

    worker_call(w, set_hook, w);
    worker_call(w, note_job, NULL);
    worker_call(w, note_job, NULL);
    worker_call(w, take_trail, got);
    tap_ok(strcmp(got, "ajaja") == 0, "the after-job hook runs after "
           "every job, the one that set it included (%s)", got);
    worker_call(w, arm_timer, &has_fired);
    for (int i = 0; i < 10000 && !atomic_load(&has_fired); i++)
        usleep(1000);
    worker_call(w, set_hook, NULL);
    worker_call(w, note_job, NULL);
    worker_call(w, take_trail, got);
    worker_call(w, free_timer, NULL);
    tap_ok(strcmp(got, "aataj") == 0, "... after a round of timers too, "
           "and not once it is cleared (%s)", got);
    worker_stop(w);
}

int
main(void)
{
    alarm(120);   /* a hung worker fails the test instead of stalling CI */
    tap_plan(9 + 3 + 3 + 4 + 2 + 6 + 2 + 1 + 2);
    test_order();
    test_run_or_cancel();
    test_stop_cancels_calls();
    test_worker_call();
    test_worker_call_stopping();
    test_stop_self();
    test_stop_while_pushing();
    test_blocking_job_sends_held_wakeups();
    test_after_job();
    return tap_done();
}
