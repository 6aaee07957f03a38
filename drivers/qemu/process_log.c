/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * process_log.c: QEMU's log file. Each start appends a header, as libvirt
 * writes one:
 *
 *   2024-05-01 10:00:00.123+0000: starting up vireo version: 0.1.0
 *   LC_ALL=C \
 *   PATH=/usr/bin:/bin \
 *   /usr/bin/qemu-system-x86_64 \
 *   -name guest=vm1 \
 *   -S
 *
 * and QEMU's stdout and stderr follow. The tail for an error message is
 * taken from what follows the last header, so an earlier start's words
 * never explain a later failure.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/qemu/process.h"
#include "drivers/qemu/process_log.h"

/* How much of the log's end is searched for the last start. */
#define TAIL_READ (64 * 1024)

/* ---- the header -------------------------------------------------------- */

static void
write_time(FILE *f)
{
    struct timespec ts;
    struct tm tm;
    char when[32];

    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
    fprintf(f, "%s.%03ld+0000", when, ts.tv_nsec / 1000000);
}

static bool
is_shell_safe(const char *word)
{
    if (word[0] == '\0')
        return false;
    for (const char *p = word; *p != '\0'; p++)
        if (!isalnum((unsigned char)*p) && strchr("_=,./:@+-%", *p) == NULL)
            return false;
    return true;
}

/* word as a shell reads it back: quoted when it must be. */
static void
write_word(FILE *f, const char *word)
{
    if (is_shell_safe(word)) {
        fputs(word, f);
        return;
    }
    fputc('\'', f);
    for (const char *p = word; *p != '\0'; p++)
        if (*p == '\'')
            fputs("'\\''", f);
        else
            fputc(*p, f);
    fputc('\'', f);
}

/* The environment and the command line, an option and its value on each
 * line, lines continued with " \". */
static void
write_command(FILE *f, const char *const *envp, const char *const *argv)
{
    bool is_first = true;

    for (int i = 0; envp != NULL && envp[i] != NULL; i++) {
        fputs(is_first ? "" : " \\\n", f);
        write_word(f, envp[i]);
        is_first = false;
    }
    for (int i = 0; argv[i] != NULL; i++) {
        bool is_value = i > 0 && argv[i][0] != '-' && argv[i - 1][0] == '-';

        fputs(is_first ? "" : is_value ? " " : " \\\n", f);
        write_word(f, argv[i]);
        is_first = false;
    }
    fputc('\n', f);
}

/* The whole header as one string, so that it lands with one write. */
static char *
format_header(const char *const *envp, const char *const *argv)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);

    if (f == NULL)
        return NULL;
    write_time(f);
    fputs(PROCESS_LOG_MARK VIREO_VERSION_STRING "\n", f);
    write_command(f, envp, argv);
    if (fclose(f) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

int
process_log_open(const char *log_path, const char *const *envp,
                 const char *const *argv, struct vireo_error *err)
{
    int fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    char *header;
    size_t len;

    if (fd < 0)
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_QEMU,
                         "cannot open QEMU log '%s': %s", log_path,
                         strerror(errno));
    header = format_header(envp, argv);
    if (header == NULL) {
        close(fd);
        return error_no_memory(err);
    }
    len = strlen(header);
    if (write(fd, header, len) != (ssize_t)len) {
        error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_QEMU,
                  "cannot write QEMU log '%s': %s", log_path,
                  strerror(errno));
        close(fd);
        fd = -1;
    }
    free(header);
    return fd;
}

/* ---- the tail ---------------------------------------------------------- */

/* What QEMU wrote since the last header in text: after the header line,
 * the lines continued with " \" and the one that ends them. All of text
 * when no header is in it. */
static const char *
after_last_header(const char *text)
{
    const char *mark = NULL, *line;

    for (const char *p = strstr(text, PROCESS_LOG_MARK); p != NULL;
         p = strstr(p + 1, PROCESS_LOG_MARK))
        mark = p;
    if (mark == NULL)
        return text;
    for (line = strchr(mark, '\n'); line != NULL; ) {
        const char *eol = strchr(++line, '\n');
        bool continues;

        if (eol == NULL)
            return line + strlen(line);   /* the header is all there is */
        continues = eol - line >= 2 && eol[-1] == '\\' && eol[-2] == ' ';
        line = eol;
        if (!continues)
            return eol + 1;
    }
    return mark + strlen(mark);
}

/* The last whole lines of text that fit in size - 1 bytes, without the
 * final line end. */
static void
copy_last_lines(const char *text, char *buf, size_t size)
{
    size_t len = strlen(text);
    const char *start = text;

    while (len > 0 && isspace((unsigned char)text[len - 1]))
        len--;
    if (len > size - 1) {
        const char *nl;

        start = text + len - (size - 1);
        nl = memchr(start, '\n', len - (size_t)(start - text));
        if (nl != NULL)
            start = nl + 1;
    }
    len -= (size_t)(start - text);
    memcpy(buf, start, len);
    buf[len] = '\0';
}

char *
qemu_process_log_tail(const char *log_path, char *buf, size_t size)
{
    int fd = open(log_path, O_RDONLY | O_CLOEXEC);
    char *chunk = malloc(TAIL_READ + 1);
    off_t end = fd >= 0 ? lseek(fd, 0, SEEK_END) : -1;
    ssize_t n = -1;

    buf[0] = '\0';
    if (chunk != NULL && end >= 0)
        n = pread(fd, chunk, TAIL_READ, end > TAIL_READ ? end - TAIL_READ : 0);
    if (n > 0) {
        chunk[n] = '\0';
        copy_last_lines(after_last_header(chunk), buf, size);
    }
    if (fd >= 0)
        close(fd);
    free(chunk);
    return buf;
}

int
qemu_process_exited_error(const char *log_path, struct vireo_error *err)
{
    char tail[200];

    qemu_process_log_tail(log_path, tail, sizeof(tail));
    return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                     "QEMU exited at start: %s",
                     tail[0] != '\0' ? tail : "it logged nothing");
}
