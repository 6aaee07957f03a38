/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_console.c: `console`, a guest's console on this terminal, and
 * `qemu-monitor-command`, a command passed to its monitor.
 *
 * On a terminal, console works as virsh's does: virsh's banner, the
 * terminal in raw mode (every key goes to the guest), Ctrl-] to leave.
 * With stdin not a terminal it copies stdin to the console and the
 * console to stdout, with no escape key; once stdin ends it waits for
 * the console to have been quiet for QUIET_MS, then leaves. In both cases
 * it leaves when the console ends (the guest went away).
 *
 * The bytes move on the default event loop, which runs on the main thread
 * for the command's duration: everything here belongs to that thread.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_opts.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_console_opts[] = {
    DOMAIN_ARG,
    { "devname", OPT_STRING, false, false, "character device name" },
    { "force", OPT_BOOL, false, false,
      "force console connection (disconnect already connected sessions)" },
    { "safe", OPT_BOOL, false, false,
      "only connect if safe console handling is supported" },
    END_OPTS,
};

const struct opt_def cmd_qemu_monitor_command_opts[] = {
    DOMAIN_ARG,
    { "hmp", OPT_BOOL, false, false,
      "command is in human monitor protocol" },
    { "cmd", OPT_STRING, true, true, "command" },
    END_OPTS,
};

#define ESCAPE_CHAR 0x1d          /* Ctrl-], as virsh */
#define QUIET_MS    1000
#define IO_CHUNK    65536

/* One console session. Owned by the main thread. */
struct console {
    int            fd;            /* the console, from the library */
    bool           is_tty;        /* stdin is a terminal: raw, escape key */
    bool           is_done;
    int            stdin_watch;   /* -1 once stdin ended */
    int            console_watch;
    int            quiet_timer;   /* -1 until stdin ended (pipe mode) */
    char           pending[IO_CHUNK]; /* read from stdin, not yet sent */
    size_t         pending_len;
    size_t         pending_off;
    struct termios saved;         /* the terminal as we found it */
};

static void update_watches(struct console *con);

/* Write all of buf to fd, which blocks (stdout). */
static int
write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Send what stdin gave; the console's socket may take only part of it. */
static void
send_pending(struct console *con)
{
    while (con->pending_off < con->pending_len) {
        ssize_t n = send(con->fd, con->pending + con->pending_off,
                         con->pending_len - con->pending_off,
                         MSG_NOSIGNAL | MSG_DONTWAIT);

        if (n > 0) {
            con->pending_off += (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
                con->is_done = true;      /* the console is gone */
            return;
        }
    }
    con->pending_off = con->pending_len = 0;
}

/* After stdin ended: leave once the console has been quiet a while. */
static void
on_quiet(int timer, void *opaque)
{
    struct console *con = opaque;

    con->is_done = true;
}

static void
stdin_ended(struct console *con)
{
    vireo_event_remove_handle(con->stdin_watch);
    con->stdin_watch = -1;
    if (con->is_tty)
        con->is_done = true;
    else
        con->quiet_timer = vireo_event_add_timeout(QUIET_MS, on_quiet, con,
                                                   NULL);
}

static void
on_stdin(int watch, int fd, int events, void *opaque)
{
    struct console *con = opaque;
    ssize_t n = read(STDIN_FILENO, con->pending, sizeof(con->pending));

    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        stdin_ended(con);
        return;
    }
    /* As virsh: the escape key counts when it comes alone, so that a
     * paste containing the byte goes to the guest. */
    if (con->is_tty && n == 1 && con->pending[0] == ESCAPE_CHAR) {
        con->is_done = true;
        return;
    }
    con->pending_len = (size_t)n;
    send_pending(con);
    update_watches(con);
}

static void
on_console(int watch, int fd, int events, void *opaque)
{
    struct console *con = opaque;
    char buf[IO_CHUNK];
    ssize_t n;

    if (events & VIREO_EVENT_HANDLE_WRITABLE) {
        send_pending(con);
        update_watches(con);
    }
    if (!(events & (VIREO_EVENT_HANDLE_READABLE | VIREO_EVENT_HANDLE_HANGUP |
                    VIREO_EVENT_HANDLE_ERROR)))
        return;
    n = recv(con->fd, buf, sizeof(buf), MSG_DONTWAIT);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0 || write_all(STDOUT_FILENO, buf, (size_t)n) < 0) {
        con->is_done = true;      /* the console ended, or stdout did */
        return;
    }
    if (con->quiet_timer >= 0)
        vireo_event_update_timeout(con->quiet_timer, QUIET_MS);
}

/* Read stdin only once what it gave went out; watch the console for room
 * meanwhile. */
static void
update_watches(struct console *con)
{
    bool is_sending = con->pending_off < con->pending_len;

    if (con->stdin_watch >= 0)
        vireo_event_update_handle(con->stdin_watch,
                                  is_sending ? 0 : VIREO_EVENT_HANDLE_READABLE);
    vireo_event_update_handle(con->console_watch,
                              VIREO_EVENT_HANDLE_READABLE |
                              (is_sending ? VIREO_EVENT_HANDLE_WRITABLE : 0));
}

static void
make_raw(struct console *con)
{
    struct termios raw;

    if (!con->is_tty || tcgetattr(STDIN_FILENO, &con->saved) < 0) {
        con->is_tty = false;
        return;
    }
    raw = con->saved;
    cfmakeraw(&raw);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw);
}

static void
restore_terminal(struct console *con)
{
    if (con->is_tty)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &con->saved);
}

static int
run_console(struct console *con)
{
    struct vireo_error err = { 0 };
    int rc = 0;

    con->stdin_watch = vireo_event_add_handle(STDIN_FILENO,
                                              VIREO_EVENT_HANDLE_READABLE,
                                              on_stdin, con, NULL);
    con->console_watch = vireo_event_add_handle(con->fd,
                                                VIREO_EVENT_HANDLE_READABLE,
                                                on_console, con, NULL);
    if (con->stdin_watch < 0 || con->console_watch < 0) {
        cli_error("cannot watch the console");
        con->is_done = true;
        rc = -1;
    }
    while (!con->is_done && rc == 0)
        if (vireo_event_run_default_impl(&err) < 0) {
            cli_report(&err);
            rc = -1;
        }
    if (con->stdin_watch >= 0)
        vireo_event_remove_handle(con->stdin_watch);
    if (con->console_watch >= 0)
        vireo_event_remove_handle(con->console_watch);
    if (con->quiet_timer >= 0)
        vireo_event_remove_timeout(con->quiet_timer);
    return rc;
}

int
cmd_console(struct session *s, const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "domain");
    struct vireo_domain *dom = session_lookup(s, name, BY_ANY);
    struct console *con;
    struct vireo_error err = { 0 };
    unsigned flags = (cmd_has(cmd, "force") ? VIR_DOMAIN_CONSOLE_FORCE : 0) |
                     (cmd_has(cmd, "safe") ? VIR_DOMAIN_CONSOLE_SAFE : 0);
    int rc = -1;

    if (dom == NULL)
        return -1;
    con = calloc(1, sizeof(*con));
    if (con == NULL) {
        cli_error("out of memory");
    } else if (vireo_domain_open_console(dom, cmd_string(cmd, "devname"),
                                         flags, &con->fd, &err) < 0) {
        cli_report(&err);
    } else {
        con->is_tty = isatty(STDIN_FILENO);
        con->quiet_timer = -1;
        if (con->is_tty) {
            printf("Connected to domain '%s'\n", vireo_domain_get_name(dom));
            printf("Escape character is ^] (Ctrl + ])\n");
        }
        fflush(stdout);
        make_raw(con);
        rc = run_console(con);
        restore_terminal(con);
        close(con->fd);      /* the library finishes the stream */
    }
    free(con);
    vireo_domain_free(dom);
    return rc;
}

/* ---- qemu-monitor-command ------------------------------------------------ */

/* virsh sends a bare QMP command name as {"execute":"NAME"}. */
static char *
qmp_command(const char *text, bool is_hmp)
{
    char *cmd = NULL;

    if (is_hmp || text[strspn(text, " \t")] == '{' ||
        strspn(text, "abcdefghijklmnopqrstuvwxyz0123456789-_") !=
        strlen(text))
        return strdup(text);
    if (asprintf(&cmd, "{\"execute\":\"%s\"}", text) < 0)
        return NULL;
    return cmd;
}

int
cmd_qemu_monitor_command(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    bool is_hmp = cmd_has(cmd, "hmp");
    char *text = NULL, *result = NULL;
    struct vireo_error err = { 0 };
    int rc = -1;

    if (dom == NULL)
        return -1;
    text = qmp_command(cmd_string(cmd, "cmd"), is_hmp);
    if (text == NULL) {
        cli_error("out of memory");
    } else if (vireo_domain_qemu_monitor_command(
                   dom, text, &result,
                   is_hmp ? VIR_DOMAIN_QEMU_MONITOR_COMMAND_HMP : 0,
                   &err) < 0) {
        cli_report(&err);
    } else {
        printf("%s\n", result);
        rc = 0;
    }
    free(result);
    free(text);
    vireo_domain_free(dom);
    return rc;
}
