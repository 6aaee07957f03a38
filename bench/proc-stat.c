/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * proc-stat.c: /proc/PID/stat fields 14 and 15 (utime, stime), and
 * /proc/PID/status's VmRSS line; and getrusage() for this process.
 */
#include "proc-stat.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

double
proc_cpu_us(pid_t pid)
{
    char path[64], line[1024];
    unsigned long utime, stime;
    FILE *f;

    snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
    if ((f = fopen(path, "r")) == NULL)
        return -1;
    char *got = fgets(line, sizeof(line), f);
    fclose(f);
    /* The command name (field 2) may hold spaces: skip past its ')'. */
    char *p = got ? strrchr(line, ')') : NULL;
    if (p == NULL ||
        sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
               &utime, &stime) != 2)
        return -1;
    return (double)(utime + stime) * 1e6 / (double)sysconf(_SC_CLK_TCK);
}

long
proc_rss_kb(pid_t pid)
{
    char path[64], line[256];
    long kb = -1;
    FILE *f;

    snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
    if ((f = fopen(path, "r")) == NULL)
        return -1;
    while (fgets(line, sizeof(line), f))
        if (sscanf(line, "VmRSS: %ld kB", &kb) == 1)
            break;
    fclose(f);
    return kb;
}

/* The two context-switch counts of one thread's status file. */
static long
task_ctxsw(pid_t pid, const char *tid)
{
    char path[320], line[256];
    long n, total = 0;
    FILE *f;

    snprintf(path, sizeof(path), "/proc/%d/task/%s/status", (int)pid, tid);
    if ((f = fopen(path, "r")) == NULL)
        return 0;   /* the thread has just ended */
    while (fgets(line, sizeof(line), f))
        if (sscanf(line, "voluntary_ctxt_switches: %ld", &n) == 1 ||
            sscanf(line, "nonvoluntary_ctxt_switches: %ld", &n) == 1)
            total += n;
    fclose(f);
    return total;
}

long
proc_ctxsw(pid_t pid)
{
    char path[64];
    struct dirent *e;
    long total = 0;
    DIR *d;

    snprintf(path, sizeof(path), "/proc/%d/task", (int)pid);
    if ((d = opendir(path)) == NULL)
        return -1;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            total += task_ctxsw(pid, e->d_name);
    closedir(d);
    return total;
}

double
self_cpu_us(void)
{
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e6 +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
}
