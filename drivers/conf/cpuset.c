/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cpuset.c: libvirt's text form of CPU sets, read and written as its
 * virBitmapParse and virBitmapFormat do. Stateless; any thread.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/cpuset.h"
#include "drivers/error.h"

#define MAP_BYTES (CPUSET_MAX_BITS / 8)

static void
skip_spaces(const char **cur)
{
    while (isspace((unsigned char)**cur))
        (*cur)++;
}

/* A decimal number below CPUSET_MAX_BITS; false for anything else. */
static bool
read_number(const char **cur, long *out)
{
    char *end;

    if (!isdigit((unsigned char)**cur))
        return false;
    errno = 0;
    *out = strtol(*cur, &end, 10);
    if (errno != 0 || *out >= CPUSET_MAX_BITS)
        return false;
    *cur = end;
    return true;
}

static void
set_bit(unsigned char *map, long bit, bool value)
{
    if (value)
        map[bit / 8] |= (unsigned char)(1u << (bit % 8));
    else
        map[bit / 8] &= (unsigned char)~(1u << (bit % 8));
}

/* One entry: N, N-M or ^N. */
static bool
read_entry(const char **cur, unsigned char *map)
{
    bool is_negated = **cur == '^';
    long first, last;

    if (is_negated)
        (*cur)++;
    if (!read_number(cur, &first))
        return false;
    skip_spaces(cur);
    if (**cur != '-') {
        set_bit(map, first, !is_negated);
        return true;
    }
    (*cur)++;
    skip_spaces(cur);
    if (is_negated || !read_number(cur, &last) || last < first)
        return false;
    for (long b = first; b <= last; b++)
        set_bit(map, b, true);
    skip_spaces(cur);
    return true;
}

static bool
read_all(const char *text, unsigned char *map)
{
    const char *cur = text;

    skip_spaces(&cur);
    if (*cur == '\0')
        return false;
    for (;;) {
        if (!read_entry(&cur, map))
            return false;
        if (*cur == '\0')
            return true;
        if (*cur != ',')
            return false;
        cur++;
        skip_spaces(&cur);
    }
}

unsigned char *
cpuset_parse(const char *text, int from, struct vireo_error *err)
{
    unsigned char *map = calloc(MAP_BYTES, 1);

    if (map == NULL) {
        error_no_memory(err);
        return NULL;
    }
    if (text == NULL || !read_all(text, map)) {
        error_set(err, VIR_ERR_INVALID_ARG, from,
                  "Failed to parse bitmap '%s'",
                  text != NULL ? text : "(null)");
        free(map);
        return NULL;
    }
    return map;
}

static bool
is_set(const unsigned char *map, size_t bit)
{
    return (map[bit / 8] >> (bit % 8)) & 1u;
}

char *
cpuset_format(const unsigned char *map, size_t n_bytes)
{
    size_t n_bits = n_bytes * 8;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    bool is_first = true;

    if (out == NULL)
        return NULL;
    for (size_t b = 0; b < n_bits; b++) {
        size_t end = b;

        if (!is_set(map, b))
            continue;
        while (end + 1 < n_bits && is_set(map, end + 1))
            end++;
        fprintf(out, is_first ? "%zu" : ",%zu", b);
        if (end > b)
            fprintf(out, "-%zu", end);
        is_first = false;
        b = end;
    }
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

bool
cpuset_is_empty(const unsigned char *map, size_t n_bytes)
{
    for (size_t i = 0; i < n_bytes; i++)
        if (map[i] != 0)
            return false;
    return true;
}

char *
cpuset_canonical(const char *text, int from, bool *is_empty,
                 struct vireo_error *err)
{
    unsigned char *map = cpuset_parse(text, from, err);
    char *canon;

    if (map == NULL)
        return NULL;
    if (is_empty != NULL)
        *is_empty = cpuset_is_empty(map, MAP_BYTES);
    canon = cpuset_format(map, MAP_BYTES);
    free(map);
    if (canon == NULL)
        error_no_memory(err);
    return canon;
}

void
cpuset_to_map(const char *text, unsigned char *map, size_t maplen)
{
    struct vireo_error ignored = { 0 };
    unsigned char *full = text != NULL && text[0] != '\0'
                          ? cpuset_parse(text, 0, &ignored) : NULL;

    memset(map, 0, maplen);
    if (full != NULL)
        memcpy(map, full, maplen < MAP_BYTES ? maplen : MAP_BYTES);
    free(full);
}

int
cpuset_last(const char *text)
{
    unsigned char map[MAP_BYTES];

    cpuset_to_map(text, map, sizeof(map));
    for (int b = CPUSET_MAX_BITS - 1; b >= 0; b--)
        if (is_set(map, (size_t)b))
            return b;
    return -1;
}

/* ---- The public form (vireo.h) ---------------------------------------- */

int
vireo_cpumap_parse(const char *text, unsigned char *map, int maplen,
                   struct vireo_error *err)
{
    unsigned char *full = cpuset_parse(text, VIR_FROM_NONE, err);
    size_t len = maplen > 0 ? (size_t)maplen : 0;
    bool is_beyond;

    if (full == NULL)
        return -1;
    is_beyond = len < MAP_BYTES && !cpuset_is_empty(full + len,
                                                    MAP_BYTES - len);
    memset(map, 0, len);
    if (!is_beyond)
        memcpy(map, full, len < MAP_BYTES ? len : MAP_BYTES);
    free(full);
    if (is_beyond)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                         "Failed to parse bitmap '%s'", text);
    return 0;
}

char *
vireo_cpumap_format(const unsigned char *map, int maplen)
{
    return cpuset_format(map, maplen > 0 ? (size_t)maplen : 0);
}
