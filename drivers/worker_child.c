/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker_child.c: starting processes and learning of their exit through
 * pidfds watched by the main loop (worker_watch.h).
 *
 * Starting. The daemon is multithreaded, so between fork() and exec() a
 * new process calls only async-signal-safe functions, and everything it
 * needs (argv, envp) is ready before the fork. An exec that fails writes
 * its errno into a close-on-exec pipe, whose EOF otherwise tells the
 * parent that the exec happened: worker_child_spawn() answers only then,
 * which costs the worker the time of one exec.
 *
 * A detached process is the grandchild of an intermediate that exits at
 * once (we reap it at once too). The grandchild waits on a gate pipe until
 * we hold a pidfd on it, so it cannot exit and be reaped by init, its pid
 * reused, before we watch the right process. We open the gate by writing a
 * byte, not by closing it: every process forked meanwhile, by any worker,
 * holds a copy of the gate's write end until it executes, and a grandchild
 * parked at its own gate never does, so two workers starting detached
 * processes at once would each keep the other's gate shut.
 *
 * Passing fds on. Every fd above the standard three closes at exec, so
 * the new process first copies those it must pass on (and the pipe that
 * reports a failed exec) above the numbers they will take, and then puts
 * them at 3, 4, ... after marking everything else close-on-exec: a
 * source whose number another one takes is never lost.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/pidfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/worker_child.h"
#include "drivers/worker_priv.h"
#include "drivers/worker_watch.h"
#include "loop/event.h"

extern char **environ;

/* How long releasing a running attached child waits for it to die after
 * SIGKILL: a process stuck in the kernel (D state) can take longer, and
 * the worker must not hang on it. */
#define KILL_WAIT_MS 5000

struct worker_child {
    struct worker        *w;
    pid_t                 pid;
    int                   pidfd;     /* owned by watch once it exists */
    bool                  is_detached;
    bool                  has_exited;
    struct worker_watch  *watch;
    worker_child_exit_cb  on_exit;
    void                 *opaque;
    struct worker_node    node;          /* in w->children */
};

/* ---- in the new process (async-signal-safe only) ----------------------- */

/* The kernel's struct sigaction, for the raw call below. */
struct kernel_sigaction {
    void         (*handler)(int);
    unsigned long  flags;
    void         (*restorer)(void);
    unsigned long  mask;
};

/* Every signal back to its default, the ones glibc keeps for itself (32
 * and 33, which its sigaction() refuses to touch) included: a daemon
 * started with those ignored (make does that) must not pass it on, since
 * an ignored signal stays ignored across exec. */
static void
reset_signals(void)
{
    struct kernel_sigaction dfl = { .handler = SIG_DFL };
    sigset_t none;

    for (int sig = 1; sig < NSIG; sig++)   /* KILL, STOP fail harmlessly */
        syscall(SYS_rt_sigaction, sig, &dfl, NULL, sizeof(dfl.mask));
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
}

/* Put spec's fds (or /dev/null) at 0, 1 and 2. Sources below 3 are first
 * moved up, so that placing one never overwrites another. */
static int
place_stdio(const struct worker_child_spec *spec)
{
    int src[3] = { spec->stdin_fd, spec->stdout_fd, spec->stderr_fd };

    for (int i = 0; i < 3; i++) {
        if (src[i] < 0)
            src[i] = open("/dev/null", i == 0 ? O_RDONLY : O_WRONLY);
        if (src[i] >= 0 && src[i] < 3)
            src[i] = fcntl(src[i], F_DUPFD, 3);
        if (src[i] < 0)
            return -1;
    }
    for (int i = 0; i < 3; i++)
        if (dup2(src[i], i) < 0)
            return -1;
    return 0;
}

static void
wait_gate(int gate_fd)
{
    char byte;

    while (read(gate_fd, &byte, 1) < 0 && errno == EINTR)
        ;
}

/* Copy the fds to pass on, and err_fd, above the numbers they will take
 * (3 to 3 + n - 1), so that placing one never overwrites another or the
 * pipe that reports a failed exec. Returns err_fd's new number, or -1. */
static int
lift_pass_fds(const struct worker_child_spec *spec, int err_fd,
              int lifted[WORKER_CHILD_MAX_PASS_FDS])
{
    int above = 3 + spec->n_pass_fds;

    for (int i = 0; i < spec->n_pass_fds; i++) {
        lifted[i] = fcntl(spec->pass_fds[i], F_DUPFD_CLOEXEC, above);
        if (lifted[i] < 0)
            return -1;
    }
    return fcntl(err_fd, F_DUPFD_CLOEXEC, above);
}

/* Put the lifted fds at 3, 4, ...: dup2() makes them survive the exec. */
static int
place_pass_fds(const struct worker_child_spec *spec, const int *lifted)
{
    for (int i = 0; i < spec->n_pass_fds; i++)
        if (dup2(lifted[i], 3 + i) < 0)
            return -1;
    return 0;
}

/* Never returns. */
static void
exec_child(const struct worker_child_spec *spec, int gate_fd, int err_fd)
{
    int lifted[WORKER_CHILD_MAX_PASS_FDS];
    int e, lifted_err_fd;

    if (gate_fd >= 0)
        wait_gate(gate_fd);
    reset_signals();
    if (spec->n_pass_fds > 0) {
        if ((lifted_err_fd = lift_pass_fds(spec, err_fd, lifted)) < 0)
            goto fail;
        err_fd = lifted_err_fd;
    }
    if (place_stdio(spec) < 0)
        goto fail;
    /* Nothing of the daemon's leaks into the program: every fd above the
     * standard three closes at exec (err_fd included, which is the point),
     * except those placed after this for the program. */
    close_range(3, ~0u, CLOSE_RANGE_CLOEXEC);
    if (place_pass_fds(spec, lifted) < 0)
        goto fail;
    execve(spec->argv[0], (char *const *)spec->argv,
           spec->envp != NULL ? (char *const *)spec->envp : environ);
fail:
    e = errno;
    (void)!write(err_fd, &e, sizeof(e));
    _exit(127);
}

/* The intermediate of a detached start: a session of its own, one more
 * fork, the grandchild's pid to the parent, and gone. Never returns. The
 * grandchild lets go of the gate's write end first, so that it sees EOF
 * should the daemon die before opening it. */
static void
fork_detached(const struct worker_child_spec *spec, const int gate[2],
              int err_fd, int info_fd)
{
    pid_t pid;

    setsid();
    pid = fork();
    if (pid == 0) {
        close(gate[1]);
        exec_child(spec, gate[0], err_fd);
    }
    if (pid < 0)
        pid = -errno;
    (void)!write(info_fd, &pid, sizeof(pid));
    _exit(0);
}

/* ---- in the daemon ----------------------------------------------------- */

/* Wait at most KILL_WAIT_MS for the process to end. */
static void
wait_gone(int pidfd)
{
    struct pollfd pfd = { .fd = pidfd, .events = POLLIN };

    while (poll(&pfd, 1, KILL_WAIT_MS) < 0 && errno == EINTR)
        ;
}

/* Read the errno an exec reported, or 0 at EOF (the exec happened). */
static int
read_exec_errno(int err_fd)
{
    int e = 0;
    ssize_t n;

    while ((n = read(err_fd, &e, sizeof(e))) < 0 && errno == EINTR)
        ;
    return n == (ssize_t)sizeof(e) ? e : 0;
}

static void
reap_blocking(pid_t pid)
{
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
        ;
}

/* Attached: the child is ours, so its pidfd stays valid (a zombie) until we
 * reap it. Returns the pid, or -errno. */
static pid_t
start_attached(const struct worker_child_spec *spec, int err_pipe[2])
{
    pid_t pid = fork();

    if (pid == 0) {
        setsid();
        exec_child(spec, -1, err_pipe[1]);
    }
    return pid < 0 ? -errno : pid;
}

/* Detached: returns the grandchild's pid (parked at the gate), or -errno. */
static pid_t
start_detached(const struct worker_child_spec *spec, int err_pipe[2],
               const int gate[2])
{
    int info[2];
    pid_t mid, pid = -EIO;

    if (pipe2(info, O_CLOEXEC) < 0)
        return -errno;
    mid = fork();
    if (mid == 0)
        fork_detached(spec, gate, err_pipe[1], info[1]);
    close(info[1]);
    if (mid < 0) {
        pid = -errno;
    } else {
        reap_blocking(mid);
        if (read(info[0], &pid, sizeof(pid)) != (ssize_t)sizeof(pid))
            pid = -EIO;
    }
    close(info[0]);
    return pid;
}

/* ---- the record -------------------------------------------------------- */

/* A wait(2)-style status from waitid()'s report. */
static int
wait_status(const siginfo_t *info)
{
    if (info->si_code == CLD_EXITED)
        return (info->si_status & 0xff) << 8;
    return (info->si_status & 0x7f) | (info->si_code == CLD_DUMPED ? 0x80 : 0);
}

/* The pidfd became readable: the process is gone. */
static void
on_pidfd(struct worker_watch *ww, int fd, int events, void *opaque)
{
    struct worker_child *c = opaque;
    siginfo_t info = { 0 };
    int status = -1;

    if (!c->is_detached) {
        int rc = waitid(P_PIDFD, (id_t)fd, &info, WEXITED | WNOHANG);

        if (rc == 0 && info.si_pid == 0) {
            worker_watch_resume(ww, EVENT_READABLE);   /* not yet */
            return;
        }
        /* ECHILD: the kernel reaped it already (SIGCHLD is ignored) and
         * dropped its status. Waiting again would spin: it is gone. */
        status = rc == 0 ? wait_status(&info) : -1;
    }
    c->has_exited = true;
    worker_watch_free(ww);
    c->watch = NULL;
    c->on_exit(c, status, c->opaque);   /* may free c */
}

static struct worker_child *
watch_process(struct worker *w, pid_t pid, int pidfd, bool is_detached,
              worker_child_exit_cb on_exit, void *opaque,
              struct vireo_error *err)
{
    struct worker_child *c = calloc(1, sizeof(*c));

    if (c == NULL) {
        error_no_memory(err);
        return NULL;
    }
    c->w = w;
    c->pid = pid;
    c->pidfd = pidfd;
    c->is_detached = is_detached;
    c->on_exit = on_exit;
    c->opaque = opaque;
    c->watch = worker_watch_new(w, pidfd, EVENT_READABLE, on_pidfd, c, err);
    if (c->watch == NULL) {
        free(c);
        return NULL;
    }
    worker_list_add(&w->children, &c->node);
    return c;
}

/* The pidfd of a process parked at its gate or a zombie, else -1. */
static int
open_pidfd(pid_t pid, struct vireo_error *err)
{
    int pidfd = pidfd_open(pid, 0);

    if (pidfd < 0)
        error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                  "cannot watch process %d: %s", (int)pid, strerror(errno));
    return pidfd;
}

static pid_t
start(const struct worker_child_spec *spec, int err_pipe[2], int gate[2])
{
    if (!spec->is_detached)
        return start_attached(spec, err_pipe);
    return start_detached(spec, err_pipe, gate);
}

struct worker_child *
worker_child_spawn(struct worker *w, const struct worker_child_spec *spec,
                   worker_child_exit_cb on_exit, void *opaque,
                   struct vireo_error *err)
{
    int err_pipe[2], gate[2] = { -1, -1 }, pidfd = -1, exec_errno;
    struct worker_child *c = NULL;
    pid_t pid;

    if (spec->n_pass_fds < 0 || spec->n_pass_fds > WORKER_CHILD_MAX_PASS_FDS) {
        error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                  "cannot start %s: %d fds to pass on, at most %d",
                  spec->argv[0], spec->n_pass_fds, WORKER_CHILD_MAX_PASS_FDS);
        return NULL;
    }
    if (pipe2(err_pipe, O_CLOEXEC) < 0 ||
        (spec->is_detached && pipe2(gate, O_CLOEXEC) < 0)) {
        error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                  "cannot start %s: %s", spec->argv[0], strerror(errno));
        return NULL;
    }
    pid = start(spec, err_pipe, gate);
    close(err_pipe[1]);
    if (pid > 0)
        pidfd = open_pidfd(pid, err);
    if (pid > 0 && pidfd < 0 && spec->is_detached)
        kill(pid, SIGKILL);   /* parked at the gate: it never runs */
    if (gate[1] >= 0) {
        (void)!write(gate[1], "", 1);   /* opens the gate: it execs */
        close(gate[1]);
    }
    exec_errno = pid > 0 ? read_exec_errno(err_pipe[0]) : -pid;
    close(err_pipe[0]);
    if (gate[0] >= 0)
        close(gate[0]);
    if (exec_errno != 0)
        error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                  "cannot execute %s: %s", spec->argv[0],
                  strerror(exec_errno));
    else if (pidfd >= 0)
        c = watch_process(w, pid, pidfd, spec->is_detached, on_exit, opaque,
                          err);
    if (c == NULL && pid > 0 && !spec->is_detached) {
        if (exec_errno == 0)
            kill(pid, SIGKILL);   /* it ran, but we cannot watch it */
        reap_blocking(pid);
    }
    if (c == NULL && pidfd >= 0) {
        /* A detached process whose exec failed is on its way out: let it
         * finish, so that what it was given (fds to pass on) is let go
         * of before the caller hears of the failure. */
        if (exec_errno != 0 && spec->is_detached)
            wait_gone(pidfd);
        close(pidfd);
    }
    return c;
}

struct worker_child *
worker_child_adopt(struct worker *w, pid_t pid, worker_child_exit_cb on_exit,
                   void *opaque, struct vireo_error *err)
{
    int pidfd = open_pidfd(pid, err);
    struct worker_child *c;

    if (pidfd < 0)
        return NULL;
    c = watch_process(w, pid, pidfd, true, on_exit, opaque, err);
    if (c == NULL)
        close(pidfd);
    return c;
}

pid_t
worker_child_pid(const struct worker_child *c)
{
    return c->pid;
}

bool
worker_child_has_exited(const struct worker_child *c)
{
    return c->has_exited;
}

int
worker_child_signal(struct worker_child *c, int signum)
{
    if (c->has_exited) {
        errno = ESRCH;
        return -1;
    }
    return pidfd_send_signal(c->pidfd, signum, NULL, 0);
}

/* Kill a running attached child and reap it, waiting at most KILL_WAIT_MS
 * for it to die. */
static void
kill_and_reap(struct worker_child *c)
{
    siginfo_t info;

    pidfd_send_signal(c->pidfd, SIGKILL, NULL, 0);
    wait_gone(c->pidfd);
    waitid(P_PIDFD, (id_t)c->pidfd, &info, WEXITED | WNOHANG);
}

void
worker_child_free(struct worker_child *c)
{
    if (c == NULL)
        return;
    if (!c->has_exited && !c->is_detached)
        kill_and_reap(c);
    worker_list_remove(&c->w->children, &c->node);
    worker_watch_free(c->watch);
    free(c);
}

void
worker_children_release_all(struct worker *w)
{
    while (w->children != NULL)
        worker_child_free(WORKER_NODE_ITEM(w->children, struct worker_child,
                                           node));
}
