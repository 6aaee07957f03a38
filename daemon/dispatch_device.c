/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_device.c: handlers of the procedures that attach, detach and
 * change a domain's devices. Driver threads.
 *
 * libvirt has a flag-less form of attach and detach beside the one with
 * flags; both reach the same slot (flags 0 for the flag-less one), and a
 * driver without the slot is named as the client called it.
 */
#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"

typedef int (*device_fn)(struct vireo_domain *dom, const char *what,
                         unsigned flags, struct vireo_error *err);

/* One device change on the domain wire names; what is the device's XML
 * or alias. */
static int
change(struct vireo_conn *conn, device_fn fn, const char *api,
       const remote_nonnull_domain *wire, const char *what, unsigned flags,
       struct vireo_error *err)
{
    if (fn == NULL)
        return error_unsupported(err, conn->driver, api);
    DISPATCH_WITH_DOM(conn, wire, err, dom, fn(dom, what, flags, err));
}

int
dispatch_domain_attach_device(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    const remote_domain_attach_device_args *a = args;

    return change(conn, conn->driver->domain_attach_device,
                  "virDomainAttachDevice", &a->dom, a->xml, 0, err);
}

int
dispatch_domain_attach_device_flags(struct vireo_conn *conn, const void *args,
                                    void *ret, struct vireo_error *err)
{
    const remote_domain_attach_device_flags_args *a = args;

    return change(conn, conn->driver->domain_attach_device,
                  "virDomainAttachDeviceFlags", &a->dom, a->xml, a->flags,
                  err);
}

int
dispatch_domain_detach_device(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    const remote_domain_detach_device_args *a = args;

    return change(conn, conn->driver->domain_detach_device,
                  "virDomainDetachDevice", &a->dom, a->xml, 0, err);
}

int
dispatch_domain_detach_device_flags(struct vireo_conn *conn, const void *args,
                                    void *ret, struct vireo_error *err)
{
    const remote_domain_detach_device_flags_args *a = args;

    return change(conn, conn->driver->domain_detach_device,
                  "virDomainDetachDeviceFlags", &a->dom, a->xml, a->flags,
                  err);
}

int
dispatch_domain_update_device_flags(struct vireo_conn *conn, const void *args,
                                    void *ret, struct vireo_error *err)
{
    const remote_domain_update_device_flags_args *a = args;

    return change(conn, conn->driver->domain_update_device,
                  "virDomainUpdateDeviceFlags", &a->dom, a->xml, a->flags,
                  err);
}

int
dispatch_domain_detach_device_alias(struct vireo_conn *conn, const void *args,
                                    void *ret, struct vireo_error *err)
{
    const remote_domain_detach_device_alias_args *a = args;

    return change(conn, conn->driver->domain_detach_device_alias,
                  "virDomainDetachDeviceAlias", &a->dom, a->alias, a->flags,
                  err);
}
