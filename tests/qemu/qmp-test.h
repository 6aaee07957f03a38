/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qmp-test.h: what the QMP tests share, header-only: the main loop turning
 * on a thread of its own, a QMP connection (drivers/qemu/qmp.h) made and
 * driven on a worker, and a log of every callback it got, in order.
 *
 * The worker writes a connection's log and its commands' records; the
 * test reads them once the atomic counter next to them has moved (or
 * after a worker_call()), which orders the reads after the writes.
 */
#ifndef VIREO_TESTS_QEMU_QMP_TEST_H
#define VIREO_TESTS_QEMU_QMP_TEST_H

#include <json-c/json.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "drivers/qemu/qmp.h"
#include "drivers/worker.h"
#include "loop/uv_impl.h"
#include "tests/tap.h"
#include "tests/worker/worker-test.h"

/* ---- the main loop ---------------------------------------------------- */

static pthread_t qt_loop_thread;

static inline void *
qt_run_loop(void *arg)
{
    uv_impl_run();
    return arg;
}

static inline void
qt_loop_start(void)
{
    if (uv_impl_register() < 0 ||
        pthread_create(&qt_loop_thread, NULL, qt_run_loop, NULL) != 0)
        tap_fail_all("cannot start the libuv loop");
}

/* Once every worker is stopped: let the loop close what they watched. */
static inline void
qt_loop_stop(void)
{
    sleep_ms(20);
    uv_impl_stop();
    pthread_join(qt_loop_thread, NULL);
}

/* ---- a connection and what it heard ------------------------------------ */

#define QT_LOG_LINES 64
#define QT_LOG_WIDTH 300

/* Where a connection's callbacks free it, to test freeing inside each. */
enum qt_free_point {
    QT_FREE_NEVER = 0,
    QT_FREE_ON_READY,
    QT_FREE_ON_EVENT,
    QT_FREE_ON_REPLY,
    QT_FREE_ON_CLOSED,
};

struct qt_conn {
    struct worker     *w;
    struct qmp        *m;            /* NULL once freed */
    int                qmp_fd;       /* given to qmp_new */
    int                timeout_ms;
    enum qt_free_point free_at;
    struct vireo_error open_err;
    /* Written on the worker, read once n_log moved. */
    char               log[QT_LOG_LINES][QT_LOG_WIDTH];
    atomic_int         n_log;
    atomic_int         n_ready, n_events, n_closed;
    struct vireo_error ready_err;
};

/* A command sent on a connection, and its answer. */
struct qt_cmd {
    struct qt_conn     *c;
    char                tag[32];
    unsigned long long  id;          /* 0: refused, see send_err */
    struct vireo_error  send_err;
    atomic_int          n_answers;
    bool                is_ok;
    struct vireo_error  err;
    char                reply[QT_LOG_WIDTH];  /* its JSON, cut */
    json_object        *reply_obj;   /* a copy of it, or NULL: the test's */
};

static inline void __attribute__((format(printf, 2, 3)))
qt_log(struct qt_conn *c, const char *fmt, ...)
{
    int i = atomic_load(&c->n_log);
    va_list ap;

    if (i >= QT_LOG_LINES)
        return;
    va_start(ap, fmt);
    vsnprintf(c->log[i], QT_LOG_WIDTH, fmt, ap);
    va_end(ap);
    atomic_fetch_add(&c->n_log, 1);
}

static inline void
qt_maybe_free(struct qt_conn *c, enum qt_free_point here)
{
    struct qmp *m = c->m;

    if (c->free_at != here || m == NULL)
        return;
    c->m = NULL;   /* the callbacks qmp_free() makes must not free again */
    qmp_free(m);
    qt_log(c, "freed");
}

static inline void
qt_on_ready(struct qmp *m, const struct vireo_error *err, void *opaque)
{
    struct qt_conn *c = opaque;

    if (err != NULL) {
        c->ready_err = *err;
        qt_log(c, "ready failed: %s", err->message);
    } else {
        qt_log(c, "ready");
    }
    atomic_fetch_add(&c->n_ready, 1);
    qt_maybe_free(c, QT_FREE_ON_READY);
}

static inline void
qt_on_event(struct qmp *m, const char *event, json_object *data,
            long long timestamp_us, void *opaque)
{
    struct qt_conn *c = opaque;

    qt_log(c, "event %s %s @%lld", event,
           data != NULL ? json_object_to_json_string_ext(
                              data, JSON_C_TO_STRING_PLAIN) : "-",
           timestamp_us);
    atomic_fetch_add(&c->n_events, 1);
    qt_maybe_free(c, QT_FREE_ON_EVENT);
}

static inline void
qt_on_closed(struct qmp *m, void *opaque)
{
    struct qt_conn *c = opaque;

    qt_log(c, "closed");
    atomic_fetch_add(&c->n_closed, 1);
    qt_maybe_free(c, QT_FREE_ON_CLOSED);
}

static const struct qmp_callbacks qt_callbacks = {
    .on_ready  = qt_on_ready,
    .on_event  = qt_on_event,
    .on_closed = qt_on_closed,
};

static inline void
qt_on_reply(struct qmp *m, json_object *reply, const struct vireo_error *err,
            void *opaque)
{
    struct qt_cmd *cmd = opaque;
    struct qt_conn *c = cmd->c;

    cmd->is_ok = err == NULL;
    if (err != NULL)
        cmd->err = *err;
    snprintf(cmd->reply, sizeof(cmd->reply), "%s",
             reply != NULL ? json_object_to_json_string_ext(
                                 reply, JSON_C_TO_STRING_PLAIN) : "-");
    /* A copy of its own: json-c's counts are not shared across threads. */
    if (reply != NULL)
        json_object_deep_copy(reply, &cmd->reply_obj, NULL);
    if (err != NULL)
        qt_log(c, "reply %s error %d: %s", cmd->tag, err->code,
               err->message);
    else
        qt_log(c, "reply %s ok", cmd->tag);
    atomic_fetch_add(&cmd->n_answers, 1);
    qt_maybe_free(c, QT_FREE_ON_REPLY);
}

/* ---- acting on the worker ---------------------------------------------- */

static inline void
qt_open_on_worker(void *arg)
{
    struct qt_conn *c = arg;

    c->m = qmp_new(c->w, c->qmp_fd, &qt_callbacks, c, c->timeout_ms,
                   &c->open_err);
}

/* A connection on w speaking QMP on fd (taken). */
static inline struct qt_conn *
qt_conn_open(struct worker *w, int fd, int timeout_ms)
{
    struct qt_conn *c = calloc(1, sizeof(*c));

    c->w = w;
    c->qmp_fd = fd;
    c->timeout_ms = timeout_ms;
    worker_call(w, qt_open_on_worker, c);
    if (c->m == NULL)
        tap_diag("qmp_new failed: %s", c->open_err.message);
    return c;
}

static inline void
qt_free_on_worker(void *arg)
{
    struct qt_conn *c = arg;

    qmp_free(c->m);
    c->m = NULL;
}

static inline void
qt_conn_free(struct qt_conn *c)
{
    worker_call(c->w, qt_free_on_worker, c);
    free(c);
}

/* A sender of monitor.h's kind. */
typedef unsigned long long (*qt_send_fn)(struct qmp *m, qmp_reply_cb cb,
                                         void *opaque,
                                         struct vireo_error *err);

struct qt_send {
    struct qt_cmd *cmd;
    const char    *command;
    const char    *text;        /* qmp_send_text instead */
    int            timeout_ms;  /* 0: the connection's default */
    qt_send_fn     fn;          /* this sender instead */
};

static inline void
qt_send_on_worker(void *arg)
{
    struct qt_send *s = arg;
    struct qt_cmd *cmd = s->cmd;
    struct qmp *m = cmd->c->m;

    if (s->fn != NULL)
        cmd->id = s->fn(m, qt_on_reply, cmd, &cmd->send_err);
    else if (s->text != NULL)
        cmd->id = qmp_send_text(m, s->text, qt_on_reply, cmd,
                                &cmd->send_err);
    else if (s->timeout_ms != 0)
        cmd->id = qmp_send_timeout(m, s->command, NULL, s->timeout_ms,
                                   qt_on_reply, cmd, &cmd->send_err);
    else
        cmd->id = qmp_send(m, s->command, NULL, qt_on_reply, cmd,
                           &cmd->send_err);
}

static inline void
qt_cmd_free(struct qt_cmd *cmd)
{
    if (cmd != NULL)
        json_object_put(cmd->reply_obj);
    free(cmd);
}

static inline struct qt_cmd *
qt_cmd_new(struct qt_conn *c, const char *tag)
{
    struct qt_cmd *cmd = calloc(1, sizeof(*cmd));

    cmd->c = c;
    snprintf(cmd->tag, sizeof(cmd->tag), "%s", tag);
    return cmd;
}

/* Send command on c with its default deadline (timeout_ms 0) or another.
 * The record is the test's to free once no answer can come. */
static inline struct qt_cmd *
qt_send(struct qt_conn *c, const char *tag, const char *command,
        int timeout_ms)
{
    struct qt_cmd *cmd = qt_cmd_new(c, tag);
    struct qt_send s = { cmd, command, NULL, timeout_ms, NULL };

    worker_call(c->w, qt_send_on_worker, &s);
    return cmd;
}

static inline struct qt_cmd *
qt_send_text(struct qt_conn *c, const char *tag, const char *text)
{
    struct qt_cmd *cmd = qt_cmd_new(c, tag);
    struct qt_send s = { cmd, NULL, text, 0, NULL };

    worker_call(c->w, qt_send_on_worker, &s);
    return cmd;
}

/* Send with one of monitor.h's senders. */
static inline struct qt_cmd *
qt_send_with(struct qt_conn *c, const char *tag, qt_send_fn fn)
{
    struct qt_cmd *cmd = qt_cmd_new(c, tag);
    struct qt_send s = { cmd, NULL, NULL, 0, fn };

    worker_call(c->w, qt_send_on_worker, &s);
    return cmd;
}

struct qt_forget {
    struct qt_conn     *c;
    unsigned long long  id;
};

static inline void
qt_forget_on_worker(void *arg)
{
    struct qt_forget *f = arg;

    qmp_forget(f->c->m, f->id);
}

static inline void
qt_forget(struct qt_conn *c, unsigned long long id)
{
    struct qt_forget f = { c, id };

    worker_call(c->w, qt_forget_on_worker, &f);
}

struct qt_ready_query {
    struct qt_conn *c;
    bool            is_ready;
};

static inline void
qt_is_ready_on_worker(void *arg)
{
    struct qt_ready_query *q = arg;

    q->is_ready = q->c->m != NULL && qmp_is_ready(q->c->m);
}

static inline bool
qt_is_ready(struct qt_conn *c)
{
    struct qt_ready_query q = { c, false };

    worker_call(c->w, qt_is_ready_on_worker, &q);
    return q.is_ready;
}

struct qt_free_at {
    struct qt_conn     *c;
    enum qt_free_point  point;
};

static inline void
qt_free_at_on_worker(void *arg)
{
    struct qt_free_at *f = arg;

    f->c->free_at = f->point;
}

/* From now on, the callback at point frees the connection. */
static inline void
qt_set_free_at(struct qt_conn *c, enum qt_free_point point)
{
    struct qt_free_at f = { c, point };

    worker_call(c->w, qt_free_at_on_worker, &f);
}

/* ---- reading the log --------------------------------------------------- */

/* Wait until the log holds n lines (at most max_ms). */
static inline bool
qt_wait_log(struct qt_conn *c, int n, int max_ms)
{
    return wait_for(&c->n_log, n, max_ms);
}

static inline bool
qt_wait_answer(struct qt_cmd *cmd, int max_ms)
{
    return wait_for(&cmd->n_answers, 1, max_ms);
}

/* Line i of the log, or "" if there is none (yet). */
static inline const char *
qt_line(struct qt_conn *c, int i)
{
    return i < atomic_load(&c->n_log) ? c->log[i] : "";
}

static inline bool
qt_line_starts(struct qt_conn *c, int i, const char *prefix)
{
    return strncmp(qt_line(c, i), prefix, strlen(prefix)) == 0;
}

/* The first line at or after from that starts with prefix, or -1. */
static inline int
qt_find(struct qt_conn *c, const char *prefix, int from)
{
    for (int i = from; i < atomic_load(&c->n_log); i++)
        if (qt_line_starts(c, i, prefix))
            return i;
    return -1;
}

/* Wait until a line starting with prefix appears at or after from. */
static inline int
qt_wait_line(struct qt_conn *c, const char *prefix, int from, int max_ms)
{
    int64_t end = now_ms() + max_ms;
    int i;

    while ((i = qt_find(c, prefix, from)) < 0 && now_ms() < end)
        sleep_ms(1);
    return i;
}

/* The whole log as one string, lines joined with " | ", for diagnostics
 * and for checks on order. */
static inline const char *
qt_log_text(struct qt_conn *c)
{
    static char text[QT_LOG_LINES * (QT_LOG_WIDTH + 3)];
    size_t used = 0;

    text[0] = '\0';
    for (int i = 0; i < atomic_load(&c->n_log); i++)
        used += (size_t)snprintf(text + used, sizeof(text) - used, "%s%s",
                                 i > 0 ? " | " : "", c->log[i]);
    return text;
}

#endif /* VIREO_TESTS_QEMU_QMP_TEST_H */
