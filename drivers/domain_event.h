/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_event.h: lifecycle-event registrations and their delivery.
 *
 * One domain_event_state per driver state, owned by the driver's thread:
 * every function taking a state is called there, and only there, with no
 * lock. When a domain changes, the driver queues the event; it reaches
 * every matching callback later, on the registered event loop's thread,
 * never from inside the call that caused it, and each callback sees events
 * in the order they were queued.
 *
 * A callback may deregister itself or others from inside a delivery:
 * deliveries still queued for a removed registration are skipped.
 * free_cb(opaque) runs once no delivery can use opaque any more: on the
 * driver's thread during the removal when none is in flight, else on the
 * loop's thread after the last one.
 *
 * A driver's close must call domain_event_deregister_conn() before the
 * connection is gone: delivery relies on it (see domain_event.c).
 */
#ifndef VIREO_DRIVERS_DOMAIN_EVENT_H
#define VIREO_DRIVERS_DOMAIN_EVENT_H

#include "api/vireo.h"

struct domain_event_state;

/* Events are delivered on the loop's thread: without a registered loop
 * nothing would ever arrive, so registrations fail at once with
 * VIR_ERR_OPERATION_INVALID. Returns 0 when a loop is registered, else -1.
 * Any thread: this alone does not touch a state. */
int domain_event_require_loop(struct vireo_error *err);

/* A state with no registrations; NULL when memory is short. A state may
 * exist before any loop is registered: registrations need one. */
struct domain_event_state *domain_event_state_new(void);
/* The owner lets go: every registration is dropped as by deregistration
 * (deliveries still queued are skipped, free_cb runs once). */
void domain_event_state_free(struct domain_event_state *st);

/* Register cb for event_id (0 <= id < VIR_DOMAIN_EVENT_ID_LAST) on conn;
 * dom NULL means every domain, else only the domain with dom's uuid.
 * Returns a callback id >= 0, unique within st. Fails with
 * VIR_ERR_INVALID_ARG for a bad id, or when conn already has cb registered
 * for the same id and filter (libvirt's "event callback already tracked"),
 * and VIR_ERR_OPERATION_INVALID when no event loop is registered. */
int domain_event_register(struct domain_event_state *st,
                          struct vireo_conn *conn, struct vireo_domain *dom,
                          int event_id, vireo_domain_event_generic_cb cb,
                          void *opaque, vireo_free_cb free_cb,
                          struct vireo_error *err);

/* Remove a registration made by conn. VIR_ERR_INVALID_ARG if conn has no
 * callback with that id. */
int domain_event_deregister(struct domain_event_state *st,
                            struct vireo_conn *conn, int callback_id,
                            struct vireo_error *err);

/* Remove every registration of conn (it is closing). */
void domain_event_deregister_conn(struct domain_event_state *st,
                                  struct vireo_conn *conn);

/* Queue a lifecycle event (VIR_DOMAIN_EVENT_ID_LIFECYCLE) or a reboot event
 * (VIR_DOMAIN_EVENT_ID_REBOOT) about a domain, as it is at emission time
 * (id -1 when it is not running). Cheap when nobody listens. */
void domain_event_queue_lifecycle(struct domain_event_state *st,
                                  const char *name, const unsigned char *uuid,
                                  int id, int event, int detail);
void domain_event_queue_reboot(struct domain_event_state *st,
                               const char *name, const unsigned char *uuid,
                               int id);

#endif /* VIREO_DRIVERS_DOMAIN_EVENT_H */
