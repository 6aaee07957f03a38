/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * log_filter.c: parsing, printing and matching log filters.
 */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/log_filter.h"
#include "drivers/error.h"

static int
malformed(const char *word, struct vireo_error *err)
{
    return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                     "Malformed format for filter '%s'", word);
}

/* One "LEVEL:MATCH" word into f. */
static int
parse_one(const char *word, struct log_filter *f, struct vireo_error *err)
{
    const char *colon = strchr(word, ':');
    const char *match;
    char *end = NULL;
    long level;

    if (colon == NULL)
        return malformed(word, err);
    level = strtol(word, &end, 10);
    if (end != colon || level < 1 || level > 4)
        return malformed(word, err);
    match = colon + 1;
    if (*match == '+')
        match++;
    if (*match == '\0' || strlen(match) + 3 > sizeof(f->match))
        return malformed(word, err);
    f->min_priority = (int)level;
    snprintf(f->match, sizeof(f->match),
             strchr(match, '*') != NULL ? "%s" : "*%s*", match);
    return 0;
}

int
log_filter_parse(const char *spec, struct log_filter *filters,
                 struct vireo_error *err)
{
    char *copy = strdup(spec != NULL ? spec : ""), *save = NULL;
    int n = 0;

    if (copy == NULL)
        return error_no_memory(err);
    for (char *w = strtok_r(copy, " \t", &save); w != NULL;
         w = strtok_r(NULL, " \t", &save)) {
        if (n == LOG_FILTER_MAX) {
            error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                      "more than %d log filters", LOG_FILTER_MAX);
            n = -1;
            break;
        }
        if (parse_one(w, &filters[n], err) < 0) {
            n = -1;
            break;
        }
        n++;
    }
    free(copy);
    return n;
}

void
log_filter_format(const struct log_filter *filters, int n, char *buf,
                  size_t len)
{
    size_t used = 0;

    buf[0] = '\0';
    for (int i = 0; i < n && used < len; i++)
        used += (size_t)snprintf(buf + used, len - used, "%d:%s ",
                                 filters[i].min_priority, filters[i].match);
}

int
log_filter_level(const struct log_filter *filters, int n, const char *file)
{
    for (int i = 0; i < n; i++)
        if (fnmatch(filters[i].match, file, 0) == 0)
            return filters[i].min_priority;
    return 0;
}
