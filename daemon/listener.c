/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * listener.c: binding, accepting on and removing vireod's sockets: the two
 * UNIX ones, and a TCP one when listen_tcp is on; or serving the ones
 * systemd bound for us.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

#include "daemon/client.h"
#include "daemon/listener.h"
#include "daemon/log.h"
#include "daemon/metrics_clients.h"
#include "drivers/error.h"
#include "loop/uv_impl.h"

/* The kernel's backlog of connections not yet accepted. */
#define LISTEN_BACKLOG 128

struct listener {
    union {
        uv_handle_t handle;  /* handle.data is the listener */
        uv_stream_t stream;
        uv_pipe_t   pipe;
        uv_tcp_t    tcp;
    } sock;
    char *path;              /* the socket file, or "ADDR:PORT" for TCP,
                                or systemd's name for an adopted one */
    bool  is_read_only;
    bool  is_adopted;        /* systemd's: its file is not ours to remove */
    const struct tls_context *tls;  /* the server's; NULL: plain */
    bool  is_admin;          /* the admin socket (listener_set_admin) */
    bool  is_accepting;      /* listener_accept was called */
    bool  has_waiting;       /* a connection libuv holds for us meanwhile */
};

/* Before listener_accept, a connection is left with libuv, which then
 * stops taking more (the kernel queues them) until it is accepted. */
static void
on_connection(uv_stream_t *server, int status)
{
    struct listener *l = server->data;

    if (status < 0) {
        log_warn("%s: %s", l->path, uv_strerror(status));
        return;
    }
    if (!l->is_accepting) {
        l->has_waiting = true;
        return;
    }
    client_accept(server, l->is_read_only, l->is_admin, l->tls);
}

static void
on_closed(uv_handle_t *handle)
{
    struct listener *l = handle->data;

    free(l->path);
    free(l);
}

static int
bind_and_listen(struct listener *l, unsigned int perms,
                struct vireo_error *err)
{
    int rc;

    if (unlink(l->path) == 0)
        log_info("removed the stale socket %s", l->path);
    rc = uv_pipe_bind(&l->sock.pipe, l->path);
    if (rc == 0 && chmod(l->path, perms) < 0)
        rc = uv_translate_sys_error(errno);
    if (rc == 0)
        rc = uv_listen(&l->sock.stream, LISTEN_BACKLOG, on_connection);
    if (rc < 0)
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_RPC,
                         "cannot listen on %s: %s", l->path,
                         uv_strerror(rc));
    return 0;
}

struct listener *
listener_open(const char *dir, const char *name, unsigned int perms,
              bool is_read_only, struct vireo_error *err)
{
    struct listener *l = calloc(1, sizeof(*l));

    if (l == NULL || asprintf(&l->path, "%s/%s", dir, name) < 0) {
        free(l);
        error_no_memory(err);
        return NULL;
    }
    l->is_read_only = is_read_only;
    uv_pipe_init(uv_impl_loop(), &l->sock.pipe, 0);
    l->sock.handle.data = l;
    if (bind_and_listen(l, perms, err) < 0) {
        listener_close(l);
        return NULL;
    }
    log_info("listening on %s%s", l->path, is_read_only ? " (read-only)" : "");
    metrics_socket_add(&l->sock.stream, l->path);
    return l;
}

/* addr is an IPv4 or IPv6 literal, as listen_addr is in libvirtd.conf. */
static int
tcp_bind_and_listen(struct listener *l, const char *addr, int port)
{
    struct sockaddr_storage sa;
    int rc = strchr(addr, ':') != NULL
                 ? uv_ip6_addr(addr, port, (struct sockaddr_in6 *)&sa)
                 : uv_ip4_addr(addr, port, (struct sockaddr_in *)&sa);

    if (rc == 0)
        rc = uv_tcp_bind(&l->sock.tcp, (const struct sockaddr *)&sa, 0);
    if (rc == 0)
        rc = uv_listen(&l->sock.stream, LISTEN_BACKLOG, on_connection);
    return rc;
}

struct listener *
listener_open_tcp(const char *addr, int port, const struct tls_context *tls,
                  struct vireo_error *err)
{
    struct listener *l = calloc(1, sizeof(*l));
    int rc;

    if (l == NULL || asprintf(&l->path, "%s:%d", addr, port) < 0) {
        free(l);
        error_no_memory(err);
        return NULL;
    }
    uv_tcp_init(uv_impl_loop(), &l->sock.tcp);
    l->sock.handle.data = l;
    l->tls = tls;
    rc = tcp_bind_and_listen(l, addr, port);
    if (rc < 0) {
        error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_RPC,
                  "cannot listen on %s: %s", l->path, uv_strerror(rc));
        listener_close(l);
        return NULL;
    }
    log_info("listening on %s (%s)", l->path,
             tls != NULL ? "TLS" : "TCP, no authentication");
    metrics_socket_add(&l->sock.stream, l->path);
    return l;
}

/* Wrap fd, already listening, in the handle its family needs. */
static int
adopt_fd(struct listener *l, int fd, bool is_unix)
{
    int rc;

    if (is_unix) {
        uv_pipe_init(uv_impl_loop(), &l->sock.pipe, 0);
        rc = uv_pipe_open(&l->sock.pipe, fd);
    } else {
        uv_tcp_init(uv_impl_loop(), &l->sock.tcp);
        rc = uv_tcp_open(&l->sock.tcp, fd);
    }
    l->sock.handle.data = l;
    if (rc < 0) {
        close(fd);   /* the handle did not take it */
        return rc;
    }
    return uv_listen(&l->sock.stream, LISTEN_BACKLOG, on_connection);
}

struct listener *
listener_adopt(int fd, const char *name, bool is_unix, bool is_read_only,
               const struct tls_context *tls, struct vireo_error *err)
{
    struct listener *l = calloc(1, sizeof(*l));
    int rc;

    if (l == NULL || (l->path = strdup(name)) == NULL) {
        free(l);
        close(fd);
        error_no_memory(err);
        return NULL;
    }
    l->is_read_only = is_read_only;
    l->is_adopted = true;
    l->tls = tls;
    rc = adopt_fd(l, fd, is_unix);
    if (rc < 0) {
        error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_RPC,
                  "cannot listen on %s: %s", name, uv_strerror(rc));
        listener_close(l);
        return NULL;
    }
    log_info("listening on %s, from systemd%s", name,
             is_read_only ? " (read-only)" : tls != NULL ? " (TLS)" : "");
    metrics_socket_add(&l->sock.stream, l->path);
    return l;
}

void
listener_accept(struct listener *l)
{
    if (l == NULL || l->is_accepting)
        return;
    l->is_accepting = true;
    if (l->has_waiting)
        client_accept(&l->sock.stream, l->is_read_only, l->is_admin, l->tls);
    l->has_waiting = false;
}

void
listener_close(struct listener *l)
{
    if (l == NULL)
        return;
    if (l->sock.handle.type == UV_NAMED_PIPE && !l->is_adopted)
        unlink(l->path);
    uv_close(&l->sock.handle, on_closed);
}

void
listener_set_admin(struct listener *l)
{
    l->is_admin = true;
}
