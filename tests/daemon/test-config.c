/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-config.c: vireod's configuration file: libvirtd.conf's syntax and
 * key names, defaults per user, warnings for what vireod leaves alone, and
 * errors that name the file and line.
 */
#include "daemon/config.h"
#include "tests/tap.h"

static const char *srcdir;

static void
check_root_defaults(void)
{
    struct daemon_config cfg;

    tap_is_int(config_set_defaults(&cfg, 0, NULL), 0, "root defaults are set");
    tap_is_str(cfg.run_dir, "/run/vireo", "root's runtime state is in /run/vireo");
    tap_is_str(cfg.state_dir, "/var/lib/vireo",
               "root's persistent state is in /var/lib/vireo");
    tap_is_str(cfg.unix_sock_dir, "/run/vireo", "sockets default to the run dir");
    tap_is_int(cfg.keepalive_interval, 5, "keepalive interval defaults to 5 s");
    tap_is_int(cfg.keepalive_count, 5, "keepalive count defaults to 5");
    tap_is_int(cfg.max_message_size, 16777216,
               "messages default to libvirt's 16 MiB limit");
    tap_is_int(cfg.shutdown_timeout, 10,
               "shutdown waits for calls in flight 10 s by default");
    tap_is_int(cfg.driver_shutdown_timeout, 30,
               "and gives the drivers 30 s to stop by default");
    tap_is_str(cfg.config_dir, "/etc/vireo",
               "root's drivers find their settings in /etc/vireo");
    config_clear(&cfg);
}

static void
check_user_defaults(void)
{
    struct daemon_config cfg;

    setenv("XDG_RUNTIME_DIR", "/run/user/1000", 1);
    setenv("XDG_DATA_HOME", "/home/u/.data", 1);
    config_set_defaults(&cfg, 1000, NULL);
    tap_is_str(cfg.run_dir, "/run/user/1000/vireo",
               "a user's runtime state is under $XDG_RUNTIME_DIR");
    tap_is_str(cfg.state_dir, "/home/u/.data/vireo",
               "a user's persistent state is under $XDG_DATA_HOME");
    config_clear(&cfg);
    unsetenv("XDG_DATA_HOME");
    unsetenv("XDG_CONFIG_HOME");
    setenv("HOME", "/home/u", 1);
    config_set_defaults(&cfg, 1000, NULL);
    tap_is_str(cfg.state_dir, "/home/u/.local/share/vireo",
               "without $XDG_DATA_HOME it is ~/.local/share/vireo");
    tap_is_str(cfg.config_dir, "/home/u/.config/vireo",
               "a user's drivers find their settings in ~/.config/vireo");
    config_clear(&cfg);
    setenv("XDG_CONFIG_HOME", "/home/u/.conf", 1);
    config_set_defaults(&cfg, 1000, NULL);
    tap_is_str(cfg.config_dir, "/home/u/.conf/vireo",
               "... or under $XDG_CONFIG_HOME");
    config_clear(&cfg);
    unsetenv("XDG_CONFIG_HOME");
}

/* The example file shows every setting commented out at its default:
 * uncommented, each must parse and equal the default. */
static void
check_example_file(void)
{
    struct daemon_config defaults, cfg;
    struct vireo_error err = { 0 };
    char path[4096], line[512], *text = NULL;
    size_t size = 0;

    snprintf(path, sizeof(path), "%s/../../daemon/vireod.conf", srcdir);
    FILE *in = fopen(path, "r"), *out = open_memstream(&text, &size);
    while (in && fgets(line, sizeof(line), in))
        fputs(line[0] == '#' && line[1] >= 'a' && line[1] <= 'z' ? line + 1
                                                                 : line, out);
    if (in)
        fclose(in);
    fclose(out);
    config_set_defaults(&defaults, 0, NULL);
    config_set_defaults(&cfg, 0, NULL);
    tap_is_int(config_parse_text(&cfg, text, path, &err), 0,
               "the example file's settings, uncommented, all parse");
    if (err.code)
        tap_diag("%s", err.message);
    tap_is_int(cfg.n_warnings, 0,
               "every key it shows is one vireod uses, each shown once");
    tap_ok(cfg.keepalive_interval == defaults.keepalive_interval &&
           cfg.unix_sock_rw_perms == defaults.unix_sock_rw_perms &&
           cfg.max_message_size == defaults.max_message_size &&
           cfg.shutdown_timeout == defaults.shutdown_timeout &&
           strcmp(cfg.state_dir, defaults.state_dir) == 0,
           "and the values it shows are the real defaults");
    free(text);
    config_clear(&defaults);
    config_clear(&cfg);
}

static void
check_every_type(void)
{
    struct daemon_config cfg;
    struct vireo_error err = { 0 };
    const char *text =
        "# a comment line\n"
        "unix_sock_dir = \"/tmp/v\"   # trailing comment\n"
        "unix_sock_rw_perms = \"0770\"\n"
        "unix_sock_ro_perms = '0777'\n"
        "listen_tcp = 1\n"
        "tcp_port = \"16510\"\n"
        "max_clients = 20000\n"
        "keepalive_interval = -1\n"
        "\n"
        "log_level = 1\n"
        "max_message_size = 1048576\n";

    config_set_defaults(&cfg, 0, NULL);
    tap_is_int(config_parse_text(&cfg, text, "t.conf", &err), 0,
               "a file using every value type parses");
    tap_is_str(cfg.unix_sock_dir, "/tmp/v", "double-quoted strings are read");
    tap_is_int(cfg.unix_sock_rw_perms, 0770, "permissions are octal strings");
    tap_is_int(cfg.unix_sock_ro_perms, 0777, "single-quoted strings are read");
    tap_ok(cfg.listen_tcp, "booleans are 0 or 1");
    tap_is_int(cfg.tcp_port, 16510, "the TCP port is a string, as in libvirtd");
    tap_is_int(cfg.max_clients, 20000, "integers are read");
    tap_is_int(cfg.keepalive_interval, -1, "negative integers are read");
    tap_is_int(cfg.log_level, 1, "settings after a blank line are read");
    tap_is_int(cfg.max_message_size, 1048576, "our own keys are read");
    config_clear(&cfg);
}

static void
expect_error(const char *text, const char *want, const char *why)
{
    struct daemon_config cfg;
    struct vireo_error err = { 0 };

    config_set_defaults(&cfg, 0, NULL);
    int ret = config_parse_text(&cfg, text, "bad.conf", &err);
    tap_ok(ret == -1 && err.code == VIR_ERR_CONF_SYNTAX &&
           strstr(err.message, want) != NULL, "%s", why);
    if (strstr(err.message, want) == NULL)
        tap_diag("message: '%s', wanted '%s'", err.message, want);
    config_clear(&cfg);
}

static void
check_errors(void)
{
    expect_error("log_level = 9\n", "bad.conf:1: bad value for 'log_level'",
                 "an out-of-range number is refused");
    expect_error("listen_tcp = \"yes\"\n", "bad value for 'listen_tcp'",
                 "a string where a number belongs is refused");
    expect_error("unix_sock_rw_perms = \"0999\"\n", "bad value",
                 "a permission that is not octal is refused");
    expect_error("tcp_port = \"70000\"\n", "bad value", "a port over 65535 is refused");
    expect_error("unix_sock_dir = \"/tmp\n", "unterminated string",
                 "an unterminated string is refused");
    expect_error("max_clients 5\n", "expecting '='", "a missing '=' is refused");
    expect_error("max_clients = 5 6\n", "unexpected text",
                 "text after the value is refused");
    expect_error("max_clients = 99999999999999999999999\n", "expecting a value",
                 "an overflowing number is refused");
    expect_error("9lives = 1\n", "bad.conf:1: expecting a setting name",
                 "a key that does not start with a letter is refused");
    expect_error("= 1\n", "expecting a setting name", "a missing key is refused");
    expect_error("unix_sock_group = \"libvirt\n",
                 "bad.conf:1: unterminated string",
                 "an unknown key's value must still be well formed");
    expect_error("access_drivers = [ \"polkit\" \"x\" ]\n", "expecting ','",
                 "... lists included");
    expect_error("max_clients = 5; ; log_level = 1\n", "expecting a setting name",
                 "an empty setting between ';' is refused");
    expect_error("listen_tcp = 0\nlog_level = [ 1,\n 2 ]\n",
                 "bad.conf:2: bad value for 'log_level'",
                 "a bad value spanning lines is reported on its key's line");
    expect_error("max_message_size = 20000000\n", "bad value",
                 "a message size above libvirt's limit is refused");
}

/* 0 is a real setting (no wait), so it must not be taken for "unset". */
static void
check_shutdown_timeout(void)
{
    struct daemon_config cfg;
    struct vireo_error err = { 0 };

    config_set_defaults(&cfg, 0, NULL);
    tap_is_int(config_parse_text(&cfg, "shutdown_timeout = 0\n", "t.conf",
                                 &err), 0, "shutdown_timeout = 0 parses");
    tap_is_int(cfg.shutdown_timeout, 0, "... and means no wait");
    config_parse_text(&cfg, "shutdown_timeout = 3600\n", "t.conf", &err);
    tap_is_int(cfg.shutdown_timeout, 3600, "an hour is the longest wait");
    config_clear(&cfg);
    expect_error("shutdown_timeout = -1\n",
                 "bad.conf:1: bad value for 'shutdown_timeout'",
                 "a negative shutdown_timeout is refused");
    expect_error("shutdown_timeout = 3601\n", "bad value for 'shutdown_timeout'",
                 "a shutdown_timeout over an hour is refused");
    expect_error("shutdown_timeout = \"10\"\n",
                 "bad value for 'shutdown_timeout'",
                 "a shutdown_timeout given as a string is refused");
    expect_error("driver_shutdown_timeout = 0\n",
                 "bad.conf:1: bad value for 'driver_shutdown_timeout'",
                 "the drivers cannot be given no time at all to stop");
}

static void
check_lists_span_lines(void)
{
    struct daemon_config cfg;
    struct vireo_error err = { 0 };

    config_set_defaults(&cfg, 0, NULL);
    expect_error("max_clients = [ 1,\n 2 ]\n", "bad value",
                 "a list spanning lines parses, and is refused for a number key");
    tap_is_int(config_parse_text(&cfg, "log_level = 2\n", "ok.conf", &err), 0,
               "a later valid file still parses");
    config_clear(&cfg);
}

/* "FILE:LINE: what" is in cfg's warnings exactly `times` times. */
static void
is_warned(const struct daemon_config *cfg, const char *line, int times,
          const char *why)
{
    int n = 0;

    for (size_t i = 0; i < cfg->n_warnings; i++)
        n += strcmp(cfg->warnings[i], line) == 0;
    tap_ok(n == times, "%s", why);
    if (n != times) {
        tap_diag("wanted %d times: '%s'; the warnings were:", times, line);
        for (size_t i = 0; i < cfg->n_warnings; i++)
            tap_diag("  '%s'", cfg->warnings[i]);
    }
}

static void
check_unknown_keys(void)
{
    struct daemon_config cfg;
    struct vireo_error err = { 0 };
    const char *text =
        "unix_sock_group = \"libvirt\"\n"
        "max_clients = 7\n"
        "access_drivers = [\"polkit\",\n"
        "                  \"none\"]\n"
        "unix_sock_group = 'kvm'\n"
        "min_workers = 5\n";

    config_set_defaults(&cfg, 0, NULL);
    tap_is_int(config_parse_text(&cfg, text, "libvirtd.conf", &err), 0,
               "keys vireod does not use do not stop the parse");
    tap_is_int(cfg.max_clients, 7, "the keys it knows around them are applied");
    is_warned(&cfg, "libvirtd.conf:1: 'unix_sock_group' is not used by vireod, "
              "ignored", 1, "an unknown key is warned about with file and line, "
              "once even when set twice");
    is_warned(&cfg, "libvirtd.conf:3: 'access_drivers' is not used by "
              "vireod, ignored", 1, "a list spanning lines is an unknown value too");
    is_warned(&cfg, "libvirtd.conf:6: 'min_workers' is not used by vireod, "
              "ignored", 1, "the line count goes on after a multi-line list");
    tap_is_int(cfg.n_warnings, 3, "nothing else is warned about");
    config_clear(&cfg);
}

/* The TLS keys: libvirtd's defaults, and tls_allowed_dn_list as a list of
 * strings. */
static void
check_tls_keys(void)
{
    struct daemon_config cfg;
    struct vireo_error err = { 0 };

    config_set_defaults(&cfg, 0, NULL);
    tap_ok(!cfg.listen_tls && cfg.tls_port == 16514 &&
           strcmp(cfg.key_file, "/etc/pki/libvirt/private/serverkey.pem") == 0 &&
           strcmp(cfg.cert_file, "/etc/pki/libvirt/servercert.pem") == 0 &&
           strcmp(cfg.ca_file, "/etc/pki/CA/cacert.pem") == 0 &&
           cfg.crl_file == NULL && !cfg.tls_no_verify_certificate &&
           cfg.tls_allowed_dn_list == NULL &&
           strcmp(cfg.tls_priority, "NORMAL") == 0,
           "TLS is off by default, with libvirtd's port, paths and priority");
    tap_is_int(config_parse_text(&cfg, "listen_tls = 1\n"
                                 "tls_allowed_dn_list = [\"C=GB,*\",\n"
                                 "  \"CN=a?\"]\n", "t.conf", &err), 0,
               "listen_tls and a multi-line tls_allowed_dn_list parse");
    tap_ok(cfg.listen_tls && cfg.tls_allowed_dn_list != NULL &&
           strcmp(cfg.tls_allowed_dn_list[0], "C=GB,*") == 0 &&
           strcmp(cfg.tls_allowed_dn_list[1], "CN=a?") == 0 &&
           cfg.tls_allowed_dn_list[2] == NULL,
           "the list keeps its strings in order");
    tap_is_int(config_parse_text(&cfg, "tls_allowed_dn_list = [\"a\", 1]\n",
                                 "u.conf", &err), -1,
               "a DN list holding a number is refused");
    tap_is_int(config_parse_text(&cfg, "tls_allowed_dn_list = []\n",
                                 "v.conf", &err), 0,
               "an empty DN list parses");
    tap_ok(cfg.tls_allowed_dn_list != NULL &&
           cfg.tls_allowed_dn_list[0] == NULL,
           "and lets nobody in (empty, not unset)");
    config_clear(&cfg);
}

/* libvirtd reads the first setting of a key and never looks at the others
 * (not even at their type): vireod does the same, and says so. */
static void
check_repeated_keys(void)
{
    struct daemon_config cfg;
    struct vireo_error err = { 0 };

    config_set_defaults(&cfg, 0, NULL);
    tap_is_int(config_parse_text(&cfg,
                                 "max_clients = 50\n"
                                 "max_clients = \"bad\"\n"
                                 "log_level = 2\n"
                                 "max_clients = 70\n", "r.conf", &err), 0,
               "a key set again, even with a bad value, does not stop the parse");
    tap_is_int(cfg.max_clients, 50, "the first setting wins, as in libvirtd");
    is_warned(&cfg, "r.conf:2: 'max_clients' is set again, ignored: line 1's "
              "value is used, as libvirtd does", 1,
              "each later setting is warned about, naming the line that wins");
    is_warned(&cfg, "r.conf:4: 'max_clients' is set again, ignored: line 1's "
              "value is used, as libvirtd does", 1, "... every one of them");
    tap_is_int(config_parse_text(&cfg, "max_clients = 90\n", "later.conf",
                                 &err), 0, "a second text parses");
    tap_is_int(cfg.max_clients, 90, "and overrides the first one's settings");
    config_clear(&cfg);
    expect_error("max_clients = \"bad\"\nmax_clients = 50\n",
                 "bad.conf:1: bad value for 'max_clients'",
                 "a bad first setting is refused even if a later one is good");
}

/* The rest of libvirt's grammar: """strings""", ';' between settings,
 * service names for tcp_port. */
static void
check_libvirt_grammar(void)
{
    struct daemon_config cfg;
    struct vireo_error err = { 0 };
    const char *text =
        "log_outputs = \"\"\"1:stderr\n"
        "3:file:/tmp/x\"\"\"\n"
        "max_clients = 9; log_level = 2 # two on one line\n"
        "tcp_port = \"ssh\"\n"
        "host_uuid = \"\"\n";

    config_set_defaults(&cfg, 0, NULL);
    tap_is_int(config_parse_text(&cfg, text, "g.conf", &err), 0,
               "libvirt's triple-quoted strings and ';' separators parse");
    if (err.code)
        tap_diag("%s", err.message);
    tap_is_str(cfg.log_outputs, "1:stderr\n3:file:/tmp/x",
               "a triple-quoted string keeps its newline");
    tap_ok(cfg.max_clients == 9 && cfg.log_level == 2,
           "both settings of a ';'-separated line are read");
    tap_is_int(cfg.tcp_port, 22, "tcp_port may name a service, as in libvirtd");
    is_warned(&cfg, "g.conf:5: 'host_uuid' is not used by vireod, ignored", 1,
              "an empty string is a value; lines after a long string count right");
    config_clear(&cfg);
    expect_error("tcp_port = \"no-such-service\"\n", "bad value for 'tcp_port'",
                 "an unknown service name is refused");
    expect_error("log_outputs = \"\"\"1:stderr\n", "unterminated string",
                 "an unterminated triple-quoted string is refused");
}

int
main(int argc, char **argv)
{
    srcdir = argc > 1 ? argv[1] : ".";
    tap_plan(78);
    check_root_defaults();
    check_user_defaults();
    check_example_file();
    check_every_type();
    check_errors();
    check_shutdown_timeout();
    check_lists_span_lines();
    check_unknown_keys();
    check_tls_keys();
    check_repeated_keys();
    check_libvirt_grammar();
    return tap_done();
}
