/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_event.c: domain event registrations over the wire (spec §5.6,
 * §5.7): CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY (316) on the driver's
 * thread, and the event messages (318, 319) that the driver's deliveries
 * turn into, encoded and sent on the loop thread, where the driver's event
 * machinery calls back.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/client.h"
#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"
#include "daemon/dispatch_table.h"
#include "daemon/event_sink.h"
#include "daemon/log.h"
#include "wire/procs.h"

/* One registration: the opaque of the driver's callback. */
struct event_reg {
    struct event_sink *sink;         /* referenced */
    /* The id the client was told; -1 until the driver returned it (an
     * event delivered before then has no registration to name). */
    atomic_int         callback_id;
};

static void
reg_free(void *opaque)
{
    struct event_reg *reg = opaque;

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

    if (msg.callbackID >= 0)
        send_event(reg, REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE, &msg);
}

static void
on_reboot(struct vireo_conn *conn, struct vireo_domain *dom, void *opaque)
{
    struct event_reg *reg = opaque;
    remote_domain_event_callback_reboot_msg msg = {
        .callbackID = atomic_load(&reg->callback_id), .dom = wire_dom(dom),
    };

    if (msg.callbackID >= 0)
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

static int
register_any(struct vireo_conn *conn, struct event_reg *reg,
             const remote_connect_domain_event_callback_register_any_args *a,
             struct vireo_error *err)
{
    struct vireo_domain *dom = NULL;
    int id;

    if (a->dom != NULL && (dom = dispatch_dom_get(conn, a->dom, err)) == NULL)
        return -1;
    id = conn->driver->domain_event_register_any(conn, dom, a->eventID,
                                                 callback_for(a->eventID),
                                                 reg, reg_free, err);
    if (dom != NULL)
        handle_domain_unref(dom);
    return id;
}

static int
connect_domain_event_callback_register_any(struct vireo_conn *conn,
                                           struct event_sink *sink,
                                           const void *args, void *ret,
                                           struct vireo_error *err)
{
    const remote_connect_domain_event_callback_register_any_args *a = args;
    remote_connect_domain_event_callback_register_any_ret *r = ret;
    struct event_reg *reg;
    int id;

    if (DISPATCH_NEED(conn, domain_event_register_any, err) < 0)
        return -1;
    reg = malloc(sizeof(*reg));
    if (reg == NULL)
        return error_no_memory(err);
    reg->sink = event_sink_ref(sink);
    atomic_init(&reg->callback_id, -1);
    id = register_any(conn, reg, a, err);
    if (id < 0) {
        reg_free(reg);   /* a failed registration kept nothing */
        return -1;
    }
    atomic_store(&reg->callback_id, id);
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

    if (DISPATCH_NEED(conn, domain_event_deregister_any, err) < 0)
        return -1;
    return conn->driver->domain_event_deregister_any(conn, a->callbackID,
                                                     err);
}

dispatch_sink_fn
dispatch_sink_handler(int proc)
{
    if (proc == REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY)
        return connect_domain_event_callback_register_any;
    return NULL;
}
