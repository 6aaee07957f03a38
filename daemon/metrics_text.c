/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * metrics_text.c: writing the Prometheus text exposition format. Label
 * values escape backslash, double quote and newline; HELP text escapes
 * backslash and newline, as the format requires.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/metrics_text.h"

#define NS_PER_S 1000000000u

/* Room for n more bytes and the NUL. */
static bool
reserve(struct metrics_text *t, size_t n)
{
    size_t cap = t->cap > 0 ? t->cap : 4096;
    char *p;

    if (t->is_short)
        return false;
    if (t->len + n + 1 <= t->cap)
        return true;
    while (cap < t->len + n + 1)
        cap *= 2;
    p = realloc(t->data, cap);
    if (p == NULL) {
        t->is_short = true;
        return false;
    }
    t->data = p;
    t->cap = cap;
    return true;
}

static void
put(struct metrics_text *t, const char *s, size_t n)
{
    if (!reserve(t, n))
        return;
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
}

static void
puts_(struct metrics_text *t, const char *s)
{
    put(t, s, strlen(s));
}

static void __attribute__((format(printf, 2, 3)))
putf(struct metrics_text *t, const char *fmt, ...)
{
    char buf[64];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n > 0)
        put(t, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

/* s with backslash and newline escaped, and double quote too when
 * is_label. */
static void
put_escaped(struct metrics_text *t, const char *s, bool is_label)
{
    for (; *s != '\0'; s++) {
        if (*s == '\\')
            puts_(t, "\\\\");
        else if (*s == '\n')
            puts_(t, "\\n");
        else if (*s == '"' && is_label)
            puts_(t, "\\\"");
        else
            put(t, s, 1);
    }
}

void
metrics_text_family(struct metrics_text *t, const char *name,
                    const char *type, const char *help)
{
    puts_(t, "# HELP ");
    puts_(t, name);
    puts_(t, " ");
    put_escaped(t, help, false);
    puts_(t, "\n# TYPE ");
    puts_(t, name);
    puts_(t, " ");
    puts_(t, type);
    puts_(t, "\n");
}

/* name{a="x",b="y"} and the space before the value; le, if not NULL, is
 * one more label. */
static void
put_series(struct metrics_text *t, const char *name,
           const struct metrics_label *labels, size_t n_labels,
           const char *le)
{
    puts_(t, name);
    if (n_labels > 0 || le != NULL) {
        puts_(t, "{");
        for (size_t i = 0; i < n_labels; i++) {
            if (i > 0)
                puts_(t, ",");
            puts_(t, labels[i].name);
            puts_(t, "=\"");
            put_escaped(t, labels[i].value, true);
            puts_(t, "\"");
        }
        if (le != NULL) {
            puts_(t, n_labels > 0 ? ",le=\"" : "le=\"");
            puts_(t, le);
            puts_(t, "\"");
        }
        puts_(t, "}");
    }
    puts_(t, " ");
}

void
metrics_text_u64(struct metrics_text *t, const char *name,
                 const struct metrics_label *labels, size_t n_labels,
                 uint64_t value)
{
    put_series(t, name, labels, n_labels, NULL);
    putf(t, "%" PRIu64 "\n", value);
}

void
metrics_text_seconds(struct metrics_text *t, const char *name,
                     const struct metrics_label *labels, size_t n_labels,
                     uint64_t ns)
{
    put_series(t, name, labels, n_labels, NULL);
    putf(t, "%" PRIu64 ".%09" PRIu64 "\n", ns / NS_PER_S, ns % NS_PER_S);
}

/* One series of the histogram: NAME_SUFFIX{labels}. */
static void
put_part(struct metrics_text *t, const char *name, const char *suffix,
         const struct metrics_label *labels, size_t n_labels,
         const char *le)
{
    char full[128];

    snprintf(full, sizeof(full), "%s%s", name, suffix);
    put_series(t, full, labels, n_labels, le);
}

void
metrics_text_histogram(struct metrics_text *t, const char *name,
                       const struct metrics_label *labels, size_t n_labels,
                       const char *const *bounds, const uint64_t *counts,
                       size_t n_bounds, uint64_t sum_ns)
{
    uint64_t total = 0;

    for (size_t i = 0; i <= n_bounds; i++) {
        total += counts[i];
        put_part(t, name, "_bucket", labels, n_labels,
                 i < n_bounds ? bounds[i] : "+Inf");
        putf(t, "%" PRIu64 "\n", total);
    }
    put_part(t, name, "_sum", labels, n_labels, NULL);
    putf(t, "%" PRIu64 ".%09" PRIu64 "\n", sum_ns / NS_PER_S,
         sum_ns % NS_PER_S);
    put_part(t, name, "_count", labels, n_labels, NULL);
    putf(t, "%" PRIu64 "\n", total);
}

char *
metrics_text_take(struct metrics_text *t, size_t *len)
{
    char *data = t->data;

    if (t->is_short || (data == NULL && (data = calloc(1, 1)) == NULL)) {
        metrics_text_clear(t);
        *len = 0;
        return NULL;
    }
    *len = t->len;
    memset(t, 0, sizeof(*t));
    return data;
}

void
metrics_text_clear(struct metrics_text *t)
{
    free(t->data);
    memset(t, 0, sizeof(*t));
}
