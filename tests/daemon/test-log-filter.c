/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-log-filter.c: log filters in libvirt's syntax, parsed, printed and
 * matched; and the log's outputs and filters changed while threads log,
 * as virt-admin changes them.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon/log.h"
#include "daemon/log_filter.h"
#include "tests/tap.h"

#define N_LINES 2000

static char *
slurp(const char *path)
{
    static char buf[1 << 20];
    FILE *f = fopen(path, "r");
    size_t n = f != NULL ? fread(buf, 1, sizeof(buf) - 1, f) : 0;

    if (f != NULL)
        fclose(f);
    buf[n] = '\0';
    return buf;
}

static void
check_parsing(void)
{
    struct log_filter f[LOG_FILTER_MAX];
    struct vireo_error err = { 0 };
    char text[256];

    tap_is_int(log_filter_parse("1:qemu 3:remote", f, &err), 2,
               "two filters parse");
    log_filter_format(f, 2, text, sizeof(text));
    tap_is_str(text, "1:*qemu* 3:*remote* ",
               "a bare word matches anywhere, printed as libvirtd prints it");
    tap_is_int(log_filter_parse("2:daemon/*.c +1:x", f, &err), 2,
               "a glob and a stack-trace mark parse");
    log_filter_format(f, 2, text, sizeof(text));
    tap_is_str(text, "2:daemon/*.c 1:*x* ", "the glob is kept as it is");
    tap_is_int(log_filter_parse("", f, &err), 0, "no filter is fine");
    tap_is_int(log_filter_parse("bogus", f, &err), -1,
               "a filter without a level is refused");
    tap_is_str(err.message, "invalid argument: Malformed format for filter "
               "'bogus'", "in libvirtd's words");
    tap_is_int(log_filter_parse("1:ok 7:x", f, &err), -1,
               "so is a level past 4");
    tap_is_int(log_filter_parse("1:qemu 3:daemon/client", f, &err), 2,
               "filters for matching");
    tap_is_int(log_filter_level(f, 2, "../src/daemon/client.c"), 3,
               "a file takes the level of the filter it matches");
    tap_is_int(log_filter_level(f, 2, "drivers/test/testdrv.c"), 0,
               "and none when it matches none");
}

static void *
log_lines(void *opaque)
{
    for (int i = 0; i < N_LINES; i++)
        log_write_at("drivers/busy.c", LOG_PRIO_INFO, "line %d", i);
    return NULL;
}

/* The thread's lines in the file at path. */
static int
count_lines(const char *path)
{
    int n = 0;

    for (const char *p = slurp(path); (p = strstr(p, "info : line ")) != NULL;
         p++)
        n++;
    return n;
}

/* Outputs replaced while another thread logs: every line lands whole in
 * one of them. Then filters. */
static void
check_live(const char *a, const char *b)
{
    struct vireo_error err = { 0 };
    char spec[256], got[512];
    unsigned int n;
    pthread_t t;

    snprintf(spec, sizeof(spec), "2:file:%s", a);
    log_setup(1, spec, &err);
    pthread_create(&t, NULL, log_lines, NULL);
    snprintf(spec, sizeof(spec), "2:file:%s", b);
    tap_is_int(log_set_outputs(spec, &err), 0,
               "the outputs change while a thread logs");
    pthread_join(t, NULL);
    tap_is_int(count_lines(a) + count_lines(b), N_LINES,
               "and no line was lost or torn in the change");
    tap_is_int(log_set_filters("4:busy 2:quiet", &err), 0,
               "the filters change too");
    log_write_at("drivers/busy.c", LOG_PRIO_WARN, "busy warns");
    log_write_at("drivers/quiet.c", LOG_PRIO_WARN, "quiet warns");
    log_write_at("daemon/other.c", LOG_PRIO_INFO, "other informs");
    tap_ok(strstr(slurp(b), "busy warns") == NULL,
           "a filter holds back what its file logs below its level");
    tap_ok(strstr(slurp(b), "quiet warns") != NULL &&
           strstr(slurp(b), "other informs") != NULL,
           "and lets the rest through to the new output");
    log_get_outputs(got, sizeof(got), &n);
    tap_is_str(got, spec, "the outputs in force are told as given");
    log_get_filters(got, sizeof(got), &n);
    tap_ok(strcmp(got, "4:*busy* 2:*quiet* ") == 0 && n == 2,
           "and so are the filters");
    tap_is_int(log_set_outputs("nowhere", &err), -1,
               "a malformed output is refused");
    tap_is_str(err.message, "invalid argument: Malformed format for log "
               "output 'nowhere'", "in libvirtd's words");
    log_get_outputs(got, sizeof(got), &n);
    tap_is_str(got, spec, "and the outputs in force stay");
    tap_is_int(log_set_outputs("", &err), 0, "an empty list is the default");
    log_get_outputs(got, sizeof(got), &n);
    tap_is_str(got, "1:stderr", "stderr at log_level");
    log_set_filters(NULL, &err);
    log_get_filters(got, sizeof(got), &n);
    tap_ok(got[0] == '\0' && n == 0, "filters can be cleared");
}

int
main(void)
{
    char a[] = "/tmp/vireo-test-log-a-XXXXXX";
    char b[] = "/tmp/vireo-test-log-b-XXXXXX";

    close(mkstemp(a));
    close(mkstemp(b));
    tap_plan(24);
    check_parsing();
    check_live(a, b);
    log_close();
    unlink(a);
    unlink(b);
    return tap_done();
}
