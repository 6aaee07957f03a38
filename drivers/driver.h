/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * driver.h: the driver table. One struct of function pointers per driver;
 * the client library and the daemon both call drivers only through it.
 *
 * A NULL slot means "not supported": callers answer VIR_ERR_NO_SUPPORT
 * (error_unsupported()), never crash.
 *
 * Slots taking a conn are called with a connection this driver opened;
 * slots taking a dom with a handle whose dom->conn is such a connection.
 * The driver identifies the domain by dom->uuid (name and id are hints that
 * may be stale) and, on success, refreshes dom->id.
 *
 * The slots of each kind of object (domains, networks, storage, ...) are
 * in driver_slots_<kind>.h, parts of the struct's body included below.
 */
#ifndef VIREO_DRIVERS_DRIVER_H
#define VIREO_DRIVERS_DRIVER_H

#include <stdbool.h>

#include "api/vireo.h"
#include "drivers/handle.h"

struct driver_config;
struct uri;
struct worker;

/* What the daemon tells a driver at startup. Only the daemon starts
 * drivers; a client process never calls startup. */
struct driver_context {
    const char *state_dir;      /* this driver's persistent data, created */
    const char *run_dir;        /* this driver's runtime state, created */
    bool        is_privileged;  /* the daemon runs as root: qemu:///system */
    /* The driver's own settings (its NAME.conf next to vireod's
     * configuration file), never NULL: empty when there is no file. */
    struct driver_config *config;
    /* One line for the daemon's log at warning level, for what a driver
     * cannot return as an error (a broken file found at startup, a guest
     * lost while the daemon was away). Any thread, for the daemon's life;
     * never NULL. */
    void (*log_warning)(const char *message);
};

struct driver {
    const char         *name;        /* "test", "qemu", "remote" */
    const char *const  *schemes;     /* URI schemes it accepts, NULL-ended */
    bool                daemon_only; /* never activated in a client process */

    /* Daemon-only state hooks, called on the daemon's main thread while
     * its loop runs, in the registry's order (shutdown in reverse):
     * startup before the daemon listens, autostart once it listens (the
     * objects marked so start then), shutdown after every client is gone.
     * autostart calls done(opaque) once, from any thread, when every
     * start it began has ended (running or failed): vireod accepts its
     * first client only then, as libvirtd enables its services once its
     * drivers have initialised, so no client sees an autostart half done.
     * shutdown cancels the calls still queued and returns once the
     * driver's threads are gone; the daemon bounds how long it waits. */
    int  (*startup)(const struct driver_context *ctx,
                    struct vireo_error *err);
    void (*autostart)(void (*done)(void *opaque), void *opaque);
    void (*shutdown)(void);
    /* The thread every call on this driver runs on (see worker.h), or NULL
     * for a driver that runs on its callers' threads (remote). In vireod
     * the daemon pushes each client's calls there; for a connection the
     * driver opened it is also conn->worker. Any thread. */
    struct worker *(*worker)(void);
    /* Daemon-only: true while the driver has guests running (or
     * starting), which keeps a daemon started with --timeout from exiting
     * when idle, as libvirt's drivers inhibit libvirtd's shutdown. Any
     * thread. NULL: the driver never holds the daemon. */
    bool (*has_guests)(void);

    /* Companion drivers serve one kind of object (companion_kind) for
     * the connections of the drivers named in companion_of, as libvirt's
     * network and storage drivers serve qemu:///system: vireod opens a
     * companion connection beside each such connection and sends that
     * kind's calls to it (conn->companions). A companion is daemon-only,
     * names no scheme, and its open runs on the opening driver's thread,
     * so it may only set conn->priv and conn->worker there. NULL for
     * every other driver. */
    const char *const       *companion_of;    /* driver names, NULL-ended */
    enum conn_companion_kind companion_kind;

    /* Per connection. open sets conn->priv (and conn->worker, for a
     * driver with a thread) on success; close frees them. close runs once,
     * when the last reference goes, on whatever thread drops it: a driver
     * with a thread moves the work there itself. */
    int  (*open)(struct vireo_conn *conn, const struct uri *uri,
                 unsigned flags, struct vireo_error *err);
    void (*close)(struct vireo_conn *conn);
    /* 1 while the connection works, else 0 with *reason set (enum
     * vireo_close_reason). NULL: always alive (in-process drivers). */
    int  (*conn_is_alive)(struct vireo_conn *conn, int *reason);
    /* Ping the peer after interval_s seconds of silence and give up after
     * count unanswered pings (interval_s <= 0: stop). 0, 1 when the peer
     * does not speak keepalive, -1 on error. */
    int  (*conn_set_keepalive)(struct vireo_conn *conn, int interval_s,
                               unsigned count, struct vireo_error *err);

    /* libvirt's virConnectIsSecure and virConnectIsEncrypted: 1 if the
     * connection is safe from eavesdropping (a local socket, a local
     * driver), or if what it carries is encrypted, else 0; -1 on error.
     * An in-process driver is secure and carries nothing, so it is not
     * encrypted, as libvirt's own drivers answer. */
    int (*conn_is_secure)(struct vireo_conn *conn, struct vireo_error *err);
    int (*conn_is_encrypted)(struct vireo_conn *conn,
                             struct vireo_error *err);

    /* Host queries. get_type's string is static or owned by the conn. */
    const char *(*conn_get_type)(struct vireo_conn *conn,
                                 struct vireo_error *err);
    int   (*conn_get_version)(struct vireo_conn *conn,
                              unsigned long long *version,
                              struct vireo_error *err);
    int   (*conn_get_lib_version)(struct vireo_conn *conn,
                                  unsigned long long *version,
                                  struct vireo_error *err);
    char *(*conn_get_hostname)(struct vireo_conn *conn,
                               struct vireo_error *err);
    char *(*conn_get_capabilities)(struct vireo_conn *conn,
                                   struct vireo_error *err);
    int   (*node_get_info)(struct vireo_conn *conn,
                           struct vireo_node_info *info,
                           struct vireo_error *err);
    int   (*node_get_security_model)(struct vireo_conn *conn,
                                     struct vireo_security_model *model,
                                     struct vireo_error *err);

    /* The slots of each kind of object, in files of their own. */
#define VIREO_DRIVER_SLOTS
#include "drivers/driver_slots_domain.h"
#include "drivers/driver_slots_network.h"
#include "drivers/driver_slots_storage.h"
#include "drivers/driver_slots_nodedev_iface.h"
#include "drivers/driver_slots_checkpoint.h"
#include "drivers/driver_slots_object_event.h"
#include "drivers/driver_slots_stream.h"
#undef VIREO_DRIVER_SLOTS
};

#endif /* VIREO_DRIVERS_DRIVER_H */
