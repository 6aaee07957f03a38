/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_lifecycle.h: how a QEMU guest starts, runs and stops, between the
 * files that do it:
 *   qemu_start.c     launch QEMU paused, set it up over QMP, resume it
 *   qemu_events.c    QMP's events, and the monitor's readiness and end
 *   qemu_stop.c      quit, SIGTERM, SIGKILL; the process's exit
 *   qemu_reattach.c  the guests that ran before the daemon (re)started
 *   qemu_lifecycle.c the slots clients call, and autostart
 * Driver thread only.
 */
#ifndef VIREO_QEMU_LIFECYCLE_H
#define VIREO_QEMU_LIFECYCLE_H

#include <stdbool.h>

#include "api/vireo.h"
#include "drivers/qemu/qemu_guest.h"
#include "drivers/qemu/qmp.h"

struct domain_obj;
struct qemu_state;
struct worker_child;

/* ---- qemu_start.c -------------------------------------------------------- */

/* Start obj (inactive) running a copy of base (obj->def, or what create
 * was given; the caller keeps base): check what can be checked, launch
 * QEMU paused, then go on as the monitor answers. Returns the guest once
 * QEMU runs (the start ends later: qemu_guest_wait_start), or NULL with
 * err set and nothing left behind. */
struct qemu_guest *qemu_start(struct qemu_state *st, struct domain_obj *obj,
                              const struct domain_def *base, bool is_paused,
                              struct vireo_error *err);

/* The monitor's handshake ended (err NULL: it is ready). */
void qemu_start_on_ready(struct qemu_guest *g, const struct vireo_error *err);

/* The start failed: QEMU is killed, and once it is gone the start's
 * caller hears err, or (err NULL: QEMU went away by itself) what QEMU's
 * log says (qemu_start_on_exit). */
void qemu_start_fail(struct qemu_guest *g, const struct vireo_error *err);

/* The process exited during the start: the domain is inactive again and
 * the caller hears why. Frees g. */
void qemu_start_on_exit(struct qemu_guest *g);

/* Nobody waits for the start any more (its call's deadline passed, or the
 * driver is stopping): it fails. */
void qemu_start_abandoned(struct qemu_guest *g);

/* ---- qemu_events.c ------------------------------------------------------- */

/* The callbacks of every guest's monitor (opaque: the guest). */
extern const struct qmp_callbacks qemu_events_callbacks;

/* Map a paused reason to the Suspended event's detail, and a running
 * reason to the Resumed one's, as libvirt does. */
int qemu_events_suspended_detail(int paused_reason);
int qemu_events_resumed_detail(int running_reason);

/* QEMU's CPUs stopped or run again: the state follows (with the reason
 * the driver expected, if any) and listeners hear of it. Shared by the
 * events and by replies that arrive without their event. */
void qemu_events_on_stop(struct qemu_guest *g);
void qemu_events_on_resume(struct qemu_guest *g);

/* ---- qemu_stop.c --------------------------------------------------------- */

/* Make QEMU exit: quit over QMP, then SIGTERM, then (unless graceful)
 * SIGKILL, each after a short grace. how decides the state and event
 * once it has exited. A stop already under way keeps its course. */
void qemu_stop_begin(struct qemu_guest *g, enum qemu_stop how,
                     bool is_graceful);

/* worker_child's callback for every guest's process (opaque: the guest). */
void qemu_stop_on_exit(struct worker_child *c, int status, void *opaque);

/* The process is gone (exited, or found gone after a restart): the state
 * and the Stopped event follow from how it was stopped, then it is
 * released. Frees g. */
void qemu_stop_gone(struct qemu_guest *g);

/* The guest is gone: its object goes back to its persistent definition
 * (or away, if transient), its files are removed, and its waiting calls
 * are answered. Frees g. */
void qemu_stop_release(struct qemu_guest *g);

/* The driver stops: let go of every guest, running on. */
void qemu_lifecycle_detach_all(struct qemu_state *st);

/* ---- qemu_reattach.c ----------------------------------------------------- */

/* Every status file: adopt its QEMU and reconnect its monitor; the state
 * is read again from QEMU once the monitor answers. A guest gone meanwhile
 * is shut off with an event. */
void qemu_lifecycle_reattach_all(struct qemu_state *st);

/* The monitor of a guest found again is ready (err NULL) or not. */
void qemu_reattach_on_ready(struct qemu_guest *g,
                            const struct vireo_error *err);

/* ---- qemu_lifecycle.c ---------------------------------------------------- */

/* Start every inactive domain marked to start with the daemon. */
void qemu_lifecycle_autostart_all(struct qemu_state *st);

#endif /* VIREO_QEMU_LIFECYCLE_H */
