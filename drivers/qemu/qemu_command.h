/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_command.h: a domain definition as QEMU's command line.
 *
 * Pure functions of the definition and the few facts only the launcher
 * knows (which fds QEMU inherits, where its sockets go): no I/O, any
 * thread. The command line always starts the guest paused (-S), without
 * QEMU's defaults or user config (-nodefaults -no-user-config), and with
 * -no-shutdown, so that a guest powering off stops instead of exiting and
 * the driver decides what on_poweroff means.
 */
#ifndef VIREO_QEMU_COMMAND_H
#define VIREO_QEMU_COMMAND_H

#include "api/vireo.h"

struct domain_def;

struct qemu_command_env {
    const char *emulator;     /* the binary to run, an absolute path */
    int         monitor_fd;   /* the listening QMP socket, as QEMU sees it */
    const int  *tap_fds;      /* per interface, in order: the tap fd QEMU
                               * sees for a bridge or ethernet interface,
                               * -1 for the others */
    const char *domain_dir;   /* where per-guest sockets go (the guest
                               * agent channel) */
};

/* Refuse what this driver cannot honour, before anything is started: a
 * network interface, a volume disk, a host device, an unknown device ...,
 * with VIR_ERR_CONFIG_UNSUPPORTED (or libvirt's code for the case) and the
 * element named. 0 or -1. */
int qemu_command_check(const struct domain_def *def, struct vireo_error *err);

/* Give every device of a live definition the alias libvirt gives it
 * ("virtio-disk0", "net0", "serial0", "video0" ...); the command line uses
 * them as QEMU ids, so QMP replies and events name devices by them. A
 * character device's -chardev is "char" + its alias ("charserial0"): its
 * pty is the one query-chardev reports under that label. An hvm guest's
 * first serial console is the first serial port: both carry "serial0"
 * (and a console given alone becomes that port). */
int qemu_command_assign_aliases(struct domain_def *def,
                                struct vireo_error *err);

/* The vnc listen address when a definition gives none (libvirt's
 * qemu.conf default). */
#define QEMU_COMMAND_VNC_LISTEN "127.0.0.1"

/* Settle on a live definition what libvirt settles at start, so that the
 * running guest's XML shows it: the socket path of a unix channel that
 * names none (in domain_dir, after the channel: the path the command line
 * uses), the vnc listen address, and a serial port's target type and
 * model (isa-serial). Call it after qemu_command_assign_aliases. 0, or -1
 * with err set (OOM). */
int qemu_command_settle_live(struct domain_def *def, const char *domain_dir,
                             struct vireo_error *err);

/* The emulator to run: the definition's <emulator>, else
 * qemu-system-x86_64 found on PATH. *path is malloc'ed. 0, or -1 with
 * VIR_ERR_INTERNAL_ERROR naming what was not found. */
int qemu_command_find_emulator(const struct domain_def *def, char **path,
                               struct vireo_error *err);

/* The argv for def (checked, aliases assigned) in env: a NULL-ended
 * array of malloc'ed strings, freed with qemu_command_free(). NULL with
 * err set. */
char **qemu_command_build(const struct domain_def *def,
                          const struct qemu_command_env *env,
                          struct vireo_error *err);

void qemu_command_free(char **argv);

#endif /* VIREO_QEMU_COMMAND_H */
