/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * config.c: parsing vireod's configuration file.
 *
 * The grammar is libvirt's virconf subset that libvirtd.conf uses:
 *   line    := [ setting { ';' setting } ] [ '#' comment ]
 *   setting := key ws* '=' ws* value
 *   key     := a letter, then [A-Za-z0-9_]
 *   value   := integer | string | list
 *   string  := '"' chars '"' | "'" chars "'"
 *            | '"""' chars '"""'                     (may span lines)
 *   list    := '[' [ value { ',' value } [','] ] ']'   (may span lines)
 *
 * An operator's libvirtd.conf must start vireod, so what vireod does not use
 * is read and left alone, as libvirtd leaves alone what it does not use: a
 * key it does not know, and a key set a second time (libvirtd takes the
 * first). Their values are checked for syntax only, and each becomes a line
 * in cfg->warnings: once per unknown key, once per repeat. What is truly
 * wrong still stops the parse with the file and line: bad syntax, and a
 * known key whose value has the wrong type or is out of range.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <netdb.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon/config.h"
#include "drivers/error.h"

enum key_type { KEY_INT, KEY_BOOL, KEY_STRING, KEY_PERMS, KEY_PORT };

struct key {
    const char   *name;
    enum key_type type;
    size_t        offset;
    long          min, max;      /* for KEY_INT */
};

#define FIELD(f) offsetof(struct daemon_config, f)

static const struct key keys[] = {
    { "unix_sock_dir",       KEY_STRING, FIELD(unix_sock_dir),       0, 0 },
    { "unix_sock_rw_perms",  KEY_PERMS,  FIELD(unix_sock_rw_perms),  0, 0 },
    { "unix_sock_ro_perms",  KEY_PERMS,  FIELD(unix_sock_ro_perms),  0, 0 },
    { "listen_tcp",          KEY_BOOL,   FIELD(listen_tcp),          0, 1 },
    { "listen_addr",         KEY_STRING, FIELD(listen_addr),         0, 0 },
    { "tcp_port",            KEY_PORT,   FIELD(tcp_port),            1, 65535 },
    { "max_clients",         KEY_INT,    FIELD(max_clients),         1, 1000000 },
    { "max_client_requests", KEY_INT,    FIELD(max_client_requests), 1, 100000 },
    { "keepalive_interval",  KEY_INT,    FIELD(keepalive_interval),  -1, 86400 },
    { "keepalive_count",     KEY_INT,    FIELD(keepalive_count),     0, 1000 },
    { "log_level",           KEY_INT,    FIELD(log_level),           1, 4 },
    { "log_outputs",         KEY_STRING, FIELD(log_outputs),         0, 0 },
    { "state_dir",           KEY_STRING, FIELD(state_dir),           0, 0 },
    { "run_dir",             KEY_STRING, FIELD(run_dir),             0, 0 },
    { "max_message_size",    KEY_INT,    FIELD(max_message_size),
      28, CONFIG_MAX_MESSAGE_LIMIT },
    { "shutdown_timeout",    KEY_INT,    FIELD(shutdown_timeout),    0, 3600 },
};

#define N_KEYS (sizeof(keys) / sizeof(keys[0]))

/* A cursor over the text, with the line number for messages. */
struct cursor {
    const char *p;
    const char *filename;
    int         line;
};

/* One pass over the text of one file. */
struct parser {
    struct cursor         c;
    struct daemon_config *cfg;
    int                   set_on_line[N_KEYS];  /* 0: not set in this text */
    char                **unknown;              /* keys already warned about */
    size_t                n_unknown;
};

/* A scanned value: an integer, or a string (malloc'd), or a list. */
struct value {
    enum { VALUE_INT, VALUE_STRING, VALUE_LIST } kind;
    long long number;
    char     *text;
};

static int
syntax(struct vireo_error *err, const struct cursor *c, const char *what,
       const char *name)
{
    return error_set(err, VIR_ERR_CONF_SYNTAX, VIR_FROM_CONF, "%s:%d: %s%s%s",
                     c->filename, c->line, what, name ? " " : "",
                     name ? name : "");
}

/* Append "FILE:LINE: what" to cfg->warnings. Returns 0 or -1 (err). */
static int __attribute__((format(printf, 4, 5)))
warn(struct parser *ps, int line, struct vireo_error *err, const char *fmt,
     ...)
{
    struct daemon_config *cfg = ps->cfg;
    char *what = NULL, *text = NULL;
    char **grown = realloc(cfg->warnings,
                           (cfg->n_warnings + 1) * sizeof(*grown));
    va_list ap;
    int n;

    if (grown == NULL)
        return error_no_memory(err);
    cfg->warnings = grown;
    va_start(ap, fmt);
    n = vasprintf(&what, fmt, ap);
    va_end(ap);
    if (n < 0 || asprintf(&text, "%s:%d: %s", ps->c.filename, line, what) < 0) {
        free(what);
        return error_no_memory(err);
    }
    free(what);
    cfg->warnings[cfg->n_warnings++] = text;
    return 0;
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
scan_long_string(struct cursor *c, struct value *v, struct vireo_error *err)
{
    const char *start = c->p + 3, *end = strstr(start, "\"\"\"");

    if (end == NULL)
        return syntax(err, c, "unterminated string", NULL);
    v->kind = VALUE_STRING;
    v->text = strndup(start, (size_t)(end - start));
    if (v->text == NULL)
        return error_no_memory(err);
    for (const char *q = start; q < end; q++)
        c->line += *q == '\n';
    c->p = end + 3;
    return 0;
}

static int
scan_string(struct cursor *c, struct value *v, struct vireo_error *err)
{
    if (strncmp(c->p, "\"\"\"", 3) == 0)
        return scan_long_string(c, v, err);

    char quote = *c->p++;
    size_t len = strcspn(c->p, quote == '"' ? "\"\n" : "'\n");

    if (c->p[len] != quote)
        return syntax(err, c, "unterminated string", NULL);
    v->kind = VALUE_STRING;
    v->text = strndup(c->p, len);
    if (v->text == NULL)
        return error_no_memory(err);
    c->p += len + 1;
    return 0;
}

static int
scan_number(struct cursor *c, struct value *v, struct vireo_error *err)
{
    char *end;

    errno = 0;
    v->number = strtoll(c->p, &end, 10);
    if (end == c->p || errno == ERANGE)
        return syntax(err, c, "expecting a value", NULL);
    v->kind = VALUE_INT;
    c->p = end;
    return 0;
}

static int scan_value(struct cursor *c, struct value *v, bool in_list,
                      struct vireo_error *err);

/* No key vireod uses takes a list (libvirtd's list keys are all unknown
 * here), so the elements are checked and dropped. */
static int
scan_list(struct cursor *c, struct value *v, struct vireo_error *err)
{
    c->p++;
    for (;;) {
        struct value item = { 0 };
        skip_blank(c, true);
        if (*c->p == ']')
            break;
        if (scan_value(c, &item, true, err) < 0)
            return -1;
        free(item.text);
        skip_blank(c, true);
        if (*c->p == ',')
            c->p++;
        else if (*c->p != ']')
            return syntax(err, c, "expecting ',' or ']' in a list", NULL);
    }
    c->p++;
    v->kind = VALUE_LIST;
    return 0;
}

static int
scan_value(struct cursor *c, struct value *v, bool in_list,
           struct vireo_error *err)
{
    skip_blank(c, in_list);
    if (*c->p == '"' || *c->p == '\'')
        return scan_string(c, v, err);
    if (*c->p == '[')
        return scan_list(c, v, err);
    return scan_number(c, v, err);
}

/* The index of the key in keys[], or -1. */
static int
find_key(const char *name, size_t len)
{
    for (size_t i = 0; i < N_KEYS; i++)
        if (strlen(keys[i].name) == len && strncmp(keys[i].name, name, len) == 0)
            return (int)i;
    return -1;
}

static int
parse_octal(const char *text, unsigned int *out)
{
    char *end;
    unsigned long n = strtoul(text, &end, 8);

    if (*text == '\0' || *end != '\0' || n > 07777)
        return -1;
    *out = (unsigned int)n;
    return 0;
}

/* A port number, or a service name from /etc/services, as libvirtd takes. */
static int
parse_port(const char *text, int *out)
{
    char *end;
    long n = strtol(text, &end, 10);

    if (isalpha((unsigned char)*text)) {
        const struct servent *s = getservbyname(text, "tcp");
        if (s == NULL)
            return -1;
        n = ntohs((uint16_t)s->s_port);
    } else if (*text == '\0' || *end != '\0') {
        return -1;
    }
    if (n < 1 || n > 65535)
        return -1;
    *out = (int)n;
    return 0;
}

static int
set_string(char **field, struct value *v)
{
    free(*field);
    *field = v->text;
    v->text = NULL;
    return 0;
}

/* Store v into the field of key k; -1 if v has the wrong type or range. */
static int
store(struct daemon_config *cfg, const struct key *k, struct value *v)
{
    char *field = (char *)cfg + k->offset;

    switch (k->type) {
    case KEY_STRING:
        return v->kind == VALUE_STRING ? set_string((char **)field, v) : -1;
    case KEY_PERMS:
        return v->kind == VALUE_STRING
                   ? parse_octal(v->text, (unsigned int *)field) : -1;
    case KEY_PORT:
        return v->kind == VALUE_STRING ? parse_port(v->text, (int *)field) : -1;
    case KEY_BOOL:
        if (v->kind != VALUE_INT || v->number < 0 || v->number > 1)
            return -1;
        *(bool *)field = v->number == 1;
        return 0;
    case KEY_INT:
        if (v->kind != VALUE_INT || v->number < k->min || v->number > k->max)
            return -1;
        *(int *)field = (int)v->number;
        return 0;
    }
    return -1;
}

/* A key vireod does not use: one warning, at its first appearance. */
static int
note_unknown(struct parser *ps, const char *name, size_t len, int line,
             struct vireo_error *err)
{
    for (size_t i = 0; i < ps->n_unknown; i++)
        if (strlen(ps->unknown[i]) == len &&
            strncmp(ps->unknown[i], name, len) == 0)
            return 0;

    char **grown = realloc(ps->unknown, (ps->n_unknown + 1) * sizeof(*grown));
    if (grown == NULL)
        return error_no_memory(err);
    ps->unknown = grown;
    ps->unknown[ps->n_unknown] = strndup(name, len);
    if (ps->unknown[ps->n_unknown] == NULL)
        return error_no_memory(err);
    ps->n_unknown++;
    return warn(ps, line, err, "'%.*s' is not used by vireod, ignored",
                (int)len, name);
}

/* Apply the value of keys[i], read at `at` (the start of its line), or warn
 * that an earlier line set it already. */
static int
apply(struct parser *ps, int i, struct value *v, const struct cursor *at,
      struct vireo_error *err)
{
    char key_name[64];

    snprintf(key_name, sizeof(key_name), "'%s'", keys[i].name);
    if (ps->set_on_line[i] != 0)
        return warn(ps, at->line, err, "%s is set again, ignored: line %d's "
                    "value is used, as libvirtd does", key_name,
                    ps->set_on_line[i]);
    if (store(ps->cfg, &keys[i], v) < 0)
        return syntax(err, at, "bad value for", key_name);
    ps->set_on_line[i] = at->line;
    return 0;
}

static int
parse_setting(struct parser *ps, struct vireo_error *err)
{
    struct cursor *c = &ps->c, at = ps->c;
    const char *name = c->p;
    size_t len = 0;
    struct value v = { 0 };
    char key_name[64];
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
    if (scan_value(c, &v, false, err) == 0) {
        int i = find_key(name, len);
        ret = i < 0 ? note_unknown(ps, name, len, at.line, err)
                    : apply(ps, i, &v, &at, err);
    }
    free(v.text);
    return ret;
}

static int
parse_lines(struct parser *ps, struct vireo_error *err)
{
    struct cursor *c = &ps->c;

    for (;;) {
        skip_blank(c, false);
        if (*c->p == '\0')
            return 0;
        if (*c->p != '\n' && parse_setting(ps, err) < 0)
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

int
config_parse_text(struct daemon_config *cfg, const char *text,
                  const char *filename, struct vireo_error *err)
{
    struct parser ps = {
        .c = { .p = text, .filename = filename, .line = 1 },
        .cfg = cfg,
    };
    int ret = parse_lines(&ps, err);

    for (size_t i = 0; i < ps.n_unknown; i++)
        free(ps.unknown[i]);
    free(ps.unknown);
    return ret;
}

int
config_load_file(struct daemon_config *cfg, const char *path,
                 struct vireo_error *err)
{
    FILE *f = fopen(path, "r");
    char *text = NULL;
    size_t size = 0;
    int ret;

    if (f == NULL)
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_CONF,
                         "cannot read configuration file %s: %s", path,
                         strerror(errno));
    FILE *mem = open_memstream(&text, &size);
    char buf[4096];
    size_t n;
    while (mem && (n = fread(buf, 1, sizeof(buf), f)) > 0)
        fwrite(buf, 1, n, mem);
    fclose(f);
    if (mem == NULL || fclose(mem) != 0) {
        free(text);
        return error_no_memory(err);
    }
    if (strlen(text) != size)
        ret = error_set(err, VIR_ERR_CONF_SYNTAX, VIR_FROM_CONF,
                        "%s: contains a NUL byte", path);
    else
        ret = config_parse_text(cfg, text, path, err);
    free(text);
    return ret;
}

static char *
join(const char *dir, const char *leaf)
{
    char *out = NULL;

    if (asprintf(&out, "%s/%s", dir, leaf) < 0)
        return NULL;
    return out;
}

/* $XDG_DATA_HOME, else ~/.local/share, for an unprivileged daemon. */
static char *
user_data_dir(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    char *base = NULL, *dir;

    if (xdg != NULL && xdg[0] == '/')
        return join(xdg, "vireo");
    if (asprintf(&base, "%s/.local/share", home ? home : "/tmp") < 0)
        return NULL;
    dir = join(base, "vireo");
    free(base);
    return dir;
}

static char *
user_runtime_dir(uid_t uid)
{
    const char *xdg = getenv("XDG_RUNTIME_DIR");
    char *dir = NULL;

    if (xdg != NULL && xdg[0] == '/')
        return join(xdg, "vireo");
    if (asprintf(&dir, "/tmp/vireo-%u", (unsigned)uid) < 0)
        return NULL;
    return dir;
}

int
config_set_defaults(struct daemon_config *cfg, uid_t uid,
                    struct vireo_error *err)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->unix_sock_rw_perms = 0700;
    cfg->unix_sock_ro_perms = 0777;
    cfg->tcp_port = 16509;
    cfg->max_clients = 5000;
    cfg->max_client_requests = 5;
    cfg->keepalive_interval = 5;
    cfg->keepalive_count = 5;
    cfg->log_level = 3;
    cfg->max_message_size = CONFIG_MAX_MESSAGE_LIMIT;
    cfg->shutdown_timeout = 10;
    cfg->run_dir = uid == 0 ? strdup("/run/vireo") : user_runtime_dir(uid);
    cfg->state_dir = uid == 0 ? strdup("/var/lib/vireo") : user_data_dir();
    cfg->unix_sock_dir = cfg->run_dir ? strdup(cfg->run_dir) : NULL;
    cfg->listen_addr = strdup("0.0.0.0");
    cfg->log_outputs = strdup("3:stderr");
    if (!cfg->run_dir || !cfg->state_dir || !cfg->unix_sock_dir ||
        !cfg->listen_addr || !cfg->log_outputs) {
        config_clear(cfg);
        return error_no_memory(err);
    }
    return 0;
}

void
config_clear(struct daemon_config *cfg)
{
    for (size_t i = 0; i < cfg->n_warnings; i++)
        free(cfg->warnings[i]);
    free(cfg->warnings);
    free(cfg->unix_sock_dir);
    free(cfg->listen_addr);
    free(cfg->log_outputs);
    free(cfg->state_dir);
    free(cfg->run_dir);
    memset(cfg, 0, sizeof(*cfg));
}
