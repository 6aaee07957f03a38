/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qmp_buffer.h: the bytes of a QMP connection: what QEMU sends, split into
 * lines within a bound, and what we send, kept until the socket takes it.
 * Plain data, owned by the connection (qmp.c) and its thread.
 */
#ifndef VIREO_QEMU_QMP_BUFFER_H
#define VIREO_QEMU_QMP_BUFFER_H

#include <stddef.h>
#include <sys/types.h>

#include "api/vireo.h"

/* The longest line accepted from QEMU. The largest answer the driver may
 * see is query-qmp-schema through qemu-monitor-command: about 200 KiB
 * with QEMU 7.2; this leaves ample room without letting a broken peer
 * take the daemon's memory. */
#define QMP_MAX_LINE (8u << 20)

/* What may wait to be written. A QEMU that reads nothing (stopped) makes
 * every further command fail at once beyond this, instead of piling up. */
#define QMP_MAX_OUTPUT (1u << 20)

struct qmp_input {
    char   *buf;
    size_t  n, cap;
    size_t  start;       /* where the next line begins */
    size_t  n_scanned;   /* bytes from start known to hold no '\n' */
};

struct qmp_output {
    char   *buf;
    size_t  n, cap;
};

/* Read once what fd holds. Returns the bytes read (> 0), 0 at EOF, or -1
 * with errno set: EAGAIN (nothing now), EMSGSIZE (the buffer holds a line
 * of QMP_MAX_LINE bytes and no end), ENOMEM, or read()'s own. */
ssize_t qmp_input_read(struct qmp_input *in, int fd);

/* The next whole line, NUL-terminated in place, its line end ("\n" or
 * "\r\n") and trailing blanks cut; NULL when no line is complete. The
 * line stays valid until qmp_input_compact() or the next read. */
char *qmp_input_next_line(struct qmp_input *in, size_t *len);

/* Let go of the lines taken; a buffer grown for a long line shrinks. */
void qmp_input_compact(struct qmp_input *in);

void qmp_input_clear(struct qmp_input *in);

/* Queue text and a newline. 0, or -1 with err set: VIR_ERR_OPERATION_FAILED
 * past QMP_MAX_OUTPUT, VIR_ERR_NO_MEMORY. */
int qmp_output_append(struct qmp_output *out, const char *text, size_t len,
                      struct vireo_error *err);

/* Write what fd takes without waiting. Returns 0, or the errno of a write
 * that failed, in which case what was queued is dropped. */
int qmp_output_flush(struct qmp_output *out, int fd);

void qmp_output_clear(struct qmp_output *out);

#endif /* VIREO_QEMU_QMP_BUFFER_H */
