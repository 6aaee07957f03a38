/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_route.h: which connection serves a call: the client's own, or
 * the companion that serves the call's object kind beside it (networks and
 * storage of qemu:///system, drivers/companion.h).
 */
#ifndef VIREO_DAEMON_DISPATCH_ROUTE_H
#define VIREO_DAEMON_DISPATCH_ROUTE_H

struct vireo_conn;
struct wire_proc;

/* conn, or its companion for proc's object kind. Not referenced. Any
 * thread. */
struct vireo_conn *dispatch_route(struct vireo_conn *conn,
                                  const struct wire_proc *proc);

#endif /* VIREO_DAEMON_DISPATCH_ROUTE_H */
