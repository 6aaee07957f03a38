/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_reattach.c: the guests that ran before the daemon started. Each
 * status file names a QEMU: the driver adopts its pid (through a pidfd,
 * checked to be the QEMU started there), reconnects to its monitor, and
 * once the monitor answers, reads the state again with query-status, as
 * libvirt does on reconnect. A guest that died meanwhile is shut off with
 * an event; one whose monitor cannot be had, or that was left half
 * started, is killed, so that no QEMU runs that the driver cannot
 * control, and none is ever started twice.
 *
 * Driver thread only.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/qemu/monitor.h"
#include "drivers/qemu/process.h"
#include "drivers/qemu/qemu_command.h"
#include "drivers/qemu/qemu_lifecycle.h"
#include "drivers/qemu/qemu_storage_use.h"
#include "drivers/qemu/qemu_state.h"
#include "drivers/qemu/qemu_view.h"
#include "drivers/qemu/qemu_status.h"
#include "drivers/qemu/qemu_store.h"
#include "drivers/qemu/qemu_volume.h"
#include "drivers/worker.h"
#include "drivers/worker_child.h"

/* ---- the state QEMU reports -------------------------------------------- */

/* What listeners hear of a change found on reconnecting. */
static void
emit_change(struct qemu_guest *g, int old_state)
{
    struct domain_obj *obj = g->obj;

    if (obj->state == VIR_DOMAIN_RUNNING && old_state != VIR_DOMAIN_RUNNING)
        qemu_state_emit(g->st, obj, VIR_DOMAIN_EVENT_RESUMED,
                        qemu_events_resumed_detail(obj->reason));
    else if (obj->state == VIR_DOMAIN_PAUSED)
        qemu_state_emit(g->st, obj, VIR_DOMAIN_EVENT_SUSPENDED,
                        qemu_events_suspended_detail(obj->reason));
    else if (obj->state == VIR_DOMAIN_CRASHED)
        qemu_state_emit(g->st, obj, VIR_DOMAIN_EVENT_CRASHED,
                        VIR_DOMAIN_EVENT_CRASHED_PANICKED);
}

/* The guest powered off while nobody watched: finish what its SHUTDOWN
 * began, as libvirt does. */
static bool
is_shutting_down(const struct domain_obj *obj)
{
    return obj->state == VIR_DOMAIN_SHUTDOWN ||
           (obj->state == VIR_DOMAIN_PAUSED &&
            obj->reason == VIR_DOMAIN_PAUSED_SHUTTING_DOWN);
}

static void
on_status(struct qemu_guest *g, json_object *reply,
          const struct vireo_error *qerr)
{
    struct domain_obj *obj = g->obj;
    struct monitor_status ms;
    struct vireo_error err = { 0 };
    int old_state = obj->state;

    if (qerr != NULL || monitor_parse_status(reply, &ms, &err) < 0) {
        qemu_reattach_on_ready(g, qerr != NULL ? qerr : &err);
        return;
    }
    if (monitor_status_update_state(&ms, &obj->state, &obj->reason))
        emit_change(g, old_state);
    g->is_monitor_open = true;
    qemu_guest_save_status(g);
    qemu_guest_flush(g);
    if (is_shutting_down(obj))
        qemu_stop_begin(g, QEMU_STOP_SHUTDOWN, false);
}

void
qemu_reattach_on_ready(struct qemu_guest *g, const struct vireo_error *err)
{
    struct vireo_error send_err = { 0 };

    if (err == NULL &&
        qemu_guest_send(g, monitor_query_status, on_status, true,
                        &send_err) == 0)
        return;
    qemu_state_warn(g->st, "qemu: the monitor of domain '%s' cannot be "
                    "reached again (%s); it is stopped",
                    g->obj->def->name,
                    err != NULL ? err->message : send_err.message);
    qemu_stop_begin(g, QEMU_STOP_LOST, false);
}

/* ---- one status file --------------------------------------------------- */

/* The object the status is about: the persistent one of that name and
 * uuid, or a new transient one. Takes s->def into the object. */
static struct domain_obj *
object_for(struct qemu_state *st, struct qemu_status *s,
           struct vireo_error *err)
{
    struct domain_obj *obj;

    if (qemu_state_check_clash(st, s->def, &obj, err) < 0)
        return NULL;
    qemu_view_mark_stale(st);
    if (obj == NULL) {
        obj = domain_list_add_new(st->domains, s->def, err);
        s->def = NULL;
        return obj;
    }
    obj->new_def = obj->def;
    obj->def = s->def;
    s->def = NULL;
    return obj;
}

/* Undo object_for(): the domain is as its definition alone says. */
static void
forget(struct qemu_state *st, struct domain_obj *obj)
{
    domain_list_set_id(st->domains, obj, -1);
    qemu_state_set(st, obj, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DAEMON);
    if (!obj->is_persistent) {
        domain_list_remove(st->domains, obj);
        return;
    }
    domain_def_free(obj->def);
    obj->def = obj->new_def;
    obj->new_def = NULL;
}

/* Put the guest back in the domain list as the status says it was, its
 * devices named and settled as its start did. */
static struct qemu_guest *
restore(struct qemu_state *st, struct qemu_status *s, struct vireo_error *err)
{
    struct domain_obj *obj = object_for(st, s, err);
    struct qemu_guest *g;

    if (obj == NULL)
        return NULL;
    domain_list_set_id(st->domains, obj, s->id);
    if (s->id >= st->next_id)
        st->next_id = s->id + 1;
    qemu_state_set(st, obj, s->state, s->reason);
    g = qemu_guest_new(st, obj, s->id, err);
    if (g == NULL || qemu_command_assign_aliases(obj->def, err) < 0 ||
        qemu_command_settle_live(obj->def, g->dir, err) < 0) {
        qemu_guest_free(g, VIR_ERR_INTERNAL_ERROR, "");
        forget(st, obj);
        return NULL;
    }
    g->pid = s->pid;
    g->is_fake_reboot = s->is_fake_reboot;
    obj->priv = g;
    qemu_volume_find_again(st, obj->def);
    qemu_storage_use_hold(obj->def);
    return g;
}

/* Adopt the process and speak QMP to it again; a start left half done
 * is killed, as its caller is long gone. */
static void
reconnect(struct qemu_guest *g)
{
    struct qemu_process proc;
    struct vireo_error err = { 0 };

    if (qemu_process_reattach(worker_current(), g->pid, g->dir,
                              qemu_stop_on_exit, g, &proc, &err) < 0) {
        qemu_stop_gone(g);
        return;
    }
    g->process = proc.child;
    if (g->obj->state == VIR_DOMAIN_PAUSED &&
        g->obj->reason == VIR_DOMAIN_PAUSED_STARTING_UP) {
        close(proc.monitor_fd);
        qemu_stop_begin(g, QEMU_STOP_LOST, false);
        return;
    }
    g->qmp = qmp_new(worker_current(), proc.monitor_fd,
                     &qemu_events_callbacks, g, g->st->monitor_timeout_ms,
                     &err);
    if (g->qmp == NULL)
        qemu_reattach_on_ready(g, &err);
}

static void
reattach_one(struct qemu_state *st, const char *name)
{
    struct vireo_error err = { 0 };
    char *path = qemu_store_path(st->status_dir, name, "xml");
    char *xml = path != NULL ? qemu_store_read(path, DOMAIN_XML_MAX_BYTES,
                                               &err) : NULL;
    struct qemu_status *s = xml != NULL ? qemu_status_parse(xml, &err) : NULL;
    struct qemu_guest *g = s != NULL ? restore(st, s, &err) : NULL;

    if (g != NULL)
        reconnect(g);
    else
        qemu_state_warn(st, "qemu: the guest '%s' of the last run is not "
                        "found again: %s", name,
                        path == NULL ? "out of memory" : err.message);
    qemu_status_free(s);
    free(xml);
    free(path);
}

void
qemu_lifecycle_reattach_all(struct qemu_state *st)
{
    struct vireo_error err = { 0 };
    char **names;
    int n;

    qemu_store_sweep(st->status_dir);
    names = qemu_store_list(st->status_dir, &n, &err);
    if (names == NULL) {
        qemu_state_warn(st, "qemu: the guests of the last run are not "
                        "found again: %s", err.message);
        return;
    }
    for (int i = 0; i < n; i++)
        reattach_one(st, names[i]);
    qemu_store_list_free(names);
}
