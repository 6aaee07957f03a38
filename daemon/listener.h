/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * listener.h: a listening socket of vireod: UNIX (vireo-sock, read-write;
 * vireo-sock-ro, read-only) or TCP (listen_tcp). Loop thread only.
 */
#ifndef VIREO_DAEMON_LISTENER_H
#define VIREO_DAEMON_LISTENER_H

#include <stdbool.h>

#include "api/vireo.h"

struct listener;
struct tls_context;

/* Listen on dir/name with permissions perms. A socket file already there
 * is a stale one: the caller holds the pid file lock, so no live vireod
 * owns it, and it is removed first. NULL with err set on failure. */
struct listener *listener_open(const char *dir, const char *name,
                               unsigned int perms, bool is_read_only,
                               struct vireo_error *err);

/* Listen on TCP addr:port (an IPv4 or IPv6 literal). Without tls, like
 * libvirtd's listen_tcp with auth_tcp = "none": no authentication and no
 * encryption, for loopback or a trusted network. With tls (which must
 * outlive the listener and its clients), like listen_tls: every client
 * speaks TLS and shows a certificate tls lets in. NULL with err set on
 * failure. */
struct listener *listener_open_tcp(const char *addr, int port,
                                   const struct tls_context *tls,
                                   struct vireo_error *err);

/* Serve fd, a socket systemd bound and listens on (activation.h), named
 * name in the log: UNIX (read-only or not) or TCP (TLS with tls, as
 * listener_open_tcp). fd is the listener's
 * from now on, also on failure (NULL with err set). Closing it leaves the
 * socket file alone: it is systemd's. */
struct listener *listener_adopt(int fd, const char *name, bool is_unix,
                                bool is_read_only,
                                const struct tls_context *tls,
                                struct vireo_error *err);

/* Start taking the connections the kernel queues: until then a client's
 * connect succeeds and its first call waits (the listeners open before
 * the drivers' autostart, the accepting starts after it, as libvirtd
 * enables its services once its drivers are up). NULL is a no-op. */
void listener_accept(struct listener *l);

/* Stop accepting and remove the socket file (not an adopted one's); the
 * listener is freed once the loop has closed it. NULL is a no-op. */
void listener_close(struct listener *l);

/* How many connections the kernel may queue for each socket opened or
 * adopted from now on until vireod accepts them (max_queued_clients).
 * Main thread, before the sockets are opened. */
void listener_set_backlog(int n_queued);

/* Make l the admin socket: its clients speak libvirt's admin program
 * (virt-admin) and nothing else. Call before the loop runs again. */
void listener_set_admin(struct listener *l);

/* Loop thread: a client left, the limits changed or the accepting began;
 * the sockets holding a connection accept it if they accept and their
 * server now has room. */
void listener_resume_held(void);

#endif /* VIREO_DAEMON_LISTENER_H */
