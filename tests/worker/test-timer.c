/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-timer.c: drivers/worker_timer.h: timers fire once per arming, in
 * the order of their deadlines and never before them, on the worker's
 * thread, between jobs; re-arming moves a timer, cancelling disarms it, a
 * callback may free its own timer or another, and a timer re-armed for
 * 0 ms from its own callback fires again only on a later pass. Meanwhile
 * the worker sleeps until the next deadline instead of polling.
 *
 * Everything a timer touches belongs to the worker: the test reaches it
 * through worker_call(), which also orders what it reads afterwards.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "drivers/worker.h"
#include "drivers/worker_timer.h"
#include "tests/tap.h"
#include "tests/worker/worker-test.h"

#define N_MAX 2000

/* One timer under test and what the test knows of its deadline: it lies
 * between armed_before_us and armed_after_us, plus timeout_ms. */
struct slot {
    struct worker_timer *t;
    int                  id;
    int                  timeout_ms;
    int64_t              armed_before_us, armed_after_us;
    int                  n_fired;
    int64_t              fired_at_us;
};

/* Owned by the worker thread. */
static struct {
    struct worker *w;
    pthread_t      thread;
    struct slot    slots[N_MAX];
    int            fired[N_MAX * 4];   /* slot ids in firing order */
    int            n_log;
    int            n_off_thread;
    char           trace[512];         /* for the short scenarios */
    atomic_int     n_fired;
} lab;

static void
on_fire(struct worker_timer *t, void *opaque)
{
    struct slot *s = opaque;

    s->n_fired++;
    s->fired_at_us = now_us();
    if (lab.n_log < (int)(sizeof(lab.fired) / sizeof(lab.fired[0])))
        lab.fired[lab.n_log++] = s->id;
    if (!pthread_equal(pthread_self(), lab.thread))
        lab.n_off_thread++;
    atomic_fetch_add(&lab.n_fired, 1);
}

static void
arm(struct slot *s, int timeout_ms)
{
    s->timeout_ms = timeout_ms;
    s->armed_before_us = now_us();
    worker_timer_arm(s->t, timeout_ms);
    s->armed_after_us = now_us();
}

static void
lab_reset(void *arg)
{
    (void)arg;
    lab.thread = pthread_self();
    for (int i = 0; i < N_MAX; i++) {
        worker_timer_free(lab.slots[i].t);
        lab.slots[i] = (struct slot){ .id = i };
    }
    lab.n_log = 0;
    lab.n_off_thread = 0;
    lab.trace[0] = '\0';
    atomic_store(&lab.n_fired, 0);
}

static void
reset(void)
{
    worker_call(lab.w, lab_reset, NULL);
}

static void
sync_with_worker(void)
{
    worker_call(lab.w, do_nothing, NULL);
}

/* A timer's delay as worker_timer_arm() counts it: 0 ms is 1 us. */
static int64_t
delay_us(const struct slot *s)
{
    return s->timeout_ms > 0 ? s->timeout_ms * 1000 : 1;
}

/* Whether the firing order fits the deadlines: a timer that fired before
 * another cannot have been due after it. Two timers due in the same
 * microsecond may fire either way round, and arming thousands of them
 * on a slow machine (a sanitizer's, under load) makes such ties. */
static bool
order_fits_deadlines(void)
{
    for (int i = 1; i < lab.n_log; i++) {
        const struct slot *a = &lab.slots[lab.fired[i - 1]];
        const struct slot *b = &lab.slots[lab.fired[i]];

        if (a->armed_before_us + delay_us(a) >
            b->armed_after_us + delay_us(b)) {
            tap_diag("timer %d (%d ms) fired before timer %d (%d ms), "
                     "due at least %lld us after it", a->id, a->timeout_ms,
                     b->id, b->timeout_ms,
                     (long long)(a->armed_before_us + delay_us(a) -
                                 b->armed_after_us - delay_us(b)));
            return false;
        }
    }
    return true;
}

static int
n_early(int n)
{
    int n_bad = 0;

    for (int i = 0; i < n; i++) {
        const struct slot *s = &lab.slots[i];

        if (s->n_fired > 0 &&
            s->fired_at_us < s->armed_before_us + delay_us(s))
            n_bad++;
    }
    return n_bad;
}

/* ---- many timers, random deadlines ------------------------------------- */

static unsigned seed;

static void
arm_random(void *arg)
{
    int n = *(int *)arg;

    for (int i = 0; i < n; i++) {
        lab.slots[i].t = worker_timer_new(lab.w, on_fire, &lab.slots[i]);
        arm(&lab.slots[i], rand_r(&seed) % 201);
    }
}

static void
test_random_deadlines(void)
{
    int n = N_MAX, n_once = 0;

    reset();
    worker_call(lab.w, arm_random, &n);
    tap_ok(wait_for(&lab.n_fired, n, 20000),
           "%d timers with random deadlines up to 200 ms all fire", n);
    sleep_ms(20);
    sync_with_worker();
    for (int i = 0; i < n; i++)
        n_once += lab.slots[i].n_fired == 1;
    tap_is_int(n_once, n, "each fires exactly once");
    tap_is_int(n_early(n), 0, "none fires before its deadline");
    tap_ok(order_fits_deadlines(), "they fire in the order of their "
           "deadlines");
    tap_is_int(lab.n_off_thread, 0, "every callback runs on the worker's "
               "thread");
}

/* ---- random arms, moves, cancels and frees against a model ------------- */

#define N_MODEL 64
#define N_OPS 3000

struct model_run {
    bool is_armed[N_MODEL];
    int  n_mismatch;
    int  n_armed;
};

static void
run_model(void *arg)
{
    struct model_run *m = arg;

    for (int i = 0; i < N_MODEL; i++)
        lab.slots[i].t = worker_timer_new(lab.w, on_fire, &lab.slots[i]);
    for (int op = 0; op < N_OPS; op++) {
        int i = rand_r(&seed) % N_MODEL;
        struct slot *s = &lab.slots[i];

        switch (rand_r(&seed) % 4) {
        case 0:
        case 1:
            arm(s, 50 + rand_r(&seed) % 300);
            m->is_armed[i] = true;
            break;
        case 2:
            worker_timer_cancel(s->t);
            m->is_armed[i] = false;
            break;
        case 3:
            worker_timer_free(s->t);
            s->t = worker_timer_new(lab.w, on_fire, s);
            m->is_armed[i] = false;
            break;
        }
        if (worker_timer_is_armed(s->t) != m->is_armed[i])
            m->n_mismatch++;
    }
    for (int i = 0; i < N_MODEL; i++)
        m->n_armed += m->is_armed[i];
}

static void
count_armed(void *arg)
{
    int *n = arg;

    for (int i = 0; i < N_MODEL; i++)
        *n += worker_timer_is_armed(lab.slots[i].t);
}

static void
test_model(void)
{
    struct model_run m = { 0 };
    int n_wrong = 0, n_still_armed = 0;

    reset();
    worker_call(lab.w, run_model, &m);
    tap_is_int(m.n_mismatch, 0, "worker_timer_is_armed() follows %d random "
               "arms, re-arms, cancels and frees", N_OPS);
    tap_ok(m.n_armed > 0 && wait_for(&lab.n_fired, m.n_armed, 10000),
           "the %d timers left armed fire", m.n_armed);
    sleep_ms(100);
    sync_with_worker();
    for (int i = 0; i < N_MODEL; i++)
        n_wrong += lab.slots[i].n_fired != (m.is_armed[i] ? 1 : 0);
    tap_is_int(n_wrong, 0, "exactly those, once each: a re-armed timer "
               "fires once, a cancelled or freed one never");
    tap_ok(order_fits_deadlines() && n_early(N_MODEL) == 0,
           "in the order of their last deadlines, none early");
    worker_call(lab.w, count_armed, &n_still_armed);
    tap_is_int(n_still_armed, 0, "a timer that fired is no longer armed");
}

/* ---- moving, cancelling, freeing --------------------------------------- */

enum { A, B, C, D, E, F, G };

static void
new_slots(int n)
{
    for (int i = 0; i < n; i++)
        lab.slots[i].t = worker_timer_new(lab.w, on_fire, &lab.slots[i]);
}

static void
moves(void *arg)
{
    (void)arg;
    new_slots(5);
    arm(&lab.slots[A], 300);
    arm(&lab.slots[B], 100);
    arm(&lab.slots[C], 20);
    arm(&lab.slots[D], 150);
    arm(&lab.slots[A], 20);     /* earlier */
    arm(&lab.slots[C], 200);    /* later */
    arm(&lab.slots[E], 10);
    worker_timer_cancel(lab.slots[E].t);
    worker_timer_cancel(lab.slots[E].t);   /* twice: still nothing */
}

static void
test_moves(void)
{
    char order[16] = "";

    reset();
    worker_call(lab.w, moves, NULL);
    tap_ok(wait_for(&lab.n_fired, 4, 5000), "re-armed timers fire");
    sleep_ms(350);
    sync_with_worker();
    for (int i = 0; i < lab.n_log && i < 15; i++)
        order[i] = (char)('A' + lab.fired[i]);
    tap_is_str(order, "ABDC", "re-arming moves a timer earlier or later, "
               "and it fires once, at its new time");
    tap_ok(lab.slots[E].n_fired == 0 && !worker_timer_is_armed(lab.slots[E].t),
           "a cancelled timer never fires and is not armed");
}

/* F frees itself and G, which is due on the same pass. */
static void
on_fire_free(struct worker_timer *t, void *opaque)
{
    struct slot *s = opaque;

    on_fire(t, opaque);
    worker_timer_free(t);
    s->t = NULL;
    worker_timer_free(lab.slots[G].t);
    lab.slots[G].t = NULL;
}

static void
frees(void *arg)
{
    (void)arg;
    new_slots(G + 1);
    worker_timer_free(lab.slots[F].t);
    lab.slots[F].t = worker_timer_new(lab.w, on_fire_free, &lab.slots[F]);
    arm(&lab.slots[F], 0);
    arm(&lab.slots[G], 0);
    worker_timer_free(NULL);
}

static void
test_free_in_callback(void)
{
    reset();
    worker_call(lab.w, frees, NULL);
    wait_for(&lab.n_fired, 1, 5000);
    sleep_ms(50);
    sync_with_worker();
    tap_ok(lab.slots[F].n_fired == 1 && lab.slots[F].t == NULL,
           "a callback frees its own timer");
    tap_is_int(lab.slots[G].n_fired, 0, "a timer freed by another's "
               "callback on the same pass does not fire");
}

/* ---- 0 ms -------------------------------------------------------------- */

struct zero {
    bool is_armed_at_once;
    bool has_fired_at_once;
};

static void
arm_zero(void *arg)
{
    struct zero *z = arg;

    new_slots(1);
    arm(&lab.slots[0], 0);
    z->is_armed_at_once = worker_timer_is_armed(lab.slots[0].t);
    sleep_ms(5);   /* due by now, but this job still runs */
    z->has_fired_at_once = lab.slots[0].n_fired > 0;
}

static void
test_zero(void)
{
    struct zero z = { 0 };

    reset();
    worker_call(lab.w, arm_zero, &z);
    tap_ok(z.is_armed_at_once && !z.has_fired_at_once, "a timer armed for "
           "0 ms does not fire inside the job that arms it");
    tap_ok(wait_for(&lab.n_fired, 1, 5000), "it fires once that job is "
           "done");
}

#define N_REARMS 50

static void
log_job(void *arg)
{
    (void)arg;
    strcat(lab.trace, "j");
}

/* Each firing re-arms for 0 ms and queues a job: if a pass fired the
 * timer again and again, the trace would show firings in a row. */
static void
on_fire_rearm(struct worker_timer *t, void *opaque)
{
    on_fire(t, opaque);
    strcat(lab.trace, "f");
    if (((struct slot *)opaque)->n_fired < N_REARMS) {
        worker_timer_arm(t, 0);
        worker_submit(lab.w, log_job, NULL);
    }
}

static void
arm_rearming(void *arg)
{
    (void)arg;
    lab.slots[0].t = worker_timer_new(lab.w, on_fire_rearm, &lab.slots[0]);
    arm(&lab.slots[0], 0);
}

static void
test_zero_rearm(void)
{
    char want[2 * N_REARMS + 1] = "";

    reset();
    worker_call(lab.w, arm_rearming, NULL);
    wait_for(&lab.n_fired, N_REARMS, 5000);
    sleep_ms(20);
    sync_with_worker();
    for (int i = 0; i < N_REARMS; i++)
        strcat(want, i + 1 < N_REARMS ? "fj" : "f");
    tap_is_str(lab.trace, want, "a callback that re-arms its timer for 0 ms "
               "lets the jobs in between run: one firing per pass");
}

/* ---- sleeping, not polling --------------------------------------------- */

struct sleeper {
    struct worker_timer *t;
    int64_t              t0_us, cpu0_us;
    long                 switches0;
    int64_t              elapsed_us, cpu_us;
    long                 switches;
    atomic_int           is_done;
};

static long
thread_switches(void)
{
    struct rusage ru;

    getrusage(RUSAGE_THREAD, &ru);
    return ru.ru_nvcsw + ru.ru_nivcsw;
}

static void
on_sleeper(struct worker_timer *t, void *opaque)
{
    struct sleeper *s = opaque;

    s->elapsed_us = now_us() - s->t0_us;
    s->cpu_us = thread_cpu_us() - s->cpu0_us;
    s->switches = thread_switches() - s->switches0;
    worker_timer_free(t);
    atomic_store(&s->is_done, 1);
}

static void
arm_sleeper(void *arg)
{
    struct sleeper *s = arg;

    s->t = worker_timer_new(lab.w, on_sleeper, s);
    s->t0_us = now_us();
    s->cpu0_us = thread_cpu_us();
    s->switches0 = thread_switches();
    worker_timer_arm(s->t, 200);
}

static void
test_sleeps(void)
{
    struct sleeper s = { 0 };

    worker_call(lab.w, arm_sleeper, &s);
    wait_for(&s.is_done, 1, 10000);
    sync_with_worker();
    tap_ok(s.elapsed_us >= 200000, "a timer 200 ms away fires after 200 ms "
           "or more (%lld us)", (long long)s.elapsed_us);
    tap_ok(s.cpu_us < 50000, "the worker used little CPU meanwhile (%lld us)",
           (long long)s.cpu_us);
    tap_ok(s.switches < 20, "it woke up only a few times meanwhile (%ld "
           "context switches), so it slept rather than polled", s.switches);
}

struct far {
    struct worker_timer *t;
    int64_t              pushed_us;
    int64_t              ran_after_us;
    bool                 has_fired;
};

static void
on_far(struct worker_timer *t, void *opaque)
{
    ((struct far *)opaque)->has_fired = true;
}

static void
arm_far(void *arg)
{
    struct far *f = arg;

    f->t = worker_timer_new(lab.w, on_far, f);
    worker_timer_arm(f->t, 10000);
}

static void
free_far(void *arg)
{
    struct far *f = arg;

    f->ran_after_us = now_us() - f->pushed_us;
    worker_timer_free(f->t);
}

static void
test_far_timer(void)
{
    struct far f = { 0 };
    int64_t t0;

    worker_call(lab.w, arm_far, &f);
    sleep_ms(20);   /* the worker is asleep until the deadline */
    f.pushed_us = now_us();
    worker_call(lab.w, free_far, &f);
    tap_ok(f.ran_after_us < 2000000, "a job pushed while the worker sleeps "
           "toward a timer 10 s away runs at once (%lld us)",
           (long long)f.ran_after_us);
    t0 = now_ms();
    worker_stop(lab.w);
    lab.w = NULL;
    tap_ok(now_ms() - t0 < 5000 && !f.has_fired, "the worker stops without "
           "waiting for the timers it had");
}

int
main(void)
{
    alarm(120);
    seed = (unsigned)time(NULL);
    tap_plan(5 + 5 + 3 + 2 + 2 + 1 + 3 + 2);
    tap_diag("random seed %u", seed);
    lab.w = worker_new("test-timer");
    test_random_deadlines();
    test_model();
    test_moves();
    test_free_in_callback();
    test_zero();
    test_zero_rearm();
    test_sleeps();
    reset();
    test_far_timer();
    return tap_done();
}
