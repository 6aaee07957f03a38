/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qmp_buffer.c: a QMP connection's input and output bytes (the contract
 * is in qmp_buffer.h). The input buffer grows by doubling up to one
 * full line and its end, and shrinks back once a long line is handled;
 * a line is searched for its end only once, however many reads it takes
 * to arrive.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/qemu/qmp_buffer.h"

#define INPUT_MIN_CAP  4096
#define INPUT_MAX_CAP  (QMP_MAX_LINE + 1)   /* a full line and its '\n' */
/* A buffer grown for a long line goes back to INPUT_MIN_CAP once that
 * line is handled, if it grew past this. */
#define INPUT_KEEP_CAP (64u << 10)

/* ---- input ------------------------------------------------------------- */

/* Room to read into: at least half a page, unless the buffer is at its
 * largest. 0, or -1 with errno set. */
static int
make_room(struct qmp_input *in)
{
    size_t cap;
    char *buf;

    if (in->cap - in->n >= INPUT_MIN_CAP / 2 ||
        (in->cap == INPUT_MAX_CAP && in->n < in->cap))
        return 0;
    if (in->cap == INPUT_MAX_CAP) {
        errno = EMSGSIZE;
        return -1;
    }
    cap = in->cap > 0 ? in->cap * 2 : INPUT_MIN_CAP;
    if (cap > INPUT_MAX_CAP)
        cap = INPUT_MAX_CAP;
    buf = realloc(in->buf, cap);
    if (buf == NULL)
        return in->n < in->cap ? 0 : -1;   /* realloc set ENOMEM */
    in->buf = buf;
    in->cap = cap;
    return 0;
}

ssize_t
qmp_input_read(struct qmp_input *in, int fd)
{
    ssize_t n;

    qmp_input_compact(in);
    if (make_room(in) < 0)
        return -1;
    n = read(fd, in->buf + in->n, in->cap - in->n);
    if (n > 0)
        in->n += (size_t)n;
    return n;
}

char *
qmp_input_next_line(struct qmp_input *in, size_t *len)
{
    char *line, *nl;
    size_t n;

    if (in->start == in->n)
        return NULL;
    line = in->buf + in->start;
    nl = memchr(line + in->n_scanned, '\n', in->n - in->start - in->n_scanned);
    if (nl == NULL) {
        in->n_scanned = in->n - in->start;
        return NULL;
    }
    n = (size_t)(nl - line);
    in->start += n + 1;
    in->n_scanned = 0;
    while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == ' '))
        n--;
    line[n] = '\0';
    *len = n;
    return line;
}

void
qmp_input_compact(struct qmp_input *in)
{
    if (in->start > 0) {
        memmove(in->buf, in->buf + in->start, in->n - in->start);
        in->n -= in->start;
        in->start = 0;
    }
    if (in->n < INPUT_MIN_CAP && in->cap > INPUT_KEEP_CAP) {
        char *buf = realloc(in->buf, INPUT_MIN_CAP);

        if (buf != NULL) {
            in->buf = buf;
            in->cap = INPUT_MIN_CAP;
        }
    }
}

void
qmp_input_clear(struct qmp_input *in)
{
    free(in->buf);
    *in = (struct qmp_input){ 0 };
}

/* ---- output ------------------------------------------------------------ */

int
qmp_output_append(struct qmp_output *out, const char *text, size_t len,
                  struct vireo_error *err)
{
    size_t need = out->n + len + 1;

    if (need > QMP_MAX_OUTPUT)
        return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_QEMU,
                         "QEMU is not reading its monitor: %zu bytes wait "
                         "to be written", out->n);
    if (need > out->cap) {
        size_t cap = out->cap > 0 ? out->cap : 1024;
        char *buf;

        while (cap < need)
            cap *= 2;
        buf = realloc(out->buf, cap);
        if (buf == NULL)
            return error_no_memory(err);
        out->buf = buf;
        out->cap = cap;
    }
    memcpy(out->buf + out->n, text, len);
    out->buf[out->n + len] = '\n';
    out->n += len + 1;
    return 0;
}

int
qmp_output_flush(struct qmp_output *out, int fd)
{
    size_t done = 0;
    int failed = 0;

    while (done < out->n && failed == 0) {
        ssize_t n = send(fd, out->buf + done, out->n - done,
                         MSG_NOSIGNAL | MSG_DONTWAIT);

        if (n > 0)
            done += (size_t)n;
        else if (n < 0 && errno == EAGAIN)
            break;
        else if (n == 0 || errno != EINTR)
            failed = n < 0 ? errno : EIO;
    }
    if (failed != 0)
        done = out->n;   /* nothing more will be written */
    if (done > 0) {
        memmove(out->buf, out->buf + done, out->n - done);
        out->n -= done;
    }
    return failed;
}

void
qmp_output_clear(struct qmp_output *out)
{
    free(out->buf);
    *out = (struct qmp_output){ 0 };
}
