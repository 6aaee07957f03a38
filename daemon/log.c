/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * log.c: formatting log lines and writing them to the configured outputs.
 *
 * The output table is replaced only by log_setup() at start-up (before
 * worker threads exist), so log_write() reads it without a lock; each line
 * is formatted into one buffer and written with a single write(2).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <syslog.h>
#include <systemd/sd-journal.h>
#include <time.h>
#include <unistd.h>

#include "daemon/log.h"
#include "drivers/error.h"

#define MAX_OUTPUTS 8

/* Where systemd-journald takes native messages (sd_journal_send's). */
#define JOURNALD_SOCKET "/run/systemd/journal/socket"

enum output_kind { OUTPUT_STDERR, OUTPUT_FILE, OUTPUT_SYSLOG, OUTPUT_JOURNALD };

struct output {
    enum output_kind kind;
    int              min_priority;
    int              fd;            /* stderr or the file */
    char            *ident;         /* syslog only */
    bool             is_journald;   /* asked for journald, got stderr */
};

static struct output outputs[MAX_OUTPUTS];
static int n_outputs;
static int filter_level = LOG_PRIO_WARN;

static const char *const prio_names[] = {
    [LOG_PRIO_DEBUG] = "debug", [LOG_PRIO_INFO] = "info",
    [LOG_PRIO_WARN] = "warning", [LOG_PRIO_ERROR] = "error",
};

static void
output_close(struct output *o)
{
    if (o->kind == OUTPUT_FILE && o->fd >= 0)
        close(o->fd);
    if (o->kind == OUTPUT_SYSLOG)
        closelog();
    free(o->ident);
}

/* Parse one "LEVEL:KIND[:ARG]" word into o. */
static int
parse_output(const char *word, struct output *o, struct vireo_error *err)
{
    char kind[16] = "", arg[4096] = "";
    int level = 0;

    memset(o, 0, sizeof(*o));
    o->fd = -1;
    if (sscanf(word, "%d:%15[a-z]:%4095s", &level, kind, arg) < 2 ||
        level < LOG_PRIO_DEBUG || level > LOG_PRIO_ERROR)
        goto bad;
    o->min_priority = level;
    if (strcmp(kind, "journald") == 0 && arg[0] == '\0' &&
        access(JOURNALD_SOCKET, W_OK) == 0) {
        o->kind = OUTPUT_JOURNALD;
    } else if ((strcmp(kind, "stderr") == 0 ||
                strcmp(kind, "journald") == 0) && arg[0] == '\0') {
        /* Without a journald to talk to, stderr is the next best place:
         * whoever started vireod collects it. */
        o->kind = OUTPUT_STDERR;
        o->fd = STDERR_FILENO;
        o->is_journald = strcmp(kind, "journald") == 0;
    } else if (strcmp(kind, "file") == 0 && arg[0] == '/') {
        o->kind = OUTPUT_FILE;
        o->fd = open(arg, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (o->fd < 0)
            return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                             "cannot open log file %s: %s", arg,
                             strerror(errno));
    } else if (strcmp(kind, "syslog") == 0 && arg[0] != '\0') {
        o->kind = OUTPUT_SYSLOG;
        o->ident = strdup(arg);
    } else {
        goto bad;
    }
    return 0;
bad:
    return error_set(err, VIR_ERR_CONF_SYNTAX, VIR_FROM_CONF,
                     "invalid log output '%s'", word);
}

int
log_setup(int level, const char *spec, struct vireo_error *err)
{
    struct output parsed[MAX_OUTPUTS];
    int n = 0;
    char *copy = strdup(spec ? spec : ""), *save = NULL;

    if (copy == NULL)
        return error_no_memory(err);
    for (char *w = strtok_r(copy, " \t", &save); w;
         w = strtok_r(NULL, " \t", &save)) {
        if (n == MAX_OUTPUTS || parse_output(w, &parsed[n], err) < 0) {
            if (n == MAX_OUTPUTS)
                error_set(err, VIR_ERR_CONF_SYNTAX, VIR_FROM_CONF,
                          "more than %d log outputs", MAX_OUTPUTS);
            while (n-- > 0)
                output_close(&parsed[n]);
            free(copy);
            return -1;
        }
        n++;
    }
    free(copy);
    log_close();
    memcpy(outputs, parsed, sizeof(parsed[0]) * (size_t)n);
    n_outputs = n;
    filter_level = level;
    for (int i = 0; i < n; i++) {
        if (outputs[i].kind == OUTPUT_SYSLOG)
            openlog(outputs[i].ident, LOG_PID, LOG_DAEMON);
        if (outputs[i].is_journald)
            log_warn("log output '%d:journald': no journald listens on "
                     "%s, logging to stderr instead",
                     outputs[i].min_priority, JOURNALD_SOCKET);
    }
    return 0;
}

static int
syslog_priority(int priority)
{
    switch (priority) {
    case LOG_PRIO_DEBUG: return LOG_DEBUG;
    case LOG_PRIO_INFO:  return LOG_INFO;
    case LOG_PRIO_WARN:  return LOG_WARNING;
    default:             return LOG_ERR;
    }
}

/* One journal entry: the message without our prefix (the journal stamps
 * its own time and pid), its syslog priority, and who wrote it. A failure
 * has nowhere to be reported. */
static void
write_journald(int priority, const char *msg, size_t len)
{
    sd_journal_send("MESSAGE=%.*s", (int)len, msg,
                    "PRIORITY=%d", syslog_priority(priority),
                    "SYSLOG_IDENTIFIER=vireod",
                    "TID=%ld", (long)syscall(SYS_gettid),
                    NULL);
}

/* "2026-11-25 05:33:54.123+0000: 4242: warning : " */
static int
format_prefix(char *buf, size_t cap, int priority)
{
    struct timespec ts;
    struct tm tm;
    char stamp[32];

    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M:%S", &tm);
    return snprintf(buf, cap, "%s.%03ld+0000: %ld: %s : ", stamp,
                    ts.tv_nsec / 1000000, (long)syscall(SYS_gettid),
                    prio_names[priority]);
}

void
log_write(int priority, const char *fmt, ...)
{
    char line[2048];
    va_list ap;

    if (priority < filter_level || priority < LOG_PRIO_DEBUG ||
        priority > LOG_PRIO_ERROR)
        return;
    int used = format_prefix(line, sizeof(line) - 1, priority);
    va_start(ap, fmt);
    vsnprintf(line + used, sizeof(line) - 1 - (size_t)used, fmt, ap);
    va_end(ap);
    size_t len = strlen(line);
    line[len++] = '\n';
    for (int i = 0; i < n_outputs; i++) {
        const struct output *o = &outputs[i];
        if (priority < o->min_priority)
            continue;
        if (o->kind == OUTPUT_SYSLOG)
            syslog(syslog_priority(priority), "%.*s", (int)(len - 1 - (size_t)used),
                   line + used);
        else if (o->kind == OUTPUT_JOURNALD)
            write_journald(priority, line + used, len - 1 - (size_t)used);
        else if (write(o->fd, line, len) < 0)
            continue;   /* nowhere left to report a failing log */
    }
}

void
log_close(void)
{
    for (int i = 0; i < n_outputs; i++)
        output_close(&outputs[i]);
    n_outputs = 0;
}
