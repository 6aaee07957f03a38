/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * object_event.h: event registrations and their delivery for the object
 * kinds that are not domains: networks, storage pools and node devices.
 *
 * The guarantees are domain_event.h's. One object_event_state per driver
 * state and kind, owned by the driver's thread: every function taking a
 * state is called there, and only there, with no lock. When an object
 * changes, the driver queues the event; it reaches every matching callback
 * later, on the registered event loop's thread, never from inside the call
 * that caused it, and each callback sees events in the order they were
 * queued.
 *
 * A callback may deregister itself or others from inside a delivery:
 * deliveries still queued for a removed registration are skipped.
 * free_cb(opaque) runs once no delivery can use opaque any more: on the
 * driver's thread during the removal when none is in flight, else on the
 * loop's thread after the last one.
 *
 * A driver's close must call object_event_deregister_conn() on each of its
 * states before the connection is gone: delivery relies on it.
 *
 * What differs between kinds is described once per kind by a struct
 * object_event_kind (drivers/network_event.c is an example): how many
 * event ids it has, whether a filter names an object by uuid or by name,
 * and how to make and drop the handle a callback receives.
 */
#ifndef VIREO_DRIVERS_OBJECT_EVENT_H
#define VIREO_DRIVERS_OBJECT_EVENT_H

#include "api/vireo.h"

/* A registered callback, stored whatever its kind's type; called through
 * its event id's own type (see object_event_invoke_default). */
typedef void (*object_event_cb)(void);
#define OBJECT_EVENT_CB(cb) ((object_event_cb)(void (*)(void))(cb))

/* What an event carries beyond its object. LIFECYCLE ids (0 for every
 * kind) fill ints with (event, detail); REFRESH and UPDATE carry
 * nothing. */
#define OBJECT_EVENT_N_INTS 2

struct object_event_payload {
    int ints[OBJECT_EVENT_N_INTS];
};

/* One kind of object. Immutable, usually a static const. */
struct object_event_kind {
    const char *what;         /* "network": for messages */
    int         n_event_ids;  /* ids 0 .. n_event_ids - 1 are valid */
    bool        has_uuid;     /* filters match by uuid, else by name */
    /* Driver thread: a new handle naming the object for conn, holding its
     * own reference on conn; NULL when memory is short (the event is then
     * not delivered to that callback). uuid is NULL for kinds without. */
    void *(*handle_new)(struct vireo_conn *conn, const char *name,
                        const unsigned char *uuid);
    /* Loop thread: drop a handle made by handle_new, letting go of its
     * connection with handle_conn_unref_elsewhere(), so that a last
     * reference closes the connection on its driver's thread. */
    void (*handle_unref_elsewhere)(void *handle);
    /* Loop thread: call cb, registered for event_id, with conn, handle and
     * p in the id's callback argument order. NULL means
     * object_event_invoke_default. */
    void (*invoke)(int event_id, object_event_cb cb, struct vireo_conn *conn,
                   void *handle, const struct object_event_payload *p,
                   void *opaque);
};

/* id 0: cb(conn, handle, ints[0], ints[1], opaque); any other id:
 * cb(conn, handle, opaque). That is every id of libvirt's network, storage
 * pool and node device events. */
void object_event_invoke_default(int event_id, object_event_cb cb,
                                 struct vireo_conn *conn, void *handle,
                                 const struct object_event_payload *p,
                                 void *opaque);

struct object_event_state;

/* A state for kind (which must outlive it) with no registrations; NULL
 * when memory is short. */
struct object_event_state *object_event_state_new(
    const struct object_event_kind *kind);
/* The owner lets go: every registration is dropped as by deregistration
 * (deliveries still queued are skipped, free_cb runs once). NULL is a
 * no-op. */
void object_event_state_free(struct object_event_state *st);

/* Register cb for event_id on conn. The filter names one object: by uuid
 * for kinds with uuids (name ignored), else by name; both NULL means every
 * object. Returns a callback id >= 0, unique within st. Fails with
 * VIR_ERR_INVALID_ARG for a bad id or a NULL cb, or when conn already has
 * cb registered for the same id and filter ("event callback already
 * tracked", as libvirt), and VIR_ERR_OPERATION_INVALID when no event loop
 * is registered. */
int object_event_register(struct object_event_state *st,
                          struct vireo_conn *conn, const char *filter_name,
                          const unsigned char *filter_uuid, int event_id,
                          object_event_cb cb, void *opaque,
                          vireo_free_cb free_cb, struct vireo_error *err);

/* Remove a registration made by conn. VIR_ERR_INVALID_ARG if conn has no
 * callback with that id in st (libvirt's wording). */
int object_event_deregister(struct object_event_state *st,
                            struct vireo_conn *conn, int callback_id,
                            struct vireo_error *err);

/* The event id conn registered callback_id for in st, or -1 when conn
 * holds no such callback there. */
int object_event_callback_event_id(const struct object_event_state *st,
                                   const struct vireo_conn *conn,
                                   int callback_id);

/* Remove every registration of conn (it is closing). */
void object_event_deregister_conn(struct object_event_state *st,
                                  struct vireo_conn *conn);

/* ---- Producing: driver thread -----------------------------------------
 * Each names the object as it is at emission time (uuid NULL for kinds
 * without), copies what it is given and is cheap when nobody listens. */

/* Any event id with its payload: for code that receives events already in
 * that shape (the remote driver). */
void object_event_queue(struct object_event_state *st, int event_id,
                        const char *name, const unsigned char *uuid,
                        const struct object_event_payload *p);

/* Event id 0, LIFECYCLE, with libvirt's event and detail numbers. */
void object_event_queue_lifecycle(struct object_event_state *st,
                                  const char *name, const unsigned char *uuid,
                                  int event, int detail);

/* An id that carries nothing beyond its object: storage pools' REFRESH,
 * node devices' UPDATE. */
void object_event_queue_plain(struct object_event_state *st, int event_id,
                              const char *name, const unsigned char *uuid);

#endif /* VIREO_DRIVERS_OBJECT_EVENT_H */
