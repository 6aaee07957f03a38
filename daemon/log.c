/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * log.c: formatting log lines and writing them to the configured outputs.
 *
 * The output and filter tables can be replaced while threads log (the
 * admin program changes them live), so log_write() reads them under a
 * read lock, which writers of log lines never contend for among
 * themselves; each line is formatted into one buffer and written with a
 * single write(2).
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
#include "daemon/log_filter.h"
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

/* Guards the tables below: log lines read them, changes write them. */
static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
static struct output outputs[MAX_OUTPUTS];
static int n_outputs;
static int filter_level = LOG_PRIO_WARN;
static char outputs_spec[4096];   /* the outputs, as given, one space apart */
static struct log_filter filters[LOG_FILTER_MAX];
static int n_filters;

static void close_outputs(void);
static void remember_spec(const char *spec);
static void write_outputs(int priority, const char *line, size_t len,
                          size_t used);

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
    pthread_rwlock_wrlock(&table_lock);
    close_outputs();
    memcpy(outputs, parsed, sizeof(parsed[0]) * (size_t)n);
    n_outputs = n;
    filter_level = level;
    remember_spec(spec);
    pthread_rwlock_unlock(&table_lock);
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

/* Whether a message of priority from file passes the filters, or else
 * log_level. Under the table lock. */
static bool
is_wanted(const char *file, int priority)
{
    int level = n_filters > 0 ? log_filter_level(filters, n_filters, file)
                              : 0;

    if (priority < LOG_PRIO_DEBUG || priority > LOG_PRIO_ERROR)
        return false;
    return priority >= (level > 0 ? level : filter_level);
}

static void
log_vwrite(const char *file, int priority, const char *fmt, va_list ap)
{
    char line[2048];

    pthread_rwlock_rdlock(&table_lock);
    if (!is_wanted(file, priority)) {
        pthread_rwlock_unlock(&table_lock);
        return;
    }
    int used = format_prefix(line, sizeof(line) - 1, priority);
    vsnprintf(line + used, sizeof(line) - 1 - (size_t)used, fmt, ap);
    size_t len = strlen(line);
    line[len++] = '\n';
    write_outputs(priority, line, len, (size_t)used);
    pthread_rwlock_unlock(&table_lock);
}

void
log_write(int priority, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    log_vwrite("", priority, fmt, ap);
    va_end(ap);
}

void
log_write_at(const char *file, int priority, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    log_vwrite(file, priority, fmt, ap);
    va_end(ap);
}

/* The line (its prefix `used` bytes long) to every output that takes
 * priority. Under the table lock. */
static void
write_outputs(int priority, const char *line, size_t len, size_t used)
{
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

/* Under the table lock (for writing). */
static void
close_outputs(void)
{
    for (int i = 0; i < n_outputs; i++)
        output_close(&outputs[i]);
    n_outputs = 0;
}

void
log_close(void)
{
    pthread_rwlock_wrlock(&table_lock);
    close_outputs();
    pthread_rwlock_unlock(&table_lock);
}

/* ---- Live changes (the admin program) ---------------------------------- */

/* The outputs as given, one space apart. Under the table lock. */
static void
remember_spec(const char *spec)
{
    char *copy = strdup(spec != NULL ? spec : ""), *save = NULL;
    size_t used = 0;

    outputs_spec[0] = '\0';
    if (copy == NULL)
        return;
    for (char *w = strtok_r(copy, " \t", &save); w != NULL;
         w = strtok_r(NULL, " \t", &save))
        used += (size_t)snprintf(outputs_spec + used,
                                 used < sizeof(outputs_spec)
                                     ? sizeof(outputs_spec) - used : 0,
                                 "%s%s", used > 0 ? " " : "", w);
    free(copy);
}

int
log_set_outputs(const char *spec, struct vireo_error *err)
{
    char fallback[32];
    int level;

    pthread_rwlock_rdlock(&table_lock);
    level = filter_level;
    pthread_rwlock_unlock(&table_lock);
    if (spec == NULL || spec[0] == '\0') {
        snprintf(fallback, sizeof(fallback), "%d:stderr", level);
        spec = fallback;
    }
    if (log_setup(level, spec, err) == 0)
        return 0;
    if (err->code != VIR_ERR_CONF_SYNTAX)
        return -1;   /* a file that cannot be opened says so */
    /* libvirt's code and words for a malformed output given live; the
     * message already names it between quotes. */
    const char *word = strchr(err->message, '\'');
    char bad[256];

    snprintf(bad, sizeof(bad), "%s", word != NULL ? word + 1 : spec);
    if (strchr(bad, '\'') != NULL)
        *strchr(bad, '\'') = '\0';
    return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                     "Malformed format for log output '%s'", bad);
}

int
log_set_filters(const char *spec, struct vireo_error *err)
{
    struct log_filter parsed[LOG_FILTER_MAX];
    int n = log_filter_parse(spec, parsed, err);

    if (n < 0)
        return -1;
    pthread_rwlock_wrlock(&table_lock);
    memcpy(filters, parsed, sizeof(parsed[0]) * (size_t)n);
    n_filters = n;
    pthread_rwlock_unlock(&table_lock);
    return 0;
}

void
log_get_outputs(char *buf, size_t len, unsigned int *n)
{
    pthread_rwlock_rdlock(&table_lock);
    snprintf(buf, len, "%s", outputs_spec);
    *n = (unsigned int)n_outputs;
    pthread_rwlock_unlock(&table_lock);
}

void
log_get_filters(char *buf, size_t len, unsigned int *n)
{
    pthread_rwlock_rdlock(&table_lock);
    log_filter_format(filters, n_filters, buf, len);
    *n = (unsigned int)n_filters;
    pthread_rwlock_unlock(&table_lock);
}
