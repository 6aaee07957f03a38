/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * metrics_text.h: the Prometheus text exposition format (version 0.0.4),
 * written into a growing buffer: a family's HELP and TYPE lines, then its
 * samples with escaped label values.
 *
 * A buffer belongs to the thread filling it; nothing here is shared.
 */
#ifndef VIREO_DAEMON_METRICS_TEXT_H
#define VIREO_DAEMON_METRICS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a scrape answers with. */
#define METRICS_TEXT_CONTENT_TYPE "text/plain; version=0.0.4; charset=utf-8"

/* Start from all zeros; metrics_text_take() or metrics_text_clear() ends
 * it. Once memory ran short (is_short) further writes are ignored. */
struct metrics_text {
    char  *data;
    size_t len;
    size_t cap;
    bool   is_short;
};

struct metrics_label {
    const char *name;
    const char *value;    /* escaped when written */
};

/* HELP and TYPE ("counter", "gauge", "histogram") of the family name. */
void metrics_text_family(struct metrics_text *t, const char *name,
                         const char *type, const char *help);

/* One sample: name{labels} value, for an integer value. */
void metrics_text_u64(struct metrics_text *t, const char *name,
                      const struct metrics_label *labels, size_t n_labels,
                      uint64_t value);

/* One sample whose value is ns nanoseconds, written in seconds exactly
 * ("1.500000000"). */
void metrics_text_seconds(struct metrics_text *t, const char *name,
                          const struct metrics_label *labels,
                          size_t n_labels, uint64_t ns);

/* A histogram's samples (name_bucket, name_sum, name_count): counts[i]
 * observations fell at or under bounds[i] and above bounds[i - 1], and
 * counts[n_bounds] above the last bound. bounds are written as given in
 * the le label ("0.005"); +Inf is added. sum_ns is the sum of the
 * observations in nanoseconds. */
void metrics_text_histogram(struct metrics_text *t, const char *name,
                            const struct metrics_label *labels,
                            size_t n_labels, const char *const *bounds,
                            const uint64_t *counts, size_t n_bounds,
                            uint64_t sum_ns);

/* The text written (NUL-terminated, malloc'ed, the caller's) and its
 * length; NULL if memory ran short. t is empty afterwards. */
char *metrics_text_take(struct metrics_text *t, size_t *len);

/* Free what t holds; t is empty afterwards. */
void metrics_text_clear(struct metrics_text *t);

#endif /* VIREO_DAEMON_METRICS_TEXT_H */
