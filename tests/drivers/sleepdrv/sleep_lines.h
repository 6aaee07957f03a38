/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * sleep_lines.h: cutting what a pipe or socket gives into lines, for the
 * sleep driver (its guests' output and monitor answers) and the guest
 * program (its monitor's commands). A line longer than the buffer is cut.
 * Keeps no state of its own: the caller's line buffer does.
 */
#ifndef VIREO_TESTS_SLEEPDRV_LINES_H
#define VIREO_TESTS_SLEEPDRV_LINES_H

#include <stddef.h>

/* A line read in part, and where it goes once whole. */
struct sleep_lines {
    char  *line;
    size_t cap;
    size_t *len;
    void (*on_line)(void *opaque, const char *line);
    void  *opaque;
};

static inline void
sleep_lines_take(const struct sleep_lines *l, const char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (buf[i] != '\n') {
            if (*l->len + 1 < l->cap)
                l->line[(*l->len)++] = buf[i];
            continue;
        }
        l->line[*l->len] = '\0';
        *l->len = 0;
        l->on_line(l->opaque, l->line);
    }
}

#endif /* VIREO_TESTS_SLEEPDRV_LINES_H */
