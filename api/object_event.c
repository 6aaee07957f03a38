/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * object_event.c: registering for network events. Delivery is the
 * driver's (drivers/object_event.h); this file checks what libvirt checks
 * before a registration reaches the driver.
 */
#include <stddef.h>

#include "api/check.h"
#include "drivers/domain_event.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/network_handle.h"

#define REGISTER_FUNC "virConnectNetworkEventRegisterAny"

/* A network filter must name a network of the same connection. */
static int
check_filter(struct vireo_conn *conn, struct vireo_network *net,
             struct vireo_error *err)
{
    if (net == NULL)
        return 0;
    if (net->conn == NULL || net->conn->driver == NULL)
        return error_set(err, VIR_ERR_INVALID_NETWORK, VIR_FROM_NETWORK,
                         "%s", REGISTER_FUNC);
    if (net->conn != conn)
        return check_invalid_arg(err, "network '%s' in %s must match "
                                 "connection", net->name, REGISTER_FUNC);
    return 0;
}

int
vireo_conn_network_event_register_any(struct vireo_conn *conn,
                                      struct vireo_network *net, int event_id,
                                      vireo_network_event_generic_cb cb,
                                      void *opaque, vireo_free_cb free_cb,
                                      struct vireo_error *err)
{
    if (check_conn(conn, REGISTER_FUNC, err) < 0 ||
        check_filter(conn, net, err) < 0 ||
        check_non_negative(event_id, "eventID", REGISTER_FUNC, err) < 0 ||
        domain_event_require_loop(err) < 0)
        return -1;
    if (cb == NULL)
        return check_invalid_arg(err, "cb in %s must not be NULL",
                                 REGISTER_FUNC);
    if (event_id >= VIR_NETWORK_EVENT_ID_LAST)
        return check_invalid_arg(err, "eventID in %s must be less than %d",
                                 REGISTER_FUNC, VIR_NETWORK_EVENT_ID_LAST);
    if (conn->driver->network_event_register_any == NULL)
        return error_unsupported(err, conn->driver, REGISTER_FUNC);
    return conn->driver->network_event_register_any(conn, net, event_id, cb,
                                                    opaque, free_cb, err);
}

int
vireo_conn_network_event_deregister_any(struct vireo_conn *conn,
                                        int callback_id,
                                        struct vireo_error *err)
{
    const char *func = "virConnectNetworkEventDeregisterAny";

    if (check_conn(conn, func, err) < 0 ||
        check_non_negative(callback_id, "callbackID", func, err) < 0)
        return -1;
    if (conn->driver->network_event_deregister_any == NULL)
        return error_unsupported(err, conn->driver, func);
    return conn->driver->network_event_deregister_any(conn, callback_id, err);
}

const char *
vireo_network_event_type_string(int event)
{
    static const char *const words[VIR_NETWORK_EVENT_LAST] = {
        "Defined", "Undefined", "Started", "Stopped",
    };

    return event >= 0 && event < VIR_NETWORK_EVENT_LAST ? words[event]
                                                        : "unknown";
}
