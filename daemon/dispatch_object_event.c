/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_object_event.c: network event registrations over the wire:
 * CONNECT_NETWORK_EVENT_REGISTER_ANY (313) and its deregistration (314),
 * on the driver's thread; and the relay that turns each network event the
 * driver delivers (on the loop thread) into NETWORK_EVENT_LIFECYCLE (315)
 * for the client that registered, as libvirtd does.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_event_relay.h"
#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_network.h"
#include "daemon/dispatch_object_event.h"
#include "daemon/dispatch_slots.h"
#include "daemon/event_sink.h"
#include "daemon/log.h"
#include "drivers/network_handle.h"

void
dispatch_object_event_reg_free(void *opaque)
{
    struct event_reg *reg = opaque;

    event_sink_unref(reg->sink);
    free(reg);
}

struct event_reg *
dispatch_object_event_reg_new(struct event_sink *sink, int event_id,
                              struct vireo_error *err)
{
    struct event_reg *reg = malloc(sizeof(*reg));

    if (reg == NULL) {
        error_no_memory(err);
        return NULL;
    }
    reg->sink = event_sink_ref(sink);
    reg->event_id = event_id;
    reg->is_legacy = false;
    atomic_init(&reg->callback_id, -1);
    return reg;
}

/* Loop thread: the relay of network lifecycle events. */
static void
on_network_lifecycle(struct vireo_conn *conn, struct vireo_network *net,
                     int event, int detail, void *opaque)
{
    struct event_reg *reg = opaque;
    remote_network_event_lifecycle_msg msg = {
        .callbackID = atomic_load(&reg->callback_id),
        .net = { .name = net->name }, .event = event, .detail = detail,
    };

    (void)conn;
    memcpy(msg.net.uuid, net->uuid, sizeof(msg.net.uuid));
    if (msg.callbackID >= 0)
        dispatch_event_relay_send(reg, REMOTE_PROC_NETWORK_EVENT_LIFECYCLE,
                                  &msg);
}

static int
connect_network_event_register_any(struct vireo_conn *conn,
                                   struct event_sink *sink, const void *args,
                                   void *ret, struct vireo_error *err)
{
    const remote_connect_network_event_register_any_args *a = args;
    remote_connect_network_event_register_any_ret *r = ret;
    struct vireo_network *net = NULL;
    struct event_reg *reg;
    int id;

    if (DISPATCH_NEED_AS(conn, network_event_register_any,
                         "virConnectNetworkEventRegisterAny", err) < 0 ||
        (a->net != NULL && (net = dispatch_net_get(conn, a->net, err)) == NULL))
        return -1;
    reg = dispatch_object_event_reg_new(sink, a->eventID, err);
    if (reg == NULL) {
        handle_network_unref(net);
        return -1;
    }
    id = conn->driver->network_event_register_any(
        conn, net, a->eventID,
        VIREO_NETWORK_EVENT_CALLBACK(on_network_lifecycle), reg,
        dispatch_object_event_reg_free, err);
    handle_network_unref(net);
    if (id < 0) {
        /* a failed registration kept nothing */
        dispatch_object_event_reg_free(reg);
        return -1;
    }
    atomic_store(&reg->callback_id, id);
    r->callbackID = id;
    log_debug("network event id %d registered as callback %d", a->eventID,
              id);
    return 0;
}

int
dispatch_connect_network_event_deregister_any(struct vireo_conn *conn,
                                              const void *args, void *ret,
                                              struct vireo_error *err)
{
    const remote_connect_network_event_deregister_any_args *a = args;

    (void)ret;
    if (DISPATCH_NEED_AS(conn, network_event_deregister_any,
                         "virConnectNetworkEventDeregisterAny", err) < 0)
        return -1;
    if (conn->driver->network_event_deregister_any(conn, a->callbackID,
                                                   err) == 0)
        return 0;
    /* libvirtd answers an id it does not know from its own list of the
     * client's callbacks, in its RPC layer's words. */
    if (err->code == VIR_ERR_INVALID_ARG)
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC,
                  "network event callback %d not registered",
                  a->callbackID);
    return -1;
}

dispatch_sink_fn
dispatch_object_event_sink_handler(int proc)
{
    if (proc == REMOTE_PROC_CONNECT_NETWORK_EVENT_REGISTER_ANY)
        return connect_network_event_register_any;
    return dispatch_object_event_kinds_sink_handler(proc);
}
