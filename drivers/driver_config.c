/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * driver_config.c: a small table of typed settings. Files hold a few
 * dozen keys at most, so a linear search is the simplest right thing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/driver_config.h"
#include "drivers/error.h"

enum kind { KIND_INT, KIND_STRING, KIND_LIST };

struct entry {
    char     *key;
    char     *where;
    enum kind kind;
    long long number;
    char     *text;
    bool      is_used;
};

struct driver_config {
    struct entry *entries;
    int           n_entries;
};

struct driver_config *
driver_config_new(void)
{
    return calloc(1, sizeof(struct driver_config));
}

static void
entry_clear(struct entry *e)
{
    free(e->key);
    free(e->where);
    free(e->text);
}

void
driver_config_free(struct driver_config *cfg)
{
    if (cfg == NULL)
        return;
    for (int i = 0; i < cfg->n_entries; i++)
        entry_clear(&cfg->entries[i]);
    free(cfg->entries);
    free(cfg);
}

static struct entry *
find(const struct driver_config *cfg, const char *key)
{
    for (int i = cfg->n_entries - 1; i >= 0; i--)
        if (strcmp(cfg->entries[i].key, key) == 0)
            return &cfg->entries[i];
    return NULL;
}

/* A fresh entry for key (replacing an earlier one), or NULL. */
static struct entry *
add(struct driver_config *cfg, const char *key, const char *where)
{
    char *key_copy = strdup(key);
    char *where_copy = strdup(where != NULL ? where : "");
    struct entry *e = find(cfg, key), *grown;

    if (key_copy == NULL || where_copy == NULL)
        goto fail;
    if (e == NULL) {
        grown = realloc(cfg->entries,
                        (size_t)(cfg->n_entries + 1) * sizeof(*grown));
        if (grown == NULL)
            goto fail;
        cfg->entries = grown;
        e = &cfg->entries[cfg->n_entries++];
    } else {
        entry_clear(e);
    }
    memset(e, 0, sizeof(*e));
    e->key = key_copy;
    e->where = where_copy;
    return e;
fail:
    free(key_copy);
    free(where_copy);
    return NULL;
}

int
driver_config_set_int(struct driver_config *cfg, const char *key,
                      long long value, const char *where)
{
    struct entry *e = add(cfg, key, where);

    if (e == NULL)
        return -1;
    e->kind = KIND_INT;
    e->number = value;
    return 0;
}

int
driver_config_set_string(struct driver_config *cfg, const char *key,
                         const char *value, const char *where)
{
    struct entry *e = add(cfg, key, where);

    if (e == NULL)
        return -1;
    e->kind = KIND_STRING;
    e->text = strdup(value);
    return e->text != NULL ? 0 : -1;
}

int
driver_config_set_list(struct driver_config *cfg, const char *key,
                       const char *where)
{
    struct entry *e = add(cfg, key, where);

    if (e == NULL)
        return -1;
    e->kind = KIND_LIST;
    return 0;
}

static int
bad_value(struct vireo_error *err, const struct entry *e, const char *want)
{
    return error_set(err, VIR_ERR_CONF_SYNTAX, VIR_FROM_CONF,
                     "%s: bad value for '%s': expecting %s", e->where, e->key,
                     want);
}

int
driver_config_get_int(struct driver_config *cfg, const char *key,
                      long long min, long long max, long long *out,
                      struct vireo_error *err)
{
    struct entry *e = find(cfg, key);
    char want[96];

    if (e == NULL)
        return 0;
    e->is_used = true;
    if (e->kind != KIND_INT || e->number < min || e->number > max) {
        snprintf(want, sizeof(want), "an integer from %lld to %lld", min,
                 max);
        return bad_value(err, e, want);
    }
    *out = e->number;
    return 1;
}

int
driver_config_get_string(struct driver_config *cfg, const char *key,
                         const char **out, struct vireo_error *err)
{
    struct entry *e = find(cfg, key);

    if (e == NULL)
        return 0;
    e->is_used = true;
    if (e->kind != KIND_STRING)
        return bad_value(err, e, "a string");
    *out = e->text;
    return 1;
}

const char *
driver_config_next_unused(const struct driver_config *cfg, int *cursor,
                          const char **where)
{
    while (*cursor < cfg->n_entries) {
        const struct entry *e = &cfg->entries[(*cursor)++];

        if (!e->is_used) {
            *where = e->where;
            return e->key;
        }
    }
    return NULL;
}
