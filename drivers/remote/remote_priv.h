/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_priv.h: what the remote driver keeps per connection, and the
 * helpers its slot files share.
 */
#ifndef VIREO_DRIVERS_REMOTE_PRIV_H
#define VIREO_DRIVERS_REMOTE_PRIV_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "api/vireo.h"
#include "drivers/remote/remote_uri.h"
#include "wire/remote_protocol.h"

struct domain_event_state;
struct rpc_client;
struct wire_message;

/* One event id's registration on the daemon, shared by every local
 * callback for that id: the daemon sends each event once and the local
 * registrations (drivers/domain_event.c) filter and fan it out. */
struct remote_event_id {
    int        n_local;      /* local callbacks for this id */
    atomic_int remote_id;    /* the daemon's callbackID; -1: none */
};

/* A local callback id and the event id it was registered for. */
struct remote_local_reg {
    int callback_id;
    int event_id;
};

struct remote_priv {
    struct rpc_client         *rpc;
    /* How the daemon is reached: it weighs in on is_secure and
     * is_encrypted. Set at open, read-only after. */
    enum remote_transport      transport;
    /* The local registrations. The remote driver has no thread of its
     * own: callers register from theirs and whichever thread reads the
     * socket queues events, so this lock makes the state single-owner
     * (domain_event.h). Held only around those calls, never across I/O;
     * taken after `lock` when both are. */
    pthread_mutex_t            events_lock;
    struct domain_event_state *events;
    /* The daemon speaks the callback-style event procedures (feature 14);
     * otherwise the legacy ones (167/168, messages 107/169). */
    bool                       has_event_callbacks;
    /* The daemon speaks keepalive (feature 10; asked only with a loop). */
    bool                       has_keepalive;

    /* Guards the rest. Held across the calls that change registrations on
     * the daemon, never taken by the code that reads event messages. */
    pthread_mutex_t            lock;
    char                      *type;            /* CONNECT_GET_TYPE, cached */
    struct remote_event_id     ids[VIR_DOMAIN_EVENT_ID_LAST];
    struct remote_local_reg   *regs;
    int                        n_regs;
    /* Network events (remote_object_event.c), made by the first
     * registration; NULL before. */
    struct remote_object_events *objects;
    /* Storage pool and node device events (remote_object_event_kinds.c),
     * made by the first registration of either; NULL before. */
    struct remote_object_event_kinds *object_kinds;
};

/* Call proc on the daemon behind conn (rpc_client_call()). */
int remote_call(struct vireo_conn *conn, int proc, const void *args,
                void *ret, struct vireo_error *err);

/* A domain as the wire names it; out points into dom (do not free). */
void remote_domain_to_wire(const struct vireo_domain *dom,
                           remote_nonnull_domain *out);
/* A new handle for a domain the daemon named. */
struct vireo_domain *remote_domain_from_wire(struct vireo_conn *conn,
                                             const remote_nonnull_domain *in,
                                             struct vireo_error *err);

/* Copy a counted char array of the wire (its count includes the NUL, as
 * libvirtd sends it) into a C string of size dst_size. */
void remote_copy_chars(char *dst, size_t dst_size, const char *src,
                       u_int len);

/* remote_network.c: a network as the wire names it (out points into
 * net), and a new handle for one the daemon named. */
void remote_network_to_wire(const struct vireo_network *net,
                            remote_nonnull_network *out);
struct vireo_network *remote_network_from_wire(
    struct vireo_conn *conn, const remote_nonnull_network *in,
    struct vireo_error *err);

/* remote_object_event.c: the reading thread's hook (true when msg was an
 * object event, handled), the close hook, and the free. */
bool remote_object_event_on_message(const struct wire_message *msg,
                                    struct remote_priv *priv);
void remote_object_events_close(struct vireo_conn *conn);
void remote_object_events_free(struct remote_priv *priv);

/* remote_object_event_kinds.c: the same three for storage pool and node
 * device events (the network ones call them). */
bool remote_object_event_kinds_on_message(const struct wire_message *msg,
                                          struct remote_priv *priv);
void remote_object_event_kinds_close(struct vireo_conn *conn);
void remote_object_event_kinds_free(struct remote_priv *priv);

/* remote_event.c */
void remote_event_init(struct remote_priv *priv);
/* rpc_message_cb for the connection: opaque is the remote_priv. */
void remote_event_on_message(const struct wire_message *msg, void *opaque);
int  remote_event_register(struct vireo_conn *conn, struct vireo_domain *dom,
                           int event_id, vireo_domain_event_generic_cb cb,
                           void *opaque, vireo_free_cb free_cb,
                           struct vireo_error *err);
int  remote_event_deregister(struct vireo_conn *conn, int callback_id,
                             struct vireo_error *err);
/* The connection is closing: drop every local registration. */
void remote_event_close(struct vireo_conn *conn);

#endif /* VIREO_DRIVERS_REMOTE_PRIV_H */
