/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_event_legacy.c: the event registrations of clients that were
 * told the server cannot name callbacks (feature 14 answered 0, spec §4.3,
 * §5.6): CONNECT_DOMAIN_EVENT_REGISTER (105) and _DEREGISTER (106) for
 * lifecycle events, CONNECT_DOMAIN_EVENT_REGISTER_ANY (167) and
 * _DEREGISTER_ANY (168) for event ids 0 ... 15. Their events go out as
 * 107, 169, ... (dispatch_event.c).
 *
 * As in libvirtd, a client holds at most one legacy registration per event
 * id, 105 and 167(0) being the same one; errors keep libvirtd's codes and
 * wording. Every handler runs on the driver's thread, as a registration
 * job (dispatch_table.h).
 */
#include "daemon/dispatch_event.h"
#include "daemon/dispatch_table.h"
#include "daemon/event_sink.h"
#include "daemon/log.h"
#include "drivers/error.h"
#include "wire/procs.h"

/* Later event ids exist only in the callback style: libvirtd refuses them
 * here, and so does the libvirt client before it would send them. */
static int
check_event_id(int event_id, struct vireo_error *err)
{
    if (event_id < 0 || event_id >= WIRE_EVENT_ID_LEGACY_COUNT)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC,
                         "unsupported event ID %d", event_id);
    return 0;
}

static int
register_legacy(struct vireo_conn *conn, struct event_sink *sink,
                int event_id, struct vireo_error *err)
{
    int id;

    /* libvirtd's own event list refuses the same callback twice. */
    if (!event_sink_legacy_claim(sink, event_id))
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE, "%s",
                         "event callback already tracked");
    id = dispatch_event_register(conn, sink, NULL, event_id, true, err);
    event_sink_legacy_settle(sink, event_id, id);
    if (id < 0)
        return -1;
    log_debug("legacy event %d registered as callback %d", event_id, id);
    return 0;
}

static int
deregister_legacy(struct vireo_conn *conn, struct event_sink *sink,
                  int event_id, struct vireo_error *err)
{
    int id = event_sink_legacy_take(sink, event_id);

    if (id < 0)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC,
                         "domain event %d not registered", event_id);
    return dispatch_event_deregister(conn, id, err);
}

/* 105 and 106 reply an int, cb_registered, that libvirtd leaves 0 and
 * clients never read: ret stays as calloc'ed. */
static int
connect_domain_event_register(struct vireo_conn *conn,
                              struct event_sink *sink, const void *args,
                              void *ret, struct vireo_error *err)
{
    return register_legacy(conn, sink, VIR_DOMAIN_EVENT_ID_LIFECYCLE, err);
}

static int
connect_domain_event_deregister(struct vireo_conn *conn,
                                struct event_sink *sink, const void *args,
                                void *ret, struct vireo_error *err)
{
    return deregister_legacy(conn, sink, VIR_DOMAIN_EVENT_ID_LIFECYCLE, err);
}

static int
connect_domain_event_register_any(struct vireo_conn *conn,
                                  struct event_sink *sink, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const remote_connect_domain_event_register_any_args *a = args;

    if (check_event_id(a->eventID, err) < 0)
        return -1;
    return register_legacy(conn, sink, a->eventID, err);
}

static int
connect_domain_event_deregister_any(struct vireo_conn *conn,
                                    struct event_sink *sink,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_connect_domain_event_deregister_any_args *a = args;

    if (check_event_id(a->eventID, err) < 0)
        return -1;
    return deregister_legacy(conn, sink, a->eventID, err);
}

dispatch_sink_fn
dispatch_event_legacy_handler(int proc)
{
    switch (proc) {
    case REMOTE_PROC_CONNECT_DOMAIN_EVENT_REGISTER:
        return connect_domain_event_register;
    case REMOTE_PROC_CONNECT_DOMAIN_EVENT_DEREGISTER:
        return connect_domain_event_deregister;
    case REMOTE_PROC_CONNECT_DOMAIN_EVENT_REGISTER_ANY:
        return connect_domain_event_register_any;
    case REMOTE_PROC_CONNECT_DOMAIN_EVENT_DEREGISTER_ANY:
        return connect_domain_event_deregister_any;
    default:
        return NULL;
    }
}
