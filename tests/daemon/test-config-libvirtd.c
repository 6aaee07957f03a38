/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-config-libvirtd.c: the libvirtd.conf files operators really have
 * load as vireod's configuration: Debian's own /etc/libvirt/libvirtd.conf
 * (every key commented out), the same with every example uncommented, and
 * the file in libvirt's augeas test, which sets every key libvirtd knows.
 * The keys vireod honours take libvirt's values; each other key is warned
 * about once, at its line.
 *
 * $DEBIAN_LIBVIRTD_CONF names Debian's file (make test-deps fetches it) and
 * $LIBVIRTD_AUG_TEST libvirt's test_libvirtd.aug (libvirt-daemon ships it).
 * Either one missing is a failure, never a skip.
 */
#include <ctype.h>
#include <errno.h>

#include "daemon/config.h"
#include "tests/tap.h"

/* The libvirtd keys vireod honours; it warns about every other. */
static const char *const honoured[] = {
    "unix_sock_dir", "unix_sock_rw_perms", "unix_sock_ro_perms",
    "listen_tcp", "listen_addr", "tcp_port", "max_clients",
    "max_queued_clients", "max_client_requests", "keepalive_interval", "keepalive_count",
    "log_level", "log_outputs", "listen_tls", "tls_port", "key_file",
    "cert_file", "ca_file", "crl_file", "tls_no_verify_certificate",
    "tls_allowed_dn_list", "tls_priority",
    "log_filters", "max_anonymous_clients", "admin_max_clients",
};
#define N_HONOURED (sizeof(honoured) / sizeof(honoured[0]))

static bool
is_honoured(const char *key)
{
    for (size_t i = 0; i < N_HONOURED; i++)
        if (strcmp(honoured[i], key) == 0)
            return true;
    return false;
}

/* The whole file, or NULL (with a failed check saying where it comes from). */
static char *
read_file(const char *env, const char *what)
{
    const char *path = getenv(env);
    FILE *f = path ? fopen(path, "r") : NULL;
    char *text = NULL;
    size_t size = 0;

    tap_ok(f != NULL, "%s is there to load", what);
    if (f == NULL) {
        tap_diag("$%s = '%s': %s", env, path ? path : "(unset)",
                 path ? strerror(errno) : "run the tests with meson test");
        tap_diag("make test-deps fetches Debian's file; libvirt-daemon ships "
                 "the augeas test");
        return NULL;
    }
    FILE *mem = open_memstream(&text, &size);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
        fwrite(buf, 1, n, mem);
    fclose(f);
    fclose(mem);
    return text;
}

/* An operator's edit: "#key = value" lines uncommented. In Debian's file
 * every line with '#' before a letter is such an example. */
static char *
uncomment(const char *text)
{
    char *out = malloc(strlen(text) + 1), *o = out;

    for (const char *p = text; *p; p++) {
        bool at_line_start = p == text || p[-1] == '\n';
        if (!(at_line_start && p[0] == '#' && isalpha((unsigned char)p[1])))
            *o++ = *p;
    }
    *o = '\0';
    return out;
}

/* The text of `let conf = "..."` in an augeas test, with \" and \\
 * unescaped; NULL if there is none. */
static char *
augeas_conf(const char *aug)
{
    const char *start = strstr(aug, "let conf = \"");
    char *out, *o;

    if (start == NULL)
        return NULL;
    out = o = malloc(strlen(start) + 1);
    for (const char *p = start + strlen("let conf = \""); *p && *p != '"'; p++) {
        if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
            p++;
        *o++ = *p;
    }
    *o = '\0';
    return out;
}

/* Every key set in text, in order, with the line it is first set on. */
struct key_line {
    char name[64];
    int  line;
};

static size_t
keys_set(const char *text, struct key_line *keys, size_t cap)
{
    size_t n = 0;
    int line = 1;

    for (const char *p = text; *p; line++) {
        size_t len = 0;
        while (isalnum((unsigned char)p[len]) || p[len] == '_')
            len++;
        bool is_new = isalpha((unsigned char)*p) && len < sizeof(keys->name);
        for (size_t i = 0; is_new && i < n; i++)
            is_new = strlen(keys[i].name) != len ||
                     strncmp(keys[i].name, p, len) != 0;
        if (is_new && n < cap) {
            snprintf(keys[n].name, sizeof(keys[n].name), "%.*s", (int)len, p);
            keys[n++].line = line;
        }
        p += strcspn(p, "\n");
        p += *p == '\n';
    }
    return n;
}

static int
count_warnings(const struct daemon_config *cfg, const char *line)
{
    int n = 0;

    for (size_t i = 0; i < cfg->n_warnings; i++)
        n += strcmp(cfg->warnings[i], line) == 0;
    return n;
}

/* Each key set in text that vireod does not honour is warned about once, at
 * its line; the keys it honours are not; and nothing else is. */
static void
check_warnings(const struct daemon_config *cfg, const char *text,
               const char *name, const char *what)
{
    struct key_line keys[128];
    size_t n_keys = keys_set(text, keys, 128), n_unused = 0, n_honoured = 0;
    bool is_right = true;

    for (size_t i = 0; i < n_keys; i++) {
        char *want = NULL;
        if (asprintf(&want, "%s:%d: '%s' is not used by vireod, ignored", name,
                     keys[i].line, keys[i].name) < 0)
            abort();
        bool is_used = is_honoured(keys[i].name);
        int times = count_warnings(cfg, want);
        free(want);
        n_unused += !is_used;
        n_honoured += is_used;
        if (times != (is_used ? 0 : 1)) {
            tap_diag("'%s' was warned about %d times", keys[i].name, times);
            is_right = false;
        }
    }
    tap_ok(is_right && cfg->n_warnings == n_unused,
           "%s: each of the %zu keys vireod does not use is warned about once, "
           "at its line; the %zu it honours are not", what, n_unused,
           n_honoured);
    if (cfg->n_warnings != n_unused)
        for (size_t i = 0; i < cfg->n_warnings; i++)
            tap_diag("warning: %s", cfg->warnings[i]);
}

/* Debian's file as shipped: comments only, so vireod's defaults stand. */
static void
check_debian_as_shipped(void)
{
    struct daemon_config defaults, cfg;
    struct vireo_error err = { 0 };
    const char *path = getenv("DEBIAN_LIBVIRTD_CONF");

    config_set_defaults(&defaults, 0, NULL);
    config_set_defaults(&cfg, 0, NULL);
    tap_is_int(config_load_file(&cfg, path ? path : "", &err), 0,
               "Debian's libvirtd.conf loads as it ships");
    if (err.code)
        tap_diag("%s", err.message);
    tap_is_int(cfg.n_warnings, 0, "with nothing to warn about: it sets no key");
    tap_ok(strcmp(cfg.unix_sock_dir, defaults.unix_sock_dir) == 0 &&
           strcmp(cfg.log_outputs, defaults.log_outputs) == 0 &&
           cfg.max_clients == defaults.max_clients && !cfg.listen_tcp,
           "and vireod's defaults stand");
    config_clear(&defaults);
    config_clear(&cfg);
}

/* Parse text on top of settings unlike libvirt's, so that each value
 * checked below was truly taken from the file. */
static void
check_every_key_set(const char *text, const char *name, const char *what)
{
    struct daemon_config cfg;
    struct vireo_error err = { 0 };

    config_set_defaults(&cfg, 0, NULL);
    config_parse_text(&cfg,
                      "max_clients = 1\nmax_client_requests = 1\n"
                      "max_queued_clients = 1\n"
                      "keepalive_interval = 1\nkeepalive_count = 1\n"
                      "log_level = 1\n", "before.conf", &err);
    tap_is_int(config_parse_text(&cfg, text, name, &err), 0, "%s loads", what);
    if (err.code)
        tap_diag("%s", err.message);
    check_warnings(&cfg, text, name, what);
    tap_ok(cfg.max_clients == 5000 && cfg.max_client_requests == 5,
           "%s: max_clients 5000 and max_client_requests 5 are taken", what);
    tap_is_int(cfg.max_queued_clients, 1000,
               "%s: max_queued_clients 1000 is taken", what);
    tap_ok(cfg.keepalive_interval == 5 && cfg.keepalive_count == 5,
           "%s: keepalive_interval 5 and keepalive_count 5 are taken", what);
    tap_ok(cfg.unix_sock_rw_perms == 0770 && cfg.unix_sock_ro_perms == 0777,
           "%s: the sockets' permissions 0770 and 0777 are taken", what);
    tap_is_str(cfg.unix_sock_dir, "/run/libvirt",
               "%s: unix_sock_dir is taken", what);
    tap_ok(cfg.listen_tcp && cfg.tcp_port == 16509 &&
           strcmp(cfg.listen_addr, "192.168.0.1") == 0,
           "%s: listen_tcp, tcp_port and listen_addr are taken", what);
    tap_ok(cfg.log_level == 3 && strcmp(cfg.log_outputs, "3:syslog:libvirtd") == 0,
           "%s: log_level 3 and log_outputs \"3:syslog:libvirtd\" are taken", what);
    config_clear(&cfg);
}

int
main(void)
{
    tap_plan(24);

    char *debian = read_file("DEBIAN_LIBVIRTD_CONF", "Debian's libvirtd.conf");
    if (debian != NULL) {
        check_debian_as_shipped();
        char *edited = uncomment(debian);
        check_every_key_set(edited, "libvirtd.conf",
                            "Debian's libvirtd.conf, examples uncommented,");
        free(edited);
    }
    free(debian);

    char *aug = read_file("LIBVIRTD_AUG_TEST", "libvirt's test_libvirtd.aug");
    char *conf = aug ? augeas_conf(aug) : NULL;
    tap_ok(conf != NULL, "the augeas test embeds a libvirtd.conf");
    if (conf != NULL)
        check_every_key_set(conf, "test_libvirtd.conf",
                            "libvirt's augeas test file (every key set)");
    free(conf);
    free(aug);
    return tap_done();
}
