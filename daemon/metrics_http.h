/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * metrics_http.h: the metrics endpoint's HTTP side: GET /metrics over a
 * loopback TCP port or a UNIX socket, served by libmicrohttpd on a thread
 * of its own.
 *
 * That thread only calls the render function it is given, which reads
 * counters and snapshots made to be read from any thread: it never
 * touches the loop's or a driver's state.
 */
#ifndef VIREO_DAEMON_METRICS_HTTP_H
#define VIREO_DAEMON_METRICS_HTTP_H

#include <stdbool.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "api/vireo.h"

struct metrics_text;

/* Where metrics_listen says to listen. */
struct metrics_address {
    bool                    is_unix;
    struct sockaddr_storage sa;      /* a sockaddr_in, _in6 or _un */
    socklen_t               sa_len;
};

/* Read metrics_listen: a UNIX socket path (starting with '/'), or
 * HOST:PORT with HOST a loopback address (127.x.x.x, [::1] or
 * localhost). Any other host is refused: the figures name domains and
 * clients and carry no authentication. 0, or -1 with err set. */
int metrics_address_parse(const char *listen, struct metrics_address *a,
                          struct vireo_error *err);

/* Called on the HTTP thread for each scrape: append the figures. */
typedef void (*metrics_render_fn)(struct metrics_text *t);

struct metrics_http;

/* Bind listen (as metrics_address_parse reads it; a UNIX socket file left
 * there is removed first, the caller holding the pid file) and serve
 * render's text at /metrics. NULL with err set. */
struct metrics_http *metrics_http_start(const char *listen,
                                        metrics_render_fn render,
                                        struct vireo_error *err);

/* Stop serving (a scrape in progress finishes first) and remove the
 * socket file. NULL is a no-op. */
void metrics_http_stop(struct metrics_http *h);

#endif /* VIREO_DAEMON_METRICS_HTTP_H */
