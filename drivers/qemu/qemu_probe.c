/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_probe.c: one run of the emulator with one option, or with QMP
 * commands on its stdin, its stdout collected through a pipe the main
 * loop watches for the driver, its exit reported by worker_child, and a
 * deadline on both.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/qemu/qemu_probe.h"
#include "drivers/worker_child.h"
#include "drivers/worker_timer.h"
#include "drivers/worker_watch.h"
#include "loop/event.h"

/* QEMU answers these in a fraction of a second; a loaded machine gets
 * far more. */
#define PROBE_TIMEOUT_MS 20000
#define MAX_OUTPUT       (256 * 1024)

/* Owned by the driver's thread. */
struct qemu_probe {
    struct worker_child *child;
    struct worker_watch *output;
    struct worker_timer *deadline;
    char                *text;
    size_t               len;
    bool                 has_eof;
    bool                 has_exited;
    bool                 has_failed;
    bool                 has_reported;
    qemu_probe_cb        cb;
    void                *opaque;
};

/* Both ends seen (or the deadline): report once. */
static void
finish_if_done(struct qemu_probe *p)
{
    if (p->has_reported || (!(p->has_eof && p->has_exited) && !p->has_failed))
        return;
    p->has_reported = true;
    worker_timer_cancel(p->deadline);
    p->cb(p, p->has_failed ? NULL : p->text, p->opaque);
}

static void
append(struct qemu_probe *p, const char *buf, size_t n)
{
    char *grown;

    if (p->len + n > MAX_OUTPUT) {
        p->has_failed = true;
        return;
    }
    grown = realloc(p->text, p->len + n + 1);
    if (grown == NULL) {
        p->has_failed = true;
        return;
    }
    memcpy(grown + p->len, buf, n);
    p->len += n;
    grown[p->len] = '\0';
    p->text = grown;
}

static void
on_output(struct worker_watch *ww, int fd, int events, void *opaque)
{
    struct qemu_probe *p = opaque;
    char buf[4096];
    ssize_t n;

    while ((n = read(fd, buf, sizeof(buf))) > 0)
        append(p, buf, (size_t)n);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
        worker_watch_resume(ww, EVENT_READABLE);
        return;
    }
    worker_watch_free(ww);
    p->output = NULL;
    p->has_eof = true;
    finish_if_done(p);
}

static void
on_child_exit(struct worker_child *c, int status, void *opaque)
{
    struct qemu_probe *p = opaque;

    worker_child_free(c);
    p->child = NULL;
    p->has_exited = true;
    if (status != 0)
        p->has_failed = true;
    finish_if_done(p);
}

static void
on_deadline(struct worker_timer *t, void *opaque)
{
    struct qemu_probe *p = opaque;

    p->has_failed = true;
    finish_if_done(p);
}

/* A pipe whose read end gives input, then end of file: the commands of
 * a QMP probe, small enough to sit whole in the pipe's buffer. -1 when
 * it cannot be made. */
static int
input_pipe(const char *input)
{
    size_t len = strlen(input);
    int in[2];

    if (pipe2(in, O_CLOEXEC) < 0)
        return -1;
    if (write(in[1], input, len) != (ssize_t)len) {
        close(in[0]);
        close(in[1]);
        return -1;
    }
    close(in[1]);
    return in[0];
}

/* Run argv, its stdin input (NULL: /dev/null), its stdout collected. */
static int
spawn(struct qemu_probe *p, struct worker *w, const char *const *argv,
      const char *input)
{
    struct worker_child_spec spec = { .argv = argv, .stdin_fd = -1,
                                      .stderr_fd = -1 };
    struct vireo_error err = { 0 };
    int out[2];

    if (input != NULL && (spec.stdin_fd = input_pipe(input)) < 0)
        return -1;
    if (pipe2(out, O_CLOEXEC | O_NONBLOCK) < 0) {
        if (spec.stdin_fd >= 0)
            close(spec.stdin_fd);
        return -1;
    }
    spec.stdout_fd = out[1];
    p->child = worker_child_spawn(w, &spec, on_child_exit, p, &err);
    close(out[1]);
    if (spec.stdin_fd >= 0)
        close(spec.stdin_fd);
    if (p->child != NULL)
        p->output = worker_watch_new(w, out[0], EVENT_READABLE, on_output, p,
                                     &err);
    if (p->output == NULL) {
        close(out[0]);
        return -1;
    }
    return 0;
}

static struct qemu_probe *
start(struct worker *w, const char *const *argv, const char *input,
      qemu_probe_cb cb, void *opaque)
{
    struct qemu_probe *p = calloc(1, sizeof(*p));

    if (p == NULL)
        return NULL;
    p->cb = cb;
    p->opaque = opaque;
    p->deadline = worker_timer_new(w, on_deadline, p);
    if (p->deadline == NULL || spawn(p, w, argv, input) < 0) {
        qemu_probe_free(p);
        return NULL;
    }
    worker_timer_arm(p->deadline, PROBE_TIMEOUT_MS);
    return p;
}

struct qemu_probe *
qemu_probe_start(struct worker *w, const char *emulator, const char *option,
                 const char *value, qemu_probe_cb cb, void *opaque)
{
    const char *argv[] = { emulator, option, value, NULL };

    return start(w, argv, NULL, cb, opaque);
}

/* No machine, no devices, no display, never running a CPU: QEMU only
 * answers the commands it reads on stdin, and quits at the last. */
struct qemu_probe *
qemu_probe_start_qmp(struct worker *w, const char *emulator,
                     const char *accel, const char *commands,
                     qemu_probe_cb cb, void *opaque)
{
    char machine[64];
    const char *argv[] = { emulator, "-machine", machine, "-nodefaults",
                           "-no-user-config", "-display", "none", "-S",
                           "-qmp", "stdio", NULL };

    snprintf(machine, sizeof(machine), "none,accel=%s", accel);
    return start(w, argv, commands, cb, opaque);
}

void
qemu_probe_free(struct qemu_probe *p)
{
    if (p == NULL)
        return;
    worker_child_free(p->child);
    worker_watch_free(p->output);
    worker_timer_free(p->deadline);
    free(p->text);
    free(p);
}
