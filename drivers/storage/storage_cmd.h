/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_cmd.h: running a storage tool (qemu-img) for the call that
 * needs it, without the storage thread ever waiting for it: the tool runs
 * as a worker child, what it says on stderr is collected through a pipe
 * the main loop watches, and its exit answers the call (call.h), which
 * then runs again and finds the answer.
 *
 * Storage thread only.
 */
#ifndef VIREO_DRIVERS_STORAGE_CMD_H
#define VIREO_DRIVERS_STORAGE_CMD_H

#include "api/vireo.h"

struct call;
struct worker;

/* What to undo if the call ends before the tool does (its deadline, or
 * the daemon stopping): the tool is killed first. Or, when the tool
 * answered the call, what to free. */
typedef void (*stor_cmd_abandon_fn)(void *opaque);
typedef void (*stor_cmd_free_fn)(void *opaque);

/* Run argv (argv[0] a program name found on PATH, or a path) for call c,
 * which waits for it; the call is answered 0 when it exits with status 0,
 * else -1 with libvirt's words for a failed child ("Child process (...)
 * unexpected exit status N: <its stderr>"). Exactly one of on_abandon
 * and free_opaque (either may be NULL) then runs with opaque. 0 once
 * started, or -1 with err set (the call does not wait then, and
 * neither runs). */
int stor_cmd_run(struct worker *w, struct call *c, const char *const *argv,
                 stor_cmd_abandon_fn on_abandon, stor_cmd_free_fn free_opaque,
                 void *opaque, struct vireo_error *err);

/* The same for a tool whose report the call reads (the LVM tools):
 * argv[0] must be a static string (it names what the call waits for).
 * The answer's data (call_replay) is what the tool printed on stdout,
 * a string the call owns, on success and on failure alike. */
int stor_cmd_run_output(struct worker *w, struct call *c,
                        const char *const *argv, struct vireo_error *err);

#endif /* VIREO_DRIVERS_STORAGE_CMD_H */
