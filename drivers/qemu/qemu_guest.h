/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_guest.h: what a running domain has besides its definitions: its
 * QEMU process, its monitor, the calls waiting on them, and the few facts
 * QMP events are read against. A domain object's priv points at its guest
 * while the domain is active.
 *
 * A call that needs QEMU never blocks the driver's thread: it becomes a
 * wait record on the guest (for QEMU's answer to a command, for the
 * process to exit, or for the start to end), and the answer, the call's
 * deadline or the guest's end completes it exactly once (call.h).
 *
 * Everything here runs on the driver's thread.
 */
#ifndef VIREO_QEMU_GUEST_H
#define VIREO_QEMU_GUEST_H

#include <json-c/json.h>
#include <stdbool.h>
#include <sys/types.h>

#include "api/vireo.h"
#include "drivers/qemu/qmp.h"

struct call;
struct domain_obj;
struct qemu_start;
struct qemu_state;
struct qemu_wait;
struct worker_child;
struct worker_timer;

/* How a running guest is being stopped, which decides the state and the
 * event once its process is gone. */
enum qemu_stop {
    QEMU_STOP_NONE = 0,     /* not asked to: an exit is a crash */
    QEMU_STOP_DESTROY,      /* destroy: shut off (destroyed) */
    QEMU_STOP_SHUTDOWN,     /* the guest powered off: shut off (shutdown) */
    QEMU_STOP_CRASH,        /* on_crash said destroy: shut off (crashed) */
    QEMU_STOP_LOST,         /* the driver cannot control it (no monitor
                               after a restart, a start left half done):
                               killed, shut off (daemon) */
};

/* Owned by the qemu driver's thread. Made when QEMU is launched or found
 * again after a restart; freed once the process is gone, or let go of
 * (with QEMU running on) when the driver stops. */
struct qemu_guest {
    struct qemu_state   *st;
    struct domain_obj   *obj;            /* whose priv this is */
    struct worker_child *process;        /* NULL once it has exited */
    pid_t                pid;
    struct qmp          *qmp;            /* NULL until connected, and once
                                            the monitor is gone */
    bool                 is_monitor_open; /* set up (started, or found
                                             again): calls' commands go */
    bool                 is_closing;     /* being freed: answers only
                                            reach the calls */
    char                *dir;            /* RUN_DIR/domain-ID-NAME */
    char                *monitor_path;
    char                *log_path;
    struct qemu_wait    *waits;          /* calls waiting on this guest */
    struct qemu_start   *start;          /* a start in progress, or NULL */
    enum qemu_stop       stop;
    struct worker_timer *kill_timer;     /* a stop's escalation */
    int                  n_kill_steps;   /* taken so far */
    bool                 is_graceful;    /* a stop that never SIGKILLs */
    int                  running_reason; /* for QEMU's next RESUME */
    int                  paused_reason;  /* for QEMU's next STOP */
    bool                 is_fake_reboot; /* the next power-off reboots */
    bool                 is_paused_by_shutdown; /* a STOP that follows a
                                                   SHUTDOWN is not a pause */
};

/* A guest for obj, about to run as id: its directory, log and monitor
 * paths are set, nothing is started. NULL with err set. */
struct qemu_guest *qemu_guest_new(struct qemu_state *st,
                                  struct domain_obj *obj, int id,
                                  struct vireo_error *err);

/* The guest's end: every call still waiting on it is answered with
 * err_code and why, the monitor closed, the timers freed, and obj->priv
 * cleared. The process must be gone (or be let go of: detach). */
void qemu_guest_free(struct qemu_guest *g, int err_code, const char *why);

/* The driver stops: let go of the guest, which runs on, its status saved
 * for the next start. */
void qemu_guest_detach(struct qemu_guest *g);

/* Whether any guest exists (launched, running, or being stopped): the
 * driver's has_guests hook. Any thread: the only state here read off the
 * driver's thread, a count. */
bool qemu_guest_any(void);

/* Write the status file (qemu_status.h) from the guest and its object; a
 * failure is logged: the guest runs on. */
void qemu_guest_save_status(struct qemu_guest *g);

/* The CPU time QEMU has used, from /proc; 0 if it cannot be read. */
unsigned long long qemu_guest_cpu_time_ns(const struct qemu_guest *g);
/* The same for the process pid; any thread (no state is read). */
unsigned long long qemu_guest_pid_cpu_time_ns(pid_t pid);

/* ---- waiting on the guest, from a slot ----------------------------------
 * Each returns 0 once the current call waits (its slot then returns and
 * replays the answer when it runs again), or -1 with err set. */

/* A command's sender from monitor.h (monitor_stop, monitor_cont ...). */
typedef unsigned long long (*qemu_send_fn)(struct qmp *m, qmp_reply_cb cb,
                                           void *opaque,
                                           struct vireo_error *err);

/* What a slot makes of QEMU's answer to its command: reply is QEMU's whole
 * reply on success (qerr NULL), else qerr says why. Returns the call's
 * result, setting err on failure; *data (freed with free()) rides along to
 * the replay. */
typedef int (*qemu_reply_fn)(struct qemu_guest *g, json_object *reply,
                             const struct vireo_error *qerr, void **data,
                             struct vireo_error *err);

/* Send a command for the current call; until the guest is set up (a
 * start or a reattach in progress) it is queued. The call's deadline is
 * the monitor timeout; waiting_for is a static string naming what is
 * awaited, for the timeout error. */
int qemu_guest_command(struct qemu_guest *g, qemu_send_fn send,
                       qemu_reply_fn on_reply, const char *waiting_for,
                       struct vireo_error *err);

/* The same for a command given as JSON text (qemu-monitor-command). */
int qemu_guest_command_text(struct qemu_guest *g, const char *json_text,
                            qemu_reply_fn on_reply,
                            struct vireo_error *err);

/* Wait until the process has exited, for at most timeout_ms. */
int qemu_guest_wait_exit(struct qemu_guest *g, int timeout_ms,
                         struct vireo_error *err);

/* Wait until the start in progress ends, for at most timeout_ms. */
int qemu_guest_wait_start(struct qemu_guest *g, int timeout_ms,
                          struct vireo_error *err);

/* Answer every call waiting for the exit (with success) or the start
 * (with rc, and err when rc < 0). Returns how many there were. */
int qemu_guest_answer_exit(struct qemu_guest *g);
int qemu_guest_answer_start(struct qemu_guest *g, int rc,
                            const struct vireo_error *err);

/* ---- commands nobody waits for ------------------------------------------ */

/* What the driver does with the answer to its own command; not called if
 * the guest goes first. */
typedef void (*qemu_internal_fn)(struct qemu_guest *g, json_object *reply,
                                 const struct vireo_error *qerr);

/* Send a command for the driver itself: a set-up command (is_setup) as
 * soon as the monitor is ready, any other once the guest is set up.
 * Returns 0, or -1 with err set when the monitor is gone or refuses it. */
int qemu_guest_send(struct qemu_guest *g, qemu_send_fn send,
                    qemu_internal_fn on_reply, bool is_setup,
                    struct vireo_error *err);

/* The guest is set up: send the commands queued meanwhile. */
void qemu_guest_flush(struct qemu_guest *g);

/* QEMU closed the monitor (inside its on_closed): let go of it, and fail
 * the commands that were waiting to be sent. */
void qemu_guest_monitor_gone(struct qemu_guest *g);

#endif /* VIREO_QEMU_GUEST_H */
