/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * pidfile.h: one vireod per directory.
 *
 * The daemon takes an exclusive open-file-description lock
 * (fcntl F_OFD_SETLK) on its pid file for as long as
 * it runs. A second daemon on the same run directory finds the lock held and
 * refuses to start, naming the holder's pid; a pid file left by a crashed run
 * is not locked by anyone, so it is simply taken over (and so are the stale
 * sockets beside it, which the listener removes before binding).
 */
#ifndef VIREO_DAEMON_PIDFILE_H
#define VIREO_DAEMON_PIDFILE_H

#include "api/vireo.h"

struct pidfile;

/* Create (and lock) path, writing our pid. NULL with VIR_ERR_OPERATION_FAILED
 * "another vireod (pid N) is already running with PATH" when the lock is
 * held, or VIR_ERR_SYSTEM_ERROR. */
struct pidfile *pidfile_acquire(const char *path, struct vireo_error *err);

/* Remove the file and drop the lock. pidfile_release(NULL) is a no-op. */
void pidfile_release(struct pidfile *pf);

#endif /* VIREO_DAEMON_PIDFILE_H */
