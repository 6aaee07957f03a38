/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_lifecycle.c: the slots that start, stop and change a guest, with
 * libvirt's QEMU driver's checks and errors, and autostart.
 *
 * Each slot that needs QEMU asks and returns at once: its call waits
 * (call.h) for QEMU's answer, the process's exit or the start's end, each
 * with a deadline, and runs again from the top when the answer comes,
 * finding it recorded. So one guest that does not answer delays only the
 * calls made on it. Runs on the driver's thread.
 */
#include <string.h>

#include "drivers/call.h"
#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/qemu/monitor.h"
#include "drivers/qemu/qemu_lifecycle.h"
#include "drivers/qemu/qemu_network.h"
#include "drivers/qemu/qemu_slots.h"
#include "drivers/qemu/qemu_state.h"
#include "drivers/qemu/qemu_view.h"
#include "drivers/qemu/qemu_volume.h"

/* Flags libvirt's QEMU driver accepts on these slots. */
#define START_FLAGS    (VIR_DOMAIN_START_PAUSED | VIR_DOMAIN_START_VALIDATE)
#define DESTROY_GRACEFUL 1u
#define SHUTDOWN_FLAGS 1u                  /* ACPI_POWER_BTN */
#define REBOOT_FLAGS   1u                  /* ACPI_POWER_BTN */

/* How long a start may take in all: the monitor's handshake and the
 * set-up commands each have the monitor timeout of their own, which end
 * the start first with a clear error; this only bounds the whole. */
#define START_TIMEOUT_FACTOR 5
/* A stop takes QUIT_GRACE_MS + TERM_GRACE_MS (qemu_stop.c) at most before
 * SIGKILL; the process's end is then a matter of the kernel's. */
#define EXIT_TIMEOUT_MS 30000

static int
not_valid(struct vireo_error *err, const char *why)
{
    return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_QEMU, "%s",
                     why);
}

static int
start_timeout_ms(const struct qemu_state *st)
{
    return st->monitor_timeout_ms * START_TIMEOUT_FACTOR;
}

/* The start of every slot that may wait: 1 with *rc when the call runs
 * again with its answer (the handle learns the domain's id then), 0 with
 * *obj to go on, -1 with err set. */
static int
enter(struct vireo_domain *dom, struct domain_obj **obj, int *rc,
      struct vireo_error *err)
{
    struct qemu_state *st = dom->conn->priv;
    struct call *c = call_current();
    struct vireo_error ignored;

    if (c == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU, "%s",
                         "the QEMU driver answers only calls vireod makes");
    if (call_replay(c, rc, err, NULL)) {
        qemu_state_find(st, dom, &ignored);
        return 1;
    }
    *obj = qemu_state_find(st, dom, err);
    return *obj != NULL ? 0 : -1;
}

/* enter(), then the domain must run. */
static int
enter_active(struct vireo_domain *dom, struct domain_obj **obj, int *rc,
             struct vireo_error *err)
{
    int how = enter(dom, obj, rc, err);

    if (how == 0 && !domain_obj_is_active(*obj))
        return not_valid(err, "domain is not running");
    return how;
}

/* ---- start ------------------------------------------------------------- */

int
qemudrv_domain_create(struct vireo_domain *dom, unsigned flags,
                      struct vireo_error *err)
{
    struct qemu_state *st = dom->conn->priv;
    struct domain_def *bridged = NULL;
    struct domain_obj *obj;
    struct qemu_guest *g;
    int rc, how;

    if (error_check_flags(err, VIR_FROM_QEMU, flags, START_FLAGS,
                          "qemuDomainCreateWithFlags") < 0)
        return -1;
    if (qemu_network_bridges_of(st, dom, &bridged, err) < 0 ||
        qemu_volume_paths_of(st, dom, &bridged, err) < 0) {
        domain_def_free(bridged);
        return -1;
    }
    how = enter(dom, &obj, &rc, err);
    if (how == 0 && domain_obj_is_active(obj))
        how = not_valid(err, "domain is already running");
    if (how != 0) {
        domain_def_free(bridged);
        return how > 0 ? rc : -1;
    }
    g = qemu_start(st, obj, bridged != NULL ? bridged : obj->def,
                   flags & VIR_DOMAIN_START_PAUSED, err);
    domain_def_free(bridged);
    if (g == NULL)
        return -1;
    qemu_network_started(g, obj);
    return qemu_guest_wait_start(g, start_timeout_ms(st), err);
}

/* The domain create_xml's definition is about: an existing persistent
 * one, inactive, keeps its definition for later and runs def; a new one
 * is transient. */
static struct domain_obj *
object_to_create(struct qemu_state *st, struct domain_def *def,
                 bool *is_new, struct vireo_error *err)
{
    struct domain_def *copy;
    struct domain_obj *obj;

    if (qemu_define_check(st, def, err) < 0 ||
        qemu_state_check_clash(st, def, &obj, err) < 0)
        return NULL;
    *is_new = obj == NULL;
    if (obj != NULL && domain_obj_is_active(obj)) {
        error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_QEMU,
                  "domain '%s' is already active", def->name);
        return NULL;
    }
    if (obj != NULL)
        return obj;
    copy = domain_def_copy(def);
    if (copy == NULL) {
        error_no_memory(err);
        return NULL;
    }
    obj = domain_list_add_new(st->domains, copy, err);
    if (obj != NULL)
        qemu_state_set(st, obj, VIR_DOMAIN_SHUTOFF,
                       VIR_DOMAIN_SHUTOFF_UNKNOWN);
    return obj;
}

static int
create(struct qemu_state *st, struct domain_def *def, unsigned flags,
       struct vireo_error *err)
{
    bool is_new = false;
    struct domain_obj *obj = object_to_create(st, def, &is_new, err);
    struct qemu_guest *g;

    if (obj == NULL)
        return -1;
    g = qemu_start(st, obj, def, flags & VIR_DOMAIN_START_PAUSED, err);
    if (g == NULL) {
        qemu_view_mark_stale(st);
        if (is_new)
            domain_list_remove(st->domains, obj);
        return -1;
    }
    qemu_network_started(g, obj);
    return qemu_guest_wait_start(g, start_timeout_ms(st), err);
}

/* The call runs twice: once to start, once with the start's end. The
 * definition is parsed each time (the second only for its name). */
struct vireo_domain *
qemudrv_domain_create_xml(struct vireo_conn *conn, const char *xml,
                          unsigned flags, struct vireo_error *err)
{
    struct qemu_state *st = conn->priv;
    struct call *c = call_current();
    struct domain_def *def, *bridged;
    struct domain_obj *obj = NULL;
    int rc;

    if (error_check_flags(err, VIR_FROM_QEMU, flags, START_FLAGS,
                          "qemuDomainCreateXML") < 0 ||
        (def = domain_def_parse_flags(xml, (flags & VIR_DOMAIN_START_VALIDATE)
                                      ? DOMAIN_DEF_PARSE_VALIDATE : 0,
                                      err)) == NULL)
        return NULL;
    if (qemu_network_bridges(def, &bridged, err) < 0 ||
        qemu_volume_paths(def, &bridged, err) < 0) {
        domain_def_free(bridged);
        domain_def_free(def);
        return NULL;
    }
    if (bridged != NULL) {
        domain_def_free(def);
        def = bridged;
    }
    if (c == NULL)
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU, "%s",
                  "the QEMU driver answers only calls vireod makes");
    else if (!call_replay(c, &rc, err, NULL))
        create(st, def, flags, err);
    else if (rc == 0 &&
             (obj = domain_list_find_by_name(st->domains, def->name)) == NULL)
        error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_QEMU,
                  "domain '%s' is gone already", def->name);
    domain_def_free(def);
    return obj != NULL ? domain_obj_handle(conn, obj, err) : NULL;
}

/* ---- stop -------------------------------------------------------------- */

int
qemudrv_domain_destroy(struct vireo_domain *dom, unsigned flags,
                       struct vireo_error *err)
{
    struct domain_obj *obj;
    struct qemu_guest *g;
    struct vireo_error why = { 0 };
    int rc, how;

    if (error_check_flags(err, VIR_FROM_QEMU, flags, DESTROY_GRACEFUL,
                          "qemuDomainDestroyFlags") < 0)
        return -1;
    how = enter_active(dom, &obj, &rc, err);
    if (how != 0)
        return how > 0 ? rc : -1;
    g = obj->priv;
    if (g->start != NULL) {
        error_set(&why, VIR_ERR_OPERATION_ABORTED, VIR_FROM_QEMU,
                  "domain '%s' was destroyed while it started",
                  obj->def->name);
        qemu_start_fail(g, &why);
    } else {
        qemu_stop_begin(g, QEMU_STOP_DESTROY, flags & DESTROY_GRACEFUL);
    }
    return qemu_guest_wait_exit(g, EXIT_TIMEOUT_MS, err);
}

/* ---- commands answered by QEMU ----------------------------------------- */

/* QEMU's "done", or its error. */
static int
done(struct qemu_guest *g, json_object *reply, const struct vireo_error *qerr,
     void **data, struct vireo_error *err)
{
    if (qerr != NULL)
        return error_set_raw(err, qerr->code, VIR_FROM_QEMU, qerr->message);
    return 0;
}

/* Shutdown and reboot both press the power button; what the guest's
 * power-off then means is the driver's (qemu_events.c). */
static int
power_button(struct vireo_domain *dom, bool is_reboot,
             struct vireo_error *err)
{
    struct domain_obj *obj;
    struct qemu_guest *g;
    int rc, how = enter_active(dom, &obj, &rc, err);

    if (how != 0)
        return how > 0 ? rc : -1;
    if (!is_reboot && obj->state != VIR_DOMAIN_RUNNING)
        return not_valid(err, "domain is not running");
    g = obj->priv;
    if (g->is_fake_reboot != is_reboot) {
        g->is_fake_reboot = is_reboot;
        qemu_guest_save_status(g);
    }
    return qemu_guest_command(g, monitor_system_powerdown, done,
                              "QEMU's answer to 'system_powerdown'", err);
}

int
qemudrv_domain_shutdown(struct vireo_domain *dom, unsigned flags,
                        struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_QEMU, flags, SHUTDOWN_FLAGS,
                          "qemuDomainShutdownFlags") < 0)
        return -1;
    return power_button(dom, false, err);
}

/* With on_reboot destroy or preserve, libvirt's reboot is a shutdown. */
static bool
reboots(const struct vireo_domain *dom)
{
    struct qemu_state *st = dom->conn->priv;
    struct domain_obj *obj = domain_list_find_by_uuid(st->domains,
                                                      dom->uuid);

    return obj == NULL || (obj->def->on_reboot != DOMAIN_ACTION_DESTROY &&
                           obj->def->on_reboot != DOMAIN_ACTION_PRESERVE);
}

int
qemudrv_domain_reboot(struct vireo_domain *dom, unsigned flags,
                      struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_QEMU, flags, REBOOT_FLAGS,
                          "qemuDomainReboot") < 0)
        return -1;
    return power_button(dom, reboots(dom), err);
}

/* A crashed guest that is reset stays paused, as in libvirt, until
 * resumed. */
static int
after_reset(struct qemu_guest *g, json_object *reply,
            const struct vireo_error *qerr, void **data,
            struct vireo_error *err)
{
    if (qerr != NULL)
        return done(g, reply, qerr, data, err);
    g->is_paused_by_shutdown = false;
    if (g->obj->state == VIR_DOMAIN_CRASHED) {
        qemu_state_set(g->st, g->obj, VIR_DOMAIN_PAUSED,
                       VIR_DOMAIN_PAUSED_CRASHED);
        qemu_guest_save_status(g);
    }
    return 0;
}

int
qemudrv_domain_reset(struct vireo_domain *dom, unsigned flags,
                     struct vireo_error *err)
{
    struct domain_obj *obj;
    int rc, how;

    if (error_check_flags(err, VIR_FROM_QEMU, flags, 0,
                          "qemuDomainReset") < 0)
        return -1;
    how = enter_active(dom, &obj, &rc, err);
    if (how != 0)
        return how > 0 ? rc : -1;
    return qemu_guest_command(obj->priv, monitor_system_reset, after_reset,
                              "QEMU's answer to 'system_reset'", err);
}

/* QEMU's STOP (or RESUME) came with its answer, and set the state; a
 * reply without it still means the CPUs stopped (or run). */
static int
after_stop(struct qemu_guest *g, json_object *reply,
           const struct vireo_error *qerr, void **data,
           struct vireo_error *err)
{
    if (qerr != NULL)
        return done(g, reply, qerr, data, err);
    qemu_events_on_stop(g);
    return 0;
}

static int
after_cont(struct qemu_guest *g, json_object *reply,
           const struct vireo_error *qerr, void **data,
           struct vireo_error *err)
{
    if (qerr != NULL)
        return done(g, reply, qerr, data, err);
    qemu_events_on_resume(g);
    return 0;
}

/* A paused domain stays paused, with no error, as in libvirt. */
int
qemudrv_domain_suspend(struct vireo_domain *dom, struct vireo_error *err)
{
    struct domain_obj *obj;
    struct qemu_guest *g;
    int rc, how = enter_active(dom, &obj, &rc, err);

    if (how != 0)
        return how > 0 ? rc : -1;
    if (obj->state == VIR_DOMAIN_PAUSED)
        return 0;
    g = obj->priv;
    g->paused_reason = VIR_DOMAIN_PAUSED_USER;
    return qemu_guest_command(g, monitor_stop, after_stop,
                              "QEMU's answer to 'stop'", err);
}

int
qemudrv_domain_resume(struct vireo_domain *dom, struct vireo_error *err)
{
    struct domain_obj *obj;
    struct qemu_guest *g;
    int rc, how = enter_active(dom, &obj, &rc, err);

    if (how != 0)
        return how > 0 ? rc : -1;
    if (obj->state == VIR_DOMAIN_RUNNING)
        return not_valid(err, "domain is already running");
    if (obj->state != VIR_DOMAIN_PAUSED && obj->state != VIR_DOMAIN_CRASHED)
        return 0;
    g = obj->priv;
    g->running_reason = VIR_DOMAIN_RUNNING_UNPAUSED;
    return qemu_guest_command(g, monitor_cont, after_cont,
                              "QEMU's answer to 'cont'", err);
}

/* ---- autostart --------------------------------------------------------- */

void
qemu_lifecycle_autostart_all(struct qemu_state *st)
{
    size_t n = domain_list_count(st->domains);

    for (size_t i = 0; i < n; i++) {
        struct domain_obj *obj = domain_list_at(st->domains, i);
        struct vireo_error err = { 0 };

        if (!obj->has_autostart || domain_obj_is_active(obj))
            continue;
        if (qemu_network_autostart(st, obj, &err) < 0)
            qemu_state_warn(st, "qemu: domain '%s' did not start with the "
                            "daemon: %s", obj->def->name, err.message);
    }
}
