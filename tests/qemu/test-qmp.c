/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-qmp.c: drivers/qemu/qmp.h against a fake QEMU played by the test
 * on the other end of a socketpair, its lines as QEMU 7.2 writes them:
 * the greeting and qmp_capabilities, events sent before the handshake
 * ended (held, then delivered in order), replies matched by id whatever
 * their order, replies nobody waits for, QEMU's errors, forgetting a
 * command, commands given as text, a deadline that passes while another
 * connection on the same worker keeps answering, garbage and overlong
 * lines, a peer that closes with commands pending, a peer that stops
 * reading, failed handshakes, and qmp_free() inside every callback.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/qemu/qmp-test.h"

#define GREETING "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 22, " \
    "\"minor\": 2, \"major\": 7}, \"package\": \"Debian 1:7.2+dfsg-7\"}, " \
    "\"capabilities\": [\"oob\"]}}\r\n"

/* Longer than any line the test sends. */
#define PEER_BUF (4u << 20)

static struct worker *w;

/* ---- the fake QEMU ----------------------------------------------------- */

struct peer {
    int     fd;          /* -1 once closed */
    char   *buf;         /* what the client wrote, not yet a line */
    size_t  n;
};

struct fake {
    struct qt_conn *c;
    struct peer     p;
};

static void
peer_close(struct peer *p)
{
    if (p->fd >= 0)
        close(p->fd);
    p->fd = -1;
}

/* The next line the client wrote, parsed; NULL at a timeout or EOF. */
static json_object *
peer_read(struct peer *p, int max_ms)
{
    int64_t end = now_ms() + max_ms;

    for (;;) {
        char *nl = memchr(p->buf, '\n', p->n);
        struct pollfd pfd = { .fd = p->fd, .events = POLLIN };
        ssize_t got;

        if (nl != NULL) {
            json_object *obj;

            *nl = '\0';
            obj = json_tokener_parse(p->buf);
            p->n -= (size_t)(nl + 1 - p->buf);
            memmove(p->buf, nl + 1, p->n);
            return obj;
        }
        if (p->n == PEER_BUF || now_ms() >= end ||
            poll(&pfd, 1, (int)(end - now_ms())) <= 0)
            return NULL;
        got = read(p->fd, p->buf + p->n, PEER_BUF - p->n);
        if (got <= 0)
            return NULL;
        p->n += (size_t)got;
    }
}

/* Read one command; its id if it executes `execute`, else 0. */
static unsigned long long
peer_expect(struct peer *p, const char *execute)
{
    json_object *cmd = peer_read(p, 5000), *v;
    unsigned long long id = 0;

    if (cmd != NULL && json_object_object_get_ex(cmd, "execute", &v) &&
        strcmp(json_object_get_string(v), execute) == 0 &&
        json_object_object_get_ex(cmd, "id", &v) &&
        json_object_is_type(v, json_type_int))
        id = json_object_get_uint64(v);
    if (id == 0)
        tap_diag("wanted '%s', the client sent %s", execute,
                 cmd != NULL ? json_object_to_json_string(cmd) : "nothing");
    json_object_put(cmd);
    return id;
}

static void
peer_write_raw(struct peer *p, const char *text, size_t len)
{
    while (len > 0) {
        ssize_t n = send(p->fd, text, len, MSG_NOSIGNAL);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;   /* the client is gone: what it did not read is lost */
        text += n;
        len -= (size_t)n;
    }
}

static void __attribute__((format(printf, 2, 3)))
peer_write(struct peer *p, const char *fmt, ...)
{
    char *text = NULL;
    va_list ap;
    int len;

    va_start(ap, fmt);
    len = vasprintf(&text, fmt, ap);
    va_end(ap);
    if (len > 0)
        peer_write_raw(p, text, (size_t)len);
    free(text);
}

static void
peer_reply(struct peer *p, unsigned long long id, const char *ret)
{
    peer_write(p, "{\"return\": %s, \"id\": %llu}\r\n", ret, id);
}

/* A connection on w with a fake QEMU on the other end, not yet greeted. */
static struct fake *
fake_new(int timeout_ms)
{
    struct fake *f = calloc(1, sizeof(*f));
    int fds[2];

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) < 0)
        abort();
    f->p.fd = fds[1];
    f->p.buf = malloc(PEER_BUF);
    f->c = qt_conn_open(w, fds[0], timeout_ms);
    return f;
}

/* The greeting and qmp_capabilities, answered. */
static bool
fake_handshake(struct fake *f)
{
    unsigned long long id;

    peer_write(&f->p, GREETING);
    id = peer_expect(&f->p, "qmp_capabilities");
    peer_reply(&f->p, id, "{}");
    return id != 0 && qt_wait_log(f->c, 1, 5000) &&
           strcmp(qt_line(f->c, 0), "ready") == 0;
}

static struct fake *
fake_ready(void)
{
    struct fake *f = fake_new(30000);

    if (!fake_handshake(f))
        tap_diag("the handshake failed: %s", qt_log_text(f->c));
    return f;
}

static void
fake_free(struct fake *f)
{
    if (f->c != NULL)
        qt_conn_free(f->c);
    peer_close(&f->p);
    free(f->p.buf);
    free(f);
}

static void
cmds_free(struct qt_cmd **cmds, int n)
{
    for (int i = 0; i < n; i++)
        qt_cmd_free(cmds[i]);
}

/* ---- the handshake ----------------------------------------------------- */

static void
test_handshake(void)
{
    struct fake *f = fake_new(30000);
    struct qt_cmd *early = qt_send(f->c, "early", "query-status", 0);
    unsigned long long id;

    tap_ok(f->c->m != NULL && !qt_is_ready(f->c), "a new connection is not "
           "ready before QEMU has greeted it");
    tap_ok(early->id == 0 &&
           early->send_err.code == VIR_ERR_OPERATION_INVALID,
           "a command before the handshake is refused: %s",
           early->send_err.message);
    peer_write(&f->p, GREETING);
    id = peer_expect(&f->p, "qmp_capabilities");
    tap_ok(id != 0, "the greeting is answered with qmp_capabilities and an "
           "id");
    tap_is_int(atomic_load(&f->c->n_ready), 0, "the connection is not ready "
               "before QEMU accepts it");
    peer_reply(&f->p, id, "{}");
    qt_wait_log(f->c, 1, 5000);
    tap_is_str(qt_line(f->c, 0), "ready", "on_ready follows QEMU's answer");
    tap_ok(qt_is_ready(f->c), "and qmp_is_ready() says so");
    tap_is_int(atomic_load(&early->n_answers), 0, "the refused command is "
               "never answered");
    fake_free(f);
    qt_cmd_free(early);
}

/* Events QEMU sends before it has accepted qmp_capabilities are held and
 * come after on_ready, in the order sent, with their data and time. */
static void
test_held_events(void)
{
    struct fake *f = fake_new(30000);
    unsigned long long id;

    peer_write(&f->p, "{\"timestamp\": {\"seconds\": 1, \"microseconds\": 2},"
               " \"event\": \"E0\"}\r\n" GREETING);
    peer_write(&f->p, "{\"timestamp\": {\"seconds\": 3, \"microseconds\": 4},"
               " \"event\": \"E1\", \"data\": {\"a\": 1}}\r\n");
    id = peer_expect(&f->p, "qmp_capabilities");
    peer_write(&f->p, "{\"timestamp\": {\"seconds\": 5, \"microseconds\": 6},"
               " \"event\": \"E2\"}\r\n");
    sleep_ms(20);
    tap_is_int(atomic_load(&f->c->n_log), 0, "events before the handshake "
               "has ended are not delivered yet");
    peer_reply(&f->p, id, "{}");
    peer_write(&f->p, "{\"timestamp\": {\"seconds\": 7, \"microseconds\": 8},"
               " \"event\": \"E3\"}\r\n");
    qt_wait_log(f->c, 5, 5000);
    tap_is_str(qt_log_text(f->c), "ready | event E0 - @1000002 | "
               "event E1 {\"a\":1} @3000004 | event E2 - @5000006 | "
               "event E3 - @7000008", "they follow on_ready in the order "
               "sent, before the events that come after, with their data "
               "and time");
    fake_free(f);
}

/* ---- commands and replies ---------------------------------------------- */

static void
test_out_of_order(void)
{
    struct fake *f = fake_ready();
    struct qt_cmd *cmds[3];
    unsigned long long ids[3];
    const char *tags[3] = { "a", "b", "c" };

    for (int i = 0; i < 3; i++)
        cmds[i] = qt_send(f->c, tags[i], "query-x", 0);
    for (int i = 0; i < 3; i++)
        ids[i] = peer_expect(&f->p, "query-x");
    tap_ok(ids[0] == cmds[0]->id && ids[1] == cmds[1]->id &&
           ids[2] == cmds[2]->id && ids[0] != ids[1] && ids[1] != ids[2],
           "each command carries its own id (%llu, %llu, %llu)", ids[0],
           ids[1], ids[2]);
    peer_reply(&f->p, ids[2], "{\"tag\": \"c\"}");
    peer_reply(&f->p, ids[0], "{\"tag\": \"a\"}");
    peer_reply(&f->p, ids[1], "{\"tag\": \"b\"}");
    qt_wait_log(f->c, 4, 5000);
    tap_is_str(qt_log_text(f->c), "ready | reply c ok | reply a ok | "
               "reply b ok", "replies in another order each reach their "
               "own command, as they come");
    tap_ok(strstr(cmds[0]->reply, "\"tag\":\"a\"") != NULL &&
           strstr(cmds[1]->reply, "\"tag\":\"b\"") != NULL &&
           strstr(cmds[2]->reply, "\"tag\":\"c\"") != NULL,
           "each with its own reply: %s", cmds[0]->reply);
    fake_free(f);
    cmds_free(cmds, 3);
}

/* Replies nobody waits for are skipped; the connection goes on. */
static void
test_unknown_replies(void)
{
    struct fake *f = fake_ready();
    struct qt_cmd *x = qt_send(f->c, "x", "query-x", 0);
    unsigned long long id = peer_expect(&f->p, "query-x");

    peer_write(&f->p, "{\"return\": {}, \"id\": 999999}\r\n"
               "{\"return\": {}, \"id\": \"libvirt-1\"}\r\n"
               "{\"error\": {\"class\": \"GenericError\", \"desc\": "
               "\"JSON parse error, invalid keyword 'xx'\"}}\r\n"
               "{\"something\": \"new\"}\r\n\r\n");
    peer_reply(&f->p, id, "{}");
    qt_wait_answer(x, 5000);
    sleep_ms(20);
    tap_is_str(qt_log_text(f->c), "ready | reply x ok", "replies with an "
               "unknown id, with none, and objects of no known kind are "
               "skipped; the command is answered by its own reply");
    fake_free(f);
    qt_cmd_free(x);
}

static void
test_error_reply(void)
{
    struct fake *f = fake_ready();
    struct qt_cmd *cmd = qt_send(f->c, "bogus", "bogus", 0);
    unsigned long long id = peer_expect(&f->p, "bogus");

    peer_write(&f->p, "{\"id\": %llu, \"error\": {\"class\": "
               "\"CommandNotFound\", \"desc\": \"The command bogus has not "
               "been found\"}}\r\n", id);
    qt_wait_answer(cmd, 5000);
    tap_ok(!cmd->is_ok && cmd->err.code == VIR_ERR_OPERATION_FAILED &&
           cmd->err.domain == VIR_FROM_QEMU, "QEMU's error reply is "
           "VIR_ERR_OPERATION_FAILED from VIR_FROM_QEMU");
    tap_is_str(cmd->err.message, "operation failed: unable to execute QEMU "
               "command 'bogus': The command bogus has not been found",
               "naming the command and giving QEMU's desc");
    tap_ok(strstr(cmd->reply, "CommandNotFound") != NULL, "and the callback "
           "gets QEMU's error reply: %s", cmd->reply);
    fake_free(f);
    qt_cmd_free(cmd);
}

static void
test_forget(void)
{
    struct fake *f = fake_ready();
    struct qt_cmd *a = qt_send(f->c, "a", "query-a", 0), *b;
    unsigned long long id_a = peer_expect(&f->p, "query-a"), id_b;

    qt_forget(f->c, a->id);
    qt_forget(f->c, 424242);
    peer_reply(&f->p, id_a, "{}");
    b = qt_send(f->c, "b", "query-b", 0);
    id_b = peer_expect(&f->p, "query-b");
    peer_reply(&f->p, id_b, "{}");
    qt_wait_answer(b, 5000);
    tap_ok(atomic_load(&b->n_answers) == 1 &&
           atomic_load(&a->n_answers) == 0, "a forgotten command's reply "
           "calls nothing; forgetting an unknown id is harmless");
    fake_free(f);
    tap_is_int(atomic_load(&a->n_answers), 0, "nor does closing the "
               "connection later");
    qt_cmd_free(a);
    qt_cmd_free(b);
}

static void
test_send_text(void)
{
    static const char *const bad[] = {
        "not json", "[1, 2]", "{\"arguments\": {}}", "{\"execute\": 3}",
        "{\"execute\": \"x\"} trailing", "{\"execute\": \"x\"",
    };
    struct fake *f = fake_ready();
    struct qt_cmd *t = qt_send_text(f->c, "t", "{\"execute\": \"query-name\","
                                    " \"id\": \"mine\"}"), *v;
    json_object *sent, *id = NULL;
    char first[VIREO_ERROR_MESSAGE_MAX] = "";
    int n_refused = 0;

    sent = peer_read(&f->p, 5000);
    json_object_object_get_ex(sent, "id", &id);
    tap_ok(id != NULL && json_object_is_type(id, json_type_int) &&
           json_object_get_uint64(id) == t->id, "a command given as text is "
           "sent with our id in place of its own");
    peer_reply(&f->p, t->id, "{\"name\": \"g\"}");
    qt_wait_answer(t, 5000);
    tap_ok(t->is_ok && strstr(t->reply, "\"name\":\"g\"") != NULL,
           "and its reply comes back: %s", t->reply);
    json_object_put(sent);
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct qt_cmd *r = qt_send_text(f->c, "bad", bad[i]);

        n_refused += r->id == 0 && r->send_err.code == VIR_ERR_INVALID_ARG;
        if (i == 0)
            snprintf(first, sizeof(first), "%s", r->send_err.message);
        qt_cmd_free(r);
    }
    tap_is_int(n_refused, (int)(sizeof(bad) / sizeof(bad[0])), "text that "
               "is not one object with a string \"execute\" is refused with "
               "VIR_ERR_INVALID_ARG: %s", first);
    v = qt_send_text(f->c, "v", "{\"execute\": \"query-v\"}");
    tap_ok(peer_expect(&f->p, "query-v") == v->id, "and none of it reached "
           "QEMU");
    fake_free(f);
    qt_cmd_free(t);
    qt_cmd_free(v);
}

/* ---- deadlines --------------------------------------------------------- */

/* A fake QEMU that answers every command at once, on a thread. */
static void *
answer_all(void *arg)
{
    struct fake *f = arg;
    json_object *cmd, *id;

    while ((cmd = peer_read(&f->p, 30000)) != NULL) {
        if (json_object_object_get_ex(cmd, "id", &id))
            peer_reply(&f->p, json_object_get_uint64(id), "{}");
        json_object_put(cmd);
    }
    return NULL;
}

#define N_OTHER 20

static void
test_deadline(void)
{
    struct fake *a = fake_ready(), *b = fake_ready();
    struct qt_cmd *stop = qt_send(a->c, "stop", "stop", 1500), *late;
    struct qt_cmd *others[N_OTHER];
    unsigned long long id;
    int n_answered = 0;
    pthread_t responder;

    pthread_create(&responder, NULL, answer_all, b);
    id = peer_expect(&a->p, "stop");
    for (int i = 0; i < N_OTHER; i++) {
        others[i] = qt_send(b->c, "other", "query-status", 0);
        n_answered += qt_wait_answer(others[i], 5000) && others[i]->is_ok;
    }
    tap_ok(n_answered == N_OTHER && atomic_load(&stop->n_answers) == 0,
           "while one connection's command waits for its answer, %d "
           "commands on another connection of the same worker are "
           "answered one after the other", N_OTHER);
    tap_ok(qt_wait_answer(stop, 5000) &&
           stop->err.code == VIR_ERR_OPERATION_TIMEOUT &&
           stop->err.domain == VIR_FROM_QEMU, "the waiting command ends at "
           "its deadline with VIR_ERR_OPERATION_TIMEOUT");
    tap_is_str(stop->err.message, "Timed out during operation: QEMU did not "
               "answer 'stop' within 1500 ms", "with a message naming the "
               "command and the deadline");
    peer_reply(&a->p, id, "{}");
    late = qt_send(a->c, "late", "query-late", 0);
    peer_reply(&a->p, peer_expect(&a->p, "query-late"), "{}");
    qt_wait_answer(late, 5000);
    tap_ok(late->is_ok && atomic_load(&stop->n_answers) == 1 &&
           atomic_load(&a->c->n_closed) == 0, "QEMU's late answer is "
           "skipped, and the connection goes on");
    qt_conn_free(b->c);   /* the responder sees the end and returns */
    b->c = NULL;
    pthread_join(responder, NULL);
    fake_free(b);
    fake_free(a);
    cmds_free(others, N_OTHER);
    qt_cmd_free(stop);
    qt_cmd_free(late);
}

/* ---- a stream that breaks ---------------------------------------------- */

/* A connection with one command pending whose peer sends `line`: the
 * command is answered with why the connection ended, then on_closed. */
static void
check_breaking_line(const char *line, size_t len, const char *why,
                    const char *what)
{
    struct fake *f = fake_ready();
    struct qt_cmd *p = qt_send(f->c, "p", "query-p", 0);
    char want[300];

    peer_expect(&f->p, "query-p");
    peer_write_raw(&f->p, line, len);
    qt_wait_log(f->c, 3, 10000);
    snprintf(want, sizeof(want), "ready | reply p error 9: operation failed: "
             "QEMU monitor closed before answering 'query-p': %s | closed",
             why);
    tap_is_str(qt_log_text(f->c), want, "%s ends the connection: the "
               "pending command is answered with why, then on_closed", what);
    sleep_ms(20);
    tap_ok(atomic_load(&p->n_answers) == 1 &&
           atomic_load(&f->c->n_closed) == 1 &&
           atomic_load(&f->c->n_log) == 3, "each once, and nothing after");
    fake_free(f);
    qt_cmd_free(p);
}

static void
test_garbage(void)
{
    check_breaking_line("xx garbage\r\n", 12, "QEMU sent a line that is not "
                        "a JSON object: 'xx garbage'", "a line that is not "
                        "JSON");
    check_breaking_line("[1, 2]\n", 7, "QEMU sent a line that is not a JSON "
                        "object: '[1, 2]'", "JSON that is not an object");
}

static void
test_long_lines(void)
{
    size_t big = 1u << 20, huge = (8u << 20) + 64;
    char *text = malloc(huge + 1), *why;
    struct fake *f = fake_ready();
    struct qt_cmd *cmd = qt_send(f->c, "big", "query-big", 0);
    unsigned long long id = peer_expect(&f->p, "query-big");

    memset(text, 'x', huge);
    text[big] = '\0';
    peer_write(&f->p, "{\"return\": {\"s\": \"%s\"}, \"id\": %llu}\r\n", text,
               id);
    qt_wait_answer(cmd, 10000);
    tap_ok(cmd->is_ok, "a reply of 1 MiB on one line is read");
    fake_free(f);
    qt_cmd_free(cmd);

    text[huge] = '\0';
    if (asprintf(&why, "QEMU sent a line longer than %u bytes", 8u << 20) < 0)
        abort();
    check_breaking_line(text, huge, why, "a line longer than 8 MiB");
    free(why);
    free(text);
}

static void
test_peer_closes(void)
{
    struct fake *f = fake_ready();
    struct qt_cmd *cmds[3], *after;
    const char *tags[3] = { "c1", "c2", "c3" };
    int n_once = 0;

    for (int i = 0; i < 3; i++) {
        cmds[i] = qt_send(f->c, tags[i], tags[i], 0);
        peer_expect(&f->p, tags[i]);
    }
    peer_close(&f->p);
    qt_wait_log(f->c, 5, 5000);
    tap_is_str(qt_log_text(f->c), "ready | reply c1 error 9: operation "
               "failed: QEMU monitor closed before answering 'c1': end of "
               "file from QEMU monitor | reply c2 error 9: operation failed: "
               "QEMU monitor closed before answering 'c2': end of file from "
               "QEMU monitor | reply c3 error 9: operation failed: QEMU "
               "monitor closed before answering 'c3': end of file from QEMU "
               "monitor | closed", "QEMU closing the monitor answers every "
               "pending command, oldest first, then calls on_closed");
    sleep_ms(20);
    for (int i = 0; i < 3; i++)
        n_once += atomic_load(&cmds[i]->n_answers) == 1;
    tap_ok(n_once == 3 && atomic_load(&f->c->n_closed) == 1, "each command "
           "once, on_closed once");
    after = qt_send(f->c, "after", "query-x", 0);
    tap_ok(after->id == 0 && after->send_err.code == VIR_ERR_OPERATION_FAILED,
           "a command sent after that is refused: %s",
           after->send_err.message);
    fake_free(f);
    cmds_free(cmds, 3);
    qt_cmd_free(after);
}

/* QEMU reads nothing (it is stopped): commands wait in our buffer, up to
 * a bound, and reach it whole and in order once it reads again. */
static void
test_peer_not_reading(void)
{
    struct fake *f = fake_ready();
    struct qt_cmd *cmds[64], *refused = NULL;
    char *text = malloc(70000);
    int n_sent = 0, n_in_order = 0, n_answered = 0;

    snprintf(text, 70000, "{\"execute\": \"big\", \"arguments\": {\"s\": "
             "\"%060000d\"}}", 7);
    while (n_sent < 64 && refused == NULL) {
        struct qt_cmd *cmd = qt_send_text(f->c, "big", text);

        if (cmd->id != 0)
            cmds[n_sent++] = cmd;
        else
            refused = cmd;
    }
    tap_ok(refused != NULL && n_sent > 16 &&
           refused->send_err.code == VIR_ERR_OPERATION_FAILED,
           "a peer that reads nothing takes %d commands of 60 KB, then "
           "sending fails: %s", n_sent,
           refused != NULL ? refused->send_err.message : "never");
    for (int i = 0; i < n_sent; i++) {
        json_object *cmd = peer_read(&f->p, 5000), *id, *args;

        n_in_order += cmd != NULL &&
                      json_object_object_get_ex(cmd, "id", &id) &&
                      json_object_get_uint64(id) == cmds[i]->id &&
                      json_object_object_get_ex(cmd, "arguments", &args) &&
                      strlen(json_object_to_json_string(args)) > 60000;
        json_object_put(cmd);
    }
    tap_is_int(n_in_order, n_sent, "once it reads, every command accepted "
               "reaches it whole, in order");
    fake_free(f);
    for (int i = 0; i < n_sent; i++)
        n_answered += atomic_load(&cmds[i]->n_answers);
    tap_is_int(n_answered, n_sent, "closing answers each of them");
    cmds_free(cmds, n_sent);
    qt_cmd_free(refused);
    free(text);
}

/* ---- handshakes that fail ---------------------------------------------- */

static void
check_failed_handshake(struct fake *f, const char *want, const char *what)
{
    char line[QT_LOG_WIDTH];

    qt_wait_log(f->c, 1, 5000);
    snprintf(line, sizeof(line), "ready failed: %s", want);
    tap_is_str(qt_line(f->c, 0), line, "%s: on_ready says so", what);
    sleep_ms(50);
    tap_ok(atomic_load(&f->c->n_log) == 1 && !qt_is_ready(f->c),
           "%s: and nothing follows", what);
    fake_free(f);
}

static void
test_failed_handshakes(void)
{
    struct fake *f = fake_new(30000);
    unsigned long long id;

    peer_write(&f->p, GREETING);
    id = peer_expect(&f->p, "qmp_capabilities");
    peer_write(&f->p, "{\"id\": %llu, \"error\": {\"class\": "
               "\"GenericError\", \"desc\": \"nope\"}}\r\n", id);
    check_failed_handshake(f, "operation failed: unable to execute QEMU "
                           "command 'qmp_capabilities': nope",
                           "qmp_capabilities refused");

    f = fake_new(30000);
    peer_close(&f->p);
    check_failed_handshake(f, "operation failed: QEMU monitor closed during "
                           "the QMP handshake: end of file from QEMU "
                           "monitor", "the socket closed before a greeting");

    f = fake_new(200);
    check_failed_handshake(f, "Timed out during operation: QEMU sent no QMP "
                           "greeting within 200 ms", "no greeting");

    f = fake_new(200);
    peer_write(&f->p, GREETING);
    check_failed_handshake(f, "Timed out during operation: QEMU did not "
                           "answer 'qmp_capabilities' within 200 ms",
                           "no answer to qmp_capabilities");
}

/* ---- qmp_free() inside callbacks --------------------------------------- */

static void
test_free_in_ready(void)
{
    struct fake *f = fake_new(30000);
    unsigned long long id;
    char byte;

    qt_set_free_at(f->c, QT_FREE_ON_READY);
    peer_write(&f->p, GREETING "{\"event\": \"EARLY\"}\r\n");
    id = peer_expect(&f->p, "qmp_capabilities");
    peer_write(&f->p, "{\"return\": {}, \"id\": %llu}\r\n"
               "{\"event\": \"LATE\"}\r\n", id);
    qt_wait_log(f->c, 2, 5000);
    sleep_ms(50);
    tap_is_str(qt_log_text(f->c), "ready | freed", "freed inside on_ready: "
               "neither held events nor later ones are delivered");
    tap_ok(read(f->p.fd, &byte, 1) == 0, "and the socket is closed");
    fake_free(f);
}

static void
test_free_in_event(void)
{
    struct fake *f = fake_ready();
    struct qt_cmd *p = qt_send(f->c, "p", "query-p", 0);

    peer_expect(&f->p, "query-p");
    qt_set_free_at(f->c, QT_FREE_ON_EVENT);
    peer_write(&f->p, "{\"event\": \"E1\"}\r\n{\"event\": \"E2\"}\r\n");
    qt_wait_log(f->c, 4, 5000);
    sleep_ms(50);
    tap_is_str(qt_log_text(f->c), "ready | event E1 - @0 | reply p error 9: "
               "operation failed: QEMU monitor closed before answering "
               "'query-p': the connection was closed | freed", "freed inside "
               "on_event: "
               "the pending command is answered, the next event and "
               "on_closed never come");
    fake_free(f);
    qt_cmd_free(p);
}

static void
test_free_in_reply(void)
{
    struct fake *f = fake_ready();
    struct qt_cmd *p = qt_send(f->c, "p", "query-p", 0);
    struct qt_cmd *q = qt_send(f->c, "q", "query-q", 0);
    unsigned long long id = peer_expect(&f->p, "query-p");

    peer_expect(&f->p, "query-q");
    qt_set_free_at(f->c, QT_FREE_ON_REPLY);
    peer_reply(&f->p, id, "{}");
    qt_wait_log(f->c, 4, 5000);
    sleep_ms(50);
    tap_is_str(qt_log_text(f->c), "ready | reply p ok | reply q error 9: "
               "operation failed: QEMU monitor closed before answering 'query-q': "
               "the connection was closed | freed", "freed inside a reply's "
               "callback: the other pending command is answered, once");
    fake_free(f);
    qt_cmd_free(p);
    qt_cmd_free(q);
}

static void
test_free_in_deadline(void)
{
    struct fake *f = fake_ready();
    struct qt_cmd *t = qt_send(f->c, "t", "query-t", 100);

    qt_set_free_at(f->c, QT_FREE_ON_REPLY);
    qt_wait_log(f->c, 3, 5000);
    sleep_ms(20);
    tap_is_str(qt_log_text(f->c), "ready | reply t error 68: Timed out "
               "during operation: QEMU did not answer 'query-t' within 100 ms | "
               "freed", "freed inside a deadline's callback");
    fake_free(f);
    qt_cmd_free(t);
}

static void
test_free_in_closed(void)
{
    struct fake *f = fake_ready();

    qt_set_free_at(f->c, QT_FREE_ON_CLOSED);
    peer_close(&f->p);
    qt_wait_log(f->c, 3, 5000);
    tap_is_str(qt_log_text(f->c), "ready | closed | freed", "freed inside "
               "on_closed");
    fake_free(f);
}

int
main(void)
{
    int n_fds;

    alarm(120);
    tap_plan(7 + 2 + 3 + 1 + 3 + 2 + 4 + 4 + 4 + 3 + 3 + 3 + 8 + 2 + 1 + 1 +
             1 + 1 + 1);
    qt_loop_start();
    w = worker_new("test-qmp");
    n_fds = n_open_fds();
    test_handshake();
    test_held_events();
    test_out_of_order();
    test_unknown_replies();
    test_error_reply();
    test_forget();
    test_send_text();
    test_deadline();
    test_garbage();
    test_long_lines();
    test_peer_closes();
    test_peer_not_reading();
    test_failed_handshakes();
    test_free_in_ready();
    test_free_in_event();
    test_free_in_reply();
    test_free_in_deadline();
    test_free_in_closed();
    sleep_ms(20);
    tap_is_int(n_open_fds(), n_fds, "no fd is left open");
    worker_stop(w);
    qt_loop_stop();
    return tap_done();
}
