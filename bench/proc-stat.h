/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * proc-stat.h: what /proc says about another process (the daemon under
 * load): the CPU time it has used and its resident memory. Any thread.
 */
#ifndef VIREO_BENCH_PROC_STAT_H
#define VIREO_BENCH_PROC_STAT_H

#include <sys/types.h>

/* User plus system time of every thread of pid, in microseconds (the
 * kernel counts it in clock ticks: 10 ms here, so measure over seconds);
 * -1 if it cannot be read. */
double proc_cpu_us(pid_t pid);

/* Context switches, voluntary and not, of every thread of pid: each
 * voluntary one is a thread going to sleep, so per call they count the
 * daemon's wake-ups and hand-offs between threads. -1 if unreadable. */
long proc_ctxsw(pid_t pid);

/* User plus system time of this process, in microseconds. */
double self_cpu_us(void);

/* Its resident set (VmRSS) in kB; -1 if it cannot be read. */
long proc_rss_kb(pid_t pid);

#endif /* VIREO_BENCH_PROC_STAT_H */
