/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * process_log.h: a guest's QEMU log, as the launcher writes it: each
 * start appends a header line and the environment and command line, as
 * libvirt writes them, then QEMU's own output follows. The tail and the
 * error built from it are in process.h. Runs on the qemu driver's thread.
 */
#ifndef VIREO_QEMU_PROCESS_LOG_H
#define VIREO_QEMU_PROCESS_LOG_H

#include "api/vireo.h"

/* What starts each start's header line, to find the last one again. */
#define PROCESS_LOG_MARK ": starting up vireo version: "

/* Open log_path for appending (made 0600 if missing), write the start's
 * header (the time, vireo's version, envp and argv), and return the fd
 * for QEMU's stdout and stderr (close-on-exec). -1 with err set. */
int process_log_open(const char *log_path, const char *const *envp,
                     const char *const *argv, struct vireo_error *err);

#endif /* VIREO_QEMU_PROCESS_LOG_H */
