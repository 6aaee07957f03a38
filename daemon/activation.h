/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * activation.h: the listening sockets systemd hands vireod when its socket
 * units start it (socket activation: LISTEN_PID, LISTEN_FDS,
 * LISTEN_FDNAMES), sorted by what each one serves.
 *
 * A socket's role comes from its name, which is its socket unit's name
 * unless the unit sets FileDescriptorName=: "vireod.socket" is the
 * read-write UNIX socket, "vireod-ro.socket" the read-only one,
 * "vireod-tcp.socket" the TCP one, "vireod-tls.socket" the TLS one,
 * "vireod-admin.socket" the admin one.
 * libvirtd's unit names ("libvirtd.socket", "libvirtd-ro.socket",
 * "libvirtd-tcp.socket", "libvirtd-tls.socket", "libvirtd-admin.socket")
 * mean
 * the same, so a host's libvirt socket units can start vireod. Main
 * thread, at start-up.
 */
#ifndef VIREO_DAEMON_ACTIVATION_H
#define VIREO_DAEMON_ACTIVATION_H

#include <stdbool.h>

#include "api/vireo.h"

enum activation_role {
    ACTIVATION_RW,      /* UNIX, read-write */
    ACTIVATION_RO,      /* UNIX, read-only */
    ACTIVATION_TCP,     /* TCP, as listen_tcp */
    ACTIVATION_TLS,     /* TCP with TLS, as listen_tls */
    ACTIVATION_ADMIN,   /* UNIX, libvirt's admin program (virt-admin) */
    ACTIVATION_N_ROLES,
};

struct activation {
    int  fds[ACTIVATION_N_ROLES];   /* -1: not passed */
    bool is_activated;              /* systemd passed sockets */
};

/* Take the sockets systemd passed to this process, if any, and unset the
 * LISTEN_* variables so that no child sees them. Returns 0 (act filled,
 * is_activated false when started otherwise), or -1 with
 * VIR_ERR_CONFIG_UNSUPPORTED naming the socket: one whose name gives it no
 * role, two for one role, or one of the wrong kind (a TCP socket named
 * for UNIX, a datagram socket, one not listening). On failure every passed
 * socket is closed. */
int activation_take(struct activation *act, struct vireo_error *err);

/* Close the sockets still held (those no listener took: set a taken
 * one's fd to -1). */
void activation_clear(struct activation *act);

#endif /* VIREO_DAEMON_ACTIVATION_H */
