/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_events.c: what QEMU tells the driver unasked, and what the driver
 * makes of it, following libvirt's QEMU driver: QMP's STOP and RESUME
 * move the state between running and paused; SHUTDOWN is a power-off
 * (then on_poweroff, or a reboot the driver fakes: reset and resume);
 * RESET is a reboot; GUEST_PANICKED a crash (then on_crash). Each change
 * is saved in the status file and told to listeners with libvirt's
 * lifecycle event. The monitor's readiness and end arrive here too.
 *
 * Driver thread only.
 */
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_event.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/qemu/monitor.h"
#include "drivers/qemu/qemu_lifecycle.h"
#include "drivers/qemu/qemu_state.h"

int
qemu_events_suspended_detail(int paused_reason)
{
    switch (paused_reason) {
    case VIR_DOMAIN_PAUSED_IOERROR:
        return VIR_DOMAIN_EVENT_SUSPENDED_IOERROR;
    case VIR_DOMAIN_PAUSED_WATCHDOG:
        return VIR_DOMAIN_EVENT_SUSPENDED_WATCHDOG;
    default:
        return VIR_DOMAIN_EVENT_SUSPENDED_PAUSED;
    }
}

/* Every running reason this driver gives reads "unpaused" in libvirt's
 * Resumed event (migrations and snapshots, the others, are not done). */
int
qemu_events_resumed_detail(int running_reason)
{
    return VIR_DOMAIN_EVENT_RESUMED_UNPAUSED;
}

/* ---- the CPUs ---------------------------------------------------------- */

void
qemu_events_on_stop(struct qemu_guest *g)
{
    struct domain_obj *obj = g->obj;
    int reason = g->paused_reason;

    /* A STOP that follows a SHUTDOWN (-no-shutdown) is the power-off's,
     * already told. */
    if (obj->state != VIR_DOMAIN_RUNNING || g->is_paused_by_shutdown)
        return;
    g->paused_reason = VIR_DOMAIN_PAUSED_UNKNOWN;
    qemu_state_set(g->st, obj, VIR_DOMAIN_PAUSED, reason);
    if (g->start == NULL)
        qemu_guest_save_status(g);
    qemu_state_emit(g->st, obj, VIR_DOMAIN_EVENT_SUSPENDED,
                    qemu_events_suspended_detail(reason));
}

void
qemu_events_on_resume(struct qemu_guest *g)
{
    struct domain_obj *obj = g->obj;
    int reason = g->running_reason != VIR_DOMAIN_RUNNING_UNKNOWN
                 ? g->running_reason : VIR_DOMAIN_RUNNING_UNPAUSED;

    g->running_reason = VIR_DOMAIN_RUNNING_UNKNOWN;
    g->is_paused_by_shutdown = false;
    if (obj->state == VIR_DOMAIN_RUNNING)
        return;
    qemu_state_set(g->st, obj, VIR_DOMAIN_RUNNING, reason);
    if (g->start == NULL)
        qemu_guest_save_status(g);
    qemu_state_emit(g->st, obj, VIR_DOMAIN_EVENT_RESUMED,
                    qemu_events_resumed_detail(reason));
}

/* ---- power-off, reboot, crash ------------------------------------------ */

static void
warn_failed(struct qemu_guest *g, const char *what,
            const struct vireo_error *qerr)
{
    qemu_state_warn(g->st, "qemu: %s of domain '%s' failed: %s", what,
                    g->obj->def->name, qerr->message);
}

static void
on_reboot_cont(struct qemu_guest *g, json_object *reply,
               const struct vireo_error *qerr)
{
    if (qerr != NULL) {
        warn_failed(g, "the reboot", qerr);
        return;
    }
    g->is_fake_reboot = false;
    if (g->obj->state != VIR_DOMAIN_RUNNING)
        qemu_events_on_resume(g);
    qemu_guest_save_status(g);
}

static void
on_reboot_reset(struct qemu_guest *g, json_object *reply,
                const struct vireo_error *qerr)
{
    struct vireo_error err = { 0 };

    if (qerr != NULL) {
        warn_failed(g, "the reboot", qerr);
        return;
    }
    g->running_reason = g->obj->state == VIR_DOMAIN_CRASHED
                        ? VIR_DOMAIN_RUNNING_CRASHED
                        : VIR_DOMAIN_RUNNING_BOOTED;
    if (qemu_guest_send(g, monitor_cont, on_reboot_cont, false, &err) < 0)
        warn_failed(g, "the reboot", &err);
}

/* The guest powered off, but is to come back: reset the machine and run
 * it again, as libvirt's fake reboot does. */
static void
fake_reboot(struct qemu_guest *g)
{
    struct vireo_error err = { 0 };

    if (qemu_guest_send(g, monitor_system_reset, on_reboot_reset, false,
                        &err) < 0)
        warn_failed(g, "the reboot", &err);
}

static bool
restarts(int action)
{
    return action == DOMAIN_ACTION_RESTART ||
           action == DOMAIN_ACTION_RENAME_RESTART ||
           action == DOMAIN_ACTION_COREDUMP_RESTART;
}

static int
shutdown_detail(enum monitor_event_origin origin)
{
    switch (origin) {
    case MONITOR_ORIGIN_GUEST:
        return VIR_DOMAIN_EVENT_SHUTDOWN_GUEST;
    case MONITOR_ORIGIN_HOST:
        return VIR_DOMAIN_EVENT_SHUTDOWN_HOST;
    default:
        return VIR_DOMAIN_EVENT_SHUTDOWN_FINISHED;
    }
}

/* A reboot in the making is no power-off: no state, no event, as with
 * libvirt, even when the power-off was a destroy's (then nothing comes
 * back). Otherwise the domain is shutting down (told once), and QEMU,
 * paused by -no-shutdown, is made to exit unless a stop is already under
 * way. */
static void
on_shutdown(struct qemu_guest *g, json_object *data)
{
    struct domain_obj *obj = g->obj;
    char reason[64];
    enum monitor_event_origin origin =
        monitor_parse_event_origin(data, reason, sizeof(reason));

    if (g->is_fake_reboot || restarts(obj->def->on_poweroff)) {
        g->is_paused_by_shutdown = true;
        if (g->stop == QEMU_STOP_NONE)
            fake_reboot(g);
        return;
    }
    if (obj->state != VIR_DOMAIN_SHUTDOWN) {
        qemu_state_set(g->st, obj, VIR_DOMAIN_SHUTDOWN,
                       VIR_DOMAIN_SHUTDOWN_UNKNOWN);
        qemu_guest_save_status(g);
        qemu_state_emit(g->st, obj, VIR_DOMAIN_EVENT_SHUTDOWN,
                        shutdown_detail(origin));
    }
    qemu_stop_begin(g, QEMU_STOP_SHUTDOWN, false);
}

static void
on_panic(struct qemu_guest *g)
{
    struct domain_obj *obj = g->obj;
    int action = obj->def->on_crash;

    qemu_state_set(g->st, obj, VIR_DOMAIN_CRASHED,
                   VIR_DOMAIN_CRASHED_PANICKED);
    qemu_guest_save_status(g);
    qemu_state_emit(g->st, obj, VIR_DOMAIN_EVENT_CRASHED,
                    VIR_DOMAIN_EVENT_CRASHED_PANICKED);
    if (restarts(action)) {
        g->is_fake_reboot = true;
        fake_reboot(g);
    } else if (action != DOMAIN_ACTION_PRESERVE) {
        qemu_stop_begin(g, QEMU_STOP_CRASH, false);
    }
}

/* ---- the monitor's callbacks ------------------------------------------- */

static void
on_ready(struct qmp *m, const struct vireo_error *err, void *opaque)
{
    struct qemu_guest *g = opaque;

    if (g->start != NULL)
        qemu_start_on_ready(g, err);
    else
        qemu_reattach_on_ready(g, err);
}

static void
on_event(struct qmp *m, const char *event, json_object *data,
         long long timestamp_us, void *opaque)
{
    struct qemu_guest *g = opaque;

    if (strcmp(event, "STOP") == 0)
        qemu_events_on_stop(g);
    else if (strcmp(event, "RESUME") == 0)
        qemu_events_on_resume(g);
    else if (strcmp(event, "SHUTDOWN") == 0)
        on_shutdown(g, data);
    else if (strcmp(event, "RESET") == 0)
        domain_event_queue_reboot(g->st->events, g->obj->def->name,
                                  g->obj->def->uuid, g->obj->id);
    else if (strcmp(event, "GUEST_PANICKED") == 0)
        on_panic(g);
}

/* QEMU closed its monitor: it is exiting (its exit ends the domain), or
 * it never let us in. */
static void
on_closed(struct qmp *m, void *opaque)
{
    struct qemu_guest *g = opaque;
    struct vireo_error err = { 0 };

    qemu_guest_monitor_gone(g);
    error_set(&err, VIR_ERR_OPERATION_FAILED, VIR_FROM_QEMU,
              "QEMU closed the monitor of domain '%s'", g->obj->def->name);
    if (g->start != NULL)
        qemu_start_fail(g, NULL);
    else if (!g->is_monitor_open)
        qemu_reattach_on_ready(g, &err);
}

const struct qmp_callbacks qemu_events_callbacks = {
    .on_ready  = on_ready,
    .on_event  = on_event,
    .on_closed = on_closed,
};
