/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * client.c: a client's socket on the main loop: reading and framing
 * (wire_read_length, then wire_decode of each whole message), throttling,
 * the client's lifetime, and its part in the drain at shutdown. Writing
 * is client_write.c's.
 *
 * Everything here runs on the loop thread, so the list of clients and each
 * client's fields need no lock.
 */
#include <errno.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <uv.h>

#include "daemon/client.h"
#include "daemon/client_priv.h"
#include "daemon/client_registry.h"
#include "daemon/client_tls.h"
#include "daemon/dispatch.h"
#include "daemon/event_sink.h"
#include "daemon/keepalive.h"
#include "daemon/log.h"
#include "daemon/metrics_clients.h"
#include "daemon/stream.h"
#include "drivers/driver.h"
#include "drivers/handle.h"
#include "wire/decode.h"

/* The loop's read buffer, and the room a client's own buffer grows by
 * when the length of the message it reads is not known yet. */
#define READ_CHUNK  65536
#define SMALL_CHUNK 4096

static struct client_limits limits = {
    .max_message_size = WIRE_MESSAGE_MAX,
    .max_clients = 5000,
    .max_client_requests = 5,
    .max_pending_out = 64u << 20,
    .keepalive_interval_s = 5,
    .keepalive_count = 5,
};
static struct client *open_clients;
static int n_open;           /* clients whose socket is open */
static size_t n_live;
static unsigned int last_id;
/* Shutdown has begun: no further call is run, and what clients send is
 * read only to be discarded. */
static bool is_draining;
/* Where a client with nothing pending reads: it keeps in its own buffer
 * only what it could not dispatch (the start of a message, or calls held
 * back while throttled), so an idle client holds no read buffer at all.
 * Only on_alloc and on_read use it, and they are never re-entered. */
static uint8_t shared_in[READ_CHUNK];

static void start_reading(struct client *c);
static enum client_transport transport_of(const struct client *c);

void
client_set_limits(const struct client_limits *l)
{
    limits = *l;
}

size_t
client_max_pending_out(void)
{
    return limits.max_pending_out;
}

static void
client_unref(struct client *c)
{
    if (--c->refs > 0)
        return;
    event_sink_detach(c->sink);
    stream_set_free(c->streams);
    client_tls_free(c->tls);
    wire_buffer_release(&c->corked);
    free(c->in);
    free(c);
    n_live--;
}

static void
on_closed(uv_handle_t *handle)
{
    client_unref(handle->data);
}

/* Stop reading, drop the connection, close the socket. The client itself
 * stays until its calls in flight come back. */
void
client_close(struct client *c)
{
    if (c->is_closed)
        return;
    c->is_closed = true;
    if (c->prev != NULL)
        c->prev->next = c->next;
    else
        open_clients = c->next;
    if (c->next != NULL)
        c->next->prev = c->prev;
    n_open--;
    metrics_socket_left(c->metrics_socket);
    client_registry_remove(c->record);
    c->record = NULL;
    client_release_conn(c);
    stream_set_close(c->streams);
    keepalive_stop(c->keepalive);
    c->keepalive = NULL;
    log_info("client %u: closed", c->id);
    uv_close(&c->sock.handle, on_closed);
}

/* Too many calls in flight, or console input waiting for a guest: read
 * nothing more until that changes. */
static bool
is_throttled(const struct client *c)
{
    return c->n_in_flight >= limits.max_client_requests ||
           stream_set_is_backed_up(c->streams);
}

/* A CALL_WITH_FDS message is followed on the socket by one placeholder
 * byte per descriptor, each byte carrying one descriptor as SCM_RIGHTS
 * (libvirt's client sends them once the message's last byte is out).
 * vireod serves no call that uses descriptors: it reads with read(2),
 * which makes the kernel close every descriptor it was passed, and skips
 * the placeholders. Returns their count for the whole message of n bytes
 * at p: 0 unless it is a CALL_WITH_FDS with a count the decoder accepts
 * (a count beyond that fails the decoding, and the call is answered). */
static size_t
fd_placeholders(const uint8_t *p, size_t n)
{
    remote_message_header hdr;
    uint32_t count;

    if (n < WIRE_LEN_SIZE + WIRE_HEADER_SIZE + 4)
        return 0;
    wire_header_decode(p + WIRE_LEN_SIZE, &hdr);
    if (hdr.type != WIRE_TYPE_CALL_WITH_FDS)
        return 0;
    p += WIRE_LEN_SIZE + WIRE_HEADER_SIZE;
    count = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
            (uint32_t)p[2] << 8 | p[3];
    return count <= WIRE_FDS_MAX ? count : 0;
}

/* Dispatch every whole message of the len bytes at in, as long as the
 * client is not throttled (c->is_dispatching is set). Returns the bytes
 * used; a client found breaking the framing is dropped. */
static size_t
dispatch_bytes(struct client *c, const uint8_t *in, size_t len)
{
    size_t used = 0;

    while (!is_draining && !c->is_closed && !is_throttled(c) &&
           len - used >= WIRE_LEN_SIZE) {
        long n = wire_read_length(in + used);
        size_t n_placeholders;
        struct wire_message msg;
        int result;

        if (n < 0 || (unsigned long)n > limits.max_message_size + WIRE_LEN_SIZE) {
            client_drop(c, "bad length word");
            break;
        }
        if (len - used < (size_t)n)
            break;
        n_placeholders = fd_placeholders(in + used, (size_t)n);
        if (n_placeholders > 0 && c->sock.handle.type == UV_TCP) {
            /* As libvirtd: no descriptor travels over TCP, and what
             * follows the message cannot be framed. */
            client_drop(c, "descriptors sent over TCP");
            break;
        }
        if (len - used < (size_t)n + n_placeholders)
            break;
        result = wire_decode(in + used, (size_t)n, &msg);
        used += (size_t)n + n_placeholders;
        dispatch_message(c, &msg, result);
    }
    return used;
}

/* An emptied buffer goes: an idle client keeps none. */
static void
consume(struct client *c, size_t used)
{
    if (c->in_len > used) {
        memmove(c->in, c->in + used, c->in_len - used);
        c->in_len -= used;
        return;
    }
    free(c->in);
    c->in = NULL;
    c->in_len = c->in_cap = 0;
}

/* Dispatch what the client's own buffer holds. Returns false if the
 * client was closed. Not re-entered: what a message sets off may resume
 * the client (a stream that drained), and the running loop sees that on
 * its next turn. */
static bool
dispatch_buffered(struct client *c)
{
    if (c->is_dispatching)
        return !c->is_closed;
    c->is_dispatching = true;
    consume(c, dispatch_bytes(c, c->in, c->in_len));
    c->is_dispatching = false;
    return !c->is_closed;
}

/* nread bytes arrived in shared_in (the client's own buffer was empty):
 * dispatch them and keep what is left. Returns false if the client was
 * closed. */
static bool
dispatch_shared(struct client *c, size_t nread)
{
    size_t used;
    uint8_t *p;

    c->is_dispatching = true;
    used = dispatch_bytes(c, shared_in, nread);
    c->is_dispatching = false;
    if (c->is_closed || used == nread)
        return !c->is_closed;
    if ((p = malloc(nread - used)) == NULL) {
        client_drop(c, "out of memory for what it sent");
        return false;
    }
    memcpy(p, shared_in + used, nread - used);
    c->in = p;
    c->in_len = c->in_cap = nread - used;
    return true;
}

/* Make room in the client's own buffer for the rest of the message being
 * read, or a small chunk while its length is not known. */
static int
reserve(struct client *c)
{
    size_t want = SMALL_CHUNK;
    uint8_t *p;

    if (c->in_len >= WIRE_LEN_SIZE) {
        long n = wire_read_length(c->in);

        if (n > 0 && (size_t)n > c->in_len)
            want = (size_t)n - c->in_len;
    }
    if (c->in_cap - c->in_len >= want)
        return 0;
    p = realloc(c->in, c->in_len + want);
    if (p == NULL)
        return -1;
    c->in = p;
    c->in_cap = c->in_len + want;
    return 0;
}

static void
on_alloc(uv_handle_t *handle, size_t suggested, uv_buf_t *buf)
{
    struct client *c = handle->data;

    if (c->tls != NULL) {
        char *base;
        size_t len;

        client_tls_buffer(c->tls, &base, &len);
        *buf = uv_buf_init(base, (unsigned int)len);
        return;
    }
    if (c->in_len == 0) {
        *buf = uv_buf_init((char *)shared_in, sizeof(shared_in));
        return;
    }
    if (reserve(c) < 0) {
        *buf = uv_buf_init(NULL, 0);
        return;
    }
    *buf = uv_buf_init((char *)c->in + c->in_len,
                       (unsigned int)(c->in_cap - c->in_len));
}

static void
stop_reading(struct client *c)
{
    if (c->is_reading)
        uv_read_stop(&c->sock.stream);
    c->is_reading = false;
}

/* Ciphertext arrived: drive the handshake, then move what it decrypts to
 * the bytes waiting for dispatch. false if the client was closed. */
static bool
read_tls(struct client *c, size_t nread)
{
    ssize_t n = 0;

    if (client_tls_received(c->tls, nread) < 0) {
        client_drop(c, client_tls_error(c->tls));
        return false;
    }
    while (reserve(c) == 0 &&
           (n = client_tls_recv(c->tls, c->in + c->in_len,
                                c->in_cap - c->in_len)) > 0)
        c->in_len += (size_t)n;
    if (n == CLIENT_TLS_EOF) {
        client_close(c);
        return false;
    }
    if (n < 0) {
        client_drop(c, client_tls_error(c->tls));
        return false;
    }
    return true;
}

/* Dispatch what arrived. Returns false if the client was closed. */
static bool
dispatch_read(struct client *c, size_t nread, const uv_buf_t *buf)
{
    if (c->tls != NULL)
        return read_tls(c, nread) && dispatch_buffered(c);
    if (buf->base == (char *)shared_in)
        return dispatch_shared(c, nread);
    c->in_len += nread;
    return dispatch_buffered(c);
}

/* The replies to what one read brought (pipelined calls answered on the
 * loop) are corked into one write. */
static void
on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf)
{
    struct client *c = stream->data;
    bool is_open;

    if (nread < 0) {
        if (nread != UV_EOF)
            log_info("client %u: read: %s", c->id, uv_strerror((int)nread));
        client_close(c);
        return;
    }
    keepalive_traffic(c->keepalive);
    if (is_draining)
        return;
    client_cork(c);
    is_open = dispatch_read(c, (size_t)nread, buf);
    client_uncork(c);
    if (is_open && is_throttled(c))
        stop_reading(c);
}

static void
start_reading(struct client *c)
{
    if (c->is_reading || c->is_closed)
        return;
    if (uv_read_start(&c->sock.stream, on_alloc, on_read) < 0) {
        client_close(c);
        return;
    }
    c->is_reading = true;
}

/* A TCP peer has no credentials to ask for: log its address instead. */
static void
log_tcp_peer(const struct client *c)
{
    struct sockaddr_storage addr;
    int len = sizeof(addr);
    char host[64] = "?";

    if (uv_tcp_getpeername(&c->sock.tcp, (struct sockaddr *)&addr, &len) == 0)
        uv_ip_name((struct sockaddr *)&addr, host, sizeof(host));
    log_info("client %u: connected over %s from %s", c->id,
             c->tls != NULL ? "TLS" : "TCP", host);
}

/* SO_PEERGROUPS into who. A client in more groups than fit is given the
 * ones that fit: fewer rights, never more. */
static void
read_groups(int fd, struct conn_identity *who)
{
    socklen_t len = sizeof(who->groups);
    gid_t *all;

    if (getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, who->groups, &len) == 0) {
        who->n_groups = (int)(len / sizeof(gid_t));
        return;
    }
    if (errno != ERANGE || (all = malloc(len)) == NULL)
        return;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, all, &len) == 0) {
        memcpy(who->groups, all, sizeof(who->groups));
        who->n_groups = CONN_IDENTITY_MAX_GROUPS;
    }
    free(all);
}

/* SO_PEERCRED: who connected a UNIX socket (a TCP peer cannot say). */
static void
read_credentials(struct client *c)
{
    struct conn_identity *who = &c->who;
    struct ucred cred;
    socklen_t len = sizeof(cred);
    uv_os_fd_t fd;

    who->is_read_only_socket = c->is_read_only;
    if (c->sock.handle.type == UV_TCP || uv_fileno(&c->sock.handle, &fd) < 0 ||
        getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0)
        return;
    who->has_credentials = true;
    who->pid = cred.pid;
    who->uid = cred.uid;
    who->gid = cred.gid;
    /* Only the permission checks read the groups, and they grant root
     * everything before looking (client_access_check): a system call per
     * connection saved where most clients are root's. */
    if (cred.uid != 0)
        read_groups(fd, who);
}

static void
log_peer(const struct client *c)
{
    if (c->sock.handle.type == UV_TCP)
        log_tcp_peer(c);
    else if (c->who.has_credentials)
        log_info("client %u: connected%s: pid %d uid %u gid %u", c->id,
                 c->is_read_only ? " read-only" : "", (int)c->who.pid,
                 (unsigned)c->who.uid, (unsigned)c->who.gid);
    else
        log_info("client %u: connected, peer credentials unknown", c->id);
}

/* The client's socket takes the kind of the listener it came through. */
static int
init_socket(uv_stream_t *server, union client_socket *sock)
{
    if (server->type == UV_TCP)
        return uv_tcp_init(server->loop, &sock->tcp);
    return uv_pipe_init(server->loop, &sock->pipe, 0);
}

static void
link_client(struct client *c)
{
    c->next = open_clients;
    if (open_clients != NULL)
        open_clients->prev = c;
    open_clients = c;
    n_open++;
    n_live++;
}

/* A client of a TLS listener gets its session before its first read. */
static int
start_tls(struct client *c, const struct tls_context *tls)
{
    char why[256];

    c->tls = client_tls_new(tls, client_write_bytes, c, why, sizeof(why));
    if (c->tls != NULL)
        return 0;
    client_drop(c, why);
    return -1;
}

int
client_accept(uv_stream_t *server, bool is_read_only, bool is_admin,
              const struct tls_context *tls)
{
    struct client *c = calloc(1, sizeof(*c));
    char why[64];

    if (c == NULL || (c->sink = event_sink_new(c)) == NULL ||
        (c->streams = stream_set_new(c)) == NULL ||
        init_socket(server, &c->sock) < 0) {
        if (c != NULL) {
            event_sink_detach(c->sink);
            stream_set_free(c->streams);
        }
        free(c);
        log_error("cannot accept a client: out of memory");
        return -1;
    }
    c->sock.handle.data = c;
    c->refs = 1;
    c->id = ++last_id;
    c->is_read_only = is_read_only;
    c->is_admin = is_admin;
    link_client(c);
    c->metrics_socket = metrics_socket_joined(server);
    if (uv_accept(server, &c->sock.stream) < 0) {
        log_warn("client %u: accept failed", c->id);
        client_close(c);
        return -1;
    }
    if (tls != NULL && start_tls(c, tls) < 0)
        return -1;
    read_credentials(c);
    log_peer(c);
    /* The sockets stop accepting at the limits (listener.c); a client
     * that gets past them anyway, or cannot be recorded, is closed at
     * once. */
    c->record = client_registry_add(c, c->id, is_admin ? CLIENT_SERVER_ADMIN
                                    : CLIENT_SERVER_MAIN, transport_of(c));
    if (client_registry_refuses(c->record, why, sizeof(why))) {
        log_warn("client %u: refused, %s", c->id, why);
        client_close(c);
        return -1;
    }
    start_reading(c);
    return 0;
}

bool
client_has_changes_in_flight(const struct client *c)
{
    return c->n_in_flight > c->n_reads_in_flight;
}

void
client_read_start(struct client *c)
{
    c->n_reads_in_flight++;
}

void
client_read_done(struct client *c)
{
    c->n_reads_in_flight--;
}

void
client_call_start(struct client *c)
{
    c->refs++;
    c->n_in_flight++;
}

void
client_resume(struct client *c)
{
    if (!c->is_closed && dispatch_buffered(c) && !is_throttled(c))
        start_reading(c);
}

bool
client_calls_are_read_only(const struct client *c)
{
    const struct vireo_conn *conn = client_conn(c);

    return c->is_read_only || (conn != NULL && conn->is_read_only);
}

void
client_call_done(struct client *c)
{
    c->n_in_flight--;
    client_resume(c);
    client_unref(c);
}

void
client_drop(struct client *c, const char *why)
{
    log_warn("client %u: %s, disconnecting", c->id, why);
    client_close(c);
}

void
client_enable_keepalive(struct client *c)
{
    if (c->keepalive == NULL && !c->is_closed)
        c->keepalive = keepalive_start(c, limits.keepalive_interval_s,
                                       limits.keepalive_count);
}

bool
client_is_closed(const struct client *c)
{
    return c->is_closed;
}

bool
client_is_read_only(const struct client *c)
{
    return c->is_read_only;
}

struct event_sink *
client_event_sink(const struct client *c)
{
    return c->sink;
}

struct stream_set *
client_streams(const struct client *c)
{
    return c->streams;
}

struct vireo_conn *
client_conn(const struct client *c)
{
    return c->conn;
}

bool
client_is_opening(const struct client *c)
{
    return c->is_opening;
}

void
client_set_opening(struct client *c, bool is_opening)
{
    c->is_opening = is_opening;
}

void
client_set_conn(struct client *c, struct vireo_conn *conn)
{
    c->conn = conn;
}

void
client_identity(const struct client *c, struct conn_identity *who)
{
    *who = c->who;
}

void
client_release_conn(struct client *c)
{
    struct vireo_conn *conn = c->conn;

    c->conn = NULL;
    handle_conn_unref_elsewhere(conn);
}

void
client_stop_calls(void)
{
    is_draining = true;
    for (struct client *c = open_clients; c != NULL; c = c->next) {
        consume(c, c->in_len);
        stream_set_quiesce(c->streams);
        start_reading(c);
    }
}

void
client_count_pending(size_t *n_calls, size_t *n_bytes)
{
    *n_calls = *n_bytes = 0;
    for (const struct client *c = open_clients; c != NULL; c = c->next) {
        *n_calls += (size_t)c->n_in_flight;
        *n_bytes += uv_stream_get_write_queue_size(&c->sock.stream);
    }
}

/* Closing a socket with unread bytes makes the kernel reset the connection:
 * the peer reads ECONNRESET instead of EOF on a UNIX socket, and on TCP the
 * RST also drops replies not yet sent. Emptying it first makes the end a
 * clean EOF, unless the peer is still sending at that very moment. Bounded,
 * so that a peer that keeps sending cannot hold us here. */
static void
discard_unread(struct client *c)
{
    char buf[65536];
    uv_os_fd_t fd;

    if (uv_fileno(&c->sock.handle, &fd) < 0)
        return;
    for (int i = 0; i < 64; i++)
        if (recv(fd, buf, sizeof(buf), MSG_DONTWAIT) <= 0)
            return;
}

void
client_close_all(void)
{
    while (open_clients != NULL) {
        discard_unread(open_clients);
        client_close(open_clients);
    }
}

size_t
client_n_live(void)
{
    return n_live;
}

/* For the admin program (client_registry.h). */
static enum client_transport
transport_of(const struct client *c)
{
    if (c->tls != NULL)
        return CLIENT_TRANSPORT_TLS;
    return c->sock.handle.type == UV_TCP ? CLIENT_TRANSPORT_TCP
                                         : CLIENT_TRANSPORT_UNIX;
}

bool
client_is_admin(const struct client *c)
{
    return c->is_admin;
}

bool
client_is_in_handshake(const struct client *c)
{
    return c->tls != NULL && !client_tls_is_ready(c->tls);
}

bool
client_peer_address(const struct client *c, char *buf, size_t len)
{
    struct sockaddr_storage addr;
    int addr_len = sizeof(addr);
    char host[64];
    int port;

    if (c->sock.handle.type != UV_TCP ||
        uv_tcp_getpeername(&c->sock.tcp, (struct sockaddr *)&addr,
                           &addr_len) < 0 ||
        uv_ip_name((struct sockaddr *)&addr, host, sizeof(host)) < 0)
        return false;
    port = addr.ss_family == AF_INET6
               ? ntohs(((struct sockaddr_in6 *)&addr)->sin6_port)
               : ntohs(((struct sockaddr_in *)&addr)->sin_port);
    snprintf(buf, len, addr.ss_family == AF_INET6 ? "[%s]:%d" : "%s:%d",
             host, port);
    return true;
}

bool
client_x509_dname(const struct client *c, char *buf, size_t len)
{
    return c->tls != NULL && client_tls_peer_dn(c->tls, buf, len);
}
