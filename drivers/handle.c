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
#include "drivers/worker.h"

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

/* The last reference is gone. */
static void
conn_close(struct vireo_conn *conn)
{
    if (conn->driver != NULL && conn->driver->close != NULL)
        conn->driver->close(conn);
    for (int k = 0; k < CONN_COMPANION_KINDS; k++)
        handle_conn_unref_elsewhere(conn->companions[k]);
    free(conn->identity);
    free(conn->uri);
    free(conn);
}

static void
conn_close_job(void *arg)
{
    conn_close(arg);
}

void
handle_conn_unref(struct vireo_conn *conn)
{
    if (conn != NULL && atomic_fetch_sub(&conn->refs, 1) == 1)
        conn_close(conn);
}

/* A connection whose driver has a thread holds that thread (a lease, see
 * worker_lease.h) until it is closed, so the job can only fail when memory
 * is short; closing here is the fallback, correct if slow. */
void
handle_conn_unref_elsewhere(struct vireo_conn *conn)
{
    if (conn == NULL || atomic_fetch_sub(&conn->refs, 1) != 1)
        return;
    if (conn->worker == NULL || worker_current() == conn->worker ||
        !worker_submit(conn->worker, conn_close_job, conn))
        conn_close(conn);
}

/* A handle and its name are one allocation (an event to a thousand
 * subscribers makes a thousand handles): the name sits right after the
 * handle, until a rename gives it one of its own. */
static bool
has_own_name(const struct vireo_domain *dom)
{
    return dom->name != (const char *)(dom + 1);
}

struct vireo_domain *
handle_domain_new(struct vireo_conn *conn, const char *name,
                  const unsigned char *uuid, int id)
{
    size_t name_size = strlen(name) + 1;
    struct vireo_domain *dom = malloc(sizeof(*dom) + name_size);

    if (dom == NULL)
        return NULL;
    memset(dom, 0, sizeof(*dom));
    dom->name = memcpy(dom + 1, name, name_size);
    atomic_init(&dom->refs, 1);
    atomic_init(&dom->id, id);
    memcpy(dom->uuid, uuid, VIREO_UUID_BUFLEN);
    dom->conn = handle_conn_ref(conn);
    return dom;
}

void
handle_domain_set_name(struct vireo_domain *dom, char *name)
{
    if (has_own_name(dom))
        free(dom->name);
    dom->name = name;
}

struct vireo_domain *
handle_domain_ref(struct vireo_domain *dom)
{
    if (dom != NULL)
        atomic_fetch_add(&dom->refs, 1);
    return dom;
}

/* Free a domain handle whose last reference went; returns its conn,
 * whose reference the caller drops. */
static struct vireo_conn *
domain_free(struct vireo_domain *dom)
{
    struct vireo_conn *conn = dom->conn;

    if (has_own_name(dom))
        free(dom->name);
    free(dom);
    return conn;
}

void
handle_domain_unref(struct vireo_domain *dom)
{
    if (dom != NULL && atomic_fetch_sub(&dom->refs, 1) == 1)
        handle_conn_unref(domain_free(dom));
}

void
handle_domain_unref_elsewhere(struct vireo_domain *dom)
{
    if (dom != NULL && atomic_fetch_sub(&dom->refs, 1) == 1)
        handle_conn_unref_elsewhere(domain_free(dom));
}

void
handle_domain_array_free(struct vireo_domain **doms, int n)
{
    for (int i = 0; i < n; i++)
        handle_domain_unref(doms[i]);
    free(doms);
}
