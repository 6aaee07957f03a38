/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_uri.h: what a client-side URI means to the remote driver: where
 * the daemon listens, and the name to send it in CONNECT_OPEN.
 *
 *   test+unix:///default?socket=/x   unix socket /x, name test:///default
 *   qemu:///system                   the daemon's default socket
 *   test+tcp://host:16509/default    TCP to host:16509
 *
 * Pure functions of the URI and the environment; any thread.
 */
#ifndef VIREO_DRIVERS_REMOTE_URI_H
#define VIREO_DRIVERS_REMOTE_URI_H

#include <stdbool.h>

#include "api/vireo.h"

struct uri;

enum remote_transport {
    REMOTE_TRANSPORT_UNIX,
    REMOTE_TRANSPORT_TCP,
    REMOTE_TRANSPORT_TLS,
};

/* What a transport protects, as libvirt's client judges it: a UNIX socket
 * is secure (only processes on this host reach it) but carries clear
 * text; plain TCP is neither secure nor encrypted; TLS is both. (ssh
 * would be both too; vireo does not speak it.) */
bool remote_transport_is_secure(enum remote_transport transport);
bool remote_transport_is_encrypted(enum remote_transport transport);

/* libvirtd's TCP port, which vireod uses too. */
#define REMOTE_TCP_PORT_DEFAULT 16509
/* libvirtd's TLS port, vireod's too. */
#define REMOTE_TLS_PORT_DEFAULT 16514

struct remote_target {
    enum remote_transport transport;
    char *socket_path;   /* UNIX */
    char *host;          /* TCP, TLS */
    int   port;          /* TCP, TLS */
    char *pki_dir;       /* TLS: pkipath=, NULL for libvirt's paths */
    bool  is_verify_off; /* TLS: no_verify=1 */
    /* What CONNECT_OPEN carries: the URI without its transport, server
     * and client-side parameters; "" lets the daemon choose. */
    char *name;
};

/* Fill target from uri. read_only picks the daemon's read-only socket when
 * no socket is named. VIR_ERR_INVALID_ARG for a transport vireo does not
 * speak (ssh, tls, ...) or a malformed parameter. */
int  remote_target_resolve(const struct uri *uri, bool read_only,
                           struct remote_target *target,
                           struct vireo_error *err);
void remote_target_clear(struct remote_target *target);

/* The directory holding vireod's sockets when the URI names none: /run/vireo
 * for root, $XDG_RUNTIME_DIR/vireo (else /tmp/vireo-UID) for others, as the
 * daemon's own defaults. The caller frees it. */
char *remote_default_socket_dir(void);

#endif /* VIREO_DRIVERS_REMOTE_URI_H */
