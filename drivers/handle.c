/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * handle.c: connection and domain handles.
 *
 * Handles are shared by every thread of a client (and, in the daemon, by
 * the loop and driver threads), so their lifetime is an atomic refcount and
 * their fields are immutable after creation, except a domain's id, which is
 * atomic because drivers refresh it.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/driver.h"
#include "drivers/handle.h"

struct vireo_conn *
handle_conn_new(const char *uri, bool is_read_only)
{
    struct vireo_conn *conn = calloc(1, sizeof(*conn));

    if (conn == NULL)
        return NULL;
    conn->uri = strdup(uri ? uri : "");
    if (conn->uri == NULL) {
        free(conn);
        return NULL;
    }
    atomic_init(&conn->refs, 1);
    conn->is_read_only = is_read_only;
    return conn;
}

struct vireo_conn *
handle_conn_ref(struct vireo_conn *conn)
{
    if (conn != NULL)
        atomic_fetch_add(&conn->refs, 1);
    return conn;
}

struct vireo_conn *
handle_conn_try_ref(struct vireo_conn *conn)
{
    int refs = atomic_load(&conn->refs);

    while (refs > 0)
        if (atomic_compare_exchange_weak(&conn->refs, &refs, refs + 1))
            return conn;
    return NULL;
}

void
handle_conn_unref(struct vireo_conn *conn)
{
    if (conn == NULL || atomic_fetch_sub(&conn->refs, 1) != 1)
        return;
    if (conn->driver != NULL && conn->driver->close != NULL)
        conn->driver->close(conn);
    free(conn->uri);
    free(conn);
}

struct vireo_domain *
handle_domain_new(struct vireo_conn *conn, const char *name,
                  const unsigned char *uuid, int id)
{
    struct vireo_domain *dom = calloc(1, sizeof(*dom));

    if (dom == NULL)
        return NULL;
    dom->name = strdup(name);
    if (dom->name == NULL) {
        free(dom);
        return NULL;
    }
    atomic_init(&dom->refs, 1);
    atomic_init(&dom->id, id);
    memcpy(dom->uuid, uuid, VIREO_UUID_BUFLEN);
    dom->conn = handle_conn_ref(conn);
    return dom;
}

struct vireo_domain *
handle_domain_ref(struct vireo_domain *dom)
{
    if (dom != NULL)
        atomic_fetch_add(&dom->refs, 1);
    return dom;
}

void
handle_domain_unref(struct vireo_domain *dom)
{
    if (dom == NULL || atomic_fetch_sub(&dom->refs, 1) != 1)
        return;
    handle_conn_unref(dom->conn);
    free(dom->name);
    free(dom);
}

void
handle_domain_array_free(struct vireo_domain **doms, int n)
{
    for (int i = 0; i < n; i++)
        handle_domain_unref(doms[i]);
    free(doms);
}
