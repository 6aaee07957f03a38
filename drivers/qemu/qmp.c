/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qmp.c: one QMP connection, spoken by a worker thread that never waits on
 * it (the contract is in qmp.h).
 *
 * Reading. Whatever the socket holds is read into a buffer and split on
 * newlines (qmp_buffer.h): QEMU writes each greeting, reply and event as
 * one JSON object on one line. The buffer is bounded (QMP_MAX_LINE): a
 * peer that sends a line without end is cut off with an error saying so,
 * rather than growing the daemon. A line that is not a JSON object also ends the
 * connection (QEMU never sends one, so the stream cannot be trusted any
 * more); an object we do not know, or a reply whose id is no pending
 * command's (a command that timed out, or was forgotten), is skipped.
 *
 * Writing. A command is serialised at once and written as far as the
 * socket takes it; the rest waits in an output buffer and the watch asks
 * for writability until it is gone. A write that fails is only recorded:
 * the connection ends on the next readiness, on a fresh stack, so that
 * qmp_send() never calls back into its caller.
 *
 * Lifetime. The callbacks may call qmp_free() at any point. Every entry
 * from the worker (readiness, a deadline) and qmp_free() itself hold the
 * record while they run (`depth`), so a free inside a callback closes the
 * connection at once but lets the memory go only when the outermost entry
 * returns; each step that follows a callback checks whether the
 * connection is still open.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/qemu/qmp.h"
#include "drivers/qemu/qmp_buffer.h"
#include "drivers/worker_timer.h"
#include "drivers/worker_watch.h"
#include "loop/event.h"

/* How much one readiness reads at most before letting other jobs run;
 * the watch is level-triggered, so the rest is read on the next turn. */
#define READ_BUDGET (1u << 20)

/* Commands as QEMU reads them: one line, paths unescaped. */
#define PLAIN_JSON (JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)

enum qmp_phase {
    QMP_WAIT_GREETING,
    QMP_NEGOTIATING,      /* qmp_capabilities is on its way */
    QMP_READY,
    QMP_CLOSED,           /* nothing is read, written or called any more */
};

/* Owned by the connection's worker thread. One per command in flight,
 * in the order sent. */
struct qmp_command {
    struct qmp_command  *prev, *next;
    struct qmp          *m;
    unsigned long long   id;
    char                 name[64];    /* its "execute", for messages */
    int                  timeout_ms;
    qmp_reply_cb         cb;          /* NULL: the handshake's own */
    void                *opaque;
    struct worker_timer *deadline;    /* NULL: none */
};

/* Owned by the worker thread that made it. */
struct qmp {
    struct worker        *w;
    struct worker_watch  *watch;          /* holds the fd; NULL once closed */
    enum qmp_phase        phase;
    struct qmp_callbacks  cb;
    void                 *opaque;
    int                   timeout_ms;     /* the default deadline */
    struct worker_timer  *handshake_deadline;
    unsigned long long    last_id;
    struct qmp_command   *oldest, *newest;  /* pending commands */
    json_object          *held_events;    /* an array, until on_ready */
    json_tokener         *tok;

    struct qmp_input      in;             /* what QEMU sent, not yet read */
    struct qmp_output     out;            /* what the socket did not take */
    int                   write_errno;    /* a failed write, or 0 */

    int                   watch_events;   /* last asked of the watch */
    bool                  is_in_watch;    /* inside the watch's callback */
    int                   depth;          /* entries of ours on the stack */
    bool                  is_freed;
};

/* ---- holding the record while callbacks run ---------------------------- */

static void destroy(struct qmp *m);

static void
enter(struct qmp *m)
{
    m->depth++;
}

static void
leave(struct qmp *m)
{
    if (--m->depth == 0 && m->is_freed)
        destroy(m);
}

static bool
is_closed(const struct qmp *m)
{
    return m->phase == QMP_CLOSED;
}

/* ---- pending commands -------------------------------------------------- */

static void
unlink_command(struct qmp *m, struct qmp_command *c)
{
    if (c->prev != NULL)
        c->prev->next = c->next;
    else
        m->oldest = c->next;
    if (c->next != NULL)
        c->next->prev = c->prev;
    else
        m->newest = c->prev;
    c->prev = c->next = NULL;
    worker_timer_free(c->deadline);
    c->deadline = NULL;
}

static struct qmp_command *
find_command(const struct qmp *m, unsigned long long id)
{
    for (struct qmp_command *c = m->oldest; c != NULL; c = c->next)
        if (c->id == id)
            return c;
    return NULL;
}

/* Answer c, already unlinked, and free it. */
static void
answer(struct qmp_command *c, json_object *reply,
       const struct vireo_error *err)
{
    if (c->cb != NULL)
        c->cb(c->m, reply, err, c->opaque);
    free(c);
}

/* Answer every pending command with "why", oldest first. A callback may
 * forget others or free the connection meanwhile: each is unlinked before
 * it is answered, so each is answered once. */
static void
answer_all(struct qmp *m, const char *why)
{
    struct qmp_command *c;

    while ((c = m->oldest) != NULL) {
        struct vireo_error err;

        unlink_command(m, c);
        error_set(&err, VIR_ERR_OPERATION_FAILED, VIR_FROM_QEMU,
                  "QEMU monitor closed before answering '%s': %s", c->name,
                  why);
        answer(c, NULL, &err);
    }
}

/* ---- the end of the connection ----------------------------------------- */

/* Stop reading and writing; the watch closes the fd. */
static void
stop_io(struct qmp *m)
{
    m->phase = QMP_CLOSED;
    worker_watch_free(m->watch);
    m->watch = NULL;
    worker_timer_free(m->handshake_deadline);
    m->handshake_deadline = NULL;
    json_object_put(m->held_events);
    m->held_events = NULL;
}

/* The handshake failed: err is the last thing the owner hears. */
static void
fail_handshake(struct qmp *m, const struct vireo_error *err)
{
    stop_io(m);
    answer_all(m, err->message);   /* only the handshake's own command */
    if (!m->is_freed && m->cb.on_ready != NULL)
        m->cb.on_ready(m, err, m->opaque);
}

/* The socket ended or the stream broke (why says how). */
static void __attribute__((format(printf, 2, 3)))
close_connection(struct qmp *m, const char *fmt, ...)
{
    char why[200];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(why, sizeof(why), fmt, ap);
    va_end(ap);
    if (m->phase != QMP_READY) {
        struct vireo_error err;

        error_set(&err, VIR_ERR_OPERATION_FAILED, VIR_FROM_QEMU,
                  "QEMU monitor closed during the QMP handshake: %s", why);
        fail_handshake(m, &err);
        return;
    }
    stop_io(m);
    answer_all(m, why);
    if (!m->is_freed && m->cb.on_closed != NULL)
        m->cb.on_closed(m, m->opaque);
}

/* ---- writing ----------------------------------------------------------- */

static void
update_watch(struct qmp *m)
{
    int want = EVENT_READABLE;

    if (is_closed(m) || m->is_in_watch)
        return;   /* the watch's callback resumes it on its way out */
    if (m->out.n > 0 || m->write_errno != 0)
        want |= EVENT_WRITABLE;
    if (want != m->watch_events) {
        m->watch_events = want;
        worker_watch_resume(m->watch, want);
    }
}

/* Write what the socket takes; a failure ends the connection on the
 * watch's next call. */
static void
flush(struct qmp *m)
{
    if (m->write_errno == 0)
        m->write_errno = qmp_output_flush(&m->out, worker_watch_fd(m->watch));
}

/* ---- sending ----------------------------------------------------------- */

static void
on_deadline(struct worker_timer *t, void *opaque)
{
    struct qmp_command *c = opaque;
    struct qmp *m = c->m;
    struct vireo_error err;

    enter(m);
    unlink_command(m, c);   /* frees t: safe in its own callback */
    error_set(&err, VIR_ERR_OPERATION_TIMEOUT, VIR_FROM_QEMU,
              "QEMU did not answer '%s' within %d ms", c->name,
              c->timeout_ms);
    answer(c, NULL, &err);
    leave(m);
}

/* A command record, not yet linked, its deadline (if any) not yet armed;
 * NULL when memory is short. */
static struct qmp_command *
new_command(struct qmp *m, unsigned long long id, const char *name,
            int timeout_ms, qmp_reply_cb cb, void *opaque)
{
    struct qmp_command *c = calloc(1, sizeof(*c));

    if (c == NULL)
        return NULL;
    c->m = m;
    c->id = id;
    snprintf(c->name, sizeof(c->name), "%s", name);
    c->timeout_ms = timeout_ms;
    c->cb = cb;
    c->opaque = opaque;
    if (timeout_ms >= 0 &&
        (c->deadline = worker_timer_new(m->w, on_deadline, c)) == NULL) {
        free(c);
        return NULL;
    }
    return c;
}

static void
link_command(struct qmp *m, struct qmp_command *c)
{
    c->prev = m->newest;
    if (m->newest != NULL)
        m->newest->next = c;
    else
        m->oldest = c;
    m->newest = c;
    if (c->deadline != NULL)
        worker_timer_arm(c->deadline, c->timeout_ms);
}

/* Give cmd (taken) our next id, queue it and write what the socket
 * takes. Returns the id, or 0 with err set. */
static unsigned long long
send_command(struct qmp *m, json_object *cmd, const char *name,
             int timeout_ms, qmp_reply_cb cb, void *opaque,
             struct vireo_error *err)
{
    unsigned long long id = m->last_id + 1;
    struct qmp_command *c = NULL;
    const char *text = NULL;
    size_t len;

    if (json_object_object_add(cmd, "id", json_object_new_uint64(id)) == 0)
        text = json_object_to_json_string_length(cmd, PLAIN_JSON,
                                                 &len);
    if (text != NULL)
        c = new_command(m, id, name, timeout_ms, cb, opaque);
    if (c == NULL)
        error_no_memory(err);
    if (c == NULL || qmp_output_append(&m->out, text, len, err) < 0) {
        if (c != NULL)
            worker_timer_free(c->deadline);
        free(c);
        json_object_put(cmd);
        return 0;
    }
    json_object_put(cmd);
    m->last_id = id;
    link_command(m, c);
    flush(m);
    update_watch(m);
    return id;
}

/* The connection can take a command now; else err is set. */
static int
check_ready(const struct qmp *m, struct vireo_error *err)
{
    if (m->phase == QMP_READY)
        return 0;
    if (is_closed(m))
        return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_QEMU,
                         "QEMU monitor connection is closed");
    return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_QEMU,
                     "QEMU monitor has not finished its handshake");
}

unsigned long long
qmp_send_timeout(struct qmp *m, const char *command, json_object *args,
                 int timeout_ms, qmp_reply_cb cb, void *opaque,
                 struct vireo_error *err)
{
    json_object *cmd;

    if (check_ready(m, err) < 0) {
        json_object_put(args);
        return 0;
    }
    cmd = json_object_new_object();
    if (cmd == NULL ||
        json_object_object_add(cmd, "execute",
                               json_object_new_string(command)) < 0 ||
        (args != NULL &&
         json_object_object_add(cmd, "arguments", args) < 0)) {
        json_object_put(cmd);
        json_object_put(args);
        error_no_memory(err);
        return 0;
    }
    return send_command(m, cmd, command, timeout_ms, cb, opaque, err);
}

unsigned long long
qmp_send(struct qmp *m, const char *command, json_object *args,
         qmp_reply_cb cb, void *opaque, struct vireo_error *err)
{
    return qmp_send_timeout(m, command, args, m->timeout_ms, cb, opaque,
                            err);
}

/* text as one JSON object and nothing after it, or NULL. */
static json_object *
parse_object(json_tokener *tok, const char *text, size_t len)
{
    json_object *obj;
    size_t end;

    json_tokener_reset(tok);
    obj = json_tokener_parse_ex(tok, text, (int)len);
    if (obj == NULL || !json_object_is_type(obj, json_type_object)) {
        json_object_put(obj);
        return NULL;
    }
    for (end = json_tokener_get_parse_end(tok); end < len; end++)
        if (strchr(" \t\r\n", text[end]) == NULL) {
            json_object_put(obj);
            return NULL;
        }
    return obj;
}

unsigned long long
qmp_send_text(struct qmp *m, const char *json_text, qmp_reply_cb cb,
              void *opaque, struct vireo_error *err)
{
    json_object *cmd, *execute;
    char name[64];

    if (check_ready(m, err) < 0)
        return 0;
    cmd = parse_object(m->tok, json_text, strlen(json_text));
    if (cmd == NULL ||
        !json_object_object_get_ex(cmd, "execute", &execute) ||
        !json_object_is_type(execute, json_type_string)) {
        json_object_put(cmd);
        error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_QEMU,
                  "a QMP command is a JSON object with a string \"execute\"");
        return 0;
    }
    json_object_object_del(cmd, "id");
    /* execute's string lives in cmd, which send_command frees. */
    snprintf(name, sizeof(name), "%s", json_object_get_string(execute));
    return send_command(m, cmd, name, m->timeout_ms, cb, opaque, err);
}

void
qmp_forget(struct qmp *m, unsigned long long id)
{
    struct qmp_command *c = find_command(m, id);

    if (c == NULL || c->cb == NULL)
        return;
    unlink_command(m, c);
    free(c);
}

bool
qmp_is_ready(const struct qmp *m)
{
    return m->phase == QMP_READY;
}

/* ---- what QEMU says ---------------------------------------------------- */

static void
deliver_event(struct qmp *m, json_object *obj)
{
    json_object *name, *data = NULL, *ts, *part;
    long long timestamp_us = 0;

    json_object_object_get_ex(obj, "event", &name);
    json_object_object_get_ex(obj, "data", &data);
    if (json_object_object_get_ex(obj, "timestamp", &ts)) {
        if (json_object_object_get_ex(ts, "seconds", &part))
            timestamp_us = json_object_get_int64(part) * 1000000;
        if (json_object_object_get_ex(ts, "microseconds", &part))
            timestamp_us += json_object_get_int64(part);
    }
    if (m->cb.on_event != NULL)
        m->cb.on_event(m, json_object_get_string(name), data, timestamp_us,
                       m->opaque);
}

/* QEMU may speak before the handshake is over; what it said then is held,
 * and delivered once the owner has heard on_ready. */
static void
on_event(struct qmp *m, json_object *obj)
{
    if (m->phase == QMP_READY)
        deliver_event(m, obj);
    else
        json_object_array_add(m->held_events, json_object_get(obj));
}

static void
become_ready(struct qmp *m)
{
    json_object *held = m->held_events;

    worker_timer_free(m->handshake_deadline);
    m->handshake_deadline = NULL;
    m->held_events = NULL;
    m->phase = QMP_READY;
    if (m->cb.on_ready != NULL)
        m->cb.on_ready(m, NULL, m->opaque);
    for (size_t i = 0; i < json_object_array_length(held) && !is_closed(m);
         i++)
        deliver_event(m, json_object_array_get_idx(held, i));
    json_object_put(held);
}

/* The handshake's own command was answered. */
static void
on_capabilities(struct qmp *m, json_object *error)
{
    json_object *desc = NULL;
    struct vireo_error err;

    if (error == NULL) {
        become_ready(m);
        return;
    }
    json_object_object_get_ex(error, "desc", &desc);
    error_set(&err, VIR_ERR_OPERATION_FAILED, VIR_FROM_QEMU,
              "unable to execute QEMU command 'qmp_capabilities': %s",
              desc != NULL ? json_object_get_string(desc) : "no reason given");
    fail_handshake(m, &err);
}

/* A reply: matched to its command by id. One whose id we do not know (it
 * timed out or was forgotten) or that has none (QEMU could not read a
 * command, which ours never are) is skipped. */
static void
on_reply(struct qmp *m, json_object *obj)
{
    json_object *id, *error = NULL, *desc = NULL;
    struct qmp_command *c;
    struct vireo_error err;

    if (!json_object_object_get_ex(obj, "id", &id) ||
        !json_object_is_type(id, json_type_int) ||
        (c = find_command(m, json_object_get_uint64(id))) == NULL)
        return;
    unlink_command(m, c);
    json_object_object_get_ex(obj, "error", &error);
    if (c->cb == NULL) {
        free(c);
        on_capabilities(m, error);
        return;
    }
    if (error == NULL) {
        answer(c, obj, NULL);
        return;
    }
    json_object_object_get_ex(error, "desc", &desc);
    error_set(&err, VIR_ERR_OPERATION_FAILED, VIR_FROM_QEMU,
              "unable to execute QEMU command '%s': %s", c->name,
              desc != NULL ? json_object_get_string(desc)
                           : "no reason given");
    answer(c, obj, &err);
}

static void
on_greeting(struct qmp *m)
{
    struct vireo_error err = { 0 };
    json_object *cmd = json_object_new_object();

    m->phase = QMP_NEGOTIATING;
    if (cmd == NULL ||
        json_object_object_add(cmd, "execute",
                               json_object_new_string("qmp_capabilities")) < 0 ||
        send_command(m, cmd, "qmp_capabilities", -1, NULL, NULL, &err) == 0) {
        if (err.code == VIR_ERR_OK)
            error_no_memory(&err);
        fail_handshake(m, &err);
    }
}

static void
handle_object(struct qmp *m, json_object *obj)
{
    json_object *v;

    if (json_object_object_get_ex(obj, "event", &v) &&
        json_object_is_type(v, json_type_string))
        on_event(m, obj);
    else if (json_object_object_get_ex(obj, "return", &v) ||
             json_object_object_get_ex(obj, "error", &v))
        on_reply(m, obj);
    else if (json_object_object_get_ex(obj, "QMP", &v) &&
             m->phase == QMP_WAIT_GREETING)
        on_greeting(m);
    /* Anything else is from a newer QEMU: not ours to act on. */
}

/* One line, without its end. Blank lines are allowed. */
static void
handle_line(struct qmp *m, const char *line, size_t len)
{
    json_object *obj;

    if (len == 0)
        return;
    obj = parse_object(m->tok, line, len);
    if (obj == NULL) {
        close_connection(m, "QEMU sent a line that is not a JSON object: "
                         "'%.40s'", line);
        return;
    }
    handle_object(m, obj);
    json_object_put(obj);
}

/* Read and handle what the socket holds, up to READ_BUDGET. */
static void
read_input(struct qmp *m)
{
    int fd = worker_watch_fd(m->watch);
    size_t budget = READ_BUDGET;

    while (!is_closed(m) && budget > 0) {
        ssize_t n = qmp_input_read(&m->in, fd);
        const char *line;
        size_t len;

        if (n > 0)
            budget -= (size_t)n < budget ? (size_t)n : budget;
        else if (n == 0)
            close_connection(m, "end of file from QEMU monitor");
        else if (errno == EAGAIN)
            return;
        else if (errno == EMSGSIZE)
            close_connection(m, "QEMU sent a line longer than %u bytes",
                             QMP_MAX_LINE);
        else if (errno != EINTR)
            close_connection(m, "cannot read from QEMU monitor: %s",
                             strerror(errno));
        while (!is_closed(m) &&
               (line = qmp_input_next_line(&m->in, &len)) != NULL)
            handle_line(m, line, len);
    }
}

/* ---- the connection ---------------------------------------------------- */

static void
on_io(struct worker_watch *ww, int fd, int events, void *opaque)
{
    struct qmp *m = opaque;

    enter(m);
    m->is_in_watch = true;
    m->watch_events = 0;   /* the watch is paused until resumed */
    /* Read first: what QEMU said before a failure still counts. */
    read_input(m);
    if (!is_closed(m) && m->out.n > 0)
        flush(m);
    if (!is_closed(m) && m->write_errno != 0)
        close_connection(m, "cannot write to QEMU monitor: %s",
                         strerror(m->write_errno));
    m->is_in_watch = false;
    update_watch(m);
    leave(m);
}

static void
on_handshake_deadline(struct worker_timer *t, void *opaque)
{
    struct qmp *m = opaque;
    struct vireo_error err;

    enter(m);
    if (m->phase == QMP_WAIT_GREETING)
        error_set(&err, VIR_ERR_OPERATION_TIMEOUT, VIR_FROM_QEMU,
                  "QEMU sent no QMP greeting within %d ms", m->timeout_ms);
    else
        error_set(&err, VIR_ERR_OPERATION_TIMEOUT, VIR_FROM_QEMU,
                  "QEMU did not answer 'qmp_capabilities' within %d ms",
                  m->timeout_ms);
    fail_handshake(m, &err);
    leave(m);
}

static void
destroy(struct qmp *m)
{
    if (m->tok != NULL)
        json_tokener_free(m->tok);
    qmp_input_clear(&m->in);
    qmp_output_clear(&m->out);
    free(m);
}

struct qmp *
qmp_new(struct worker *w, int fd, const struct qmp_callbacks *cb,
        void *opaque, int timeout_ms, struct vireo_error *err)
{
    struct qmp *m = calloc(1, sizeof(*m));
    int flags = fcntl(fd, F_GETFL);

    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
        error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_QEMU,
                  "cannot use QEMU monitor fd %d: %s", fd, strerror(errno));
        goto fail;
    }
    if (m == NULL || (m->tok = json_tokener_new()) == NULL ||
        (m->held_events = json_object_new_array()) == NULL ||
        (timeout_ms >= 0 &&
         (m->handshake_deadline = worker_timer_new(w, on_handshake_deadline,
                                                   m)) == NULL)) {
        error_no_memory(err);
        goto fail;
    }
    m->w = w;
    m->cb = *cb;
    m->opaque = opaque;
    m->timeout_ms = timeout_ms;
    m->watch_events = EVENT_READABLE;
    m->watch = worker_watch_new(w, fd, EVENT_READABLE, on_io, m, err);
    if (m->watch == NULL)
        goto fail;
    if (m->handshake_deadline != NULL)
        worker_timer_arm(m->handshake_deadline, timeout_ms);
    return m;

fail:
    close(fd);
    if (m != NULL) {
        worker_timer_free(m->handshake_deadline);
        json_object_put(m->held_events);
        destroy(m);
    }
    return NULL;
}

void
qmp_free(struct qmp *m)
{
    if (m == NULL || m->is_freed)
        return;
    m->is_freed = true;
    enter(m);
    if (!is_closed(m)) {
        stop_io(m);
        answer_all(m, "the connection was closed");
    }
    leave(m);
}
