/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * metrics_http.c: the listening socket we bind ourselves, handed to
 * libmicrohttpd (MHD_OPTION_LISTEN_SOCKET), which then parses HTTP on its
 * own thread (epoll on Linux, so a daemon with many descriptors is fine).
 * Requests are answered at once from render(): GET or HEAD /metrics gets
 * the text, another path 404, another method 405.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "daemon/log.h"
#include "daemon/metrics_http.h"
#include "daemon/metrics_text.h"
#include "drivers/error.h"

/* Scrapers are few; a client that connects and says nothing is dropped. */
#define MAX_CONNECTIONS   32u
#define IDLE_TIMEOUT_S    10u
#define LISTEN_BACKLOG    16
/* Owner and group may scrape the UNIX socket. */
#define UNIX_SOCKET_PERMS 0660

/* Made and freed on the loop thread; the HTTP thread only calls render. */
struct metrics_http {
    struct MHD_Daemon *mhd;
    metrics_render_fn  render;
    char              *unix_path;     /* to remove at stop; NULL for TCP */
};

static int
refuse(struct vireo_error *err, const char *listen, const char *why)
{
    return error_set(err, VIR_ERR_CONF_SYNTAX, VIR_FROM_CONF,
                     "metrics_listen '%s': %s", listen, why);
}

/* A well-formed address vireod will not serve on. */
static int
refuse_remote(struct vireo_error *err, const char *listen)
{
    return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_CONF,
                     "metrics_listen '%s': not a loopback address: metrics "
                     "are served on 127.0.0.0/8, [::1] or a UNIX socket "
                     "only", listen);
}

static int
parse_unix(const char *listen, struct metrics_address *a,
           struct vireo_error *err)
{
    struct sockaddr_un *un = (struct sockaddr_un *)&a->sa;

    if (strlen(listen) >= sizeof(un->sun_path))
        return refuse(err, listen, "the socket path is too long");
    a->is_unix = true;
    un->sun_family = AF_UNIX;
    strcpy(un->sun_path, listen);
    a->sa_len = sizeof(*un);
    return 0;
}

/* host (brackets removed) and port into a, if host is a loopback
 * literal or localhost. */
static int
parse_host(const char *listen, const char *host, int port,
           struct metrics_address *a, struct vireo_error *err)
{
    struct sockaddr_in *in4 = (struct sockaddr_in *)&a->sa;
    struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&a->sa;

    if (strcmp(host, "localhost") == 0)
        host = "127.0.0.1";
    if (inet_pton(AF_INET, host, &in4->sin_addr) == 1) {
        if ((ntohl(in4->sin_addr.s_addr) >> 24) != 127)
            return refuse_remote(err, listen);
        in4->sin_family = AF_INET;
        in4->sin_port = htons((uint16_t)port);
        a->sa_len = sizeof(*in4);
        return 0;
    }
    if (inet_pton(AF_INET6, host, &in6->sin6_addr) == 1) {
        if (!IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr))
            return refuse_remote(err, listen);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons((uint16_t)port);
        a->sa_len = sizeof(*in6);
        return 0;
    }
    return refuse(err, listen, "expected HOST:PORT with a loopback address, "
                  "or a UNIX socket path");
}

int
metrics_address_parse(const char *listen, struct metrics_address *a,
                      struct vireo_error *err)
{
    char host[64];
    const char *colon = strrchr(listen, ':');
    const char *start = listen;
    size_t host_len;
    char *end;
    long port;

    memset(a, 0, sizeof(*a));
    if (listen[0] == '/')
        return parse_unix(listen, a, err);
    if (colon == NULL)
        return refuse(err, listen, "expected HOST:PORT, or a UNIX socket "
                      "path");
    errno = 0;
    port = strtol(colon + 1, &end, 10);
    if (colon[1] == '\0' || *end != '\0' || errno != 0 || port < 1 ||
        port > 65535)
        return refuse(err, listen, "the port must be 1 to 65535");
    host_len = (size_t)(colon - listen);
    if (listen[0] == '[' && host_len >= 2 && colon[-1] == ']') {
        start++;
        host_len -= 2;
    }
    if (host_len == 0 || host_len >= sizeof(host))
        return refuse(err, listen, "expected HOST:PORT with a loopback "
                      "address");
    memcpy(host, start, host_len);
    host[host_len] = '\0';
    return parse_host(listen, host, (int)port, a, err);
}

/* A socket file left at path by an earlier run goes (the caller holds
 * the pid file, so no live vireod owns it); anything else there is not
 * ours to remove, and binding then fails with EADDRINUSE. */
static void
remove_stale_socket(const char *path)
{
    struct stat st;

    if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode) && unlink(path) == 0)
        log_info("removed the stale socket %s", path);
}

/* Bind fd to a and listen: 0, or -1 with errno set. */
static int
bind_and_listen(int fd, const char *listen_text,
                const struct metrics_address *a)
{
    int one = 1;

    if (a->is_unix)
        remove_stale_socket(listen_text);
    if (!a->is_unix)
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (bind(fd, (const struct sockaddr *)&a->sa, a->sa_len) < 0 ||
        (a->is_unix && chmod(listen_text, UNIX_SOCKET_PERMS) < 0))
        return -1;
    return listen(fd, LISTEN_BACKLOG);
}

/* A bound, listening socket for a. -1 with err set. */
static int
bind_socket(const char *listen_text, const struct metrics_address *a,
            struct vireo_error *err)
{
    int fd = socket(a->sa.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);

    if (fd >= 0 && bind_and_listen(fd, listen_text, a) == 0)
        return fd;
    error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_RPC,
              "cannot listen for metrics on %s: %s", listen_text,
              strerror(errno));
    if (fd >= 0)
        close(fd);
    return -1;
}

static enum MHD_Result
answer(struct MHD_Connection *conn, unsigned int status, char *body,
       size_t len, const char *content_type)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    enum MHD_Result rc;

    if (r == NULL) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, content_type);
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    rc = MHD_queue_response(conn, status, r);
    MHD_destroy_response(r);
    return rc;
}

static enum MHD_Result
answer_text(struct MHD_Connection *conn, unsigned int status,
            const char *text)
{
    char *body = strdup(text);

    return body != NULL ? answer(conn, status, body, strlen(body),
                                 "text/plain; charset=utf-8")
                        : MHD_NO;
}

/* The HTTP thread, once per request (the first call: nothing here needs
 * the request's body, which libmicrohttpd then discards). */
static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url,
           const char *method, const char *version, const char *upload_data,
           size_t *upload_data_size, void **req_cls)
{
    struct metrics_http *h = cls;
    struct metrics_text t = { 0 };
    size_t len;
    char *body;

    if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
        strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
        return answer_text(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
                           "only GET and HEAD are served\n");
    if (strcmp(url, "/metrics") != 0)
        return answer_text(conn, MHD_HTTP_NOT_FOUND,
                           "not found: the figures are at /metrics\n");
    h->render(&t);
    body = metrics_text_take(&t, &len);
    if (body == NULL)
        return answer_text(conn, MHD_HTTP_INTERNAL_SERVER_ERROR,
                           "out of memory\n");
    return answer(conn, MHD_HTTP_OK, body, len, METRICS_TEXT_CONTENT_TYPE);
}

static void
on_mhd_log(void *cls, const char *fmt, va_list ap)
{
    char line[256];
    size_t n;

    vsnprintf(line, sizeof(line), fmt, ap);
    n = strlen(line);
    if (n > 0 && line[n - 1] == '\n')
        line[n - 1] = '\0';
    log_warn("metrics: %s", line);
}

static struct MHD_Daemon *
serve(struct metrics_http *h, int fd)
{
    return MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG,
                            0, NULL, NULL, on_request, h,
                            MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
                            MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
                            MHD_OPTION_CONNECTION_LIMIT, MAX_CONNECTIONS,
                            MHD_OPTION_CONNECTION_TIMEOUT, IDLE_TIMEOUT_S,
                            MHD_OPTION_END);
}

struct metrics_http *
metrics_http_start(const char *listen, metrics_render_fn render,
                   struct vireo_error *err)
{
    struct metrics_address a;
    struct metrics_http *h;
    int fd;

    if (metrics_address_parse(listen, &a, err) < 0)
        return NULL;
    h = calloc(1, sizeof(*h));
    if (h == NULL || (a.is_unix && (h->unix_path = strdup(listen)) == NULL)) {
        free(h);
        error_no_memory(err);
        return NULL;
    }
    h->render = render;
    fd = bind_socket(listen, &a, err);
    if (fd >= 0 && (h->mhd = serve(h, fd)) == NULL) {
        error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_RPC,
                  "cannot serve metrics on %s", listen);
        close(fd);
    }
    if (h->mhd == NULL) {
        if (fd >= 0 && h->unix_path != NULL)
            unlink(h->unix_path);
        free(h->unix_path);
        free(h);
        return NULL;
    }
    log_info("serving metrics on %s", listen);
    return h;
}

void
metrics_http_stop(struct metrics_http *h)
{
    if (h == NULL)
        return;
    /* Also closes the listening socket it was given. */
    MHD_stop_daemon(h->mhd);
    if (h->unix_path != NULL)
        unlink(h->unix_path);
    free(h->unix_path);
    free(h);
}
