/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_uri.c: from a client URI to a daemon address and the name the
 * daemon is asked to open, following libvirt's remote driver: the
 * transport, server and the parameters meant for the client are stripped,
 * everything else reaches the daemon.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/uri.h>

#include "drivers/error.h"
#include "drivers/remote/remote_uri.h"
#include "drivers/uri.h"

#define SOCKET_NAME_RW "vireo-sock"
#define SOCKET_NAME_RO "vireo-sock-ro"

/* Parameters libvirt's client consumes itself; the daemon never sees them. */
static const char *const client_params[] = {
    "name", "command", "socket", "auth", "netcat", "keyfile", "sshauth",
    "no_verify", "no_tty", "pkipath", "known_hosts", "known_hosts_verify",
    "tls_priority", "mode", "proxy", NULL,
};

static bool
is_client_param(const char *name)
{
    for (const char *const *p = client_params; *p; p++)
        if (strcmp(*p, name) == 0)
            return true;
    return false;
}

char *
remote_default_socket_dir(void)
{
    const char *xdg = getenv("XDG_RUNTIME_DIR");
    char *dir = NULL;

    if (getuid() == 0)
        return strdup("/run/vireo");
    if (xdg != NULL && xdg[0] == '/') {
        if (asprintf(&dir, "%s/vireo", xdg) < 0)
            return NULL;
        return dir;
    }
    if (asprintf(&dir, "/tmp/vireo-%u", (unsigned)getuid()) < 0)
        return NULL;
    return dir;
}

/* Append "&key=value" (or "?key=value" first), the value escaped again. */
static int
append_param(char **query, const struct uri_param *p)
{
    xmlChar *value = xmlURIEscapeStr((const xmlChar *)p->value,
                                     (const xmlChar *)"");
    char *grown = NULL;
    int rc;

    if (value == NULL)
        return -1;
    rc = asprintf(&grown, "%s%c%s=%s", *query ? *query : "",
                  *query ? '&' : '?', p->name, (const char *)value);
    xmlFree(value);
    if (rc < 0)
        return -1;
    free(*query);
    *query = grown;
    return 0;
}

/* DRIVER://PATH?daemon-params, or "" for the "remote" scheme, which lets
 * the daemon pick its default driver. */
static char *
daemon_name(const struct uri *uri)
{
    const char *explicit_name = uri_param(uri, "name");
    char *query = NULL, *name = NULL;

    if (explicit_name != NULL)
        return strdup(explicit_name);
    if (strcmp(uri->driver, "remote") == 0)
        return strdup("");
    for (int i = 0; i < uri->n_params; i++)
        if (!is_client_param(uri->params[i].name) &&
            append_param(&query, &uri->params[i]) < 0) {
            free(query);
            return NULL;
        }
    if (asprintf(&name, "%s://%s%s", uri->driver, uri->path,
                 query ? query : "") < 0)
        name = NULL;
    free(query);
    return name;
}

static char *
default_socket_path(bool read_only)
{
    char *dir = remote_default_socket_dir(), *path = NULL;

    if (dir == NULL)
        return NULL;
    if (asprintf(&path, "%s/%s", dir,
                 read_only ? SOCKET_NAME_RO : SOCKET_NAME_RW) < 0)
        path = NULL;
    free(dir);
    return path;
}

static int
resolve_unix(const struct uri *uri, bool read_only,
             struct remote_target *t, struct vireo_error *err)
{
    const char *socket = uri_param(uri, "socket");

    if (uri->server != NULL && uri->server[0] != '\0')
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_REMOTE,
                         "transport 'unix' cannot reach host '%s'",
                         uri->server);
    if (socket != NULL && socket[0] != '/')
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_REMOTE,
                         "socket '%s' must be an absolute path", socket);
    t->transport = REMOTE_TRANSPORT_UNIX;
    t->socket_path = socket ? strdup(socket) : default_socket_path(read_only);
    return t->socket_path != NULL ? 0 : error_no_memory(err);
}

static int
resolve_tcp(const struct uri *uri, struct remote_target *t,
            struct vireo_error *err)
{
    const char *host = uri->server != NULL && uri->server[0] != '\0'
                       ? uri->server : "localhost";

    t->transport = REMOTE_TRANSPORT_TCP;
    t->port = uri->port > 0 ? uri->port : REMOTE_TCP_PORT_DEFAULT;
    t->host = strdup(host);
    return t->host != NULL ? 0 : error_no_memory(err);
}

/* TLS: as TCP, with libvirt's port and its client-side parameters. */
static int
resolve_tls(const struct uri *uri, struct remote_target *t,
            struct vireo_error *err)
{
    const char *pki = uri_param(uri, "pkipath");
    const char *no_verify = uri_param(uri, "no_verify");

    if (resolve_tcp(uri, t, err) < 0)
        return -1;
    t->transport = REMOTE_TRANSPORT_TLS;
    if (uri->port <= 0)
        t->port = REMOTE_TLS_PORT_DEFAULT;
    t->is_verify_off = no_verify != NULL && strcmp(no_verify, "0") != 0;
    if (pki != NULL && (t->pki_dir = strdup(pki)) == NULL)
        return error_no_memory(err);
    return 0;
}

/* No transport: a local daemon on its UNIX socket, unless a host is named
 * (libvirt then means TLS). */
static int
resolve_transport(const struct uri *uri, bool read_only,
                  struct remote_target *t, struct vireo_error *err)
{
    const char *transport = uri->transport;

    if (transport == NULL && uri->server != NULL && uri->server[0] != '\0')
        transport = "tls";
    if (transport == NULL || strcmp(transport, "unix") == 0)
        return resolve_unix(uri, read_only, t, err);
    if (strcmp(transport, "tcp") == 0)
        return resolve_tcp(uri, t, err);
    if (strcmp(transport, "tls") == 0)
        return resolve_tls(uri, t, err);
    return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_REMOTE,
                     "transport '%s' is not supported by vireo "
                     "(use unix, tcp or tls)", transport);
}

bool
remote_transport_is_secure(enum remote_transport transport)
{
    switch (transport) {
    case REMOTE_TRANSPORT_UNIX:
    case REMOTE_TRANSPORT_TLS:
        return true;
    case REMOTE_TRANSPORT_TCP:
        return false;
    }
    return false;
}

bool
remote_transport_is_encrypted(enum remote_transport transport)
{
    switch (transport) {
    case REMOTE_TRANSPORT_UNIX:
    case REMOTE_TRANSPORT_TCP:
        return false;
    case REMOTE_TRANSPORT_TLS:
        return true;
    }
    return false;
}

int
remote_target_resolve(const struct uri *uri, bool read_only,
                      struct remote_target *target, struct vireo_error *err)
{
    memset(target, 0, sizeof(*target));
    if (resolve_transport(uri, read_only, target, err) < 0)
        goto fail;
    target->name = daemon_name(uri);
    if (target->name == NULL) {
        error_no_memory(err);
        goto fail;
    }
    return 0;
fail:
    remote_target_clear(target);
    return -1;
}

void
remote_target_clear(struct remote_target *target)
{
    free(target->socket_path);
    free(target->host);
    free(target->pki_dir);
    free(target->name);
    memset(target, 0, sizeof(*target));
}
