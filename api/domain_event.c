/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_event.c: registering for domain events. Delivery itself is the
 * driver's (drivers/domain_event.h); this file checks what libvirt checks
 * before a registration reaches the driver.
 */
#include <stddef.h>

#include "api/check.h"
#include "drivers/domain_event.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

#define REGISTER_FUNC "virConnectDomainEventRegisterAny"

/* A domain filter must name a domain of the same connection: its events
 * come from that connection's driver. */
static int
check_filter(struct vireo_conn *conn, struct vireo_domain *dom,
             struct vireo_error *err)
{
    if (dom == NULL)
        return 0;
    if (check_domain(dom, REGISTER_FUNC, err) < 0)
        return -1;
    if (dom->conn != conn)
        return check_invalid_arg(err, "domain '%s' in %s must match "
                                 "connection", dom->name, REGISTER_FUNC);
    return 0;
}

static int
check_event_id(int event_id, struct vireo_error *err)
{
    if (event_id < 0 || event_id >= VIR_DOMAIN_EVENT_ID_LAST)
        return check_invalid_arg(err, "eventID in %s must be less than %d",
                                 REGISTER_FUNC, VIR_DOMAIN_EVENT_ID_LAST);
    return 0;
}

static int
check_callback(vireo_domain_event_generic_cb cb, struct vireo_error *err)
{
    if (cb == NULL)
        return check_invalid_arg(err, "cb in %s must not be NULL",
                                 REGISTER_FUNC);
    return 0;
}

int
vireo_conn_domain_event_register_any(struct vireo_conn *conn,
                                     struct vireo_domain *dom, int event_id,
                                     vireo_domain_event_generic_cb cb,
                                     void *opaque, vireo_free_cb free_cb,
                                     struct vireo_error *err)
{
    if (check_conn(conn, REGISTER_FUNC, err) < 0 ||
        check_filter(conn, dom, err) < 0 ||
        check_event_id(event_id, err) < 0 ||
        check_callback(cb, err) < 0 ||
        domain_event_require_loop(err) < 0)
        return -1;
    if (conn->driver->domain_event_register_any == NULL)
        return error_unsupported(err, conn->driver, REGISTER_FUNC);
    return conn->driver->domain_event_register_any(conn, dom, event_id, cb,
                                                   opaque, free_cb, err);
}

int
vireo_conn_domain_event_deregister_any(struct vireo_conn *conn,
                                       int callback_id,
                                       struct vireo_error *err)
{
    const char *func = "virConnectDomainEventDeregisterAny";

    if (check_conn(conn, func, err) < 0 ||
        check_non_negative(callback_id, "callbackID", func, err) < 0)
        return -1;
    if (conn->driver->domain_event_deregister_any == NULL)
        return error_unsupported(err, conn->driver, func);
    return conn->driver->domain_event_deregister_any(conn, callback_id, err);
}
