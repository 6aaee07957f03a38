/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote-keepalive.c URI [DAEMON_PID]: keepalive gives up on a daemon that
 * stopped answering, and releases everyone who waits on it. Keepalive is
 * tightened to 1 s x 1 ping, so a silent daemon is given up about 2 s
 * after its last word; every caller must be released within RELEASE_MS.
 *
 * With URI alone, the daemon is bad_server.py deaf (it answers the
 * handshake, then reads calls and never answers), on a new connection for
 * each case:
 *   - idle, with the application's loop running: the connection is given
 *     up for the reason "keepalive", and later calls fail at once;
 *   - calls in flight on several threads while the loop runs on the main
 *     thread: each returns libvirt's keepalive error, the one that owns
 *     the socket (asleep in poll()) as well as those waiting for it;
 *   - a call made on the loop's own thread, from a timer callback, so that
 *     the loop's keepalive timer cannot run while the call waits.
 *
 * With DAEMON_PID, URI is a real vireod: threads keep calling, the daemon
 * is stopped (SIGSTOP) in the middle of their calls, every thread returns
 * the keepalive error, and the daemon, continued, serves a new connection.
 *
 * A case that is still waiting after WATCHDOG_S bails out, so a hang fails
 * the test instead of stalling it.
 */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/vireo.h"
#include "tests/integration/loop_wait.h"
#include "tests/tap.h"

#define N_CALLERS  4
#define RELEASE_MS 5000
#define WATCHDOG_S 20

static const char keepalive_message[] =
    "internal error: connection closed due to keepalive timeout";

static const char *uri;
static pid_t daemon_pid;

/* ---- The watchdog ------------------------------------------------------- */

static const char *volatile watchdog_case;

static void
on_alarm(int sig)
{
    static const char bail[] = "Bail out! still waiting: ";
    const char *what = watchdog_case;

    (void)sig;
    /* Never leave the daemon stopped behind us. */
    if (daemon_pid > 0)
        kill(daemon_pid, SIGCONT);
    if (write(STDOUT_FILENO, bail, sizeof(bail) - 1) < 0 ||
        write(STDOUT_FILENO, what, strlen(what)) < 0 ||
        write(STDOUT_FILENO, "\n", 1) < 0) {
        /* Nothing more to say. */
    }
    _exit(1);
}

static void
watchdog_arm(const char *what)
{
    watchdog_case = what;
    alarm(WATCHDOG_S);
}

static void
watchdog_disarm(void)
{
    alarm(0);
}

/* ---- Helpers ------------------------------------------------------------ */

/* A connection with keepalive at 1 s x 1 ping; ends the test if there is
 * none. */
static struct vireo_conn *
open_tight(const char *what)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = vireo_conn_open(uri, 0, &err);

    if (!tap_ok(conn != NULL &&
                vireo_conn_set_keepalive(conn, 1, 1, &err) == 0,
                "%s: connected, keepalive tightened to 1 s, 1 ping", what)) {
        tap_diag("%s", err.message);
        exit(tap_done());
    }
    return conn;
}

static bool
is_keepalive_error(const struct vireo_error *err)
{
    return err->code == VIR_ERR_INTERNAL_ERROR &&
           err->domain == VIR_FROM_RPC &&
           strcmp(err->message, keepalive_message) == 0;
}

/* Once the daemon is given up: what the connection says of itself, and a
 * new call that fails at once. */
static void
check_given_up(struct vireo_conn *conn, const char *what)
{
    struct vireo_error err = { 0 };
    int reason = -1;
    long long start;
    char *hostname;

    tap_ok(vireo_conn_is_alive(conn, &reason) == 0 &&
           reason == VIR_CONNECT_CLOSE_REASON_KEEPALIVE,
           "%s: the connection is not alive, for the reason 'keepalive'",
           what);
    start = now_ms();
    hostname = vireo_conn_get_hostname(conn, &err);
    tap_ok(hostname == NULL && err.code == VIR_ERR_INTERNAL_ERROR &&
           strstr(err.message, "client socket is closed") != NULL &&
           now_ms() - start < 1000,
           "%s: a later call fails at once: %s", what, err.message);
    free(hostname);
}

static void
close_conn(struct vireo_conn *conn)
{
    vireo_conn_close(conn);
    loop_wait_settle();
}

/* ---- Callers on their own threads ---------------------------------------- */

/* One thread calling until a call fails. Its results are read after the
 * join; n_answered and is_done while it runs. */
struct caller {
    pthread_t          thread;
    struct vireo_conn *conn;
    atomic_int         n_answered;
    atomic_bool        is_done;
    struct vireo_error err;
    long long          done_ms;
};

static void *
run_caller(void *opaque)
{
    struct caller *c = opaque;
    char *hostname;

    while ((hostname = vireo_conn_get_hostname(c->conn, &c->err)) != NULL) {
        free(hostname);
        atomic_fetch_add(&c->n_answered, 1);
    }
    c->done_ms = now_ms();
    atomic_store(&c->is_done, true);
    return NULL;
}

static void
start_callers(struct caller *callers, struct vireo_conn *conn)
{
    for (int i = 0; i < N_CALLERS; i++) {
        callers[i].conn = conn;
        if (pthread_create(&callers[i].thread, NULL, run_caller,
                           &callers[i]) != 0) {
            tap_ok(false, "start caller %d", i + 1);
            exit(tap_done());
        }
    }
}

static bool
all_answered_once(struct caller *callers)
{
    for (int i = 0; i < N_CALLERS; i++)
        if (atomic_load(&callers[i].n_answered) == 0)
            return false;
    return true;
}

static bool
all_done(struct caller *callers)
{
    for (int i = 0; i < N_CALLERS; i++)
        if (!atomic_load(&callers[i].is_done))
            return false;
    return true;
}

/* Run the application's loop on this thread while until(callers) is
 * false. */
static void
loop_while_not(bool (*until)(struct caller *), struct caller *callers)
{
    int timer = vireo_event_add_timeout(50, loop_wait_tick, NULL, NULL);

    while (!until(callers))
        poll_impl_run_once();
    vireo_event_remove_timeout(timer);
}

/* Each caller got the keepalive error, at most RELEASE_MS after since. */
static void
check_callers(struct caller *callers, long long since, const char *what)
{
    for (int i = 0; i < N_CALLERS; i++) {
        struct caller *c = &callers[i];
        long long waited_ms = c->done_ms - since;

        pthread_join(c->thread, NULL);
        if (!tap_ok(is_keepalive_error(&c->err) && waited_ms <= RELEASE_MS,
                    "%s: caller %d gets the keepalive error, %lld ms after",
                    what, i + 1, waited_ms))
            tap_diag("error %d/%d: %s", c->err.code, c->err.domain,
                     c->err.message);
    }
}

/* ---- The cases ------------------------------------------------------------ */

static void
test_idle(void)
{
    static const char what[] = "idle";
    struct vireo_conn *conn = open_tight(what);
    long long start = now_ms(), waited_ms;
    int timer = vireo_event_add_timeout(50, loop_wait_tick, NULL, NULL);
    int reason;

    watchdog_arm(what);
    while (vireo_conn_is_alive(conn, &reason) == 1)
        poll_impl_run_once();
    watchdog_disarm();
    waited_ms = now_ms() - start;
    vireo_event_remove_timeout(timer);
    tap_ok(waited_ms <= RELEASE_MS,
           "%s: the silent daemon is given up after %lld ms", what,
           waited_ms);
    check_given_up(conn, what);
    close_conn(conn);
}

static void
test_callers_in_flight(void)
{
    static const char what[] = "calls in flight on 4 threads";
    struct vireo_conn *conn = open_tight(what);
    struct caller callers[N_CALLERS] = { 0 };
    long long start = now_ms();

    watchdog_arm(what);
    start_callers(callers, conn);
    loop_while_not(all_done, callers);
    watchdog_disarm();
    check_callers(callers, start, what);
    check_given_up(conn, what);
    close_conn(conn);
}

/* A call made inside a timer callback of the only thread's loop. */
struct loop_call {
    struct vireo_conn *conn;
    bool               is_done;
    struct vireo_error err;
    long long          done_ms;
};

static void
call_from_loop(int timer, void *opaque)
{
    struct loop_call *lc = opaque;

    (void)timer;
    if (lc->is_done)
        return;
    free(vireo_conn_get_hostname(lc->conn, &lc->err));
    lc->done_ms = now_ms();
    lc->is_done = true;
}

static void
test_call_on_loop_thread(void)
{
    static const char what[] = "a call on the loop thread";
    struct loop_call lc = { .conn = open_tight(what) };
    long long start = now_ms();
    int timer = vireo_event_add_timeout(10, call_from_loop, &lc, NULL);

    watchdog_arm(what);
    while (!lc.is_done)
        poll_impl_run_once();
    watchdog_disarm();
    vireo_event_remove_timeout(timer);
    if (!tap_ok(is_keepalive_error(&lc.err) &&
                lc.done_ms - start <= RELEASE_MS,
                "%s: it gets the keepalive error, %lld ms after", what,
                lc.done_ms - start))
        tap_diag("error %d/%d: %s", lc.err.code, lc.err.domain,
                 lc.err.message);
    check_given_up(lc.conn, what);
    close_conn(lc.conn);
}

static void
test_daemon_stopped(void)
{
    static const char what[] = "vireod stopped mid-call";
    struct vireo_conn *conn = open_tight(what);
    struct caller callers[N_CALLERS] = { 0 };
    struct vireo_error err = { 0 };
    long long stopped_ms;
    char *hostname;

    watchdog_arm(what);
    start_callers(callers, conn);
    loop_while_not(all_answered_once, callers);
    tap_ok(kill(daemon_pid, SIGSTOP) == 0,
           "%s: vireod is stopped while %d threads keep calling", what,
           N_CALLERS);
    stopped_ms = now_ms();
    loop_while_not(all_done, callers);
    check_callers(callers, stopped_ms, what);
    check_given_up(conn, what);
    kill(daemon_pid, SIGCONT);
    close_conn(conn);

    conn = vireo_conn_open(uri, 0, &err);
    hostname = conn != NULL ? vireo_conn_get_hostname(conn, &err) : NULL;
    watchdog_disarm();
    if (!tap_ok(hostname != NULL,
                "%s: continued, vireod serves a new connection", what))
        tap_diag("%s", err.message);
    free(hostname);
    if (conn != NULL)
        close_conn(conn);
}

int
main(int argc, char **argv)
{
    if (argc != 2 && argc != 3)
        return 2;
    uri = argv[1];
    daemon_pid = argc == 3 ? (pid_t)atoi(argv[2]) : 0;
    signal(SIGALRM, on_alarm);
    tap_plan(daemon_pid > 0 ? 10 : 16);
    tap_is_int(poll_impl_register(), 0, "the application's poll(2) loop");
    if (daemon_pid > 0) {
        test_daemon_stopped();
    } else {
        test_idle();
        test_callers_in_flight();
        test_call_on_loop_thread();
    }
    return tap_done();
}
