/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_event.c: domain event registrations over the wire (spec §5.6,
 * §5.7): CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY (316) on the driver's
 * thread, and the event messages that the driver's deliveries turn into,
 * encoded and sent on the loop thread, where the driver's event machinery
 * calls back: callback-style (318, 319), or legacy (107, 169) for the
 * registrations of dispatch_event_legacy.c.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/client.h"
#include "daemon/dispatch_event.h"
#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"
#include "daemon/dispatch_table.h"
#include "daemon/event_sink.h"
#include "daemon/log.h"
#include "wire/procs.h"

/* One registration: the opaque of the driver's callback. */
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

/* Loop thread: send an event message to the registration's client, if it
 * is still there. libvirtd puts serial 1 in event messages (§2.5). */
static void
send_event(struct event_reg *reg, int proc, const void *msg)
{
    struct client *c = event_sink_client(reg->sink);
    remote_message_header hdr = {
        .prog = WIRE_REMOTE_PROGRAM, .vers = WIRE_REMOTE_VERSION,
        .proc = proc, .type = WIRE_TYPE_MESSAGE, .serial = 1,
        .status = WIRE_STATUS_OK,
    };
    struct wire_buffer out = { 0 };
    int result;

    if (c == NULL || client_is_closed(c))
        return;
    result = wire_encode(&out, &hdr, wire_proc_lookup(proc)->msg.proc, msg);
    if (result == WIRE_RESULT_OK)
        client_send(c, &out);
    else
        log_warn("event %d: cannot encode: %s", proc,
                 wire_result_string(result));
    wire_buffer_release(&out);
}

/* The event's domain as the wire names it; name borrowed from dom. */
static remote_nonnull_domain
wire_dom(struct vireo_domain *dom)
{
    remote_nonnull_domain w = { .name = dom->name, .id = atomic_load(&dom->id) };

    memcpy(w.uuid, dom->uuid, sizeof(w.uuid));
    return w;
}

static void
on_lifecycle(struct vireo_conn *conn, struct vireo_domain *dom, int event,
             int detail, void *opaque)
{
    struct event_reg *reg = opaque;
    remote_domain_event_callback_lifecycle_msg msg = {
        .callbackID = atomic_load(&reg->callback_id),
        .dom = wire_dom(dom), .event = event, .detail = detail,
    };
    remote_domain_event_lifecycle_msg legacy = {
        .dom = msg.dom, .event = event, .detail = detail,
    };

    if (msg.callbackID < 0)
        return;
    if (reg->is_legacy)
        send_event(reg, REMOTE_PROC_DOMAIN_EVENT_LIFECYCLE, &legacy);
    else
        send_event(reg, REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE, &msg);
}

static void
on_reboot(struct vireo_conn *conn, struct vireo_domain *dom, void *opaque)
{
    struct event_reg *reg = opaque;
    remote_domain_event_callback_reboot_msg msg = {
        .callbackID = atomic_load(&reg->callback_id), .dom = wire_dom(dom),
    };
    remote_domain_event_reboot_msg legacy = { .dom = msg.dom };

    if (msg.callbackID < 0)
        return;
    if (reg->is_legacy)
        send_event(reg, REMOTE_PROC_DOMAIN_EVENT_REBOOT, &legacy);
    else
        send_event(reg, REMOTE_PROC_DOMAIN_EVENT_CALLBACK_REBOOT, &msg);
}

/* Event ids whose messages vireod cannot encode yet (RTC change, block
 * jobs, ...). No driver emits them today; if one starts to, the log says
 * what is being lost. */
static void
on_unencodable(struct vireo_conn *conn, struct vireo_domain *dom,
               void *opaque)
{
    log_warn("domain %s: an event vireod cannot send yet was dropped",
             dom->name);
}

static vireo_domain_event_generic_cb
callback_for(int event_id)
{
    switch (event_id) {
    case VIR_DOMAIN_EVENT_ID_LIFECYCLE:
        return VIREO_DOMAIN_EVENT_CALLBACK(on_lifecycle);
    case VIR_DOMAIN_EVENT_ID_REBOOT:
        return on_reboot;
    default:
        return on_unencodable;
    }
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
                                                 callback_for(event_id),
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
    return dispatch_event_legacy_handler(proc);
}
