/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * process.h: starting a guest's QEMU process, and finding it again.
 *
 * A launch turns a live definition into QEMU's command line
 * (qemu_command.h), prepares what the process needs from the host (its
 * directory under the driver's run directory, the listening QMP socket,
 * tap devices, the log file), and starts QEMU detached from the daemon,
 * so that the guest outlives a daemon restart. QEMU is started paused
 * (-S): the driver finishes setting the guest up over QMP and resumes it.
 *
 * The daemon binds the QMP socket itself and hands the listening fd to
 * QEMU, so the monitor can be connected at once, with no wait for QEMU to
 * create it; after a restart the driver connects to the same path again.
 *
 * Every function here runs on the qemu driver's thread.
 */
#ifndef VIREO_QEMU_PROCESS_H
#define VIREO_QEMU_PROCESS_H

#include <stddef.h>
#include <sys/types.h>

#include "api/vireo.h"
#include "drivers/qemu/tap.h"
#include "drivers/worker_child.h"

/* The most interfaces a guest may have: each may need a tap, and every
 * tap is an fd QEMU inherits beside its monitor. */
#define QEMU_PROCESS_MAX_INTERFACES (WORKER_CHILD_MAX_PASS_FDS - 1)

struct domain_def;
struct worker;

struct qemu_process_spec {
    const struct domain_def *def; /* the live definition, aliases set */
    const char *domain_dir;       /* this guest's directory, created */
    const char *log_path;         /* QEMU's stdout and stderr, appended */
    int         id;               /* the domain's live id */
};

struct qemu_process {
    struct worker_child *child;   /* the detached QEMU */
    int                  monitor_fd; /* connected to its QMP socket */
    /* Per interface of the definition, the tap made for it ("vnet0"),
     * or "" (none, or not known after a reattach): the live <target
     * dev=...>. */
    char                 tap_names[QEMU_PROCESS_MAX_INTERFACES][TAP_NAME_SIZE];
};

/* The path of the guest's QMP socket inside its directory. Returns
 * snprintf's count (>= size: truncated). */
int qemu_process_monitor_path(const char *domain_dir, char *buf,
                              size_t size);

/* Check what can be checked before anything is started: the definition
 * holds nothing this driver cannot honour (qemu_command_check), the
 * emulator exists, the kernel and initrd of a direct boot and every disk
 * source exist, every bridge exists, and there are at most
 * QEMU_PROCESS_MAX_INTERFACES interfaces. 0, or -1 with err set (libvirt's
 * code, the element named). */
int qemu_process_check(const struct domain_def *def, struct vireo_error *err);

/* Start QEMU for spec, paused: domain_dir is made if missing, the log
 * gets a line saying so and the command line, and QEMU's stdout and
 * stderr after them. On success fills *out; on_exit(opaque) reports the
 * process's end (without a status: it is not our child). On failure (err
 * set) nothing is left behind: no process, socket or tap.
 *
 * QEMU may still fail after this returns (a bad option, a machine it does
 * not know): it then exits and closes its monitor before the QMP
 * handshake ends, and qemu_process_exited_error() words the error from
 * its log. */
int qemu_process_launch(struct worker *w, const struct qemu_process_spec *spec,
                        worker_child_exit_cb on_exit, void *opaque,
                        struct qemu_process *out, struct vireo_error *err);

/* After a daemon restart: watch the running QEMU pid again and connect to
 * its QMP socket in domain_dir. Fails (err set) when the process is gone
 * or is not the QEMU that was started there. */
int qemu_process_reattach(struct worker *w, pid_t pid,
                          const char *domain_dir,
                          worker_child_exit_cb on_exit, void *opaque,
                          struct qemu_process *out, struct vireo_error *err);

/* Release what the launch prepared on the host once QEMU is gone (sockets
 * in domain_dir, the directory itself); the log stays. */
void qemu_process_cleanup(const char *domain_dir);

/* The last lines QEMU wrote to its log since it was last started, at
 * most size - 1 bytes, for an error message. Returns buf ("" when there
 * is no log or QEMU wrote nothing). */
char *qemu_process_log_tail(const char *log_path, char *buf, size_t size);

/* For a QEMU that ended before the driver had it set up: sets err to
 * VIR_ERR_INTERNAL_ERROR "QEMU exited at start: <the last lines of its
 * log>". Returns -1. */
int qemu_process_exited_error(const char *log_path, struct vireo_error *err);

#endif /* VIREO_QEMU_PROCESS_H */
