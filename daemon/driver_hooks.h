/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * driver_hooks.h: the daemon's side of its drivers' lifecycle: the
 * context each startup hook gets, autostart once the daemon listens, and
 * shutdown while the main loop still runs (a driver may need the loop to
 * finish talking to its processes), within a bound.
 *
 * Everything here runs on the loop thread.
 */
#ifndef VIREO_DAEMON_DRIVER_HOOKS_H
#define VIREO_DAEMON_DRIVER_HOOKS_H

#include <stdbool.h>

#include "api/vireo.h"
#include "daemon/config.h"

/* Run every driver's startup hook with its context: its own directories
 * under cfg's state_dir and run_dir (created), whether the daemon is
 * privileged, and its settings from NAME.conf in config_dir (vireod's
 * configuration directory; a missing file means no settings). Keys no
 * driver asked for are logged as warnings. 0, or -1 with err set. */
int  driver_hooks_start(const struct daemon_config *cfg,
                        const char *config_dir, struct vireo_error *err);

/* Run every autostart hook; done() on the loop thread once each has
 * ended (driver.h), unless the drivers are stopped first. */
void driver_hooks_autostart(void (*done)(void));

/* Shut every driver down, in reverse order, on a thread of its own while
 * the loop keeps running; then, on the loop thread, call done(false), or
 * done(true) if they are not all down after bound_s seconds (the daemon
 * then exits without them). */
void driver_hooks_stop(int bound_s, void (*done)(bool is_timed_out));

#endif /* VIREO_DAEMON_DRIVER_HOOKS_H */
