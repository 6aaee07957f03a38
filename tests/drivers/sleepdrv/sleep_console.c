/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * sleep_console.c: a sleep guest's console and monitor, the two things a
 * client reaches through the daemon's streams and libvirt's QEMU program.
 *
 * The console is a socket pair: the guest's end is its stdin, ours is
 * handed out (a duplicate each time) as the fd domain_open_console
 * answers, which the daemon then owns and pumps; the guest echoes what it
 * reads in capitals. Several consoles opened at once share the guest's one
 * console, as several readers of one serial line would.
 *
 * The monitor is another socket pair, on the guest's stderr. A command is
 * a record that waits for the guest's answer on the driver's thread, as a
 * QMP command waits for QEMU's: each line sent carries an id the guest
 * echoes, the answer finishes the call, and a guest that cannot answer
 * (suspended) costs the call its deadline and nobody else anything.
 *
 * Everything here runs on the sleep driver's thread.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "drivers/call.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/worker.h"
#include "drivers/worker_watch.h"
#include "loop/event.h"
#include "tests/drivers/sleepdrv/sleep_lines.h"
#include "tests/drivers/sleepdrv/sleep_priv.h"

/* A monitor command waiting for the guest's answer. Owned by the sleep
 * driver's thread. */
struct sleep_monitor_cmd {
    unsigned long             id;       /* echoed by the guest */
    struct call              *call;
    struct sleep_guest       *guest;
    struct sleep_monitor_cmd *next;
};

static void
unlink_cmd(struct sleep_monitor_cmd *cmd)
{
    struct sleep_monitor_cmd **pp = &cmd->guest->mon_pending;

    while (*pp != cmd)
        pp = &(*pp)->next;
    *pp = cmd->next;
}

/* The call ended without the guest (its deadline, a cancellation). */
static void
forget_cmd(void *opaque)
{
    struct sleep_monitor_cmd *cmd = opaque;

    unlink_cmd(cmd);
    free(cmd);
}

static void
fail_pending(struct sleep_guest *g, const char *why)
{
    struct vireo_error err = { 0 };

    error_set(&err, VIR_ERR_OPERATION_FAILED, VIR_FROM_NONE, "%s", why);
    while (g->mon_pending != NULL) {
        struct sleep_monitor_cmd *cmd = g->mon_pending;

        g->mon_pending = cmd->next;
        call_answer(cmd->call, -1, &err, NULL, NULL);
        free(cmd);
    }
}

/* "ID ANSWER": the answer finishes the command with that id; an id nobody
 * waits for any more (its call timed out) is dropped. */
static void
on_answer(struct sleep_guest *g, const char *line)
{
    char *rest;
    unsigned long id = strtoul(line, &rest, 10);
    struct sleep_monitor_cmd *cmd = g->mon_pending;
    char *answer;

    while (cmd != NULL && cmd->id != id)
        cmd = cmd->next;
    if (cmd == NULL || *rest != ' ')
        return;
    unlink_cmd(cmd);
    answer = strdup(rest + 1);
    if (answer == NULL) {
        struct vireo_error err = { 0 };

        call_answer(cmd->call, error_no_memory(&err), &err, NULL, NULL);
    } else {
        call_answer(cmd->call, 0, NULL, answer, free);
    }
    free(cmd);
}

static void
answer_line(void *opaque, const char *line)
{
    on_answer(opaque, line);
}

/* The monitor is readable: drain it. At its end (the guest is gone) what
 * still waits fails. */
static void
on_monitor(struct worker_watch *ww, int fd, int events, void *opaque)
{
    struct sleep_guest *g = opaque;
    const struct sleep_lines lines = { g->mon_line, sizeof(g->mon_line),
                                       &g->mon_line_len, answer_line, g };
    char buf[4096];
    ssize_t n;

    while ((n = read(fd, buf, sizeof(buf))) > 0)
        sleep_lines_take(&lines, buf, (size_t)n);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
        worker_watch_free(ww);
        g->monitor = NULL;
        fail_pending(g, "the guest's monitor closed");
        return;
    }
    worker_watch_resume(ww, EVENT_READABLE);
}

static int
socket_pair(int fds[2], struct vireo_error *err)
{
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) < 0)
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                         "cannot make a socket pair: %s", strerror(errno));
    /* Only our end is non-blocking: the guest may wait on its own. */
    fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    return 0;
}

int
sleep_console_prepare(struct sleep_guest *g, int *console_fd,
                      int *monitor_fd, struct vireo_error *err)
{
    int con[2], mon[2];

    if (socket_pair(con, err) < 0)
        return -1;
    if (socket_pair(mon, err) < 0) {
        close(con[0]);
        close(con[1]);
        return -1;
    }
    g->monitor = worker_watch_new(worker_current(), mon[0], EVENT_READABLE,
                                  on_monitor, g, err);
    if (g->monitor == NULL) {
        close(mon[0]);
        close(mon[1]);
        close(con[0]);
        close(con[1]);
        return -1;
    }
    g->console = con[0];
    *console_fd = con[1];
    *monitor_fd = mon[1];
    return 0;
}

void
sleep_console_release(struct sleep_guest *g)
{
    fail_pending(g, "the guest is gone");
    worker_watch_free(g->monitor);
    g->monitor = NULL;
    if (g->console >= 0)
        close(g->console);
    g->console = -1;
}

static struct sleep_guest *
find_guest(struct vireo_domain *dom, struct vireo_error *err)
{
    struct sleep_guest *g = sleep_guest_find(NULL, dom->uuid, -1);

    if (g == NULL)
        error_set(err, VIR_ERR_NO_DOMAIN, VIR_FROM_NONE,
                  "no domain with matching name '%s'", dom->name);
    return g;
}

/* The guest has one console, known by libvirt's two aliases for a first
 * serial console. */
int
sleepdrv_domain_open_console(struct vireo_domain *dom, const char *dev_name,
                             unsigned flags, int *fd,
                             struct vireo_error *err)
{
    struct sleep_guest *g;

    if (error_check_flags(err, VIR_FROM_NONE, flags,
                          VIR_DOMAIN_CONSOLE_FORCE | VIR_DOMAIN_CONSOLE_SAFE,
                          "sleepdrvDomainOpenConsole") < 0 ||
        (g = find_guest(dom, err)) == NULL)
        return -1;
    if (dev_name != NULL && strcmp(dev_name, "console0") != 0 &&
        strcmp(dev_name, "serial0") != 0)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NONE,
                         "cannot find character device %s", dev_name);
    if (g->console < 0)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NONE,
                         "%s", "domain is not running");
    *fd = fcntl(g->console, F_DUPFD_CLOEXEC, 0);
    if (*fd < 0)
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                         "cannot duplicate the console: %s", strerror(errno));
    return 0;
}

/* Send "ID COMMAND" whole, or fail: a monitor that takes no more (its
 * guest stopped reading) does not get half a command. */
static int
send_command(struct sleep_guest *g, unsigned long id, const char *cmd,
             struct vireo_error *err)
{
    char *line = NULL;
    int len = asprintf(&line, "%lu %s\n", id, cmd);
    ssize_t n;

    if (len < 0)
        return error_no_memory(err);
    n = send(worker_watch_fd(g->monitor), line, (size_t)len,
             MSG_NOSIGNAL | MSG_DONTWAIT);
    free(line);
    if (n != len)
        return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_NONE,
                         "the guest's monitor does not take commands: %s",
                         n < 0 ? strerror(errno) : "short write");
    return 0;
}

static int
start_command(struct call *c, struct vireo_domain *dom, const char *cmd,
              unsigned flags, struct vireo_error *err)
{
    struct sleep_guest *g;
    struct sleep_monitor_cmd *rec;

    if (error_check_flags(err, VIR_FROM_NONE, flags, 0,
                          "sleepdrvDomainQemuMonitorCommand") < 0 ||
        (g = find_guest(dom, err)) == NULL)
        return -1;
    if (strchr(cmd, '\n') != NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE, "%s",
                         "a monitor command is one line");
    if (g->monitor == NULL)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NONE,
                         "%s", "domain is not running");
    rec = calloc(1, sizeof(*rec));
    if (rec == NULL)
        return error_no_memory(err);
    rec->id = ++g->next_mon_id;
    if (send_command(g, rec->id, cmd, err) < 0) {
        free(rec);
        return -1;
    }
    rec->call = c;
    rec->guest = g;
    rec->next = g->mon_pending;
    g->mon_pending = rec;
    call_wait(c, sleep_state->answer_timeout_ms, "the guest's monitor",
              forget_cmd, rec);
    return 0;
}

int
sleepdrv_domain_qemu_monitor_command(struct vireo_domain *dom,
                                     const char *cmd, char **result,
                                     unsigned flags, struct vireo_error *err)
{
    struct call *c = call_current();
    void *answer = NULL;
    int rc;

    if (c == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NONE, "%s",
                         "the sleep driver only answers calls vireod makes");
    if (!call_replay(c, &rc, err, &answer))
        return start_command(c, dom, cmd, flags, err);   /* waits */
    if (rc < 0)
        return -1;
    *result = strdup(answer);
    return *result != NULL ? 0 : error_no_memory(err);
}
