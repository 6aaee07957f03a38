/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_probe.h: asking the emulator a question on its command line
 * (--version, -machine help) or over QMP on its stdio, and collecting what it prints, without the
 * driver's thread ever waiting for it: the output arrives through a
 * watched pipe and the process's exit as a job.
 *
 * Driver thread only.
 */
#ifndef VIREO_QEMU_PROBE_H
#define VIREO_QEMU_PROBE_H

struct qemu_probe;
struct worker;

/* Once the program has exited: what it printed on stdout (borrowed for
 * the call), or NULL if it could not run, failed, or took longer than a
 * few seconds (it is killed then). The probe may be freed inside. */
typedef void (*qemu_probe_cb)(struct qemu_probe *p, const char *output,
                              void *opaque);

/* Run emulator with option and, if not NULL, its value. NULL when it
 * cannot even be started (the callback is then never called). */
struct qemu_probe *qemu_probe_start(struct worker *w, const char *emulator,
                                    const char *option, const char *value,
                                    qemu_probe_cb cb, void *opaque);

/* Run emulator with QMP on its stdio and accelerator accel ("tcg",
 * "kvm"), giving it commands (one JSON object a line, ending with
 * "quit"): the output is its greeting and one reply a line. */
struct qemu_probe *qemu_probe_start_qmp(struct worker *w,
                                        const char *emulator,
                                        const char *accel,
                                        const char *commands,
                                        qemu_probe_cb cb, void *opaque);

/* Stop caring: a program still running is killed and reaped, and the
 * callback is not called. NULL is a no-op. */
void qemu_probe_free(struct qemu_probe *p);

#endif /* VIREO_QEMU_PROBE_H */
