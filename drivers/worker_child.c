/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker_child.c: starting processes and learning of their exit through
 * pidfds watched by the main loop (worker_watch.h).
 *
 * Starting. A new process is made the way posix_spawn() makes one:
 * clone() with CLONE_VM and CLONE_VFORK, never fork(). fork() copies the
 * daemon's page tables while it holds the daemon's memory map locked
 * for writing, and then every page the daemon writes is copied once
 * more: under AddressSanitizer (gigabytes of shadow, a quarantine of
 * freed memory) that stalls every thread of the daemon, the loop
 * included, for hundreds of milliseconds per start. Here the new process
 * shares the daemon's memory, on a stack of its own, until it executes,
 * and the starting thread sleeps meanwhile: worker_child_spawn() answers
 * once the program was executed (or failed to be, the process leaving
 * its errno in the shared record), which costs the worker the time of
 * one exec, as before.
 *
 * Sharing memory binds the new process's code: it makes only raw system
 * calls, which no sanitizer's runtime intercepts, and is compiled
 * without the sanitizers, whose bookkeeping belongs to the sleeping
 * thread. Every signal is blocked around the clone, so that no handler
 * of the daemon's runs in it before it puts every disposition back to
 * the default.
 *
 * CLONE_PIDFD gives the pidfd with the process, so no recycled pid can be
 * watched by mistake. A detached process is the grandchild of an
 * intermediate that exits at once (we reap it at once too): the
 * intermediate shares the daemon's fd table (CLONE_FILES), so the pidfd
 * its clone makes is the daemon's.
 *
 * Passing fds on. Every fd above the standard three closes at exec, so
 * the new process first copies those it must pass on above the numbers
 * they will take, and then puts them at 3, 4, ... after marking
 * everything else close-on-exec: a source whose number another one takes
 * is never lost.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
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

/* glibc's clone(), under the name that no sanitizer intercepts:
 * ThreadSanitizer takes every clone() for a fork() and resets its
 * bookkeeping in the new process, which, sharing our memory, would reset
 * the daemon's. */
extern int __clone(int (*fn)(void *), void *stack, int flags, void *arg,
                   ...);

/* How long releasing a running attached child waits for it to die after
 * SIGKILL: a process stuck in the kernel (D state) can take longer, and
 * the worker must not hang on it. */
#define KILL_WAIT_MS 5000

/* Each new process's stack until it executes: its code keeps a few
 * hundred bytes of locals. */
#define SPAWN_STACK_SIZE (64 * 1024)

/* The code of a process that shares the daemon's memory. */
#define CHILD_SIDE __attribute__((no_sanitize_address, no_sanitize_thread, \
                                  no_sanitize_undefined, noinline))

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

/* One start, shared by the starting thread and the processes it makes
 * (CLONE_VM): each process writes only its own fields, while the thread
 * sleeps (CLONE_VFORK). */
struct spawn {
    const struct worker_child_spec *spec;
    char  *stacks;      /* SPAWN_STACK_SIZE each: the program's, the
                         * intermediate's */
    pid_t  pid;         /* the program's, or -errno */
    int    pidfd;       /* the program's, from CLONE_PIDFD */
    int    exec_errno;  /* why the exec failed; 0 once it happened */
};

/* ---- in the new process (raw system calls only) ------------------------ */

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
 * an ignored signal stays ignored across exec. Then none blocked. */
static CHILD_SIDE void
reset_signals(void)
{
    struct kernel_sigaction dfl = { .handler = SIG_DFL };
    unsigned long none = 0;

    for (int sig = 1; sig < NSIG; sig++)   /* KILL, STOP fail harmlessly */
        syscall(SYS_rt_sigaction, sig, &dfl, NULL, sizeof(dfl.mask));
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &none, NULL, sizeof(none));
}

/* fd copied to the lowest free number at least min, close-on-exec. */
static CHILD_SIDE int
copy_above(int fd, int min)
{
    return (int)syscall(SYS_fcntl, fd, F_DUPFD_CLOEXEC, min);
}

/* Put spec's fds (or /dev/null) at 0, 1 and 2. Sources below 3 are first
 * moved up, so that placing one never overwrites another. */
static CHILD_SIDE int
place_stdio(const struct worker_child_spec *spec)
{
    int src[3] = { spec->stdin_fd, spec->stdout_fd, spec->stderr_fd };

    for (int i = 0; i < 3; i++) {
        if (src[i] < 0)
            src[i] = (int)syscall(SYS_openat, AT_FDCWD, "/dev/null",
                                  i == 0 ? O_RDONLY : O_WRONLY);
        if (src[i] >= 0 && src[i] < 3)
            src[i] = copy_above(src[i], 3);
        if (src[i] < 0)
            return -1;
    }
    for (int i = 0; i < 3; i++)
        if (syscall(SYS_dup3, src[i], i, 0) < 0)
            return -1;
    return 0;
}

/* Copy the fds to pass on above the numbers they will take (3 to
 * 3 + n - 1), so that placing one never overwrites another. */
static CHILD_SIDE int
lift_pass_fds(const struct worker_child_spec *spec,
              int lifted[WORKER_CHILD_MAX_PASS_FDS])
{
    for (int i = 0; i < spec->n_pass_fds; i++) {
        lifted[i] = copy_above(spec->pass_fds[i], 3 + spec->n_pass_fds);
        if (lifted[i] < 0)
            return -1;
    }
    return 0;
}

/* Put the lifted fds at 3, 4, ...: a dup3() without O_CLOEXEC makes them
 * survive the exec. A lifted fd is above them all, never its own
 * target. */
static CHILD_SIDE int
place_pass_fds(const struct worker_child_spec *spec, const int *lifted)
{
    for (int i = 0; i < spec->n_pass_fds; i++)
        if (syscall(SYS_dup3, lifted[i], 3 + i, 0) < 0)
            return -1;
    return 0;
}

/* The raw exit of this process alone. */
static CHILD_SIDE _Noreturn void
exit_now(int status)
{
    for (;;)
        syscall(SYS_exit, status);
}

/* Never returns: the program runs, or the process exits with its errno
 * left in s. */
static CHILD_SIDE _Noreturn void
exec_program(struct spawn *s)
{
    const struct worker_child_spec *spec = s->spec;
    int lifted[WORKER_CHILD_MAX_PASS_FDS];

    reset_signals();
    if (lift_pass_fds(spec, lifted) < 0 || place_stdio(spec) < 0)
        goto fail;
    /* Nothing of the daemon's leaks into the program: every fd above the
     * standard three closes at exec, except those placed after this for
     * the program. */
    syscall(SYS_close_range, 3, ~0u, CLOSE_RANGE_CLOEXEC);
    if (place_pass_fds(spec, lifted) < 0)
        goto fail;
    syscall(SYS_execve, spec->argv[0], spec->argv,
            spec->envp != NULL ? (char *const *)spec->envp : environ);
fail:
    s->exec_errno = errno != 0 ? errno : EIO;
    exit_now(127);
}

/* An attached process: a session of its own, then the program. */
static CHILD_SIDE int
run_attached(void *opaque)
{
    syscall(SYS_setsid);
    exec_program(opaque);
}

/* A detached process, through clone() from the intermediate. */
static CHILD_SIDE int
run_detached(void *opaque)
{
    exec_program(opaque);
}

/* The intermediate of a detached start: a session of its own, the
 * program as its child, whose pid and pidfd (in the daemon's fd table,
 * which it shares) it leaves in s, and gone. The program has executed
 * (or failed to) once its clone() returns: CLONE_VFORK. */
static CHILD_SIDE int
run_intermediate(void *opaque)
{
    struct spawn *s = opaque;
    pid_t pid;

    syscall(SYS_setsid);
    pid = __clone(run_detached, s->stacks + SPAWN_STACK_SIZE,
                  CLONE_VM | CLONE_VFORK | CLONE_PIDFD | SIGCHLD, s,
                  &s->pidfd);
    s->pid = pid < 0 ? -errno : pid;
    exit_now(0);
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

static void
reap_blocking(pid_t pid)
{
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
        ;
}

/* Attached: the child is ours, so its pidfd stays valid (a zombie) until
 * we reap it. Returns its pid, or -errno. */
static pid_t
start_attached(struct spawn *s)
{
    pid_t pid = __clone(run_attached, s->stacks + SPAWN_STACK_SIZE,
                        CLONE_VM | CLONE_VFORK | CLONE_PIDFD | SIGCHLD, s,
                        &s->pidfd);

    s->pid = pid < 0 ? -errno : pid;
    return s->pid;
}

/* Detached: returns the program's pid, or -errno. */
static pid_t
start_detached(struct spawn *s)
{
    pid_t mid = __clone(run_intermediate,
                        s->stacks + 2 * SPAWN_STACK_SIZE,
                        CLONE_VM | CLONE_VFORK | CLONE_FILES | SIGCHLD, s);

    if (mid < 0)
        return -errno;
    reap_blocking(mid);
    return s->pid;
}

/* Start s's program with every signal blocked meanwhile (the new process
 * unblocks them once their dispositions are the default). Returns its
 * pid (s->exec_errno says whether it executed), or -errno. */
static pid_t
start(struct spawn *s)
{
    sigset_t all, old;
    pid_t pid;

    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pid = s->spec->is_detached ? start_detached(s) : start_attached(s);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
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

/* A pidfd on a running process (or a zombie), else -1 with err set. */
static int
open_pidfd(pid_t pid, struct vireo_error *err)
{
    int pidfd = pidfd_open(pid, 0);

    if (pidfd < 0)
        error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                  "cannot watch process %d: %s", (int)pid, strerror(errno));
    return pidfd;
}

/* The process started but cannot be watched: it must not run on as if it
 * had failed to start. An attached one is reaped too. */
static void
abandon(const struct spawn *s)
{
    pidfd_send_signal(s->pidfd, SIGKILL, NULL, 0);
    if (!s->spec->is_detached)
        reap_blocking(s->pid);
}

/* An exec failed: the process is on its way out. Let it finish, so that
 * what it was given (fds to pass on) is let go of before the caller hears
 * of the failure, and reap it if it is ours. */
static void
finish_failed(const struct spawn *s)
{
    if (s->spec->is_detached)
        wait_gone(s->pidfd);
    else
        reap_blocking(s->pid);
}

struct worker_child *
worker_child_spawn(struct worker *w, const struct worker_child_spec *spec,
                   worker_child_exit_cb on_exit, void *opaque,
                   struct vireo_error *err)
{
    struct spawn s = { .spec = spec, .pidfd = -1 };
    struct worker_child *c = NULL;
    pid_t pid;

    if (spec->n_pass_fds < 0 || spec->n_pass_fds > WORKER_CHILD_MAX_PASS_FDS) {
        error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                  "cannot start %s: %d fds to pass on, at most %d",
                  spec->argv[0], spec->n_pass_fds, WORKER_CHILD_MAX_PASS_FDS);
        return NULL;
    }
    s.stacks = mmap(NULL, 2 * SPAWN_STACK_SIZE, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (s.stacks == MAP_FAILED) {
        error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                  "cannot start %s: %s", spec->argv[0], strerror(errno));
        return NULL;
    }
    pid = start(&s);
    munmap(s.stacks, 2 * SPAWN_STACK_SIZE);
    if (pid < 0 || s.exec_errno != 0) {
        if (pid > 0)
            finish_failed(&s);
        error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                  "cannot execute %s: %s", spec->argv[0],
                  strerror(pid < 0 ? (int)-pid : s.exec_errno));
    } else {
        c = watch_process(w, pid, s.pidfd, spec->is_detached, on_exit,
                          opaque, err);
        if (c == NULL)
            abandon(&s);
    }
    if (c == NULL && s.pidfd >= 0)
        close(s.pidfd);
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
