/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_start.c: starting a guest without waiting on it. QEMU is launched
 * paused (-S) with its monitor already connected; then, each step run by
 * the answer to the one before, the driver reads the consoles' ptys
 * (query-chardev) and the VNC port (query-vnc) into the live definition
 * and resumes the CPUs (cont). The start ends when QEMU has said RESUME
 * and answered cont: the domain runs, and the call that asked hears so.
 *
 * A start that fails anywhere kills QEMU, and ends once the process is
 * gone: the domain is inactive again, its files removed, and the caller
 * hears why (QEMU's last log lines when QEMU itself gave up).
 *
 * Driver thread only.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/qemu/monitor.h"
#include "drivers/qemu/process.h"
#include "drivers/qemu/qemu_command.h"
#include "drivers/qemu/qemu_lifecycle.h"
#include "drivers/qemu/qemu_storage_use.h"
#include "drivers/qemu/qemu_state.h"
#include "drivers/qemu/qemu_store.h"
#include "drivers/worker.h"
#include "drivers/worker_child.h"

/* Owned by the driver's thread: a start under way, on its guest. */
struct qemu_start {
    bool               is_paused;   /* VIR_DOMAIN_START_PAUSED */
    bool               has_failed;  /* QEMU was killed ... */
    bool               has_reason;  /* ... and err says why; else its
                                       log will */
    struct vireo_error err;
};

/* ---- before QEMU runs -------------------------------------------------- */

/* A copy of base to run, every device named as libvirt names it; the
 * start settles the rest once the guest has its directory. */
static struct domain_def *
live_def(const struct domain_def *base, struct vireo_error *err)
{
    struct domain_def *live = domain_def_copy(base);

    if (live == NULL) {
        error_no_memory(err);
        return NULL;
    }
    if (qemu_command_assign_aliases(live, err) < 0 ||
        qemu_process_check(live, err) < 0) {
        domain_def_free(live);
        return NULL;
    }
    return live;
}

/* The taps the launch made for bridge and ethernet interfaces are their
 * live target devices (only shown by dumpxml: one that memory cannot
 * hold is left out). */
static void
set_taps(struct domain_def *live, const struct qemu_process *proc)
{
    for (int i = 0; i < live->n_interfaces; i++) {
        if (proc->tap_names[i][0] == '\0')
            continue;
        free(live->interfaces[i].target_dev);
        live->interfaces[i].target_dev = strdup(proc->tap_names[i]);
    }
}

/* Launch QEMU for g, paused, with live as its definition, and speak QMP
 * to it; a monitor that cannot be had is the start's first failure,
 * recorded for later. */
static int
launch(struct qemu_guest *g, struct domain_def *live, int id,
       struct vireo_error *err)
{
    struct qemu_process_spec spec = { .def = live, .domain_dir = g->dir,
                                      .log_path = g->log_path, .id = id };
    struct qemu_process proc;

    if (qemu_process_launch(worker_current(), &spec, qemu_stop_on_exit, g,
                            &proc, err) < 0)
        return -1;
    set_taps(live, &proc);
    g->process = proc.child;
    g->pid = worker_child_pid(proc.child);
    g->qmp = qmp_new(worker_current(), proc.monitor_fd,
                     &qemu_events_callbacks, g, g->st->monitor_timeout_ms,
                     &g->start->err);
    return 0;
}

static struct qemu_guest *
starting_guest(struct qemu_state *st, struct domain_obj *obj, int id,
               bool is_paused, struct vireo_error *err)
{
    struct qemu_guest *g = qemu_guest_new(st, obj, id, err);

    if (g == NULL)
        return NULL;
    g->start = calloc(1, sizeof(*g->start));
    if (g->start == NULL) {
        qemu_guest_free(g, VIR_ERR_NO_MEMORY, "");
        error_no_memory(err);
        return NULL;
    }
    g->start->is_paused = is_paused;
    return g;
}

/* The object runs live from now on, keeping its persistent definition
 * for the next start. */
static void
switch_to_live(struct qemu_state *st, struct domain_obj *obj,
               struct domain_def *live, int id)
{
    if (obj->is_persistent)
        obj->new_def = obj->def;
    else
        domain_def_free(obj->def);
    obj->def = live;
    domain_list_set_id(st->domains, obj, id);
    qemu_state_set(st, obj, VIR_DOMAIN_PAUSED,
                   VIR_DOMAIN_PAUSED_STARTING_UP);
}

struct qemu_guest *
qemu_start(struct qemu_state *st, struct domain_obj *obj,
           const struct domain_def *base, bool is_paused,
           struct vireo_error *err)
{
    struct domain_def *live = live_def(base, err);
    int id = st->next_id;
    struct qemu_guest *g = live != NULL ? starting_guest(st, obj, id,
                                                         is_paused, err)
                                        : NULL;
    struct vireo_error why;

    if (g == NULL ||
        qemu_command_settle_live(live, g->dir, err) < 0 ||
        launch(g, live, id, err) < 0) {
        qemu_guest_free(g, VIR_ERR_INTERNAL_ERROR, "");
        domain_def_free(live);
        return NULL;
    }
    st->next_id++;
    switch_to_live(st, obj, live, id);
    obj->priv = g;
    qemu_storage_use_hold(live);
    qemu_guest_save_status(g);
    if (g->qmp == NULL) {
        why = g->start->err;
        qemu_start_fail(g, &why);
    }
    return g;
}

/* ---- setting the guest up over QMP ------------------------------------- */

/* Each step runs on the answer to the one before; a failed answer fails
 * the start. Returns whether the step may go on. */
static bool
step_ok(struct qemu_guest *g, const struct vireo_error *qerr)
{
    if (g->start == NULL || g->start->has_failed)
        return false;
    if (qerr == NULL)
        return true;
    qemu_start_fail(g, qerr);
    return false;
}

static void
send_step(struct qemu_guest *g, qemu_send_fn send, qemu_internal_fn next)
{
    struct vireo_error err = { 0 };

    if (qemu_guest_send(g, send, next, true, &err) < 0)
        qemu_start_fail(g, &err);
}

/* Every device is set up and QEMU runs (or stays paused, as asked): the
 * start is over. */
static void
finish(struct qemu_guest *g)
{
    struct domain_obj *obj = g->obj;
    bool is_paused = g->start->is_paused;

    free(g->start);
    g->start = NULL;
    if (is_paused)
        qemu_state_set(g->st, obj, VIR_DOMAIN_PAUSED,
                       VIR_DOMAIN_PAUSED_USER);
    g->is_monitor_open = true;
    qemu_guest_save_status(g);
    qemu_state_emit(g->st, obj, VIR_DOMAIN_EVENT_STARTED,
                    VIR_DOMAIN_EVENT_STARTED_BOOTED);
    if (is_paused)
        qemu_state_emit(g->st, obj, VIR_DOMAIN_EVENT_SUSPENDED,
                        VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    qemu_guest_answer_start(g, 0, NULL);
    qemu_guest_flush(g);
}

/* QEMU's RESUME came first and set the state, as libvirt's event
 * handler does; a reply without it still means the guest runs. */
static void
on_cont(struct qemu_guest *g, json_object *reply,
        const struct vireo_error *qerr)
{
    if (!step_ok(g, qerr))
        return;
    if (g->obj->state != VIR_DOMAIN_RUNNING)
        qemu_events_on_resume(g);
    finish(g);
}

static void
resume_cpus(struct qemu_guest *g)
{
    if (g->start->is_paused) {
        finish(g);
        return;
    }
    g->running_reason = VIR_DOMAIN_RUNNING_BOOTED;
    send_step(g, monitor_cont, on_cont);
}

static struct domain_graphics *
first_vnc(struct domain_def *def)
{
    for (int i = 0; i < def->n_graphics; i++)
        if (def->graphics[i].type != NULL &&
            strcmp(def->graphics[i].type, "vnc") == 0)
            return &def->graphics[i];
    return NULL;
}

static void
on_vnc(struct qemu_guest *g, json_object *reply,
       const struct vireo_error *qerr)
{
    struct domain_graphics *vnc = first_vnc(g->obj->def);
    struct vireo_error err = { 0 };
    int port;

    if (!step_ok(g, qerr))
        return;
    if (monitor_parse_vnc_port(reply, &port, &err) < 0) {
        qemu_start_fail(g, &err);
        return;
    }
    vnc->port = port;
    resume_cpus(g);
}

/* A pty chardev's path, as QEMU chose it, into the live definition. */
static int
set_pty(struct domain_chardev *chr, const struct monitor_chardevs *list,
        struct vireo_error *err)
{
    const char *pty;

    if (chr->info.alias == NULL ||
        (chr->type != NULL && strcmp(chr->type, "pty") != 0))
        return 0;
    pty = monitor_chardev_pty(list, chr->info.alias);
    if (pty == NULL)
        return 0;
    free(chr->source_path);
    chr->source_path = strdup(pty);
    return chr->source_path != NULL ? 0 : error_no_memory(err);
}

static void
on_chardevs(struct qemu_guest *g, json_object *reply,
            const struct vireo_error *qerr)
{
    struct monitor_chardevs list = { 0 };
    struct domain_def *def = g->obj->def;
    struct vireo_error err = { 0 };
    int rc;

    if (!step_ok(g, qerr))
        return;
    rc = monitor_parse_chardevs(reply, &list, &err);
    for (int i = 0; rc == 0 && i < def->n_chardevs; i++)
        rc = set_pty(&def->chardevs[i], &list, &err);
    monitor_chardevs_clear(&list);
    if (rc < 0)
        qemu_start_fail(g, &err);
    else if (first_vnc(def) != NULL)
        send_step(g, monitor_query_vnc, on_vnc);
    else
        resume_cpus(g);
}

/* A handshake that timed out says why; one cut short means QEMU went
 * away, which its log explains better. */
void
qemu_start_on_ready(struct qemu_guest *g, const struct vireo_error *err)
{
    if (err != NULL && err->code != VIR_ERR_OPERATION_TIMEOUT)
        qemu_start_fail(g, NULL);
    else if (step_ok(g, err))
        send_step(g, monitor_query_chardev, on_chardevs);
}

/* ---- failing ----------------------------------------------------------- */

void
qemu_start_fail(struct qemu_guest *g, const struct vireo_error *err)
{
    if (g->start == NULL || g->start->has_failed)
        return;
    g->start->has_failed = true;
    g->start->has_reason = err != NULL;
    if (err != NULL)
        g->start->err = *err;
    /* The guest never ran: nothing in it deserves a graceful end. */
    if (g->process != NULL)
        worker_child_signal(g->process, SIGKILL);
}

void
qemu_start_abandoned(struct qemu_guest *g)
{
    struct vireo_error err = { 0 };

    error_set(&err, VIR_ERR_OPERATION_ABORTED, VIR_FROM_QEMU,
              "the start of domain '%s' was abandoned", g->obj->def->name);
    qemu_start_fail(g, &err);
}

void
qemu_start_on_exit(struct qemu_guest *g)
{
    struct qemu_state *st = g->st;
    struct vireo_error err = g->start->err;
    char name[256];
    bool has_caller;

    if (!g->start->has_reason)
        qemu_process_exited_error(g->log_path, &err);
    snprintf(name, sizeof(name), "%s", g->obj->def->name);
    qemu_state_set(st, g->obj, VIR_DOMAIN_SHUTOFF,
                   VIR_DOMAIN_SHUTOFF_FAILED);
    has_caller = qemu_guest_answer_start(g, -1, &err) > 0;
    qemu_stop_release(g);
    if (!has_caller)
        qemu_state_warn(st, "qemu: domain '%s' did not start: %s", name,
                        err.message);
}
