/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * listener.c: binding, accepting on and removing vireod's sockets: the two
 * UNIX ones, and a TCP one when listen_tcp is on; or serving the ones
 * systemd bound for us.
 *
 * A server at its client limits stops accepting, as libvirtd does: a
 * socket's new connection is left unaccepted (libuv then stops watching
 * the socket, and later clients wait in the kernel's backlog) until a
 * client leaves or the limits are raised, and is accepted then. Loop
 * thread only.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

#include "daemon/client.h"
#include "daemon/client_registry.h"
#include "daemon/listener.h"
#include "daemon/log.h"
#include "daemon/metrics_clients.h"
#include "drivers/error.h"
#include "loop/uv_impl.h"

/* The kernel's backlog of connections not yet accepted: libvirtd's
 * max_queued_clients, whose default this is. A client connecting beyond
 * it waits (a non-blocking connect gets EAGAIN) until the loop's next
 * turn accepts the queue, which it does whole. */
static int backlog = 1000;

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
    /* libuv holds a connection for us, and takes no more (the kernel
     * queues them) until it is accepted: before listener_accept, or while
     * the server has no free slot. */
    bool  is_held;
    struct listener *next_held;  /* in first_held's list */
};

/* The sockets holding a connection. Loop thread. */
static struct listener *first_held;
static bool is_resuming;

static enum client_server
server_of(const struct listener *l)
{
    return l->is_admin ? CLIENT_SERVER_ADMIN : CLIENT_SERVER_MAIN;
}

static void
hold(struct listener *l)
{
    char why[64];

    if (l->is_held)
        return;
    if (l->is_accepting) {
        client_registry_full_reason(server_of(l), why, sizeof(why));
        log_warn("%s: %s, not accepting until a client leaves", l->path,
                 why);
    }
    l->is_held = true;
    l->next_held = first_held;
    first_held = l;
}

static void
unhold(struct listener *l)
{
    struct listener **p = &first_held;

    while (*p != NULL && *p != l)
        p = &(*p)->next_held;
    if (*p == l)
        *p = l->next_held;
    l->is_held = false;
    l->next_held = NULL;
}

void
listener_resume_held(void)
{
    struct listener *l = first_held, *next;

    /* A refused client's close comes back here from inside an accept. */
    if (is_resuming)
        return;
    is_resuming = true;
    for (; l != NULL; l = next) {
        next = l->next_held;
        if (!l->is_accepting || !client_registry_has_room(server_of(l)))
            continue;
        unhold(l);
        log_info("%s: accepting", l->path);
        client_accept(&l->sock.stream, l->is_read_only, l->is_admin, l->tls);
    }
    is_resuming = false;
}

static void
on_connection(uv_stream_t *server, int status)
{
    struct listener *l = server->data;

    if (status < 0) {
        log_warn("%s: %s", l->path, uv_strerror(status));
        return;
    }
    if (!l->is_accepting || !client_registry_has_room(server_of(l))) {
        hold(l);
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
        rc = uv_listen(&l->sock.stream, backlog, on_connection);
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
        rc = uv_listen(&l->sock.stream, backlog, on_connection);
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
    return uv_listen(&l->sock.stream, backlog, on_connection);
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
    listener_resume_held();
}

void
listener_close(struct listener *l)
{
    if (l == NULL)
        return;
    unhold(l);
    if (l->sock.handle.type == UV_NAMED_PIPE && !l->is_adopted)
        unlink(l->path);
    uv_close(&l->sock.handle, on_closed);
}

void
listener_set_backlog(int n_queued)
{
    backlog = n_queued;
}

void
listener_set_admin(struct listener *l)
{
    l->is_admin = true;
}
