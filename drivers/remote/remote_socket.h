/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_socket.h: connecting to a daemon.
 */
#ifndef VIREO_DRIVERS_REMOTE_SOCKET_H
#define VIREO_DRIVERS_REMOTE_SOCKET_H

#include "api/vireo.h"

struct remote_target;

/* A connected stream socket to target, non-blocking and close-on-exec, or
 * -1 with VIR_ERR_SYSTEM_ERROR worded as libvirt's ("Failed to connect
 * socket to '...': ..."). Blocks for the connect itself. Any thread. */
int remote_socket_connect(const struct remote_target *target,
                          struct vireo_error *err);

#endif /* VIREO_DRIVERS_REMOTE_SOCKET_H */
