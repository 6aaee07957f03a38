/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_event.c: domain event registrations over the wire (spec §5.6):
 * CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY (316) and its deregistration,
 * on the driver's thread. The messages the driver's deliveries turn into
 * are dispatch_event_relay.c's.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/client.h"
#include "daemon/dispatch_event.h"
#include "daemon/dispatch_event_relay.h"
#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_object_event.h"
#include "daemon/dispatch_slots.h"
#include "daemon/dispatch_table.h"
#include "daemon/event_sink.h"
#include "daemon/log.h"
#include "wire/procs.h"

static void
reg_free(void *opaque)
{
    struct event_reg *reg = opaque;
    int id = atomic_load(&reg->callback_id);

    if (reg->is_legacy && id >= 0) {
        event_sink_legacy_forget(reg->sink, reg->event_id, id);
        log_debug("legacy event %d: callback %d released", reg->event_id,
                  id);
    }
    event_sink_unref(reg->sink);
    free(reg);
}

int
dispatch_event_register(struct vireo_conn *conn, struct event_sink *sink,
                        struct vireo_domain *dom, int event_id,
                        bool is_legacy, struct vireo_error *err)
{
    struct event_reg *reg;
    int id;

    if (DISPATCH_NEED(conn, domain_event_register_any, err) < 0)
        return -1;
    reg = malloc(sizeof(*reg));
    if (reg == NULL)
        return error_no_memory(err);
    reg->sink = event_sink_ref(sink);
    reg->event_id = event_id;
    reg->is_legacy = is_legacy;
    atomic_init(&reg->callback_id, -1);
    id = conn->driver->domain_event_register_any(conn, dom, event_id,
                                                 dispatch_event_relay(event_id),
                                                 reg, reg_free, err);
    if (id < 0) {
        reg_free(reg);   /* a failed registration kept nothing */
        return -1;
    }
    atomic_store(&reg->callback_id, id);
    return id;
}

int
dispatch_event_deregister(struct vireo_conn *conn, int callback_id,
                          struct vireo_error *err)
{
    if (DISPATCH_NEED(conn, domain_event_deregister_any, err) < 0)
        return -1;
    return conn->driver->domain_event_deregister_any(conn, callback_id, err);
}

static int
connect_domain_event_callback_register_any(struct vireo_conn *conn,
                                           struct event_sink *sink,
                                           const void *args, void *ret,
                                           struct vireo_error *err)
{
    const remote_connect_domain_event_callback_register_any_args *a = args;
    remote_connect_domain_event_callback_register_any_ret *r = ret;
    struct vireo_domain *dom = NULL;
    int id;

    if (a->dom != NULL && (dom = dispatch_dom_get(conn, a->dom, err)) == NULL)
        return -1;
    id = dispatch_event_register(conn, sink, dom, a->eventID, false, err);
    if (dom != NULL)
        handle_domain_unref(dom);
    if (id < 0)
        return -1;
    r->callbackID = id;
    log_debug("event id %d registered as callback %d", a->eventID, id);
    return 0;
}

int
dispatch_connect_domain_event_callback_deregister_any(
    struct vireo_conn *conn, const void *args, void *ret,
    struct vireo_error *err)
{
    const remote_connect_domain_event_callback_deregister_any_args *a = args;

    if (dispatch_event_deregister(conn, a->callbackID, err) == 0)
        return 0;
    /* The driver only knows ids it handed out to this connection; an id it
     * does not know is answered in libvirtd's words, which come from its
     * RPC layer's own list of the client's callbacks. */
    if (err->code == VIR_ERR_INVALID_ARG)
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC,
                  "domain event callback %d not registered", a->callbackID);
    return -1;
}

dispatch_sink_fn
dispatch_sink_handler(int proc)
{
    if (proc == REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY)
        return connect_domain_event_callback_register_any;
    if (dispatch_object_event_sink_handler(proc) != NULL)
        return dispatch_object_event_sink_handler(proc);
    return dispatch_event_legacy_handler(proc);
}
