/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * log.h: vireod's log, configured with libvirt's log_level and log_outputs.
 *
 * Outputs are written as "LEVEL:stderr", "LEVEL:file:PATH",
 * "LEVEL:syslog:IDENT" or "LEVEL:journald", several separated by spaces; an
 * output takes the messages at its level and above (1 debug, 2 info,
 * 3 warning, 4 error), and log_level filters before any output sees a
 * message. A journald output sends each message to systemd-journald as
 * a native entry (PRIORITY, SYSLOG_IDENTIFIER=vireod); when no journald
 * listens, it logs to stderr instead, with a warning. Every line is one
 * write(2) (or one datagram), so lines from different threads never
 * interleave.
 */
#ifndef VIREO_DAEMON_LOG_H
#define VIREO_DAEMON_LOG_H

#include "api/vireo.h"

enum log_priority {
    LOG_PRIO_DEBUG = 1,
    LOG_PRIO_INFO  = 2,
    LOG_PRIO_WARN  = 3,
    LOG_PRIO_ERROR = 4,
};

/* Replace the outputs. Call before other threads log (start-up, reload on
 * the main thread). Returns 0 (having logged a warning through the new
 * outputs for each journald one that fell back to stderr), or -1 with
 * VIR_ERR_CONF_SYNTAX naming the bad output; the previous outputs stay in
 * force then. */
int  log_setup(int level, const char *outputs, struct vireo_error *err);

/* Any thread. */
void log_write(int priority, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The same from source file `file` (__FILE__), which log filters match. */
void log_write_at(const char *file, int priority, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Close every output (files, syslog). */
void log_close(void);

#define log_debug(...) log_write_at(__FILE__, LOG_PRIO_DEBUG, __VA_ARGS__)
#define log_info(...)  log_write_at(__FILE__, LOG_PRIO_INFO, __VA_ARGS__)
#define log_warn(...)  log_write_at(__FILE__, LOG_PRIO_WARN, __VA_ARGS__)
#define log_error(...) log_write_at(__FILE__, LOG_PRIO_ERROR, __VA_ARGS__)

/* Changed while the daemon runs (virt-admin daemon-log-outputs and
 * daemon-log-filters), from any thread: the outputs (NULL or empty: the
 * default, "LEVEL:stderr" at log_level), and the filters (log_filter.h;
 * NULL or empty: none). 0, or -1 with err set and nothing changed. */
int  log_set_outputs(const char *outputs, struct vireo_error *err);
int  log_set_filters(const char *filters, struct vireo_error *err);

/* What is in force, in libvirt's words, into buf; the count in *n. */
void log_get_outputs(char *buf, size_t len, unsigned int *n);
void log_get_filters(char *buf, size_t len, unsigned int *n);

#endif /* VIREO_DAEMON_LOG_H */
