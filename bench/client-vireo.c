/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * client-vireo.c: vireo's client library (libvireo) behind bench's
 * struct client.
 */
#include <stdio.h>
#include <stdlib.h>

#include "client.h"
#include "vireo.h"

struct session {
    struct vireo_conn   *conn;
    struct vireo_domain *dom;
};

static void
report(const char *what, const struct vireo_error *err)
{
    fprintf(stderr, "bench-client: vireo: %s: %s\n", what, err->message);
}

static void
session_close(struct session *s)
{
    if (s == NULL)
        return;
    vireo_domain_free(s->dom);
    if (s->conn)
        vireo_conn_close(s->conn);
    free(s);
}

static struct session *
session_open(const char *uri)
{
    struct vireo_error err = { 0 };
    struct session *s = calloc(1, sizeof(*s));

    if (s == NULL)
        return NULL;
    s->conn = vireo_conn_open(uri, 0, &err);
    if (s->conn == NULL) {
        report(uri, &err);
        free(s);
        return NULL;
    }
    s->dom = vireo_domain_lookup_by_name(s->conn, "test", &err);
    if (s->dom == NULL) {
        report("lookup of 'test'", &err);
        session_close(s);
        return NULL;
    }
    return s;
}

static int
session_get_state(struct session *s)
{
    struct vireo_error err = { 0 };
    int state, reason;

    if (vireo_domain_get_state(s->dom, &state, &reason, 0, &err) < 0) {
        report("get state", &err);
        return -1;
    }
    return 0;
}

const struct client client_vireo = {
    .name      = "vireo",
    .open      = session_open,
    .get_state = session_get_state,
    .close     = session_close,
};
