/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* test-log.c: log outputs in libvirt's syntax, levels, and whole lines. */
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include "daemon/log.h"
#include "tests/tap.h"

#define N_THREADS 4
#define N_LINES   500

static char *
slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    static char buf[1 << 20];
    size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;

    if (f)
        fclose(f);
    buf[n] = '\0';
    return buf;
}

static void *
log_many(void *opaque)
{
    long t = (long)opaque;

    for (int i = 0; i < N_LINES; i++)
        log_error("thread %ld line %d end", t, i);
    return NULL;
}

static int
count_lines(const char *text, const char *needle)
{
    int n = 0;

    for (const char *p = text; (p = strstr(p, needle)); p++)
        n++;
    return n;
}

/* libvirtd's own outputs: syslog (its example) and journald (its default
 * under systemd). Without a journald listening (the suite's machines run
 * none outside test-journald.sh's own namespace), vireod sends a journald
 * output to stderr with a warning; with one, nothing reaches stderr. */
static void
check_libvirtd_outputs(const char *path)
{
    struct vireo_error err = { 0 };
    int saved_stderr = dup(STDERR_FILENO);
    int fd = open(path, O_WRONLY | O_TRUNC);

    tap_is_int(log_setup(3, "3:syslog:libvirtd", &err), 0,
               "a syslog output with an ident is accepted");
    dup2(fd, STDERR_FILENO);
    close(fd);
    int rc = log_setup(3, "3:journald", &err);
    log_error("after journald");
    dup2(saved_stderr, STDERR_FILENO);
    close(saved_stderr);
    const char *text = slurp(path);
    tap_is_int(rc, 0, "a journald output is accepted");
    if (access("/run/systemd/journal/socket", W_OK) == 0) {
        tap_ok(strstr(text, "after journald") == NULL,
               "with a journald listening, nothing goes to stderr");
        tap_ok(strstr(text, "warning") == NULL, "... and nothing is warned");
    } else {
        tap_ok(strstr(text, "warning : log output '3:journald': no journald "
                      "listens on /run/systemd/journal/socket, logging to "
                      "stderr instead\n") != NULL,
               "without a journald, a warning says it goes to stderr");
        tap_ok(strstr(text, "error : after journald\n") != NULL,
               "and the log then reaches stderr");
    }
    log_close();
}

int
main(void)
{
    char path[] = "/tmp/vireo-test-log-XXXXXX";
    char spec[256];
    struct vireo_error err = { 0 };
    int fd = mkstemp(path);

    tap_plan(13);
    close(fd);
    snprintf(spec, sizeof(spec), "2:file:%s", path);
    tap_is_int(log_setup(1, spec, &err), 0, "a file output is accepted");
    log_debug("not for this output");
    log_info("hello %d", 42);
    log_warn("careful");
    char *text = slurp(path);
    tap_ok(strstr(text, "info : hello 42\n") != NULL,
           "a message at the output's level is written with its priority");
    tap_ok(strstr(text, "warning : careful\n") != NULL,
           "a message above the output's level is written");
    tap_ok(strstr(text, "not for this output") == NULL,
           "a message below the output's level is not");

    snprintf(spec, sizeof(spec), "1:file:%s", path);
    log_setup(3, spec, &err);
    log_info("filtered by log_level");
    tap_ok(strstr(slurp(path), "filtered by log_level") == NULL,
           "log_level filters before any output");

    pthread_t threads[N_THREADS];
    for (long t = 0; t < N_THREADS; t++)
        pthread_create(&threads[t], NULL, log_many, (void *)t);
    for (int t = 0; t < N_THREADS; t++)
        pthread_join(threads[t], NULL);
    text = slurp(path);
    tap_is_int(count_lines(text, " end\n"), N_THREADS * N_LINES,
               "lines from several threads are never split or interleaved");

    tap_is_int(log_setup(3, "3:stderr 9:stderr", &err), -1,
               "a bad level is refused");
    tap_ok(strstr(err.message, "'9:stderr'") != NULL,
           "and the error names the bad output");
    tap_is_int(log_setup(3, "3:pigeon:coop", &err), -1,
               "an unknown output kind is refused");
    log_close();
    check_libvirtd_outputs(path);
    unlink(path);
    return tap_done();
}
