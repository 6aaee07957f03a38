/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_guest.c: a running domain's guest record, its status file, and the
 * calls waiting on it. Each waiting call is a record on the guest; the
 * answer (QEMU's reply, the process's exit, the start's end), the call's
 * deadline, or the guest's end completes it, exactly once: whichever
 * comes first unlinks the record, and the others find nothing.
 *
 * Everything here runs on the driver's thread.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/call.h"
#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/qemu/monitor.h"
#include "drivers/qemu/process.h"
#include "drivers/qemu/qemu_guest.h"
#include "drivers/qemu/qemu_lifecycle.h"
#include "drivers/qemu/qemu_state.h"
#include "drivers/qemu/qemu_status.h"
#include "drivers/qemu/qemu_store.h"
#include "drivers/qemu/qmp.h"
#include "drivers/worker_child.h"
#include "drivers/worker_timer.h"

/* libvirt shortens a name to this many characters in a guest's
 * directory, so that socket paths stay within sun_path. */
#define SHORT_NAME_MAX 20

enum wait_kind {
    WAIT_REPLY,     /* QEMU's answer to a command */
    WAIT_EXIT,      /* the process's end */
    WAIT_START,     /* the start's end */
};

/* Owned by the driver's thread: one call (or one command of the driver's
 * own, call NULL) waiting on a guest, linked on g->waits. */
struct qemu_wait {
    struct qemu_wait   *next;
    struct qemu_guest  *g;
    struct call        *call;
    enum wait_kind      kind;
    qemu_send_fn        send;         /* the command, from monitor.h ... */
    char               *text;         /* ... or as JSON text */
    qemu_reply_fn       on_reply;     /* a call's command */
    qemu_internal_fn    on_internal;  /* the driver's own command */
    unsigned long long  qmp_id;       /* once sent */
};

/* Guests in existence, for qemu_guest_any(): changed on the driver's
 * thread, read from any. */
static atomic_int n_guests;

/* ---- the record -------------------------------------------------------- */

static int
set_paths(struct qemu_guest *g, const char *name, int id,
          struct vireo_error *err)
{
    char monitor[256];
    int n;

    if (asprintf(&g->dir, "%s/domain-%d-%.*s", g->st->status_dir, id,
                 SHORT_NAME_MAX, name) < 0 ||
        (g->log_path = qemu_store_path(g->st->log_dir, name, "log")) == NULL)
        return error_no_memory(err);
    n = qemu_process_monitor_path(g->dir, monitor, sizeof(monitor));
    if (n < 0 || (size_t)n >= sizeof(monitor))
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                         "the monitor's path in '%s' is too long", g->dir);
    g->monitor_path = strdup(monitor);
    return g->monitor_path != NULL ? 0 : error_no_memory(err);
}

struct qemu_guest *
qemu_guest_new(struct qemu_state *st, struct domain_obj *obj, int id,
               struct vireo_error *err)
{
    struct qemu_guest *g = calloc(1, sizeof(*g));

    if (g == NULL) {
        error_no_memory(err);
        return NULL;
    }
    atomic_fetch_add(&n_guests, 1);
    g->st = st;
    g->obj = obj;
    g->pid = -1;
    g->running_reason = VIR_DOMAIN_RUNNING_UNKNOWN;
    g->paused_reason = VIR_DOMAIN_PAUSED_UNKNOWN;
    if (set_paths(g, obj->def->name, id, err) < 0) {
        qemu_guest_free(g, VIR_ERR_INTERNAL_ERROR, "");
        return NULL;
    }
    return g;
}

static void
unlink_wait(struct qemu_wait *w)
{
    struct qemu_wait **pp = &w->g->waits;

    while (*pp != NULL && *pp != w)
        pp = &(*pp)->next;
    if (*pp == w)
        *pp = w->next;
}

static void
wait_free(struct qemu_wait *w)
{
    free(w->text);
    free(w);
}

/* End a record nobody will answer any more: its call gets err. */
static void
fail_wait(struct qemu_wait *w, const struct vireo_error *err)
{
    unlink_wait(w);
    if (w->call != NULL)
        call_answer(w->call, -1, err, NULL, NULL);
    wait_free(w);
}

void
qemu_guest_free(struct qemu_guest *g, int err_code, const char *why)
{
    struct vireo_error err = { 0 };

    if (g == NULL)
        return;
    /* The monitor answers its commands with an error as it closes; the
     * records pass it to their calls. */
    g->is_closing = true;
    qmp_free(g->qmp);
    g->qmp = NULL;
    error_set(&err, err_code, VIR_FROM_QEMU, "%s", why);
    while (g->waits != NULL)
        fail_wait(g->waits, &err);
    worker_child_free(g->process);
    worker_timer_free(g->kill_timer);
    free(g->start);
    if (g->obj != NULL && g->obj->priv == g)
        g->obj->priv = NULL;
    free(g->dir);
    free(g->monitor_path);
    free(g->log_path);
    free(g);
    atomic_fetch_sub(&n_guests, 1);
}

bool
qemu_guest_any(void)
{
    return atomic_load(&n_guests) > 0;
}

void
qemu_guest_detach(struct qemu_guest *g)
{
    qemu_guest_save_status(g);
    qemu_guest_free(g, VIR_ERR_OPERATION_ABORTED,
                    "the driver is shutting down");
}

void
qemu_guest_save_status(struct qemu_guest *g)
{
    struct qemu_status s = {
        .state = g->obj->state, .reason = g->obj->reason, .pid = g->pid,
        .id = g->obj->id, .monitor_path = g->monitor_path,
        .is_fake_reboot = g->is_fake_reboot, .def = g->obj->def,
    };
    struct vireo_error err = { 0 };
    char *path = qemu_store_path(g->st->status_dir, g->obj->def->name, "xml");
    char *xml = qemu_status_format(&s);

    if (path == NULL || xml == NULL)
        error_no_memory(&err);
    else
        qemu_store_write_runtime(path, xml, &err);
    if (err.code != VIR_ERR_OK)
        qemu_state_warn(g->st, "qemu: the status of '%s' is not saved: %s",
                        g->obj->def->name, err.message);
    free(path);
    free(xml);
}

/* Fields 14 and 15 of /proc/PID/stat, in clock ticks, after the command
 * name (which may hold spaces and parentheses). */
unsigned long long
qemu_guest_pid_cpu_time_ns(pid_t pid)
{
    char path[64], buf[1024];
    unsigned long long utime = 0, stime = 0;
    long hz = sysconf(_SC_CLK_TCK);
    char *after;
    ssize_t n;
    int fd;

    snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    after = strrchr(buf, ')');
    if (after == NULL || hz <= 0 ||
        sscanf(after + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u "
                          "%llu %llu", &utime, &stime) != 2)
        return 0;
    return (utime + stime) * (1000000000ull / (unsigned long long)hz);
}

unsigned long long
qemu_guest_cpu_time_ns(const struct qemu_guest *g)
{
    return qemu_guest_pid_cpu_time_ns(g->pid);
}

/* ---- commands ---------------------------------------------------------- */

/* QEMU answered (or the command's own deadline passed, or the monitor
 * closed): hand the answer to whoever asked. A guest being freed only
 * lets its calls know. */
static void
on_answer(struct qmp *m, json_object *reply, const struct vireo_error *qerr,
         void *opaque)
{
    struct qemu_wait *w = opaque;
    struct qemu_guest *g = w->g;
    struct vireo_error err = { 0 };
    void *data = NULL;
    int rc;

    unlink_wait(w);
    if (w->call != NULL) {
        rc = g->is_closing ? error_set_raw(&err, qerr->code, VIR_FROM_QEMU,
                                           qerr->message)
                           : w->on_reply(g, reply, qerr, &data, &err);
        call_answer(w->call, rc, &err, data, free);
    } else if (w->on_internal != NULL && !g->is_closing) {
        w->on_internal(g, reply, qerr);
    }
    wait_free(w);
}

/* Put w on the monitor. 0, or -1 with err set. */
static int
send_wait(struct qemu_wait *w, struct vireo_error *err)
{
    struct qmp *m = w->g->qmp;

    if (w->text != NULL)
        w->qmp_id = monitor_command_text(m, w->text, on_answer, w, err);
    else
        w->qmp_id = w->send(m, on_answer, w, err);
    return w->qmp_id != 0 ? 0 : -1;
}

void
qemu_guest_flush(struct qemu_guest *g)
{
    struct qemu_wait *w, *next;
    struct vireo_error err;

    for (w = g->waits; w != NULL; w = next) {
        next = w->next;
        if (w->kind != WAIT_REPLY || w->qmp_id != 0)
            continue;
        error_clear(&err);
        if (send_wait(w, &err) < 0)
            fail_wait(w, &err);
    }
}

void
qemu_guest_monitor_gone(struct qemu_guest *g)
{
    struct qemu_wait *w, *next;
    struct vireo_error err = { 0 };

    qmp_free(g->qmp);
    g->qmp = NULL;
    error_set(&err, VIR_ERR_OPERATION_FAILED, VIR_FROM_QEMU,
              "QEMU closed the monitor of domain '%s'", g->obj->def->name);
    for (w = g->waits; w != NULL; w = next) {
        next = w->next;
        if (w->kind == WAIT_REPLY && w->qmp_id == 0)
            fail_wait(w, &err);
    }
}

static void
forget_wait(void *opaque)
{
    struct qemu_wait *w = opaque;
    struct qemu_guest *g = w->g;

    unlink_wait(w);
    if (w->qmp_id != 0 && g->qmp != NULL)
        qmp_forget(g->qmp, w->qmp_id);
    if (w->kind == WAIT_START)
        qemu_start_abandoned(g);
    wait_free(w);
}

static struct qemu_wait *
wait_new(struct qemu_guest *g, enum wait_kind kind, struct call *c,
         struct vireo_error *err)
{
    struct qemu_wait *w = calloc(1, sizeof(*w));

    if (w == NULL) {
        error_no_memory(err);
        return NULL;
    }
    w->g = g;
    w->kind = kind;
    w->call = c;
    w->next = g->waits;
    g->waits = w;
    return w;
}

static void
drop_wait(struct qemu_wait *w)
{
    unlink_wait(w);
    wait_free(w);
}

/* Send w now if it may go (the driver's set-up commands go as soon as
 * the monitor is ready, the others once the guest is set up), else leave
 * it queued for qemu_guest_flush(). Frees w on failure. */
static int
submit(struct qemu_wait *w, bool is_setup, struct vireo_error *err)
{
    struct qemu_guest *g = w->g;
    bool may_go = g->qmp != NULL && qmp_is_ready(g->qmp) &&
                  (is_setup || g->is_monitor_open);

    if (g->qmp == NULL && (is_setup || g->is_monitor_open)) {
        drop_wait(w);
        return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_QEMU,
                         "the monitor of domain '%s' is gone",
                         g->obj->def->name);
    }
    if (may_go && send_wait(w, err) < 0) {
        drop_wait(w);
        return -1;
    }
    return 0;
}

int
qemu_guest_command(struct qemu_guest *g, qemu_send_fn send,
                   qemu_reply_fn on_reply, const char *waiting_for,
                   struct vireo_error *err)
{
    struct qemu_wait *w = wait_new(g, WAIT_REPLY, call_current(), err);

    if (w == NULL)
        return -1;
    w->send = send;
    w->on_reply = on_reply;
    if (submit(w, false, err) < 0)
        return -1;
    call_wait(w->call, g->st->monitor_timeout_ms, waiting_for, forget_wait,
              w);
    return 0;
}

int
qemu_guest_command_text(struct qemu_guest *g, const char *json_text,
                        qemu_reply_fn on_reply, struct vireo_error *err)
{
    struct qemu_wait *w = wait_new(g, WAIT_REPLY, call_current(), err);

    if (w == NULL)
        return -1;
    w->on_reply = on_reply;
    w->text = strdup(json_text);
    if (w->text == NULL) {
        drop_wait(w);
        return error_no_memory(err);
    }
    if (submit(w, false, err) < 0)
        return -1;
    call_wait(w->call, g->st->monitor_timeout_ms,
              "QEMU's answer to a monitor command", forget_wait, w);
    return 0;
}

int
qemu_guest_send(struct qemu_guest *g, qemu_send_fn send,
                qemu_internal_fn on_reply, bool is_setup,
                struct vireo_error *err)
{
    struct qemu_wait *w = wait_new(g, WAIT_REPLY, NULL, err);

    if (w == NULL)
        return -1;
    w->send = send;
    w->on_internal = on_reply;
    return submit(w, is_setup, err);
}

/* ---- waiting for the process or the start ------------------------------- */

static int
wait_for(struct qemu_guest *g, enum wait_kind kind, int timeout_ms,
         const char *waiting_for, struct vireo_error *err)
{
    struct qemu_wait *w = wait_new(g, kind, call_current(), err);

    if (w == NULL)
        return -1;
    call_wait(w->call, timeout_ms, waiting_for, forget_wait, w);
    return 0;
}

int
qemu_guest_wait_exit(struct qemu_guest *g, int timeout_ms,
                     struct vireo_error *err)
{
    return wait_for(g, WAIT_EXIT, timeout_ms, "QEMU to exit", err);
}

int
qemu_guest_wait_start(struct qemu_guest *g, int timeout_ms,
                      struct vireo_error *err)
{
    return wait_for(g, WAIT_START, timeout_ms, "the guest to start", err);
}

static int
answer_kind(struct qemu_guest *g, enum wait_kind kind, int rc,
            const struct vireo_error *err)
{
    struct qemu_wait *w, *next;
    int n = 0;

    for (w = g->waits; w != NULL; w = next) {
        next = w->next;
        if (w->kind != kind)
            continue;
        unlink_wait(w);
        call_answer(w->call, rc, err, NULL, NULL);
        wait_free(w);
        n++;
    }
    return n;
}

int
qemu_guest_answer_exit(struct qemu_guest *g)
{
    return answer_kind(g, WAIT_EXIT, 0, NULL);
}

int
qemu_guest_answer_start(struct qemu_guest *g, int rc,
                        const struct vireo_error *err)
{
    return answer_kind(g, WAIT_START, rc, err);
}
