/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * loadgen-guest.c: one QEMU guest over a blocking connection
 * (loadgen-guest.h).
 */
#include "loadgen-guest.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "bench-guest.h"
#include "loadgen-conn.h"
#include "measure.h"

int
guest_connect(const char *path, const char *uri, int *fd)
{
    struct timeval tv = { .tv_sec = GUEST_CALL_TIMEOUT_S };

    if ((*fd = connect_unix(path)) < 0)
        return -1;
    setsockopt(*fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    return open_sync(*fd, uri);
}

int
guest_define(struct guest *g, const char *path, const char *uri,
             const char *prefix, const char *what)
{
    char xml[1024];
    struct wire_message reply;

    *g = (struct guest){ .fd = -1 };
    snprintf(g->name, sizeof(g->name), "%s-%s", prefix, what);
    if (guest_connect(path, uri, &g->fd) < 0)
        return -1;
    bench_guest_xml(xml, sizeof(xml), g->name);
    remote_domain_define_xml_args args = { .xml = xml };
    if (call_sync(g->fd, REMOTE_PROC_DOMAIN_DEFINE_XML,
                  (xdrproc_t)xdr_remote_domain_define_xml_args, &args,
                  &reply) < 0)
        return -1;
    remote_domain_define_xml_ret *ret = reply.body;
    g->dom = ret->dom;
    memset(&ret->dom, 0, sizeof(ret->dom));    /* now ours */
    wire_message_free(&reply);
    g->is_defined = true;
    return 0;
}

double
guest_call(int fd, const struct guest *g, int proc)
{
    remote_domain_create_args args = { .dom = g->dom };
    struct wire_message reply;
    double t0 = now_us();

    if (call_sync(fd, proc, (xdrproc_t)xdr_remote_domain_create_args, &args,
                  &reply) < 0)
        return -1;
    wire_message_free(&reply);
    return (now_us() - t0) / 1e3;
}

void
guest_release(struct guest *g)
{
    if (g->is_running)
        guest_call(g->fd, g, REMOTE_PROC_DOMAIN_DESTROY);
    if (g->is_defined)
        guest_call(g->fd, g, REMOTE_PROC_DOMAIN_UNDEFINE);
    if (g->fd >= 0)
        close(g->fd);
    xdr_free((xdrproc_t)xdr_remote_nonnull_domain, (char *)&g->dom);
    *g = (struct guest){ .fd = -1 };
}
