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

#include <sys/types.h>

struct domain_view_source;
struct driver;
struct worker;

/* Who is behind a connection that vireod opened for a client: the
 * driver decides with it what that client may do with files and other
 * host resources (an in-process connection acts with the process's own
 * rights and has none). */
#define CONN_IDENTITY_MAX_GROUPS 64

struct conn_identity {
    bool  is_read_only_socket;   /* came through vireo-sock-ro */
    bool  has_credentials;       /* a UNIX socket told who it is */
    pid_t pid;
    uid_t uid;
    gid_t gid;
    /* Supplementary groups, as many as fit: a client in more groups is
     * treated as if it were in these only (never given more rights). */
    gid_t groups[CONN_IDENTITY_MAX_GROUPS];
    int   n_groups;
};

/* The object kinds a hypervisor driver may leave to a companion driver,
 * as libvirt's QEMU driver leaves networks and storage to libvirt's
 * network and storage drivers (see driver.h, companion_of). */
enum conn_companion_kind {
    CONN_COMPANION_NETWORK,
    CONN_COMPANION_STORAGE,
    CONN_COMPANION_KINDS
};

struct vireo_conn {
    atomic_int           refs;
    const struct driver *driver;
    void                *priv;          /* the driver's; set by open */
    struct worker       *worker;        /* the driver's thread, or NULL */
    char                *uri;           /* as the caller gave it */
    bool                 is_read_only;
    /* Set before open by vireod, NULL in-process; owned by the conn. */
    struct conn_identity *identity;
    /* vireod only: the connections to the companion drivers that serve
     * this connection's networks and storage, opened with it (NULL where
     * there is none: the driver serves them itself or nobody does);
     * referenced, released when this connection closes. */
    struct vireo_conn   *companions[CONN_COMPANION_KINDS];
    /* What the driver publishes of the connection's domains for readers
     * on other threads (domain_view.h), or NULL; set by the driver's open
     * before its answer goes out, valid while the connection is. */
    struct domain_view_source *view;
};

struct vireo_domain {
    atomic_int          refs;
    struct vireo_conn  *conn;           /* referenced */
    char               *name;           /* changed by handle_domain_set_name */
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
/* The same for a thread that must never wait for a driver (an event
 * loop): if this is the last reference and the connection's driver has a
 * thread, the close (and the free) run there instead, later. */
void handle_conn_unref_elsewhere(struct vireo_conn *conn);

/* A new domain handle with one reference; NULL on allocation failure. */
struct vireo_domain *handle_domain_new(struct vireo_conn *conn,
                                       const char *name,
                                       const unsigned char *uuid, int id);
/* Name dom name (allocated; the handle owns it from now on), as a rename
 * does: never assign dom->name directly. */
void handle_domain_set_name(struct vireo_domain *dom, char *name);
struct vireo_domain *handle_domain_ref(struct vireo_domain *dom);
void handle_domain_unref(struct vireo_domain *dom);
/* handle_domain_unref, dropping the connection's reference with
 * handle_conn_unref_elsewhere(). */
void handle_domain_unref_elsewhere(struct vireo_domain *dom);
/* Unref the first n handles of doms, then free the array itself. */
void handle_domain_array_free(struct vireo_domain **doms, int n);

#endif /* VIREO_DRIVERS_HANDLE_H */
