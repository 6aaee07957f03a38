/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * server.h: vireod's life once configured: start the drivers, listen,
 * serve on the main loop until SIGTERM/SIGINT, then stop in order.
 */
#ifndef VIREO_DAEMON_SERVER_H
#define VIREO_DAEMON_SERVER_H

#include "daemon/config.h"

struct driver;

/* Run with drivers (NULL-terminated, in startup order) on the calling
 * thread, which becomes the loop thread, listening on the sockets systemd
 * passed (activation.h) or on those cfg names. With idle_timeout_s > 0,
 * stop as on SIGTERM once idle that long (idle_exit.h). Returns 0 after a
 * clean stop, or -1 (logged) if the daemon could not start. */
int server_run(const struct daemon_config *cfg,
               const struct driver *const *drivers, int idle_timeout_s);

#endif /* VIREO_DAEMON_SERVER_H */
