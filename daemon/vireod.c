/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireod.c: vireod's command line (libvirtd's flags where they apply), its
 * configuration, directories and pid file; then server_run() with the
 * drivers main.c chose.
 */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "daemon/config.h"
#include "daemon/log.h"
#include "daemon/pidfile.h"
#include "daemon/server.h"
#include "daemon/vireod.h"

struct options {
    const char *config_path;
    const char *pid_path;
    bool        is_verbose;
    int         idle_timeout_s;    /* --timeout; 0: never */
};

static void
usage(FILE *out, const char *argv0)
{
    fprintf(out,
            "Usage: %s [OPTION]...\n"
            "vireo virtualization daemon (libvirt's remote protocol).\n\n"
            "  -f, --config FILE    configuration file (libvirtd.conf syntax;\n"
            "                       default, if present: vireod.conf in\n"
            "                       " VIREO_SYSCONFDIR "/vireo for root,\n"
            "                       $XDG_CONFIG_HOME/vireo for others)\n"
            "  -p, --pid-file FILE  pid file (default: RUN_DIR/vireod.pid)\n"
            "  -t, --timeout SECS   exit after SECS seconds with no client\n"
            "                       and no running guest\n"
            "  -v, --verbose        log informational messages to stderr\n"
            "      --version        print the version and exit\n"
            "  -h, --help           print this help and exit\n", argv0);
}

/* --timeout's argument: whole seconds, at least 1. */
static int
parse_timeout(const char *argv0, const char *text, int *timeout_s)
{
    char *end = NULL;
    long v;

    errno = 0;
    v = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || v < 1 ||
        v > INT_MAX) {
        fprintf(stderr, "%s: invalid timeout '%s': expected seconds, at "
                "least 1\n", argv0, text);
        return -1;
    }
    *timeout_s = (int)v;
    return 0;
}

/* Returns -1 to go on, else the exit status. */
static int
parse_options(int argc, char **argv, struct options *opts)
{
    static const struct option longopts[] = {
        { "config",   required_argument, NULL, 'f' },
        { "pid-file", required_argument, NULL, 'p' },
        { "timeout",  required_argument, NULL, 't' },
        { "verbose",  no_argument,       NULL, 'v' },
        { "version",  no_argument,       NULL, 'V' },
        { "help",     no_argument,       NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c;

    while ((c = getopt_long(argc, argv, "f:p:t:vh", longopts, NULL)) != -1) {
        switch (c) {
        case 'f': opts->config_path = optarg; break;
        case 'p': opts->pid_path = optarg; break;
        case 't':
            if (parse_timeout(argv[0], optarg, &opts->idle_timeout_s) < 0)
                return 1;
            break;
        case 'v': opts->is_verbose = true; break;
        case 'V': printf("vireod %s\n", VIREO_VERSION_STRING); return 0;
        case 'h': usage(stdout, argv[0]); return 0;
        default:  usage(stderr, argv[0]); return 1;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "%s: unexpected argument '%s'\n", argv[0],
                argv[optind]);
        return 1;
    }
    return -1;
}

/* mkdir -p, for the run and socket directories. */
static int
make_dirs(const char *path, mode_t mode)
{
    char *copy = strdup(path);
    int rc = 0;

    if (copy == NULL)
        return -1;
    for (char *p = copy + 1; rc == 0 && *p != '\0'; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, mode) < 0 && errno != EEXIST)
            rc = -1;
        *p = '/';
    }
    if (rc == 0 && mkdir(copy, mode) < 0 && errno != EEXIST)
        rc = -1;
    free(copy);
    return rc;
}

/* The drivers' files live next to vireod's own. */
static int
set_config_dir(struct daemon_config *cfg, const char *config_path)
{
    char *copy = strdup(config_path);

    if (copy == NULL)
        return -1;
    free(cfg->config_dir);
    cfg->config_dir = strdup(dirname(copy));
    free(copy);
    return cfg->config_dir != NULL ? 0 : -1;
}

/* Without -f, CONFIG_DIR/vireod.conf when it exists, as libvirtd reads its
 * libvirtd.conf: the malloc'ed path, or NULL for none. */
static char *
default_config_path(const struct daemon_config *cfg)
{
    char *path = NULL;

    if (asprintf(&path, "%s/vireod.conf", cfg->config_dir) < 0)
        return NULL;
    if (access(path, F_OK) == 0)
        return path;
    free(path);
    return NULL;
}

/* Read the file (-f, or the default one) into cfg. */
static int
read_config_file(const struct options *opts, struct daemon_config *cfg,
                 struct vireo_error *err)
{
    char *found = opts->config_path ? NULL : default_config_path(cfg);
    const char *path = opts->config_path ? opts->config_path : found;
    int rc = 0;

    if (path != NULL && (config_load_file(cfg, path, err) < 0 ||
                         set_config_dir(cfg, path) < 0))
        rc = -1;
    free(found);
    return rc;
}

/* Fill cfg and set up the log from it. cfg is the caller's to clear, also
 * when this fails (-1, having said why on stderr). */
static int
load_config(const struct options *opts, struct daemon_config *cfg)
{
    struct vireo_error err = { 0 };
    int level;

    if (config_set_defaults(cfg, getuid(), &err) < 0 ||
        read_config_file(opts, cfg, &err) < 0) {
        fprintf(stderr, "vireod: %s\n",
                err.code != VIR_ERR_OK ? err.message : "out of memory");
        return -1;
    }
    level = opts->is_verbose && cfg->log_level > LOG_PRIO_INFO
            ? LOG_PRIO_INFO : cfg->log_level;
    if (log_setup(level, opts->is_verbose ? "2:stderr" : cfg->log_outputs,
                  &err) < 0 || log_set_filters(cfg->log_filters, &err) < 0) {
        fprintf(stderr, "vireod: %s\n", err.message);
        return -1;
    }
    /* The file chose the log, so what it said that vireod leaves alone can
     * only be told once the log is in place. */
    for (size_t i = 0; i < cfg->n_warnings; i++)
        log_warn("%s", cfg->warnings[i]);
    return 0;
}

static struct pidfile *
take_pidfile(const struct options *opts, const struct daemon_config *cfg)
{
    struct vireo_error err = { 0 };
    struct pidfile *pf;
    char *path = NULL;

    if (opts->pid_path == NULL &&
        asprintf(&path, "%s/vireod.pid", cfg->run_dir) < 0)
        return NULL;
    pf = pidfile_acquire(opts->pid_path ? opts->pid_path : path, &err);
    if (pf == NULL)
        fprintf(stderr, "vireod: %s\n", err.message);
    free(path);
    return pf;
}

static int
run(const struct options *opts, struct daemon_config *cfg,
    const struct driver *const *drivers)
{
    struct pidfile *pf;
    int rc;

    if (make_dirs(cfg->run_dir, 0755) < 0 ||
        make_dirs(cfg->unix_sock_dir, 0755) < 0 ||
        make_dirs(cfg->state_dir, 0700) < 0) {
        fprintf(stderr, "vireod: cannot create %s, %s or %s: %s\n",
                cfg->run_dir, cfg->unix_sock_dir, cfg->state_dir,
                strerror(errno));
        return 1;
    }
    pf = take_pidfile(opts, cfg);
    if (pf == NULL)
        return 1;
    rc = server_run(cfg, drivers, opts->idle_timeout_s);
    pidfile_release(pf);
    return rc < 0 ? 1 : 0;
}

int
vireod_main(int argc, char **argv, const struct driver *const *drivers)
{
    struct options opts = { 0 };
    struct daemon_config cfg;
    int rc = parse_options(argc, argv, &opts);

    if (rc >= 0)
        return rc;
    /* A client that hangs up while we write must cost an EPIPE, not us. */
    signal(SIGPIPE, SIG_IGN);
    if (load_config(&opts, &cfg) < 0) {
        config_clear(&cfg);
        return 1;
    }
    rc = run(&opts, &cfg, drivers);
    config_clear(&cfg);
    log_close();
    return rc;
}
