/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireod.h: the daemon as a function of its drivers, so that vireod
 * (main.c) and test daemons with drivers of their own share everything
 * else.
 */
#ifndef VIREO_DAEMON_VIREOD_H
#define VIREO_DAEMON_VIREOD_H

struct driver;

/* Parse the command line, load the configuration, take the pid file and
 * serve with drivers (NULL-terminated, in startup order) until SIGTERM.
 * Returns the process's exit status. */
int vireod_main(int argc, char **argv, const struct driver *const *drivers);

#endif /* VIREO_DAEMON_VIREOD_H */
