/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-qmp-qemu.c: drivers/qemu/qmp.h and monitor.h against real QEMU
 * (qemu-system-x86_64 -S, TCG, no disk), its monitor a listening socket
 * the test binds and passes by fd, as the driver does: the handshake,
 * query-status through prelaunch, running and paused, cont and stop with
 * their RESUME and STOP events, a pty chardev, the VNC port, a command
 * passed through as text, system_reset and system_powerdown with their
 * events; a SIGSTOPped QEMU whose command times out while a second
 * QEMU's commands are answered; kill -9 with commands pending; quit.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "drivers/qemu/monitor.h"
#include "drivers/worker_child.h"
#include "tests/qemu/qmp-test.h"

static struct worker *w;
static char qemu_path[4096];

/* A QEMU started by the test, its monitor connected. */
struct guest {
    char                 dir[64];
    char                 socket_path[100];
    const char          *argv[32];
    int                  listen_fd;
    struct worker_child *child;       /* the worker's */
    pid_t                pid;
    struct vireo_error   spawn_err;
    atomic_int           n_exits;
    int                  status;
    struct qt_conn      *c;
};

/* qemu-system-x86_64 on PATH, or the test cannot run. */
static void
find_qemu(void)
{
    const char *path = getenv("PATH");
    char *dirs = strdup(path != NULL ? path : "/usr/bin"), *save, *dir;

    for (dir = strtok_r(dirs, ":", &save); dir != NULL;
         dir = strtok_r(NULL, ":", &save)) {
        snprintf(qemu_path, sizeof(qemu_path), "%s/qemu-system-x86_64", dir);
        if (access(qemu_path, X_OK) == 0)
            break;
        qemu_path[0] = '\0';
    }
    free(dirs);
    if (qemu_path[0] == '\0')
        tap_fail_all("qemu-system-x86_64 is not on PATH (Debian's "
                     "qemu-system-x86)");
}

static void
on_exit_cb(struct worker_child *c, int status, void *opaque)
{
    struct guest *g = opaque;

    g->status = status;
    worker_child_free(c);
    g->child = NULL;
    atomic_fetch_add(&g->n_exits, 1);
}

static void
spawn_on_worker(void *arg)
{
    struct guest *g = arg;
    struct worker_child_spec spec = {
        .argv = g->argv, .stdin_fd = -1, .stdout_fd = -1, .stderr_fd = -1,
        .pass_fds = &g->listen_fd, .n_pass_fds = 1 };

    g->child = worker_child_spawn(w, &spec, on_exit_cb, g, &g->spawn_err);
    g->pid = g->child != NULL ? worker_child_pid(g->child) : -1;
}

static void
free_child_on_worker(void *arg)
{
    struct guest *g = arg;

    worker_child_free(g->child);   /* kills and reaps it if it runs */
    g->child = NULL;
}

/* A listening socket at path, and a connection to it. */
static int
bind_and_connect(const char *path, int *listen_fd)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd;

    snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", path);
    *listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (*listen_fd < 0 || fd < 0 ||
        bind(*listen_fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
        listen(*listen_fd, 1) < 0 ||
        connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
        tap_fail_all("cannot make a monitor socket at %s: %s", path,
                     strerror(errno));
    return fd;
}

/* Start QEMU paused with extra arguments (NULL-ended) and speak QMP to it
 * with deadlines of timeout_ms; NULL if it did not get ready. */
static struct guest *
guest_start(const char *const *extra, int timeout_ms)
{
    static const char *const base[] = {
        "-S", "-nodefaults", "-no-user-config", "-machine", "pc,accel=tcg",
        "-m", "64", "-display", "none", "-name", "vireo-test",
        "-chardev", "socket,id=monitor,fd=3,server=on,wait=off",
        "-mon", "chardev=monitor,mode=control",
    };
    struct guest *g = calloc(1, sizeof(*g));
    int n = 0, fd;

    snprintf(g->dir, sizeof(g->dir), "/tmp/vireo-qmp-XXXXXX");
    if (mkdtemp(g->dir) == NULL)
        tap_fail_all("mkdtemp: %s", strerror(errno));
    snprintf(g->socket_path, sizeof(g->socket_path), "%s/monitor.sock",
             g->dir);
    fd = bind_and_connect(g->socket_path, &g->listen_fd);
    g->argv[n++] = qemu_path;
    for (size_t i = 0; i < sizeof(base) / sizeof(base[0]); i++)
        g->argv[n++] = base[i];
    for (int i = 0; extra != NULL && extra[i] != NULL && n < 31; i++)
        g->argv[n++] = extra[i];
    worker_call(w, spawn_on_worker, g);
    close(g->listen_fd);   /* QEMU holds it now */
    if (g->child == NULL)
        tap_diag("cannot start QEMU: %s", g->spawn_err.message);
    g->c = qt_conn_open(w, fd, timeout_ms);
    if (!qt_wait_log(g->c, 1, 10000) ||
        strcmp(qt_line(g->c, 0), "ready") != 0)
        tap_diag("QEMU's monitor is not ready: %s", qt_log_text(g->c));
    return g;
}

static bool
guest_wait_exit(struct guest *g)
{
    return wait_for(&g->n_exits, 1, 10000);
}

static void
guest_free(struct guest *g)
{
    qt_conn_free(g->c);
    worker_call(w, free_child_on_worker, g);
    unlink(g->socket_path);
    rmdir(g->dir);
    free(g);
}

/* Send with fn and wait for the answer. */
static struct qt_cmd *
ask(struct guest *g, const char *tag, qt_send_fn fn)
{
    struct qt_cmd *cmd = qt_send_with(g->c, tag, fn);

    if (cmd->id == 0 || !qt_wait_answer(cmd, 10000))
        tap_diag("'%s' got no answer: %s", tag, cmd->send_err.message);
    return cmd;
}

/* query-status, parsed; status "" if it failed. */
static struct monitor_status
status_of(struct guest *g)
{
    struct qt_cmd *cmd = ask(g, "status", monitor_query_status);
    struct monitor_status st = { 0 };
    struct vireo_error err = { 0 };

    if (!cmd->is_ok || monitor_parse_status(cmd->reply_obj, &st, &err) < 0)
        tap_diag("query-status: %s %s", cmd->err.message, err.message);
    qt_cmd_free(cmd);
    return st;
}

/* Send with fn; whether it was answered and an event line starting with
 * event followed. */
static bool
ask_for_event(struct guest *g, const char *tag, qt_send_fn fn,
              const char *event)
{
    int at = atomic_load(&g->c->n_log);
    struct qt_cmd *cmd = ask(g, tag, fn);
    bool is_ok = cmd->is_ok && qt_wait_line(g->c, event, at, 5000) >= 0;

    qt_cmd_free(cmd);
    return is_ok;
}

/* ---- the lifecycle ----------------------------------------------------- */

static void
test_lifecycle(void)
{
    struct guest *g = guest_start(NULL, 10000);
    struct monitor_status st = status_of(g);
    struct qt_cmd *cmd;
    int at;

    tap_is_str(qt_line(g->c, 0), "ready", "QEMU greets a monitor passed as "
               "a listening fd, and accepts qmp_capabilities");
    tap_ok(!st.is_running && strcmp(st.status, "prelaunch") == 0 &&
           monitor_paused_reason(st.status) == VIR_DOMAIN_PAUSED_USER,
           "query-status of a guest started with -S: not running, "
           "prelaunch (%s)", st.status);

    tap_ok(ask_for_event(g, "cont", monitor_cont, "event RESUME"),
           "cont is answered and QEMU sends RESUME");
    st = status_of(g);
    tap_ok(st.is_running && strcmp(st.status, "running") == 0,
           "query-status: running (%s)", st.status);
    tap_ok(ask_for_event(g, "stop", monitor_stop, "event STOP"),
           "stop is answered and QEMU sends STOP");
    st = status_of(g);
    tap_ok(!st.is_running && strcmp(st.status, "paused") == 0 &&
           monitor_paused_reason(st.status) == VIR_DOMAIN_PAUSED_USER,
           "query-status: paused by the user (%s)", st.status);
    tap_ok(ask_for_event(g, "reset", monitor_system_reset, "event RESET "
                         "{\"guest\":false,\"reason\":"
                         "\"host-qmp-system-reset\"}"),
           "system_reset is answered and QEMU sends RESET from the host");
    tap_ok(ask_for_event(g, "powerdown", monitor_system_powerdown,
                         "event POWERDOWN"),
           "system_powerdown is answered and QEMU sends POWERDOWN");

    at = atomic_load(&g->c->n_log);
    cmd = ask(g, "quit", monitor_quit);
    tap_ok(qt_wait_line(g->c, "event SHUTDOWN {\"guest\":false,\"reason\":"
                        "\"host-qmp-quit\"}", at, 5000) >= 0 &&
           qt_wait_line(g->c, "closed", at, 5000) >= 0, "quit: QEMU sends "
           "SHUTDOWN from the host, then closes the monitor");
    tap_ok(guest_wait_exit(g) && WIFEXITED(g->status) &&
           WEXITSTATUS(g->status) == 0, "and exits with status 0");
    qt_cmd_free(cmd);
    guest_free(g);
}

/* ---- devices ----------------------------------------------------------- */

/* The first bytes a VNC server sends on 127.0.0.1:port. */
static void
vnc_hello(int port, char *buf, size_t size)
{
    struct sockaddr_in addr = { .sin_family = AF_INET,
                                .sin_port = htons((uint16_t)port),
                                .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ssize_t n = -1;

    if (fd >= 0 && connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0)
        n = read(fd, buf, size - 1);
    buf[n > 0 ? n : 0] = '\0';
    if (fd >= 0)
        close(fd);
}

static void
test_devices(void)
{
    static const char *const extra[] = {
        "-chardev", "pty,id=charserial0",
        "-device", "isa-serial,chardev=charserial0,id=serial0",
        "-vnc", "127.0.0.1:0,to=99", NULL,
    };
    struct guest *g = guest_start(extra, 10000);
    struct qt_cmd *cmd = ask(g, "chardev", monitor_query_chardev);
    struct monitor_chardevs list = { 0 };
    struct vireo_error err = { 0 };
    const char *pty;
    char hello[16];
    int port = 0;

    int rc = cmd->is_ok ? monitor_parse_chardevs(cmd->reply_obj, &list,
                                                 &err) : -1;

    tap_ok(rc == 0, "query-chardev's answer parses%s%s",
           rc < 0 ? ": " : "", err.message);
    pty = monitor_chardev_pty(&list, "serial0");
    tap_ok(pty != NULL && strncmp(pty, "/dev/pts/", 9) == 0 &&
           access(pty, F_OK) == 0, "serial0's pty is %s, and it exists",
           pty != NULL ? pty : "missing");
    monitor_chardevs_clear(&list);
    qt_cmd_free(cmd);

    cmd = ask(g, "vnc", monitor_query_vnc);
    rc = cmd->is_ok ? monitor_parse_vnc_port(cmd->reply_obj, &port, &err)
                    : -1;
    tap_ok(rc == 0 && port >= 5900 && port < 6000, "query-vnc gives the "
           "port QEMU chose: %d", port);
    vnc_hello(port, hello, sizeof(hello));
    tap_ok(strncmp(hello, "RFB ", 4) == 0, "and a VNC server answers there "
           "(%.11s)", hello);
    qt_cmd_free(cmd);

    cmd = qt_send_text(g->c, "text", "{\"execute\": \"query-name\", "
                       "\"id\": \"mine\"}");
    qt_wait_answer(cmd, 10000);
    {
        char *text = cmd->reply_obj != NULL
                     ? monitor_reply_text(cmd->reply_obj) : NULL;
        char want[64];

        snprintf(want, sizeof(want), "{\"return\":{\"name\":\"vireo-test\"},"
                 "\"id\":%llu}", cmd->id);
        tap_is_str(text, want, "a command passed through as text comes back "
                   "as QEMU's reply in text");
        free(text);
    }
    qt_cmd_free(cmd);
    guest_free(g);
}

/* ---- a QEMU that does not answer --------------------------------------- */

#define N_OTHER 10

static void
test_stopped_qemu(void)
{
    struct guest *a = guest_start(NULL, 10000), *b = guest_start(NULL, 10000);
    struct qt_cmd *stop, *others[N_OTHER], *after;
    int n_answered = 0;

    kill(a->pid, SIGSTOP);
    stop = qt_send(a->c, "stop", "stop", 1500);
    for (int i = 0; i < N_OTHER; i++) {
        others[i] = qt_send_with(b->c, "status", monitor_query_status);
        n_answered += qt_wait_answer(others[i], 5000) && others[i]->is_ok;
    }
    tap_ok(n_answered == N_OTHER && atomic_load(&stop->n_answers) == 0,
           "with one QEMU stopped (SIGSTOP) and a command waiting on it, %d "
           "commands to another QEMU are answered one after the other",
           N_OTHER);
    qt_wait_answer(stop, 5000);
    tap_ok(stop->err.code == VIR_ERR_OPERATION_TIMEOUT,
           "the stopped QEMU's command ends at its deadline");
    tap_is_str(stop->err.message, "Timed out during operation: QEMU did not "
               "answer 'stop' within 1500 ms", "with the clear error");
    kill(a->pid, SIGCONT);
    after = ask(a, "status", monitor_query_status);
    tap_ok(after->is_ok && atomic_load(&stop->n_answers) == 1,
           "once it runs again, its late answer is skipped and it answers "
           "the next command");
    qt_cmd_free(after);
    qt_cmd_free(stop);
    for (int i = 0; i < N_OTHER; i++)
        qt_cmd_free(others[i]);
    guest_free(a);
    guest_free(b);
}

static void
test_killed_qemu(void)
{
    struct guest *g = guest_start(NULL, 30000);
    struct qt_cmd *c1, *c2;
    int closed;

    kill(g->pid, SIGSTOP);
    c1 = qt_send_with(g->c, "c1", monitor_cont);
    c2 = qt_send_with(g->c, "c2", monitor_query_status);
    kill(g->pid, SIGKILL);
    closed = qt_wait_line(g->c, "closed", 0, 10000);
    tap_ok(closed >= 0 && qt_find(g->c, "reply c1 error 9", 0) > 0 &&
           qt_find(g->c, "reply c2 error 9", 0) > 0 &&
           qt_find(g->c, "reply c1", 0) < closed &&
           qt_find(g->c, "reply c2", 0) < closed, "kill -9 with two "
           "commands pending: both are answered with an error, then "
           "on_closed: %s", qt_log_text(g->c));
    tap_ok(strstr(c1->err.message, "QEMU monitor closed before answering "
                  "'cont'") != NULL, "the error says so: %s",
           c1->err.message);
    tap_ok(guest_wait_exit(g) && WIFSIGNALED(g->status) &&
           WTERMSIG(g->status) == SIGKILL, "and the exit says SIGKILL");
    qt_cmd_free(c1);
    qt_cmd_free(c2);
    guest_free(g);
}

int
main(void)
{
    find_qemu();
    alarm(120);
    tap_plan(10 + 5 + 4 + 3 + 1);
    qt_loop_start();
    w = worker_new("test-qmp-qemu");
    test_lifecycle();
    test_devices();
    test_stopped_qemu();
    test_killed_qemu();
    worker_stop(w);
    qt_loop_stop();
    tap_ok(waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD,
           "no QEMU of the test is left");
    return tap_done();
}
