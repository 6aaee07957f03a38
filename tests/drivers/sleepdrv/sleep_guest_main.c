/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * sleep_guest_main.c: the sleep driver's guest. It says "ready" on stdout,
 * then answers each SIGUSR1 with "rebooted" and exits 0 on SIGTERM, taking
 * the signals through a signalfd so that it never runs a handler and never
 * forks.
 *
 * Its stdin is a socket, its console: what it reads there it writes back
 * in capitals, so that what comes back has been through this process
 * (nothing else upper-cases it). Its stderr is a socket too, its monitor:
 * each line "ID COMMAND" is answered "ID {"return":{...}}" with its pid,
 * how many console bytes it has echoed, and the command as a JSON string.
 */
#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/drivers/sleepdrv/sleep_lines.h"

enum { CONSOLE_FD = 0, MONITOR_FD = 2 };

/* Everything the guest keeps. */
struct guest {
    unsigned long long console_bytes;   /* echoed so far */
    char               line[8192];      /* a monitor line read in part */
    size_t             line_len;
};

/* Send all of buf: the sockets block, so one send takes it whole unless a
 * signal cuts in. */
static void
send_all(int fd, const char *buf, size_t len)
{
    ssize_t n;

    while ((n = send(fd, buf, len, MSG_NOSIGNAL)) < 0 && errno == EINTR)
        ;
}

/* Returns 0 once the console is gone. */
static int
echo_console(struct guest *g)
{
    char buf[65536];
    ssize_t n = read(CONSOLE_FD, buf, sizeof(buf));

    if (n <= 0)
        return n < 0 && errno == EINTR;
    for (ssize_t i = 0; i < n; i++)
        buf[i] = (char)toupper((unsigned char)buf[i]);
    send_all(CONSOLE_FD, buf, (size_t)n);
    g->console_bytes += (unsigned long long)n;
    return 1;
}

/* The command as a JSON string: quotes and backslashes escaped, control
 * characters as \u00XX. */
static size_t
json_string(const char *s, char *out, size_t cap)
{
    size_t n = 0;

    out[n++] = '"';
    for (; *s != '\0' && n + 8 < cap; s++) {
        unsigned char ch = (unsigned char)*s;

        if (ch == '"' || ch == '\\')
            n += (size_t)snprintf(out + n, cap - n, "\\%c", ch);
        else if (ch < 0x20)
            n += (size_t)snprintf(out + n, cap - n, "\\u%04x", ch);
        else
            out[n++] = (char)ch;
    }
    out[n++] = '"';
    out[n] = '\0';
    return n;
}

static void
answer(void *opaque, const char *line)
{
    struct guest *g = opaque;
    char quoted[2 * sizeof(g->line)], reply[sizeof(quoted) + 256];
    const char *cmd = strchr(line, ' ');
    int len;

    if (cmd == NULL)
        return;
    json_string(cmd + 1, quoted, sizeof(quoted));
    len = snprintf(reply, sizeof(reply),
                   "%.*s {\"return\":{\"pid\":%d,\"console_bytes\":%llu,"
                   "\"received\":%s}}\n", (int)(cmd - line), line,
                   (int)getpid(), g->console_bytes, quoted);
    if (len > 0 && (size_t)len < sizeof(reply))
        send_all(MONITOR_FD, reply, (size_t)len);
}

/* Returns 0 once the monitor is gone. */
static int
read_monitor(struct guest *g)
{
    const struct sleep_lines lines = { g->line, sizeof(g->line),
                                       &g->line_len, answer, g };
    char buf[4096];
    ssize_t n = read(MONITOR_FD, buf, sizeof(buf));

    if (n <= 0)
        return n < 0 && errno == EINTR;
    sleep_lines_take(&lines, buf, (size_t)n);
    return 1;
}

/* Returns 0 on SIGTERM. */
static int
take_signal(int sfd)
{
    struct signalfd_siginfo si;

    if (read(sfd, &si, sizeof(si)) != sizeof(si))
        return 1;
    if (si.ssi_signo == SIGTERM)
        return 0;
    puts("rebooted");
    fflush(stdout);
    return 1;
}

int
main(void)
{
    struct guest g = { 0 };
    struct pollfd fds[3] = {
        { .fd = -1, .events = POLLIN },
        { .fd = CONSOLE_FD, .events = POLLIN },
        { .fd = MONITOR_FD, .events = POLLIN },
    };
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGTERM);
    sigprocmask(SIG_BLOCK, &set, NULL);
    fds[0].fd = signalfd(-1, &set, SFD_CLOEXEC);
    if (fds[0].fd < 0)
        return 1;
    puts("ready");
    fflush(stdout);
    for (;;) {
        if (poll(fds, 3, -1) < 0)
            continue;
        if ((fds[0].revents & POLLIN) && !take_signal(fds[0].fd))
            return 0;
        if (fds[1].revents && !echo_console(&g))
            fds[1].fd = -1;
        if (fds[2].revents && !read_monitor(&g))
            fds[2].fd = -1;
    }
}
