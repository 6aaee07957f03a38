/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * companion.c: opening a connection's companions.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/companion.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/registry.h"

/* A copy of who is behind conn, or NULL for an in-process connection
 * (which has nobody to copy) and when memory is short (*is_short). */
static struct conn_identity *
copy_identity(const struct vireo_conn *conn, bool *is_short)
{
    struct conn_identity *who;

    *is_short = false;
    if (conn->identity == NULL)
        return NULL;
    who = malloc(sizeof(*who));
    if (who == NULL)
        *is_short = true;
    else
        *who = *conn->identity;
    return who;
}

/* The companion connection drv opens beside conn, or NULL with err set. */
static struct vireo_conn *
open_one(const struct vireo_conn *conn, const struct driver *drv,
         const struct uri *uri, unsigned flags, struct vireo_error *err)
{
    struct vireo_conn *mate = handle_conn_new(conn->uri, conn->is_read_only);
    bool is_short = mate == NULL;

    if (mate != NULL)
        mate->identity = copy_identity(conn, &is_short);
    if (is_short) {
        handle_conn_unref(mate);
        error_no_memory(err);
        return NULL;
    }
    mate->driver = drv;
    if (drv->open(mate, uri, flags, err) == 0)
        return mate;
    mate->driver = NULL;   /* nothing set up: no close to run */
    handle_conn_unref(mate);
    return NULL;
}

static void
drop_all(struct vireo_conn *conn)
{
    for (int k = 0; k < CONN_COMPANION_KINDS; k++) {
        handle_conn_unref_elsewhere(conn->companions[k]);
        conn->companions[k] = NULL;
    }
}

int
companion_open_all(struct vireo_conn *conn, const struct uri *uri,
                   unsigned flags, struct vireo_error *err)
{
    for (int k = 0; k < CONN_COMPANION_KINDS; k++) {
        const struct driver *drv = registry_companion(conn->driver, k);

        if (drv == NULL || drv->open == NULL)
            continue;
        conn->companions[k] = open_one(conn, drv, uri, flags, err);
        if (conn->companions[k] == NULL) {
            drop_all(conn);
            return -1;
        }
    }
    return 0;
}
