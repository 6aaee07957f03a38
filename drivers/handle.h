/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * handle.h: the objects behind the public struct vireo_conn and struct
 * vireo_domain, shared by the client library and the drivers.
 *
 * Both are refcounted with atomics because any thread may hold them; the
 * last unref frees. A domain handle holds a reference on its connection.
 * A handle is a name for a domain, not the domain: drivers keep their own
 * state and only ever read name/uuid and refresh id.
 */
#ifndef VIREO_DRIVERS_HANDLE_H
#define VIREO_DRIVERS_HANDLE_H

#include <stdatomic.h>
#include <stdbool.h>

#include "api/vireo.h"

struct driver;

struct vireo_conn {
    atomic_int           refs;
    const struct driver *driver;
    void                *priv;          /* the driver's; set by open */
    char                *uri;           /* as the caller gave it */
    bool                 is_read_only;
};

struct vireo_domain {
    atomic_int          refs;
    struct vireo_conn  *conn;           /* referenced */
    char               *name;
    unsigned char       uuid[VIREO_UUID_BUFLEN];
    atomic_int          id;             /* -1 while inactive */
};

/* A new connection with one reference, not yet opened (driver NULL). */
struct vireo_conn *handle_conn_new(const char *uri, bool is_read_only);
struct vireo_conn *handle_conn_ref(struct vireo_conn *conn);
/* Take a reference only if the connection is not already closing (its count
 * reached zero); NULL otherwise. For code that finds a conn through a table
 * the closing path clears under the same lock (domain_event.c). */
struct vireo_conn *handle_conn_try_ref(struct vireo_conn *conn);
/* The last unref calls driver->close (if a driver was set) and frees. */
void handle_conn_unref(struct vireo_conn *conn);

/* A new domain handle with one reference; NULL on allocation failure. */
struct vireo_domain *handle_domain_new(struct vireo_conn *conn,
                                       const char *name,
                                       const unsigned char *uuid, int id);
struct vireo_domain *handle_domain_ref(struct vireo_domain *dom);
void handle_domain_unref(struct vireo_domain *dom);
/* Unref the first n handles of doms, then free the array itself. */
void handle_domain_array_free(struct vireo_domain **doms, int n);

#endif /* VIREO_DRIVERS_HANDLE_H */
