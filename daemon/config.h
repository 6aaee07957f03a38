/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * config.h: vireod's configuration, read from a file in libvirtd.conf's
 * syntax (`key = value`, # comments, integers, "strings", [ lists ]).
 *
 * Keys shared with libvirtd keep libvirtd's names and meaning; vireo's own
 * are state_dir, run_dir, max_message_size, shutdown_timeout and
 * driver_shutdown_timeout. A copied
 * libvirtd.conf loads: keys vireod does not use, and a key set again (the
 * first setting wins, as in libvirtd), are ignored with a warning. Bad
 * syntax, and a known key whose value has the wrong type or range, are
 * errors naming the file and line: the daemon refuses to start rather than
 * run with a setting it did not understand.
 */
#ifndef VIREO_DAEMON_CONFIG_H
#define VIREO_DAEMON_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "api/vireo.h"

/* The largest message libvirt's protocol allows (header + payload). */
#define CONFIG_MAX_MESSAGE_LIMIT 16777216u

struct daemon_config {
    char        *unix_sock_dir;       /* where vireo-sock(-ro) live */
    unsigned int unix_sock_rw_perms;  /* octal in the file: "0700" */
    unsigned int unix_sock_ro_perms;
    bool         listen_tcp;
    char        *listen_addr;
    int          tcp_port;            /* a string in the file: "16509" */
    int          max_clients;
    int          max_queued_clients;  /* connections the kernel queues
                                         until accepted (listen's
                                         backlog) */
    int          max_client_requests; /* calls in flight per client */
    int          keepalive_interval;  /* seconds; -1 disables */
    int          keepalive_count;
    int          log_level;           /* 1 debug ... 4 error */
    char        *log_outputs;         /* libvirt's "LEVEL:stderr" syntax */
    char        *state_dir;           /* persistent data */
    char        *run_dir;             /* runtime state: pid file, locks */
    unsigned int max_message_size;    /* header + payload, bytes */
    int          shutdown_timeout;    /* seconds SIGTERM waits for the
                                         calls in flight; 0: no wait */
    int          driver_shutdown_timeout; /* seconds the drivers then get to
                                             stop before vireod exits
                                             without them */
    bool         listen_tls;          /* libvirtd's default is on, vireod's
                                         off */
    int          tls_port;            /* a string in the file: "16514" */
    char        *key_file;            /* the server's private key (PEM) */
    char        *cert_file;           /* the server's certificate */
    char        *ca_file;             /* the CA clients' certificates must
                                         chain to */
    char        *crl_file;            /* NULL: none set */
    bool         tls_no_verify_certificate; /* let bad client certs in */
    char       **tls_allowed_dn_list; /* NULL-terminated globs; NULL: any
                                         DN; empty: nobody */
    char        *tls_priority;        /* GnuTLS priority string */
    /* The metrics endpoint: a loopback HOST:PORT or a UNIX socket path;
     * NULL: off. */
    char        *metrics_listen;
    /* The admin program's (virt-admin) settings, also changed live. */
    char        *log_filters;         /* libvirt's "LEVEL:MATCH ..."; NULL:
                                         none */
    int          max_anonymous_clients; /* TLS clients in their handshake */
    int          admin_max_clients;   /* clients of the admin socket */
    /* Where the drivers' own files (NAME.conf) are: the directory of the
     * file given with -f, else /etc/vireo for root and
     * $XDG_CONFIG_HOME/vireo (~/.config/vireo) for others. Not a key. */
    char        *config_dir;
    /* What the files said that vireod leaves alone, one line each in file
     * order, "FILE:LINE: 'key' is not used by vireod, ignored": the daemon
     * logs them once its log (which this config sets up) is in place. */
    char       **warnings;
    size_t       n_warnings;
};

/* Fill cfg with the defaults for a daemon run by uid: root uses /run/vireo
 * and /var/lib/vireo; others $XDG_RUNTIME_DIR/vireo and
 * $XDG_DATA_HOME/vireo (~/.local/share/vireo). Returns 0 or -1 (err). */
int  config_set_defaults(struct daemon_config *cfg, uid_t uid,
                         struct vireo_error *err);

/* Apply the settings in text (named `filename` in messages) on top of cfg;
 * within one text the first setting of a key wins. Appends a line to
 * cfg->warnings for each unknown key (once) and each repeated setting.
 * Returns 0, or -1 with VIR_ERR_CONF_SYNTAX and "FILE:LINE: what"; cfg may
 * then hold the settings before that line. */
int  config_parse_text(struct daemon_config *cfg, const char *text,
                       const char *filename, struct vireo_error *err);

/* Read and apply a file. Returns 0 or -1 (err). */
int  config_load_file(struct daemon_config *cfg, const char *path,
                      struct vireo_error *err);

/* Free the strings and warnings cfg holds; the struct itself is the
 * caller's. */
void config_clear(struct daemon_config *cfg);

#endif /* VIREO_DAEMON_CONFIG_H */
