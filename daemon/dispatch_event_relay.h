/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_event_relay.h: a client's event registration as the driver
 * sees it, and the callbacks that turn each driver event into the event
 * message libvirtd would send that client.
 */
#ifndef VIREO_DAEMON_DISPATCH_EVENT_RELAY_H
#define VIREO_DAEMON_DISPATCH_EVENT_RELAY_H

#include <stdatomic.h>
#include <stdbool.h>

#include "api/vireo.h"

struct event_sink;

/* One registration: the opaque of the driver's callback. Set up on the
 * driver's thread before the driver sees it; read on the loop thread. */
struct event_reg {
    struct event_sink *sink;         /* referenced */
    int                event_id;
    /* Legacy messages name no callback: the client has one registration
     * per event id (event_sink.h). */
    bool               is_legacy;
    /* The driver's id for it; -1 until the driver returned it (an event
     * delivered before then has no registration to name). */
    atomic_int         callback_id;
};

/* The driver callback that relays event_id's events to a registration
 * (its opaque), of the type the id calls for. Any thread; the callback
 * itself runs on the loop thread. */
vireo_domain_event_generic_cb dispatch_event_relay(int event_id);

/* Loop thread: send msg, an event message of procedure proc, to the
 * client of reg, if it is still there. */
void dispatch_event_relay_send(struct event_reg *reg, int proc,
                               const void *msg);

#endif /* VIREO_DAEMON_DISPATCH_EVENT_RELAY_H */
