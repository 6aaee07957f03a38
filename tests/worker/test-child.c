/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-child.c: drivers/worker_child.h, with the libuv loop turning on the
 * test's main thread (exits arrive through pidfd watches): exit statuses,
 * deaths by signal, exec failures naming the program, redirected output,
 * what a new process inherits (nothing but 0, 1, 2 and the fds passed on
 * at 3, 4, ...; no blocked or ignored signal; a session of its own),
 * killing and reaping on free and at the worker's exit so no zombie
 * remains, detached processes that are not ours and outlive the worker,
 * and adopted ones.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "drivers/worker.h"
#include "drivers/worker_child.h"
#include "loop/uv_impl.h"
#include "tests/tap.h"
#include "tests/worker/worker-test.h"

extern char **environ;

/* A process started or adopted on the worker. The worker writes the
 * record; the test reads it after a worker_call(), or waits on exits. */
struct kid {
    struct worker           *w;
    const char              *argv[6];
    struct worker_child_spec spec;
    pid_t                    adopt_pid;
    bool                     is_freeing;   /* free it from the callback */
    struct worker_child     *c;
    pid_t                    pid;
    int                      status;
    bool                     had_exited_in_cb;
    int                      n_off_thread;
    pthread_t                thread;
    int                      signal_rc, signal_errno;
    struct vireo_error       err;
    atomic_int               exits;
};

static struct worker *w;

static void
on_exit_cb(struct worker_child *c, int status, void *opaque)
{
    struct kid *k = opaque;

    if (!pthread_equal(pthread_self(), k->thread))
        k->n_off_thread++;
    k->status = status;
    k->had_exited_in_cb = worker_child_has_exited(c);
    if (k->is_freeing) {
        worker_child_free(c);
        k->c = NULL;
    }
    atomic_fetch_add(&k->exits, 1);
}

static void
spawn_on_worker(void *arg)
{
    struct kid *k = arg;

    k->thread = pthread_self();
    k->spec.argv = k->argv;
    k->c = worker_child_spawn(w, &k->spec, on_exit_cb, k, &k->err);
    k->pid = k->c != NULL ? worker_child_pid(k->c) : -1;
}

static void
adopt_on_worker(void *arg)
{
    struct kid *k = arg;

    k->thread = pthread_self();
    k->c = worker_child_adopt(w, k->adopt_pid, on_exit_cb, k, &k->err);
    k->pid = k->c != NULL ? worker_child_pid(k->c) : -1;
}

static int signum_to_send;

static void
signal_on_worker(void *arg)
{
    struct kid *k = arg;

    k->signal_rc = worker_child_signal(k->c, signum_to_send);
    k->signal_errno = errno;
}

static void
free_on_worker(void *arg)
{
    struct kid *k = arg;

    worker_child_free(k->c);
    k->c = NULL;
}

/* Set up k to run argv (NULL-terminated, at most 5) with /dev/null for
 * its standard fds. */
static void
kid_init(struct kid *k, const char *const *argv)
{
    memset(k, 0, sizeof(*k));
    k->w = w;
    for (int i = 0; argv[i] != NULL && i < 5; i++)
        k->argv[i] = argv[i];
    k->spec = (struct worker_child_spec){
        .stdin_fd = -1, .stdout_fd = -1, .stderr_fd = -1 };
    k->status = -2;
}

/* Spawn argv on the worker; k->c is NULL and k->err set if that failed. */
static struct kid *
spawn(const char *const *argv, bool is_detached)
{
    struct kid *k = malloc(sizeof(*k));

    kid_init(k, argv);
    k->spec.is_detached = is_detached;
    worker_call(w, spawn_on_worker, k);
    return k;
}

static bool
wait_exit(struct kid *k)
{
    return loop_until(uv_impl_run_once, &k->exits, 1, 10000);
}

static void
kid_free(struct kid *k)
{
    if (k->c != NULL)
        worker_call(w, free_on_worker, k);
    free(k);
}

/* ---- what /proc says ------------------------------------------------- */

static bool
proc_exists(pid_t pid)
{
    char path[64];

    snprintf(path, sizeof(path), "/proc/%d", (int)pid);
    return access(path, F_OK) == 0;
}

/* From /proc/PID/stat: the state letter, the parent and the session; 0 if
 * the process is gone. */
static char
proc_stat(pid_t pid, pid_t *ppid, pid_t *sid)
{
    char path[64], buf[1024], state = 0;
    FILE *f;
    int pp = 0, pgrp = 0, s = 0;

    snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
    f = fopen(path, "r");
    if (f == NULL)
        return 0;
    if (fgets(buf, sizeof(buf), f) != NULL) {
        char *after = strrchr(buf, ')');
        if (after == NULL || sscanf(after + 1, " %c %d %d %d", &state, &pp,
                                    &pgrp, &s) != 4)
            state = 0;
    }
    fclose(f);
    if (ppid != NULL)
        *ppid = pp;
    if (sid != NULL)
        *sid = s;
    return state;
}

static bool
is_running(pid_t pid)
{
    char state = proc_stat(pid, NULL, NULL);

    return state != 0 && state != 'Z' && state != 'X';
}

/* The fds of pid that it did not open itself: 0, 1 or 2 not on /dev/null,
 * and any pipe, socket or anon inode (epoll, eventfd, pidfd) above them,
 * which only the daemon could have passed on. The program's loader opens
 * regular files for a moment; those do not count. Each is named. */
static int
n_foreign_fds(pid_t pid)
{
    static const char *const kinds[] = { "pipe:", "socket:", "anon_inode:" };
    char path[300], target[256];
    struct dirent *e;
    DIR *dir;
    int n_foreign = 0;

    snprintf(path, sizeof(path), "/proc/%d/fd", (int)pid);
    dir = opendir(path);
    while (dir != NULL && (e = readdir(dir)) != NULL) {
        int fd = atoi(e->d_name);
        bool is_foreign = false;
        ssize_t n;

        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof(path), "/proc/%d/fd/%s", (int)pid, e->d_name);
        n = readlink(path, target, sizeof(target) - 1);
        target[n > 0 ? n : 0] = '\0';
        if (fd < 3)
            is_foreign = strcmp(target, "/dev/null") != 0;
        for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
            is_foreign |= strncmp(target, kinds[i], strlen(kinds[i])) == 0;
        if (is_foreign)
            tap_diag("fd %d -> %s", fd, target);
        n_foreign += is_foreign;
    }
    if (dir != NULL)
        closedir(dir);
    return n_foreign;
}

/* A field of /proc/PID/status, as text ("" if absent). */
static void
proc_status_field(pid_t pid, const char *name, char out[256])
{
    char path[64], line[256];
    FILE *f;

    out[0] = '\0';
    snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
    f = fopen(path, "r");
    if (f == NULL)
        return;
    while (fgets(line, sizeof(line), f) != NULL)
        if (strncmp(line, name, strlen(name)) == 0 &&
            line[strlen(name)] == ':') {
            sscanf(line + strlen(name) + 1, " %255s", out);
            break;
        }
    fclose(f);
}

/* Whether we can no longer wait for pid: reaped already, or not ours. */
static bool
is_not_waitable(pid_t pid)
{
    return waitpid(pid, NULL, WNOHANG) < 0 && errno == ECHILD;
}

/* Neither a zombie nor a process: reaped, nothing left of it. */
static bool
is_gone(pid_t pid)
{
    return is_not_waitable(pid) && !proc_exists(pid);
}

static bool
has_no_child(void)
{
    return waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD;
}

/* ---- exits ------------------------------------------------------------ */

static const char *const true_argv[] = { "/bin/true", NULL };
static const char *const exit3_argv[] = { "/bin/sh", "-c", "exit 3", NULL };
static const char *const sleep_argv[] = { "/bin/sleep", "30", NULL };

static void
test_exit_status(void)
{
    struct kid *k = spawn(true_argv, false);

    tap_ok(k->c != NULL && k->pid > 0, "/bin/true starts");
    tap_ok(wait_exit(k), "its exit is reported");
    worker_call(w, do_nothing, NULL);
    tap_ok(WIFEXITED(k->status) && WEXITSTATUS(k->status) == 0,
           "with status 0");
    tap_ok(k->n_off_thread == 0 && k->had_exited_in_cb, "on the worker's "
           "thread, where worker_child_has_exited() says so");
    tap_ok(is_gone(k->pid), "it was reaped: no zombie, waitpid() says ECHILD");
    kid_free(k);

    k = spawn(exit3_argv, false);
    wait_exit(k);
    worker_call(w, do_nothing, NULL);
    tap_ok(WIFEXITED(k->status) && WEXITSTATUS(k->status) == 3,
           "/bin/sh -c 'exit 3' exits with status 3");
    kid_free(k);
}

static void
test_signal(void)
{
    struct kid *k = spawn(sleep_argv, false);

    signum_to_send = SIGTERM;
    worker_call(w, signal_on_worker, k);
    tap_is_int(k->signal_rc, 0, "worker_child_signal() sends SIGTERM");
    wait_exit(k);
    worker_call(w, do_nothing, NULL);
    tap_ok(WIFSIGNALED(k->status) && WTERMSIG(k->status) == SIGTERM,
           "the exit status says the child died of SIGTERM");
    worker_call(w, signal_on_worker, k);
    tap_ok(k->signal_rc == -1 && k->signal_errno == ESRCH,
           "once its exit is known, signalling it fails with ESRCH");
    tap_ok(is_gone(k->pid), "it was reaped");
    kid_free(k);
}

static void
test_exec_failure(bool is_detached)
{
    const char *const argv[] = { "/nonexistent/program", "x", NULL };
    const char *kind = is_detached ? "detached" : "attached";
    struct kid *k = spawn(argv, is_detached);

    tap_ok(k->c == NULL && k->err.code == VIR_ERR_SYSTEM_ERROR,
           "%s: a program that cannot be executed is an error", kind);
    tap_ok(strstr(k->err.message, "/nonexistent/program") != NULL &&
           strstr(k->err.message, strerror(ENOENT)) != NULL,
           "%s: naming the program and the reason: %s", kind,
           k->err.message);
    tap_ok(has_no_child(), "%s: and it leaves no child behind", kind);
    kid_free(k);
}

/* ---- what a new process gets ------------------------------------------ */

static void
test_stdout_pipe(void)
{
    const char *const argv[] = { "/bin/sh", "-c", "echo hello; echo oops >&2",
                                 NULL };
    char buf[64] = "";
    size_t n = 0;
    ssize_t got;
    int fds[2];
    struct kid *k;

    if (pipe2(fds, O_CLOEXEC) < 0)
        abort();
    k = malloc(sizeof(*k));
    kid_init(k, argv);
    k->spec.stdout_fd = fds[1];
    worker_call(w, spawn_on_worker, k);
    close(fds[1]);
    while (n < sizeof(buf) - 1 &&
           (got = read(fds[0], buf + n, sizeof(buf) - 1 - n)) > 0)
        n += (size_t)got;
    close(fds[0]);
    tap_is_str(buf, "hello\n", "stdout goes to the pipe given, stderr to "
               "/dev/null");
    wait_exit(k);
    kid_free(k);
}

/* On the worker: a signal blocked there, which a child would inherit. */
static void
block_usr1(void *arg)
{
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(*(bool *)arg ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

static void
test_inheritance(void)
{
    int leaked[2];
    bool yes = true, no = false;
    char blocked[256], ignored[256];
    pid_t sid = 0;
    struct kid *k;

    if (pipe(leaked) < 0)   /* not close-on-exec, on purpose */
        abort();
    worker_call(w, block_usr1, &yes);
    signal(SIGUSR2, SIG_IGN);
    k = spawn(sleep_argv, false);
    worker_call(w, block_usr1, &no);
    signal(SIGUSR2, SIG_DFL);
    close(leaked[0]);
    close(leaked[1]);

    tap_is_int(n_foreign_fds(k->pid), 0, "the program has fds 0, 1 and 2 "
               "on /dev/null and nothing of the daemon's, though it had a "
               "pipe without close-on-exec");
    proc_status_field(k->pid, "SigBlk", blocked);
    proc_status_field(k->pid, "SigIgn", ignored);
    tap_is_str(blocked, "0000000000000000", "it starts with no signal "
               "blocked, though the worker had SIGUSR1 blocked");
    tap_is_str(ignored, "0000000000000000", "and none ignored, though the "
               "daemon ignored SIGUSR2");
    proc_stat(k->pid, NULL, &sid);
    tap_is_int(sid, k->pid, "it leads a session of its own");

    worker_call(w, free_on_worker, k);
    tap_ok(is_gone(k->pid), "worker_child_free() on a running child kills "
           "and reaps it: no zombie, waitpid() says ECHILD");
    loop_for(uv_impl_run_once, 50);
    tap_is_int(atomic_load(&k->exits), 0, "and no exit callback follows");
    kid_free(k);
}

/* What fd of pid (or of this process, pid 0) refers to, as /proc shows
 * it ("pipe:[123]"); "" if it is not open. */
static void
fd_target(pid_t pid, int fd, char out[64])
{
    char path[64];
    ssize_t n;

    if (pid == 0)
        snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    else
        snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)pid, fd);
    n = readlink(path, out, 63);
    out[n > 0 ? n : 0] = '\0';
}

/* Two pipes passed on in the order opposite to their numbers land at 3
 * and 4 in the order given, and nothing else of ours comes along. */
static void
test_pass_fds(bool is_detached)
{
    const char *kind = is_detached ? "detached" : "attached";
    int a[2], b[2], pass[2];
    char got3[64], got4[64], want3[64], want4[64];
    struct kid *k;

    if (pipe2(a, O_CLOEXEC) < 0 || pipe2(b, O_CLOEXEC) < 0)
        abort();
    pass[0] = b[0];   /* the higher number first */
    pass[1] = a[1];
    k = malloc(sizeof(*k));
    kid_init(k, sleep_argv);
    k->spec.is_detached = is_detached;
    k->spec.pass_fds = pass;
    k->spec.n_pass_fds = 2;
    worker_call(w, spawn_on_worker, k);
    fd_target(0, pass[0], want3);
    fd_target(0, pass[1], want4);
    fd_target(k->pid, 3, got3);
    fd_target(k->pid, 4, got4);
    tap_ok(k->c != NULL && strcmp(got3, want3) == 0 &&
           strcmp(got4, want4) == 0, "%s: the fds passed on are the "
           "program's 3 (%s) and 4 (%s), in the order given", kind, got3,
           got4);
    tap_is_int(n_foreign_fds(k->pid), 2, "%s: and they are all it has of "
               "ours", kind);
    tap_ok(fcntl(pass[0], F_GETFD) >= 0 && fcntl(pass[1], F_GETFD) >= 0,
           "%s: the caller's copies stay open", kind);
    kill(k->pid, SIGKILL);
    wait_exit(k);
    kid_free(k);
    for (int i = 0; i < 2; i++) {
        close(a[i]);
        close(b[i]);
    }
}

/* A detached start whose exec fails returns once the process that
 * failed is gone, so nothing it was passed stays open behind the caller's
 * back: the pipe's reader sees its end at once. */
static void
test_pass_fds_exec_failure(void)
{
    const char *const argv[] = { "/nonexistent/program", NULL };
    struct pollfd pfd;
    struct kid *k = malloc(sizeof(*k));
    int fds[2];

    if (pipe2(fds, O_CLOEXEC) < 0)
        abort();
    kid_init(k, argv);
    k->spec.is_detached = true;
    k->spec.pass_fds = &fds[1];
    k->spec.n_pass_fds = 1;
    worker_call(w, spawn_on_worker, k);
    close(fds[1]);
    pfd = (struct pollfd){ .fd = fds[0], .events = POLLIN };
    tap_ok(k->c == NULL && poll(&pfd, 1, 0) == 1 &&
           (pfd.revents & POLLHUP) != 0, "detached: when the exec fails, "
           "the fds passed on are closed by the time the failure is told");
    close(fds[0]);
    kid_free(k);
}

static void
test_pass_too_many_fds(void)
{
    int fds[WORKER_CHILD_MAX_PASS_FDS + 1] = { 0 };
    struct kid *k = malloc(sizeof(*k));

    kid_init(k, true_argv);
    k->spec.pass_fds = fds;
    k->spec.n_pass_fds = WORKER_CHILD_MAX_PASS_FDS + 1;
    worker_call(w, spawn_on_worker, k);
    tap_ok(k->c == NULL && k->err.code == VIR_ERR_INVALID_ARG &&
           has_no_child(), "more than %d fds to pass on are refused before "
           "anything starts: %s", WORKER_CHILD_MAX_PASS_FDS, k->err.message);
    kid_free(k);
}

static void
test_free_in_callback(void)
{
    struct kid *k = malloc(sizeof(*k));

    kid_init(k, true_argv);
    k->is_freeing = true;
    worker_call(w, spawn_on_worker, k);
    wait_exit(k);
    worker_call(w, do_nothing, NULL);
    tap_ok(k->c == NULL && WIFEXITED(k->status), "the exit callback may "
           "free the child");
    kid_free(k);
}

#define N_MANY 20

static void
test_many(void)
{
    struct kid *ks[N_MANY];
    int n_exited = 0, n_zero = 0;

    for (int i = 0; i < N_MANY; i++)
        ks[i] = spawn(i % 2 ? true_argv : exit3_argv, false);
    for (int i = 0; i < N_MANY; i++)
        n_exited += wait_exit(ks[i]);
    worker_call(w, do_nothing, NULL);
    for (int i = 0; i < N_MANY; i++) {
        n_zero += WIFEXITED(ks[i]->status) &&
                  WEXITSTATUS(ks[i]->status) == (i % 2 ? 0 : 3);
        kid_free(ks[i]);
    }
    tap_ok(n_exited == N_MANY && n_zero == N_MANY, "%d children at once: "
           "each exit is reported with its own status", N_MANY);
    tap_ok(has_no_child(), "and all of them are reaped");
}

/* ---- detached and adopted processes ----------------------------------- */

static void
test_detached(void)
{
    const char *const echo_argv[] = { "/bin/sh", "-c", "echo detached", NULL };
    struct kid *k = spawn(sleep_argv, true), *k2;
    pid_t ppid = 0, sid = 0, our_sid = getsid(0);
    char buf[64] = "";
    int fds[2];

    tap_ok(k->c != NULL && is_running(k->pid), "a detached child starts");
    proc_stat(k->pid, &ppid, &sid);
    tap_ok(ppid != getpid() && is_not_waitable(k->pid),
           "it is not our child: its parent is %d, not us", (int)ppid);
    tap_ok(sid != our_sid, "it is not in our session");
    kill(k->pid, SIGTERM);
    tap_ok(wait_exit(k), "its exit is reported while it is watched");
    worker_call(w, do_nothing, NULL);
    tap_is_int(k->status, -1, "without a status, which only its parent has");
    kid_free(k);

    if (pipe2(fds, O_CLOEXEC) < 0)
        abort();
    k2 = malloc(sizeof(*k2));
    kid_init(k2, echo_argv);
    k2->spec.is_detached = true;
    k2->spec.stdout_fd = fds[1];
    worker_call(w, spawn_on_worker, k2);
    close(fds[1]);
    if (read(fds[0], buf, sizeof(buf) - 1) < 0)
        buf[0] = '\0';
    close(fds[0]);
    tap_is_str(buf, "detached\n", "a detached child's stdout goes to the "
               "pipe given too");
    wait_exit(k2);
    kid_free(k2);
}

static void
test_detached_outlives_worker(void)
{
    struct kid *k = spawn(sleep_argv, true);

    worker_stop(w);
    w = worker_new("test-child");
    sleep_ms(50);
    tap_ok(is_running(k->pid), "a detached child runs on after its worker "
           "stopped");
    tap_is_int(atomic_load(&k->exits), 0, "and no exit was reported");
    kill(k->pid, SIGKILL);
    free(k);   /* the stopped worker released the record */
}

static void
test_adopt(void)
{
    struct kid *k = malloc(sizeof(*k));
    int status = 0;
    pid_t pid;

    if (posix_spawn(&pid, sleep_argv[0], NULL, NULL,
                    (char *const *)sleep_argv, environ) != 0)
        abort();
    kid_init(k, sleep_argv);
    k->adopt_pid = pid;
    worker_call(w, adopt_on_worker, k);
    tap_ok(k->c != NULL && k->pid == pid, "a running process is adopted");
    kill(pid, SIGTERM);
    tap_ok(wait_exit(k), "its exit is reported");
    worker_call(w, do_nothing, NULL);
    tap_is_int(k->status, -1, "without a status");
    tap_ok(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status),
           "and it is left for its parent to reap");
    kid_free(k);

    k = malloc(sizeof(*k));
    kid_init(k, sleep_argv);
    k->adopt_pid = pid;   /* reaped: no such process any more */
    worker_call(w, adopt_on_worker, k);
    tap_ok(k->c == NULL && k->err.code == VIR_ERR_SYSTEM_ERROR &&
           strstr(k->err.message, "cannot watch process") != NULL,
           "adopting a process that is gone is an error: %s", k->err.message);
    kid_free(k);
}

/* ---- several workers starting detached children at once -------------- */

#define N_SPAWNERS 4
#define N_SPAWNS 20

struct spawner {
    pthread_barrier_t *start;
    atomic_int        *n_started;
    int                n_failed;
};

static void
on_ignored_exit(struct worker_child *c, int status, void *opaque)
{
}

/* On a worker of its own: start detached children one after the other,
 * letting go of each at once (it runs on). */
static void
spawn_detached_many(void *arg)
{
    static const char *const argv[] = { "/bin/true", NULL };
    struct worker_child_spec spec = {
        .argv = argv, .stdin_fd = -1, .stdout_fd = -1, .stderr_fd = -1,
        .is_detached = true };
    struct spawner *s = arg;
    struct vireo_error err;

    pthread_barrier_wait(s->start);
    for (int i = 0; i < N_SPAWNS; i++) {
        struct worker_child *c = worker_child_spawn(worker_current(), &spec,
                                                    on_ignored_exit, NULL,
                                                    &err);
        s->n_failed += c == NULL;
        worker_child_free(c);
        atomic_fetch_add(s->n_started, 1);
    }
}

/* Forks of this test that never executed their program (held at a gate
 * for ever) are killed: they would outlive the test. */
static void
kill_stuck_forks(void)
{
    char self[256], path[300], exe[256];
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    DIR *dir = opendir("/proc");
    struct dirent *e;

    if (n <= 0 || dir == NULL)
        return;
    self[n] = '\0';
    while ((e = readdir(dir)) != NULL) {
        pid_t pid = atoi(e->d_name);

        if (pid <= 0 || pid == getpid())
            continue;
        snprintf(path, sizeof(path), "/proc/%d/exe", (int)pid);
        n = readlink(path, exe, sizeof(exe) - 1);
        if (n > 0 && (exe[n] = '\0', strcmp(exe, self) == 0))
            kill(pid, SIGKILL);
    }
    closedir(dir);
}

/* A detached child waits at its gate, and every process forked meanwhile
 * gets a copy of the gate: several workers starting detached children at
 * the same moment must not end up waiting on each other's gates. */
static void
test_concurrent_detached(void)
{
    struct worker *workers[N_SPAWNERS];
    struct spawner spawners[N_SPAWNERS];
    pthread_barrier_t start;
    atomic_int n_started = 0;
    int n_failed = 0;

    pthread_barrier_init(&start, NULL, N_SPAWNERS);
    for (int i = 0; i < N_SPAWNERS; i++) {
        spawners[i] = (struct spawner){ &start, &n_started, 0 };
        workers[i] = worker_new("test-spawner");
        worker_submit(workers[i], spawn_detached_many, &spawners[i]);
    }
    if (!tap_ok(wait_for(&n_started, N_SPAWNERS * N_SPAWNS, 30000),
                "%d workers starting %d detached children each at the same "
                "moment do not wait on each other", N_SPAWNERS, N_SPAWNS)) {
        kill_stuck_forks();
        exit(tap_done() | 1);   /* the workers are stuck for good */
    }
    for (int i = 0; i < N_SPAWNERS; i++) {
        worker_stop(workers[i]);
        n_failed += spawners[i].n_failed;
    }
    pthread_barrier_destroy(&start);
    tap_is_int(n_failed, 0, "and every start succeeded");
}

/* ---- a worker that stops with children running ----------------------- */

static void
test_stop_kills(void)
{
    struct kid *ks[3];
    int n_gone = 0, n_exits = 0;

    for (int i = 0; i < 3; i++)
        ks[i] = spawn(sleep_argv, false);
    worker_stop(w);
    w = worker_new("test-child");
    for (int i = 0; i < 3; i++) {
        n_gone += is_gone(ks[i]->pid);
        n_exits += atomic_load(&ks[i]->exits);
        free(ks[i]);   /* the stopped worker released the records */
    }
    tap_is_int(n_gone, 3, "a worker stopped with children running kills and "
               "reaps them: no zombie is left");
    loop_for(uv_impl_run_once, 50);
    tap_is_int(n_exits, 0, "no exit callback runs for them");
}

/* ---- a daemon that ignores SIGCHLD ------------------------------------ */

/* SIGCHLD ignored (a disposition that survives exec, so a daemon may be
 * started that way) makes the kernel reap children itself: the exit must
 * still be reported, without a status, and nothing may spin. */
static void
test_sigchld_ignored(void)
{
    struct kid *k;
    int64_t cpu0_us = process_cpu_us(), t0_us = now_us();

    signal(SIGCHLD, SIG_IGN);
    k = spawn(true_argv, false);
    tap_ok(wait_exit(k), "with SIGCHLD ignored, a child's exit is still "
           "reported");
    worker_call(w, do_nothing, NULL);
    tap_is_int(k->status, -1, "without a status, which the kernel dropped");
    loop_for(uv_impl_run_once, 100);
    tap_ok(process_cpu_us() - cpu0_us < (now_us() - t0_us) / 2,
           "and nothing spins meanwhile");
    kid_free(k);
    signal(SIGCHLD, SIG_DFL);
}

int
main(void)
{
    alarm(120);
    tap_plan(6 + 4 + 6 + 1 + 6 + 3 + 3 + 1 + 1 + 1 + 2 + 6 + 2 + 5 + 2 + 2 + 3 + 1);
    uv_impl_register();
    w = worker_new("test-child");
    test_exit_status();
    test_signal();
    test_exec_failure(false);
    test_exec_failure(true);
    test_stdout_pipe();
    test_inheritance();
    test_pass_fds(false);
    test_pass_fds(true);
    test_pass_fds_exec_failure();
    test_pass_too_many_fds();
    test_free_in_callback();
    test_many();
    test_detached();
    test_detached_outlives_worker();
    test_adopt();
    test_concurrent_detached();
    test_stop_kills();
    test_sigchld_ignored();
    worker_stop(w);
    loop_for(uv_impl_run_once, 20);   /* the loop lets go of the watches */
    tap_ok(has_no_child(), "no child process of the test is left");
    return tap_done();
}
