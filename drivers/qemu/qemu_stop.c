/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_stop.c: making QEMU exit, and what follows once it has. A stop
 * asks politely first (QMP quit), then with SIGTERM, then (unless the
 * caller asked for a graceful end) with SIGKILL, each after a short
 * grace, so that a QEMU that answers goes in milliseconds and one that
 * does not (stopped, hung) still goes. The process's exit, reported on
 * the driver's thread through its pidfd, is what ends a running domain,
 * whoever caused it: the state and the lifecycle event follow from why
 * it was stopped (or from nothing: a crash).
 *
 * Driver thread only.
 */
#include <signal.h>
#include <stdlib.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/qemu/monitor.h"
#include "drivers/qemu/process.h"
#include "drivers/qemu/qemu_lifecycle.h"
#include "drivers/qemu/qemu_storage_use.h"
#include "drivers/qemu/qemu_state.h"
#include "drivers/qemu/qemu_store.h"
#include "drivers/qemu/qemu_view.h"
#include "drivers/worker.h"
#include "drivers/worker_child.h"
#include "drivers/worker_timer.h"

/* QEMU quits in a few milliseconds; these only matter for one that
 * cannot (stopped, or its monitor gone). */
#define QUIT_GRACE_MS 500
#define TERM_GRACE_MS 1500

/* ---- escalation -------------------------------------------------------- */

static void
on_kill_timer(struct worker_timer *t, void *opaque)
{
    struct qemu_guest *g = opaque;

    if (g->process == NULL)
        return;
    if (g->n_kill_steps++ == 0) {
        worker_child_signal(g->process, SIGTERM);
        if (!g->is_graceful)
            worker_timer_arm(t, TERM_GRACE_MS);
    } else {
        worker_child_signal(g->process, SIGKILL);
    }
}

/* Step one: quit over QMP, or SIGTERM at once without a monitor. */
static void
ask_to_quit(struct qemu_guest *g)
{
    struct vireo_error err = { 0 };

    if (g->qmp != NULL && g->is_monitor_open &&
        qemu_guest_send(g, monitor_quit, NULL, false, &err) == 0)
        return;
    worker_child_signal(g->process, SIGTERM);
    g->n_kill_steps = 1;
}

void
qemu_stop_begin(struct qemu_guest *g, enum qemu_stop how, bool is_graceful)
{
    bool is_under_way = g->stop != QEMU_STOP_NONE;

    /* A destroy says what the end is, whatever was under way. */
    if (!is_under_way || how == QEMU_STOP_DESTROY)
        g->stop = how;
    if (g->process == NULL)
        return;
    if (how == QEMU_STOP_LOST) {
        worker_child_signal(g->process, SIGKILL);
        return;
    }
    if (is_under_way)
        return;
    g->is_graceful = is_graceful;
    if (g->kill_timer == NULL)
        g->kill_timer = worker_timer_new(worker_current(), on_kill_timer, g);
    ask_to_quit(g);
    if (g->kill_timer != NULL)
        worker_timer_arm(g->kill_timer, g->n_kill_steps == 0
                                        ? QUIT_GRACE_MS : TERM_GRACE_MS);
    else
        worker_child_signal(g->process, SIGKILL);  /* no memory to wait */
}

/* ---- the end ----------------------------------------------------------- */

static void
remove_status(struct qemu_guest *g)
{
    struct vireo_error err = { 0 };
    char *path = qemu_store_path(g->st->status_dir, g->obj->def->name, "xml");

    if (path == NULL || qemu_store_remove_runtime(path, &err) < 0)
        qemu_state_warn(g->st, "qemu: the status of '%s' is not removed: %s",
                        g->obj->def->name,
                        path == NULL ? "out of memory" : err.message);
    free(path);
}

void
qemu_stop_release(struct qemu_guest *g)
{
    struct qemu_state *st = g->st;
    struct domain_obj *obj = g->obj;

    qemu_view_mark_stale(st);
    remove_status(g);
    qemu_storage_use_release(obj->def);
    qemu_process_cleanup(g->dir);
    if (obj->new_def != NULL) {
        domain_def_free(obj->def);
        obj->def = obj->new_def;
        obj->new_def = NULL;
    }
    domain_list_set_id(st->domains, obj, -1);
    qemu_guest_answer_exit(g);
    qemu_guest_free(g, VIR_ERR_OPERATION_FAILED,
                    "domain is no longer running");
    if (!obj->is_persistent)
        domain_list_remove(st->domains, obj);
}

/* The shut-off reason and the Stopped event's detail for how the guest
 * was stopped. */
static void
classify(const struct qemu_guest *g, int *reason, int *detail)
{
    switch (g->stop) {
    case QEMU_STOP_DESTROY:
        *reason = VIR_DOMAIN_SHUTOFF_DESTROYED;
        *detail = VIR_DOMAIN_EVENT_STOPPED_DESTROYED;
        return;
    case QEMU_STOP_SHUTDOWN:
        *reason = VIR_DOMAIN_SHUTOFF_SHUTDOWN;
        *detail = VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN;
        return;
    case QEMU_STOP_CRASH:
        *reason = VIR_DOMAIN_SHUTOFF_CRASHED;
        *detail = VIR_DOMAIN_EVENT_STOPPED_CRASHED;
        return;
    case QEMU_STOP_LOST:
        *reason = VIR_DOMAIN_SHUTOFF_DAEMON;
        *detail = VIR_DOMAIN_EVENT_STOPPED_FAILED;
        return;
    case QEMU_STOP_NONE:
        break;
    }
    /* Nobody asked: after QEMU's SHUTDOWN it is a power-off, else a
     * crash (killed from outside, or QEMU failed), as libvirt reads a
     * monitor that closes. */
    if (g->obj->state == VIR_DOMAIN_SHUTDOWN) {
        *reason = VIR_DOMAIN_SHUTOFF_SHUTDOWN;
        *detail = VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN;
    } else {
        *reason = VIR_DOMAIN_SHUTOFF_CRASHED;
        *detail = VIR_DOMAIN_EVENT_STOPPED_FAILED;
    }
}

void
qemu_stop_gone(struct qemu_guest *g)
{
    int reason, detail;

    classify(g, &reason, &detail);
    qemu_state_set(g->st, g->obj, VIR_DOMAIN_SHUTOFF, reason);
    qemu_state_emit(g->st, g->obj, VIR_DOMAIN_EVENT_STOPPED, detail);
    qemu_stop_release(g);
}

void
qemu_stop_on_exit(struct worker_child *c, int status, void *opaque)
{
    struct qemu_guest *g = opaque;

    /* Its pid may be another's soon: the view must not read it. */
    qemu_view_mark_stale(g->st);
    worker_child_free(c);
    g->process = NULL;
    if (g->start != NULL)
        qemu_start_on_exit(g);
    else
        qemu_stop_gone(g);
}

/* ---- the driver stops -------------------------------------------------- */

/* A guest on its way out (being stopped, or half started) is finished
 * off; any other runs on, its status saved for the next start. */
static void
detach(struct qemu_guest *g)
{
    if (g->start == NULL && g->stop == QEMU_STOP_NONE) {
        qemu_guest_detach(g);
        return;
    }
    if (g->process != NULL)
        worker_child_signal(g->process, SIGKILL);
    if (g->start == NULL) {
        qemu_stop_gone(g);
        return;
    }
    qemu_state_set(g->st, g->obj, VIR_DOMAIN_SHUTOFF,
                   VIR_DOMAIN_SHUTOFF_FAILED);
    qemu_stop_release(g);
}

void
qemu_lifecycle_detach_all(struct qemu_state *st)
{
    size_t i = 0;

    /* Releasing a transient domain removes it, moving another into its
     * slot: look at slot i again then. */
    while (i < domain_list_count(st->domains)) {
        struct domain_obj *obj = domain_list_at(st->domains, i);
        size_t n = domain_list_count(st->domains);

        if (obj->priv != NULL)
            detach(obj->priv);
        if (domain_list_count(st->domains) == n)
            i++;
    }
}
