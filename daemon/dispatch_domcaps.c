/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_domcaps.c: the handler of virConnectGetDomainCapabilities.
 * Driver threads.
 */
#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"

/* An optional string of the wire, or NULL when the client sent none. */
static const char *
opt(const remote_string s)
{
    return s != NULL ? *s : NULL;
}

int
dispatch_connect_get_domain_capabilities(struct vireo_conn *conn,
                                         const void *args, void *ret,
                                         struct vireo_error *err)
{
    const remote_connect_get_domain_capabilities_args *a = args;
    remote_connect_get_domain_capabilities_ret *r = ret;

    if (DISPATCH_NEED(conn, conn_get_domain_capabilities, err) < 0)
        return -1;
    return dispatch_take_string(&r->capabilities,
        conn->driver->conn_get_domain_capabilities(conn, opt(a->emulatorbin),
                                                   opt(a->arch),
                                                   opt(a->machine),
                                                   opt(a->virttype),
                                                   a->flags, err));
}
