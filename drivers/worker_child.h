/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * worker_child.h: processes a driver starts or watches, whose exit reaches
 * the driver as a call on its own thread.
 *
 * Each process is watched through a pidfd on the main loop (never a
 * blocking waitpid, never SIGCHLD). Two kinds:
 * - attached: a child of the daemon. Its exit is reaped when reported,
 *   and if the driver lets go of it (or its worker exits) while it runs,
 *   it is killed and reaped then: no zombie is ever left.
 * - detached: started through a short-lived intermediate process, so that
 *   it is not the daemon's child and outlives the daemon (a guest that
 *   must survive a daemon restart); or a running process adopted by pid
 *   (found again after a restart). Its exit is reported without a status:
 *   only its parent could reap it.
 * Every function here is for the worker thread only.
 */
#ifndef VIREO_DRIVERS_WORKER_CHILD_H
#define VIREO_DRIVERS_WORKER_CHILD_H

#include <stdbool.h>
#include <sys/types.h>

#include "api/vireo.h"

struct worker;
struct worker_child;

/* The most fds a spawn passes on beyond the standard three. */
#define WORKER_CHILD_MAX_PASS_FDS 32

struct worker_child_spec {
    const char *const *argv;      /* argv[0]: an absolute path */
    const char *const *envp;      /* NULL: the daemon's environment */
    int                stdin_fd;  /* -1: /dev/null */
    int                stdout_fd; /* -1: /dev/null */
    int                stderr_fd; /* -1: /dev/null */
    /* Passed on as fds 3, 4, ... in this order (a listening socket, a
     * tap, ...); they stay the caller's, open. At most
     * WORKER_CHILD_MAX_PASS_FDS. */
    const int         *pass_fds;
    int                n_pass_fds;
    bool               is_detached;
};

/* On the worker thread once the process has exited. status is as from
 * waitpid() for an attached child, -1 for a detached one (and for an
 * attached one the kernel reaped itself: a daemon that ignores SIGCHLD).
 * The child record stays valid until worker_child_free(), which the
 * callback may call. */
typedef void (*worker_child_exit_cb)(struct worker_child *c, int status,
                                     void *opaque);

/* Start spec's program. Returns once it was executed (or failed to be,
 * with err naming the program and errno); the process starts with default
 * signal dispositions and an empty signal mask, in a session of its own,
 * with only the three standard fds and spec's pass_fds open. */
struct worker_child *worker_child_spawn(struct worker *w,
                                        const struct worker_child_spec *spec,
                                        worker_child_exit_cb on_exit,
                                        void *opaque,
                                        struct vireo_error *err);

/* Watch a running process this daemon did not start (detached kind). */
struct worker_child *worker_child_adopt(struct worker *w, pid_t pid,
                                        worker_child_exit_cb on_exit,
                                        void *opaque,
                                        struct vireo_error *err);

pid_t worker_child_pid(const struct worker_child *c);
bool  worker_child_has_exited(const struct worker_child *c);

/* Signal the process through its pidfd, so a recycled pid is never hit.
 * 0, or -1 with errno set (ESRCH once it has exited). */
int worker_child_signal(struct worker_child *c, int signum);

/* Stop watching. An attached child still running is killed and reaped
 * first; a detached one runs on. No callback follows. NULL is a no-op. */
void worker_child_free(struct worker_child *c);

#endif /* VIREO_DRIVERS_WORKER_CHILD_H */
