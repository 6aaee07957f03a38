/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * sleep_guest.c: the sleep driver's guests: one process each, its output
 * read through a watched pipe, and the lifecycle slots, each of which
 * answers only once the guest has done what it was asked (or the call's
 * deadline passed). Everything here runs on the sleep driver's thread.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/call.h"
#include "drivers/conf/domain_def.h"
#include "drivers/domain_event.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/worker.h"
#include "drivers/worker_child.h"
#include "drivers/worker_timer.h"
#include "drivers/worker_watch.h"
#include "loop/event.h"
#include "tests/drivers/sleepdrv/sleep_lines.h"
#include "tests/drivers/sleepdrv/sleep_priv.h"

/* How long a guest takes to "settle" into pause: the suspend call is
 * answered from a timer. */
#define SETTLE_MS 20

/* ---- the guest list ---------------------------------------------------- */

struct sleep_guest *
sleep_guest_find(const char *name, const unsigned char *uuid, int id)
{
    for (struct sleep_guest *g = sleep_state->guests; g; g = g->next)
        if ((name != NULL && strcmp(g->def->name, name) == 0) ||
            (uuid != NULL && memcmp(g->def->uuid, uuid, VIREO_UUID_BUFLEN)
                             == 0) ||
            (id >= 0 && g->id == id))
            return g;
    return NULL;
}

void
sleep_guest_emit(const struct sleep_guest *g, int event, int detail)
{
    domain_event_queue_lifecycle(sleep_state->events, g->def->name,
                                 g->def->uuid, g->id, event, detail);
}

/* Answer the call the guest holds, if any. */
static void
answer(struct sleep_guest *g, int rc, const char *why)
{
    struct call *c = g->call;
    struct vireo_error err = { 0 };

    g->call = NULL;
    g->waiting_for = SLEEP_WAIT_NONE;
    if (c == NULL)
        return;
    if (rc < 0)
        error_set(&err, VIR_ERR_OPERATION_FAILED, VIR_FROM_NONE, "%s", why);
    call_answer(c, rc, &err, NULL, NULL);
}

/* The call ended without us (deadline, cancellation). */
static void
forget_call(void *opaque)
{
    struct sleep_guest *g = opaque;

    g->call = NULL;
    g->waiting_for = SLEEP_WAIT_NONE;
    worker_timer_cancel(g->settle);
}

static void
wait_for(struct sleep_guest *g, enum sleep_wait what, const char *waiting_for)
{
    g->call = call_current();
    g->waiting_for = what;
    call_wait(g->call, sleep_state->answer_timeout_ms, waiting_for,
              forget_call, g);
}

static void
guest_free(struct sleep_guest *g)
{
    struct sleep_guest **pp = &sleep_state->guests;

    answer(g, -1, "the guest is gone");
    while (*pp != g)
        pp = &(*pp)->next;
    *pp = g->next;
    worker_child_free(g->process);   /* kills and reaps a running one */
    worker_watch_free(g->output);
    sleep_console_release(g);
    worker_timer_free(g->settle);
    domain_def_free(g->def);
    free(g);
}

void
sleep_guest_stop_all(void)
{
    while (sleep_state->guests != NULL)
        guest_free(sleep_state->guests);
}

/* ---- what the guest says ----------------------------------------------- */

static void
on_line(struct sleep_guest *g, const char *line)
{
    if (strcmp(line, "ready") == 0 && g->waiting_for == SLEEP_WAIT_READY) {
        g->state = VIR_DOMAIN_RUNNING;
        g->reason = VIR_DOMAIN_RUNNING_BOOTED;
        sleep_guest_emit(g, VIR_DOMAIN_EVENT_STARTED,
                         VIR_DOMAIN_EVENT_STARTED_BOOTED);
        answer(g, 0, NULL);
    } else if (strcmp(line, "rebooted") == 0) {
        /* Also late: a suspended guest answers once resumed. */
        domain_event_queue_reboot(sleep_state->events, g->def->name,
                                  g->def->uuid, g->id);
        if (g->waiting_for == SLEEP_WAIT_REBOOTED)
            answer(g, 0, NULL);
    }
}

static void
take_line(void *opaque, const char *line)
{
    on_line(opaque, line);
}

/* The pipe is readable: drain it, then watch again. At EOF (the guest is
 * gone or closed it) stop watching. */
static void
on_output(struct worker_watch *ww, int fd, int events, void *opaque)
{
    struct sleep_guest *g = opaque;
    const struct sleep_lines lines = { g->line, sizeof(g->line),
                                       &g->line_len, take_line, g };
    char buf[256];
    ssize_t n;

    while ((n = read(fd, buf, sizeof(buf))) > 0)
        sleep_lines_take(&lines, buf, (size_t)n);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
        worker_watch_free(ww);
        g->output = NULL;
        return;
    }
    worker_watch_resume(ww, EVENT_READABLE);
}

/* ---- the guest's process ----------------------------------------------- */

static void
on_process_exit(struct worker_child *c, int status, void *opaque)
{
    struct sleep_guest *g = opaque;
    bool is_expected = g->waiting_for == SLEEP_WAIT_EXIT;

    worker_child_free(c);
    g->process = NULL;
    g->state = VIR_DOMAIN_SHUTOFF;
    sleep_guest_emit(g, VIR_DOMAIN_EVENT_STOPPED,
                     is_expected ? g->stop_detail
                                 : VIR_DOMAIN_EVENT_STOPPED_FAILED);
    g->id = -1;
    if (is_expected)
        answer(g, 0, NULL);
    else
        answer(g, -1, "the guest exited");
    guest_free(g);   /* guests are transient */
}

static void
on_settled(struct worker_timer *t, void *opaque)
{
    struct sleep_guest *g = opaque;

    g->state = VIR_DOMAIN_PAUSED;
    g->reason = VIR_DOMAIN_PAUSED_USER;
    sleep_guest_emit(g, VIR_DOMAIN_EVENT_SUSPENDED,
                     VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    answer(g, 0, NULL);
}

static int
spawn(struct sleep_guest *g, struct vireo_error *err)
{
    const char *argv[] = { sleep_state->guest_program, NULL };
    struct worker_child_spec spec = { .argv = argv };
    int out[2];

    if (sleep_console_prepare(g, &spec.stdin_fd, &spec.stderr_fd, err) < 0)
        return -1;
    if (pipe2(out, O_CLOEXEC | O_NONBLOCK) < 0) {
        close(spec.stdin_fd);
        close(spec.stderr_fd);
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                         "cannot make a pipe: %s", strerror(errno));
    }
    spec.stdout_fd = out[1];
    g->process = worker_child_spawn(worker_current(), &spec, on_process_exit, g,
                                    err);
    close(out[1]);
    close(spec.stdin_fd);
    close(spec.stderr_fd);
    if (g->process == NULL) {
        close(out[0]);
        return -1;
    }
    g->output = worker_watch_new(worker_current(), out[0], EVENT_READABLE,
                                 on_output, g, err);
    if (g->output == NULL) {
        close(out[0]);
        return -1;
    }
    return 0;
}

struct sleep_guest *
sleep_guest_start(struct domain_def *def, struct call *c,
                  struct vireo_error *err)
{
    struct sleep_guest *g = calloc(1, sizeof(*g));

    if (g == NULL) {
        domain_def_free(def);
        error_no_memory(err);
        return NULL;
    }
    g->def = def;
    g->console = -1;
    g->id = sleep_state->next_id++;
    g->state = VIR_DOMAIN_PAUSED;
    g->reason = VIR_DOMAIN_PAUSED_STARTING_UP;
    g->next = sleep_state->guests;
    sleep_state->guests = g;
    g->settle = worker_timer_new(worker_current(), on_settled, g);
    if (g->settle == NULL || spawn(g, err) < 0) {
        if (g->settle == NULL)
            error_no_memory(err);
        guest_free(g);
        return NULL;
    }
    if (c != NULL)
        wait_for(g, SLEEP_WAIT_READY, "the guest's 'ready'");
    else
        g->waiting_for = SLEEP_WAIT_READY;   /* autostart: nobody waits */
    return g;
}

/* ---- the slots --------------------------------------------------------- */

/* The start of every lifecycle slot: 1 with *answered when the call
 * already has its answer (it runs again after waiting), 0 with *g to go
 * on, -1 with err set. One call at a time per guest, as a job lock would
 * allow. */
static int
enter(struct vireo_domain *dom, struct sleep_guest **g, int *answered,
      struct vireo_error *err)
{
    struct call *c = call_current();

    if (c == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NONE, "%s",
                         "the sleep driver only answers calls vireod makes");
    if (call_replay(c, answered, err, NULL))
        return 1;
    *g = sleep_guest_find(NULL, dom->uuid, -1);
    if (*g == NULL)
        return error_set(err, VIR_ERR_NO_DOMAIN, VIR_FROM_NONE,
                         "no domain with matching name '%s'", dom->name);
    if ((*g)->call != NULL || (*g)->waiting_for == SLEEP_WAIT_READY)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NONE,
                         "domain '%s' is busy with another call", dom->name);
    return 0;
}

/* After a slot that did not go on: the handle learns the guest's id, and
 * the caller the answer. */
static int
leave(struct vireo_domain *dom, int how, int answered)
{
    int rc = how > 0 ? answered : -1;
    struct sleep_guest *g = sleep_guest_find(NULL, dom->uuid, -1);

    atomic_store(&dom->id, g != NULL ? g->id : -1);
    return rc;
}

static int
not_valid(struct vireo_error *err, const char *why)
{
    return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NONE, "%s", why);
}

struct vireo_domain *
sleepdrv_domain_create_xml(struct vireo_conn *conn, const char *xml,
                           unsigned flags, struct vireo_error *err)
{
    struct call *c = call_current();
    struct domain_def *def = domain_def_parse(xml, err);
    struct sleep_guest *g;
    int rc;

    if (def == NULL)
        return NULL;
    if (c != NULL && call_replay(c, &rc, err, NULL)) {
        g = rc == 0 ? sleep_guest_find(def->name, NULL, -1) : NULL;
        domain_def_free(def);
        return g != NULL ? handle_domain_new(conn, g->def->name, g->def->uuid,
                                             g->id) : NULL;
    }
    if (sleep_guest_find(def->name, def->uuid, -1) != NULL) {
        error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_NONE,
                  "domain '%s' already exists", def->name);
        domain_def_free(def);
        return NULL;
    }
    if (c == NULL) {
        domain_def_free(def);
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NONE, "%s",
                  "the sleep driver only answers calls vireod makes");
        return NULL;
    }
    sleep_guest_start(def, c, err);
    return NULL;   /* ignored if it waits; an error otherwise */
}

int
sleepdrv_domain_suspend(struct vireo_domain *dom, struct vireo_error *err)
{
    struct sleep_guest *g;
    int answered = -1, how = enter(dom, &g, &answered, err);

    if (how != 0)
        return leave(dom, how, answered);
    if (g->state != VIR_DOMAIN_RUNNING)
        return not_valid(err, "domain is not running");
    worker_child_signal(g->process, SIGSTOP);
    worker_timer_arm(g->settle, SETTLE_MS);
    wait_for(g, SLEEP_WAIT_SETTLE, "the guest to settle");
    return 0;
}

int
sleepdrv_domain_resume(struct vireo_domain *dom, struct vireo_error *err)
{
    struct sleep_guest *g;
    int answered = -1, how = enter(dom, &g, &answered, err);

    if (how != 0)
        return leave(dom, how, answered);
    if (g->state != VIR_DOMAIN_PAUSED)
        return not_valid(err, "domain is not paused");
    worker_child_signal(g->process, SIGCONT);
    g->state = VIR_DOMAIN_RUNNING;
    g->reason = VIR_DOMAIN_RUNNING_UNPAUSED;
    sleep_guest_emit(g, VIR_DOMAIN_EVENT_RESUMED,
                     VIR_DOMAIN_EVENT_RESUMED_UNPAUSED);
    return 0;
}

/* Ask the guest; a suspended one cannot answer until it is resumed, so
 * the call ends at its deadline, as with a stopped QEMU. */
static int
ask(struct vireo_domain *dom, int signum, enum sleep_wait what,
    const char *waiting_for, int stop_detail, struct vireo_error *err)
{
    struct sleep_guest *g;
    int answered = -1, how = enter(dom, &g, &answered, err);

    if (how != 0)
        return leave(dom, how, answered);
    if (g->process == NULL)
        return not_valid(err, "domain is not running");
    g->stop_detail = stop_detail;
    worker_child_signal(g->process, signum);
    wait_for(g, what, waiting_for);
    return 0;
}

int
sleepdrv_domain_reboot(struct vireo_domain *dom, unsigned flags,
                       struct vireo_error *err)
{
    return ask(dom, SIGUSR1, SLEEP_WAIT_REBOOTED, "the guest's 'rebooted'",
               0, err);
}

int
sleepdrv_domain_shutdown(struct vireo_domain *dom, unsigned flags,
                         struct vireo_error *err)
{
    return ask(dom, SIGTERM, SLEEP_WAIT_EXIT, "the guest to exit",
               VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN, err);
}

int
sleepdrv_domain_destroy(struct vireo_domain *dom, unsigned flags,
                        struct vireo_error *err)
{
    return ask(dom, SIGKILL, SLEEP_WAIT_EXIT, "the guest to exit",
               VIR_DOMAIN_EVENT_STOPPED_DESTROYED, err);
}
