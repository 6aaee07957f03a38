/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * bare-qemu.h: QEMU run directly, with no daemon, as the floor the QEMU
 * drivers are measured against.
 *
 * The guest is started the way the qemu driver starts one: paused (-S),
 * with the QMP socket bound by us and handed to QEMU as a listening fd,
 * so the monitor is connected at once; then qmp_capabilities and cont.
 * The QMP client is the least that works: one command at a time, the
 * reply recognised by its "return" or "error" member, events skipped.
 * Every wait is bounded, so a QEMU that hangs ends the measurement with
 * an error instead of hanging the benchmark.
 *
 * One thread; the caller owns struct bare_qemu.
 */
#ifndef VIREO_BENCH_BARE_QEMU_H
#define VIREO_BENCH_BARE_QEMU_H

#include <stddef.h>
#include <sys/types.h>

struct bare_qemu {
    pid_t  pid;          /* the QEMU child, 0 once reaped */
    int    qmp_fd;       /* our connection to its monitor, -1 if none */
    char   buf[8192];    /* what QEMU sent that no read has used yet */
    size_t len;
    char   error[512];   /* why the last call failed */
};

/* What a start measured, in microseconds from just before the fork. */
struct bare_qemu_times {
    double greeting_us;  /* QMP greeting read */
    double running_us;   /* cont answered: the guest runs */
};

/* Start QEMU (qemu_binary, looked up on PATH) paused for a diskless guest
 * of memory_mib MiB named name, its QMP socket and log in dir; negotiate
 * QMP and resume the guest. 0, or -1 with q->error set and nothing left
 * running. */
int bare_qemu_start(struct bare_qemu *q, const char *qemu_binary,
                    const char *dir, const char *name, int memory_mib,
                    struct bare_qemu_times *times);

/* Send one QMP command (a JSON object, one line) and wait for its reply.
 * 0 on "return", -1 with q->error set otherwise. */
int bare_qemu_command(struct bare_qemu *q, const char *json);

/* QMP quit, then wait for the process to exit and reap it. 0, or -1 with
 * q->error set (the process is then killed). */
int bare_qemu_quit(struct bare_qemu *q);

/* Kill and reap whatever is left, close the monitor; a no-op when
 * nothing runs. */
void bare_qemu_kill(struct bare_qemu *q);

#endif /* VIREO_BENCH_BARE_QEMU_H */
