/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * bare-qemu.c: start, command and stop QEMU directly (bare-qemu.h).
 */
#include "bare-qemu.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "measure.h"

/* QEMU answers in milliseconds; this only bounds a failure. */
#define REPLY_TIMEOUT_MS 30000
/* The fd QEMU finds its listening QMP socket on. */
#define QMP_CHILD_FD 3

#define fail(q, ...) set_message((q)->error, sizeof((q)->error), __VA_ARGS__)

/* A listening UNIX socket at dir/qmp.sock; its address in *addr. */
static int
listen_qmp(struct bare_qemu *q, const char *dir, struct sockaddr_un *addr)
{
    int fd;

    memset(addr, 0, sizeof(*addr));
    addr->sun_family = AF_UNIX;
    if ((size_t)snprintf(addr->sun_path, sizeof(addr->sun_path),
                         "%s/qmp.sock", dir) >= sizeof(addr->sun_path))
        return fail(q, "the path %s/qmp.sock is too long", dir);
    unlink(addr->sun_path);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return fail(q, "socket: %s", strerror(errno));
    if (bind(fd, (struct sockaddr *)addr, sizeof(*addr)) < 0 ||
        listen(fd, 1) < 0) {
        fail(q, "cannot listen on %s: %s", addr->sun_path, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

/* In the child: QMP's listening socket on QMP_CHILD_FD, stdin from
 * /dev/null, stdout and stderr to the log, then QEMU. Only
 * async-signal-safe calls between fork and exec. */
static void
exec_qemu(const char *const argv[], int listen_fd, int log_fd)
{
    int null_fd = open("/dev/null", O_RDONLY);

    if (null_fd < 0 || dup2(null_fd, 0) < 0 || dup2(log_fd, 1) < 0 ||
        dup2(log_fd, 2) < 0)
        _exit(127);
    /* dup2 clears close-on-exec on the copy, unless there is no copy. */
    if (listen_fd == QMP_CHILD_FD ? fcntl(listen_fd, F_SETFD, 0) < 0
                                  : dup2(listen_fd, QMP_CHILD_FD) < 0)
        _exit(127);
    execvp(argv[0], (char *const *)argv);
    _exit(127);
}

static int
spawn(struct bare_qemu *q, const char *const argv[], int listen_fd,
      const char *dir)
{
    char log_path[4096];
    int log_fd;

    snprintf(log_path, sizeof(log_path), "%s/qemu.log", dir);
    log_fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (log_fd < 0)
        return fail(q, "cannot open %s: %s", log_path, strerror(errno));
    q->pid = fork();
    if (q->pid == 0)
        exec_qemu(argv, listen_fd, log_fd);
    close(log_fd);
    if (q->pid < 0) {
        q->pid = 0;
        return fail(q, "fork: %s", strerror(errno));
    }
    return 0;
}

static int
connect_qmp(struct bare_qemu *q, const struct sockaddr_un *addr)
{
    q->qmp_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (q->qmp_fd < 0)
        return fail(q, "socket: %s", strerror(errno));
    /* The socket listens already: this returns at once, whether or not
     * QEMU has started; the greeting says when it has. */
    if (connect(q->qmp_fd, (const struct sockaddr *)addr, sizeof(*addr)) < 0)
        return fail(q, "cannot connect to %s: %s", addr->sun_path,
                    strerror(errno));
    return 0;
}

/* The next line QEMU sent, without its newline, in line (size bytes). */
static int
read_line(struct bare_qemu *q, char *line, size_t size)
{
    for (;;) {
        char *nl = memchr(q->buf, '\n', q->len);
        if (nl != NULL) {
            size_t n = (size_t)(nl - q->buf);
            snprintf(line, size, "%.*s", (int)n, q->buf);
            q->len -= n + 1;
            memmove(q->buf, nl + 1, q->len);
            return 0;
        }
        if (q->len == sizeof(q->buf))
            return fail(q, "a QMP line longer than %zu bytes", sizeof(q->buf));
        struct pollfd pfd = { .fd = q->qmp_fd, .events = POLLIN };
        int ready = poll(&pfd, 1, REPLY_TIMEOUT_MS);
        if (ready == 0)
            return fail(q, "QEMU did not answer on QMP within %d s",
                        REPLY_TIMEOUT_MS / 1000);
        ssize_t got = ready < 0 ? -1 : read(q->qmp_fd, q->buf + q->len,
                                            sizeof(q->buf) - q->len);
        if (got <= 0)
            return fail(q, "QMP closed or failed (%s); see the QEMU log",
                        got < 0 ? strerror(errno) : "end of file");
        q->len += (size_t)got;
    }
}

/* Skip events until the line holding member ("QMP", "return" ...);
 * an "error" reply fails with QEMU's line as the message. */
static int
wait_for(struct bare_qemu *q, const char *member)
{
    char line[sizeof(q->buf)], quoted[64];

    snprintf(quoted, sizeof(quoted), "\"%s\"", member);
    for (;;) {
        if (read_line(q, line, sizeof(line)) < 0)
            return -1;
        if (strstr(line, quoted) != NULL)
            return 0;
        if (strstr(line, "\"error\"") != NULL)
            return fail(q, "QEMU answered: %s", line);
    }
}

int
bare_qemu_command(struct bare_qemu *q, const char *json)
{
    size_t n = strlen(json);

    if (write(q->qmp_fd, json, n) != (ssize_t)n || write(q->qmp_fd, "\n", 1) != 1)
        return fail(q, "cannot write to QMP: %s", strerror(errno));
    return wait_for(q, "return");
}

int
bare_qemu_start(struct bare_qemu *q, const char *qemu_binary,
                const char *dir, const char *name, int memory_mib,
                struct bare_qemu_times *times)
{
    char name_arg[256], memory_arg[32], chardev_arg[64];
    const char *const argv[] = {
        qemu_binary, "-name", name_arg,
        "-nodefaults", "-no-user-config", "-machine", "pc", "-accel", "tcg",
        "-m", memory_arg, "-display", "none", "-S",
        "-chardev", chardev_arg, "-mon", "chardev=monitor,mode=control",
        NULL,
    };
    struct sockaddr_un addr;
    int listen_fd;

    *q = (struct bare_qemu){ .qmp_fd = -1 };
    snprintf(name_arg, sizeof(name_arg), "guest=%s", name);
    snprintf(memory_arg, sizeof(memory_arg), "%d", memory_mib);
    snprintf(chardev_arg, sizeof(chardev_arg),
             "socket,id=monitor,fd=%d,server=on,wait=off", QMP_CHILD_FD);
    listen_fd = listen_qmp(q, dir, &addr);
    if (listen_fd < 0)
        return -1;

    double start = now_us();
    int rc = spawn(q, argv, listen_fd, dir);
    close(listen_fd);
    if (rc == 0 && connect_qmp(q, &addr) == 0 && wait_for(q, "QMP") == 0) {
        times->greeting_us = now_us() - start;
        if (bare_qemu_command(q, "{\"execute\": \"qmp_capabilities\"}") == 0 &&
            bare_qemu_command(q, "{\"execute\": \"cont\"}") == 0) {
            times->running_us = now_us() - start;
            return 0;
        }
    }
    bare_qemu_kill(q);
    return -1;
}

int
bare_qemu_quit(struct bare_qemu *q)
{
    int status;

    if (bare_qemu_command(q, "{\"execute\": \"quit\"}") < 0) {
        bare_qemu_kill(q);
        return -1;
    }
    /* QEMU closes the monitor as it exits: the end of file comes with
     * the exit, and bounds the wait below. */
    char line[sizeof(q->buf)];
    while (read_line(q, line, sizeof(line)) == 0)
        ;
    if (waitpid(q->pid, &status, 0) < 0)
        return fail(q, "waitpid: %s", strerror(errno));
    q->pid = 0;
    close(q->qmp_fd);
    q->qmp_fd = -1;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return fail(q, "QEMU ended with status %#x after quit", status);
    return 0;
}

void
bare_qemu_kill(struct bare_qemu *q)
{
    if (q->pid > 0) {
        kill(q->pid, SIGKILL);
        waitpid(q->pid, NULL, 0);
        q->pid = 0;
    }
    if (q->qmp_fd >= 0) {
        close(q->qmp_fd);
        q->qmp_fd = -1;
    }
}
