/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * client-libvirt.c: libvirt's C client library behind bench's
 * struct client.
 */
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <stdio.h>
#include <stdlib.h>

#include "client.h"

struct session {
    virConnectPtr conn;
    virDomainPtr  dom;
};

/* libvirt prints every error by default; we report the ones we see. */
static void
quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

static void
report(const char *what)
{
    fprintf(stderr, "bench-client: libvirt: %s: %s\n", what,
            virGetLastErrorMessage());
}

static void
session_close(struct session *s)
{
    if (s == NULL)
        return;
    if (s->dom)
        virDomainFree(s->dom);
    if (s->conn)
        virConnectClose(s->conn);
    free(s);
}

static struct session *
session_open(const char *uri)
{
    struct session *s = calloc(1, sizeof(*s));

    if (s == NULL)
        return NULL;
    virSetErrorFunc(NULL, quiet);
    s->conn = virConnectOpen(uri);
    if (s->conn == NULL) {
        report(uri);
        free(s);
        return NULL;
    }
    s->dom = virDomainLookupByName(s->conn, "test");
    if (s->dom == NULL) {
        report("lookup of 'test'");
        session_close(s);
        return NULL;
    }
    return s;
}

static int
session_get_state(struct session *s)
{
    int state, reason;

    if (virDomainGetState(s->dom, &state, &reason, 0) < 0) {
        report("get state");
        return -1;
    }
    return 0;
}

const struct client client_libvirt = {
    .name      = "libvirt",
    .open      = session_open,
    .get_state = session_get_state,
    .close     = session_close,
};
