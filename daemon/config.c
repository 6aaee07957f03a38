/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * config.c: parsing vireod's configuration file.
 *
 * The grammar is libvirt's virconf subset (conf_syntax.h).
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

#include "daemon/conf_syntax.h"
#include "daemon/config.h"
#include "drivers/error.h"

enum key_type { KEY_INT, KEY_BOOL, KEY_STRING, KEY_PERMS, KEY_PORT,
                KEY_STRING_LIST };

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
    { "max_queued_clients",  KEY_INT,    FIELD(max_queued_clients),  1, 1000000 },
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
    { "driver_shutdown_timeout", KEY_INT, FIELD(driver_shutdown_timeout),
      1, 3600 },
    { "listen_tls",          KEY_BOOL,   FIELD(listen_tls),          0, 1 },
    { "tls_port",            KEY_PORT,   FIELD(tls_port),            1, 65535 },
    { "key_file",            KEY_STRING, FIELD(key_file),            0, 0 },
    { "cert_file",           KEY_STRING, FIELD(cert_file),           0, 0 },
    { "ca_file",             KEY_STRING, FIELD(ca_file),             0, 0 },
    { "crl_file",            KEY_STRING, FIELD(crl_file),            0, 0 },
    { "tls_no_verify_certificate", KEY_BOOL,
      FIELD(tls_no_verify_certificate), 0, 1 },
    { "tls_allowed_dn_list", KEY_STRING_LIST, FIELD(tls_allowed_dn_list),
      0, 0 },
    { "tls_priority",        KEY_STRING, FIELD(tls_priority),        0, 0 },
    /* The metrics endpoint (metrics.h). */
    { "metrics_listen",      KEY_STRING, FIELD(metrics_listen),      0, 0 },
    /* The admin program's. */
    { "log_filters",         KEY_STRING, FIELD(log_filters),         0, 0 },
    { "max_anonymous_clients", KEY_INT, FIELD(max_anonymous_clients),
      0, 1000000 },
    { "admin_max_clients",   KEY_INT,    FIELD(admin_max_clients),   1, 1000000 },
};

#define N_KEYS (sizeof(keys) / sizeof(keys[0]))

/* One pass over the text of one file. */
struct parser {
    const char           *filename;
    struct daemon_config *cfg;
    int                   set_on_line[N_KEYS];  /* 0: not set in this text */
    char                **unknown;              /* keys already warned about */
    size_t                n_unknown;
};

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
    if (n < 0 || asprintf(&text, "%s:%d: %s", ps->filename, line, what) < 0) {
        free(what);
        return error_no_memory(err);
    }
    free(what);
    cfg->warnings[cfg->n_warnings++] = text;
    return 0;
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
set_string(char **field, struct conf_value *v)
{
    free(*field);
    *field = v->text;
    v->text = NULL;
    return 0;
}

static void
free_list(char **list)
{
    for (size_t i = 0; list != NULL && list[i] != NULL; i++)
        free(list[i]);
    free(list);
}

/* A list of strings only, as libvirtd takes tls_allowed_dn_list; an empty
 * list is kept as an empty one (it lets nobody in). */
static int
set_string_list(char ***field, struct conf_value *v)
{
    if (v->kind != CONF_LIST || v->has_non_string)
        return -1;
    if (v->items == NULL && (v->items = calloc(1, sizeof(char *))) == NULL)
        return -1;
    free_list(*field);
    *field = v->items;
    v->items = NULL;
    v->n_items = 0;
    return 0;
}

/* Store v into the field of key k; -1 if v has the wrong type or range. */
static int
store(struct daemon_config *cfg, const struct key *k, struct conf_value *v)
{
    char *field = (char *)cfg + k->offset;

    switch (k->type) {
    case KEY_STRING:
        return v->kind == CONF_STRING ? set_string((char **)field, v) : -1;
    case KEY_PERMS:
        return v->kind == CONF_STRING
                   ? parse_octal(v->text, (unsigned int *)field) : -1;
    case KEY_PORT:
        return v->kind == CONF_STRING ? parse_port(v->text, (int *)field) : -1;
    case KEY_STRING_LIST:
        return set_string_list((char ***)field, v);
    case KEY_BOOL:
        if (v->kind != CONF_INT || v->number < 0 || v->number > 1)
            return -1;
        *(bool *)field = v->number == 1;
        return 0;
    case KEY_INT:
        if (v->kind != CONF_INT || v->number < k->min || v->number > k->max)
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
apply(struct parser *ps, int i, struct conf_value *v,
      const struct conf_where *at,
      struct vireo_error *err)
{
    char key_name[64];

    snprintf(key_name, sizeof(key_name), "'%s'", keys[i].name);
    if (ps->set_on_line[i] != 0)
        return warn(ps, at->line, err, "%s is set again, ignored: line %d's "
                    "value is used, as libvirtd does", key_name,
                    ps->set_on_line[i]);
    if (store(ps->cfg, &keys[i], v) < 0)
        return conf_syntax_error(err, at, "bad value for", key_name);
    ps->set_on_line[i] = at->line;
    return 0;
}

/* conf_scan's callback: a known key is applied, an unknown one noted. */
static int
on_setting(void *opaque, const char *name, size_t len, struct conf_value *v,
           const struct conf_where *at, struct vireo_error *err)
{
    struct parser *ps = opaque;
    int i = find_key(name, len);

    return i < 0 ? note_unknown(ps, name, len, at->line, err)
                 : apply(ps, i, v, at, err);
}

int
config_parse_text(struct daemon_config *cfg, const char *text,
                  const char *filename, struct vireo_error *err)
{
    struct parser ps = { .filename = filename, .cfg = cfg };
    int ret = conf_scan(text, filename, on_setting, &ps, err);

    for (size_t i = 0; i < ps.n_unknown; i++)
        free(ps.unknown[i]);
    free(ps.unknown);
    return ret;
}

int
config_load_file(struct daemon_config *cfg, const char *path,
                 struct vireo_error *err)
{
    char *text = conf_read_file(path, err);
    int ret;

    if (text == NULL)
        return -1;
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

/* $XDG_<WHAT>_HOME/vireo, else ~/<fallback>/vireo, for an unprivileged
 * daemon. */
static char *
user_dir(const char *xdg_var, const char *fallback)
{
    const char *xdg = getenv(xdg_var);
    const char *home = getenv("HOME");
    char *base = NULL, *dir;

    if (xdg != NULL && xdg[0] == '/')
        return join(xdg, "vireo");
    if (asprintf(&base, "%s/%s", home ? home : "/tmp", fallback) < 0)
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

/* libvirtd's: its port, its paths under /etc/pki, GnuTLS's "NORMAL"
 * priority. No CRL file unless one is set (or libvirt's default one
 * exists: tls_context.c looks). */
static int
set_tls_defaults(struct daemon_config *cfg)
{
    cfg->tls_port = 16514;
    cfg->key_file = strdup("/etc/pki/libvirt/private/serverkey.pem");
    cfg->cert_file = strdup("/etc/pki/libvirt/servercert.pem");
    cfg->ca_file = strdup("/etc/pki/CA/cacert.pem");
    cfg->tls_priority = strdup("NORMAL");
    return cfg->key_file && cfg->cert_file && cfg->ca_file &&
           cfg->tls_priority ? 0 : -1;
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
    cfg->max_queued_clients = 1000;
    cfg->max_anonymous_clients = 20;
    cfg->admin_max_clients = 5000;
    cfg->max_client_requests = 5;
    cfg->keepalive_interval = 5;
    cfg->keepalive_count = 5;
    cfg->log_level = 3;
    cfg->max_message_size = CONFIG_MAX_MESSAGE_LIMIT;
    cfg->shutdown_timeout = 10;
    cfg->driver_shutdown_timeout = 30;
    cfg->run_dir = uid == 0 ? strdup("/run/vireo") : user_runtime_dir(uid);
    cfg->state_dir = uid == 0 ? strdup("/var/lib/vireo")
                              : user_dir("XDG_DATA_HOME", ".local/share");
    cfg->config_dir = uid == 0 ? strdup(VIREO_SYSCONFDIR "/vireo")
                               : user_dir("XDG_CONFIG_HOME", ".config");
    cfg->unix_sock_dir = cfg->run_dir ? strdup(cfg->run_dir) : NULL;
    cfg->listen_addr = strdup("0.0.0.0");
    cfg->log_outputs = strdup("3:stderr");
    if (set_tls_defaults(cfg) < 0 ||
        !cfg->run_dir || !cfg->state_dir || !cfg->unix_sock_dir ||
        !cfg->listen_addr || !cfg->log_outputs || !cfg->config_dir) {
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
    free(cfg->config_dir);
    free(cfg->key_file);
    free(cfg->cert_file);
    free(cfg->ca_file);
    free(cfg->crl_file);
    free_list(cfg->tls_allowed_dn_list);
    free(cfg->tls_priority);
    free(cfg->metrics_listen);
    free(cfg->log_filters);
    memset(cfg, 0, sizeof(*cfg));
}
