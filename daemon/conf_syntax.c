/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * conf_syntax.c: scanning libvirt's configuration syntax (conf_syntax.h).
 */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/conf_syntax.h"
#include "drivers/error.h"

/* A cursor over the text, with the line number for messages. */
struct cursor {
    const char *p;
    const char *filename;
    int         line;
};

int
conf_syntax_error(struct vireo_error *err, const struct conf_where *at,
                  const char *what, const char *name)
{
    return error_set(err, VIR_ERR_CONF_SYNTAX, VIR_FROM_CONF, "%s:%d: %s%s%s",
                     at->filename, at->line, what, name ? " " : "",
                     name ? name : "");
}

static int
syntax(struct vireo_error *err, const struct cursor *c, const char *what,
       const char *name)
{
    struct conf_where at = { c->filename, c->line };

    return conf_syntax_error(err, &at, what, name);
}

/* Skip blanks and comments; newlines too when in_list (lists span lines). */
static void
skip_blank(struct cursor *c, bool in_list)
{
    for (;;) {
        if (*c->p == ' ' || *c->p == '\t' || *c->p == '\r')
            c->p++;
        else if (*c->p == '#')
            c->p += strcspn(c->p, "\n");
        else if (in_list && *c->p == '\n') {
            c->line++;
            c->p++;
        } else
            return;
    }
}

/* A """string""" may span lines, as in libvirt's parser. */
static int
scan_long_string(struct cursor *c, struct conf_value *v, struct vireo_error *err)
{
    const char *start = c->p + 3, *end = strstr(start, "\"\"\"");

    if (end == NULL)
        return syntax(err, c, "unterminated string", NULL);
    v->kind = CONF_STRING;
    v->text = strndup(start, (size_t)(end - start));
    if (v->text == NULL)
        return error_no_memory(err);
    for (const char *q = start; q < end; q++)
        c->line += *q == '\n';
    c->p = end + 3;
    return 0;
}

static int
scan_string(struct cursor *c, struct conf_value *v, struct vireo_error *err)
{
    if (strncmp(c->p, "\"\"\"", 3) == 0)
        return scan_long_string(c, v, err);

    char quote = *c->p++;
    size_t len = strcspn(c->p, quote == '"' ? "\"\n" : "'\n");

    if (c->p[len] != quote)
        return syntax(err, c, "unterminated string", NULL);
    v->kind = CONF_STRING;
    v->text = strndup(c->p, len);
    if (v->text == NULL)
        return error_no_memory(err);
    c->p += len + 1;
    return 0;
}

static int
scan_number(struct cursor *c, struct conf_value *v, struct vireo_error *err)
{
    char *end;

    errno = 0;
    v->number = strtoll(c->p, &end, 10);
    if (end == c->p || errno == ERANGE)
        return syntax(err, c, "expecting a value", NULL);
    v->kind = CONF_INT;
    c->p = end;
    return 0;
}

static int scan_value(struct cursor *c, struct conf_value *v, bool in_list,
                      struct vireo_error *err);

void
conf_value_clear(struct conf_value *v)
{
    free(v->text);
    for (size_t i = 0; i < v->n_items; i++)
        free(v->items[i]);
    free(v->items);
    v->text = NULL;
    v->items = NULL;
    v->n_items = 0;
}

/* Keep a string element of a list in v; others only mark it. */
static int
keep_item(struct conf_value *v, struct conf_value *item,
          struct vireo_error *err)
{
    char **grown;

    if (item->kind != CONF_STRING) {
        v->has_non_string = true;
        conf_value_clear(item);
        return 0;
    }
    grown = realloc(v->items, (v->n_items + 2) * sizeof(*grown));
    if (grown == NULL) {
        conf_value_clear(item);
        return error_no_memory(err);
    }
    v->items = grown;
    v->items[v->n_items++] = item->text;
    v->items[v->n_items] = NULL;
    item->text = NULL;
    return 0;
}

static int
scan_list(struct cursor *c, struct conf_value *v, struct vireo_error *err)
{
    c->p++;
    v->kind = CONF_LIST;
    for (;;) {
        struct conf_value item = { 0 };
        skip_blank(c, true);
        if (*c->p == ']')
            break;
        if (scan_value(c, &item, true, err) < 0 ||
            keep_item(v, &item, err) < 0) {
            conf_value_clear(&item);
            return -1;
        }
        skip_blank(c, true);
        if (*c->p == ',')
            c->p++;
        else if (*c->p != ']')
            return syntax(err, c, "expecting ',' or ']' in a list", NULL);
    }
    c->p++;
    return 0;
}

static int
scan_value(struct cursor *c, struct conf_value *v, bool in_list,
           struct vireo_error *err)
{
    skip_blank(c, in_list);
    if (*c->p == '"' || *c->p == '\'')
        return scan_string(c, v, err);
    if (*c->p == '[')
        return scan_list(c, v, err);
    return scan_number(c, v, err);
}

/* One setting: its name, '=', its value, then the callback, told the line
 * the setting starts on. */
static int
scan_setting(struct cursor *c, conf_setting_fn on_setting, void *opaque,
             struct vireo_error *err)
{
    struct conf_where at = { c->filename, c->line };
    const char *name = c->p;
    struct conf_value v = { 0 };
    char key_name[64];
    size_t len = 0;
    int ret = -1;

    if (!isalpha((unsigned char)*name))
        return syntax(err, c, "expecting a setting name", NULL);
    while (isalnum((unsigned char)name[len]) || name[len] == '_')
        len++;
    snprintf(key_name, sizeof(key_name), "'%.*s'", (int)len, name);
    c->p += len;
    skip_blank(c, false);
    if (*c->p != '=')
        return syntax(err, c, "expecting '=' after", key_name);
    c->p++;
    if (scan_value(c, &v, false, err) == 0)
        ret = on_setting(opaque, name, len, &v, &at, err);
    conf_value_clear(&v);
    return ret;
}

int
conf_scan(const char *text, const char *filename, conf_setting_fn on_setting,
          void *opaque, struct vireo_error *err)
{
    struct cursor cur = { .p = text, .filename = filename, .line = 1 };
    struct cursor *c = &cur;

    for (;;) {
        skip_blank(c, false);
        if (*c->p == '\0')
            return 0;
        if (*c->p != '\n' && scan_setting(c, on_setting, opaque, err) < 0)
            return -1;
        skip_blank(c, false);
        if (*c->p == ';')
            c->p++;
        else if (*c->p == '\n') {
            c->p++;
            c->line++;
        } else if (*c->p != '\0')
            return syntax(err, c, "unexpected text after the value", NULL);
    }
}

char *
conf_read_file(const char *path, struct vireo_error *err)
{
    FILE *f = fopen(path, "re");
    char *text = NULL, buf[4096];
    size_t size = 0, n;
    FILE *mem;

    if (f == NULL) {
        error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_CONF,
                  "cannot read configuration file %s: %s", path,
                  strerror(errno));
        return NULL;
    }
    mem = open_memstream(&text, &size);
    while (mem && (n = fread(buf, 1, sizeof(buf), f)) > 0)
        fwrite(buf, 1, n, mem);
    fclose(f);
    if (mem == NULL || fclose(mem) != 0) {
        free(text);
        error_no_memory(err);
        return NULL;
    }
    if (strlen(text) != size) {
        error_set(err, VIR_ERR_CONF_SYNTAX, VIR_FROM_CONF,
                  "%s: contains a NUL byte", path);
        free(text);
        return NULL;
    }
    return text;
}
