/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_device.c: attaching, detaching and changing one device of a
 * domain, given as its domain XML element.
 *
 * Refused on a read-only connection before the driver is asked. flags 0
 * is libvirt's flag-less virDomainAttachDevice (and DetachDevice), and
 * names it in errors, as virsh calls that form when it has no flag to
 * pass.
 */
#include "api/check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

/* what (the device's XML, or its alias: named arg) must be given. */
static int
check_change(struct vireo_domain *dom, const char *what, const char *arg,
             const char *func, struct vireo_error *err)
{
    if (check_domain(dom, func, err) < 0 ||
        check_non_null(what, arg, func, err) < 0)
        return -1;
    return check_writable(dom->conn, func, err);
}

int
vireo_domain_attach_device(struct vireo_domain *dom, const char *xml,
                           unsigned flags, struct vireo_error *err)
{
    const char *func = flags ? "virDomainAttachDeviceFlags"
                             : "virDomainAttachDevice";

    if (check_change(dom, xml, "xml", func, err) < 0)
        return -1;
    if (dom->conn->driver->domain_attach_device == NULL)
        return error_unsupported(err, dom->conn->driver, func);
    return dom->conn->driver->domain_attach_device(dom, xml, flags, err);
}

int
vireo_domain_detach_device(struct vireo_domain *dom, const char *xml,
                           unsigned flags, struct vireo_error *err)
{
    const char *func = flags ? "virDomainDetachDeviceFlags"
                             : "virDomainDetachDevice";

    if (check_change(dom, xml, "xml", func, err) < 0)
        return -1;
    if (dom->conn->driver->domain_detach_device == NULL)
        return error_unsupported(err, dom->conn->driver, func);
    return dom->conn->driver->domain_detach_device(dom, xml, flags, err);
}

int
vireo_domain_update_device(struct vireo_domain *dom, const char *xml,
                           unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainUpdateDeviceFlags";

    if (check_change(dom, xml, "xml", func, err) < 0)
        return -1;
    if (dom->conn->driver->domain_update_device == NULL)
        return error_unsupported(err, dom->conn->driver, func);
    return dom->conn->driver->domain_update_device(dom, xml, flags, err);
}

int
vireo_domain_detach_device_alias(struct vireo_domain *dom, const char *alias,
                                 unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainDetachDeviceAlias";

    if (check_change(dom, alias, "alias", func, err) < 0)
        return -1;
    if (dom->conn->driver->domain_detach_device_alias == NULL)
        return error_unsupported(err, dom->conn->driver, func);
    return dom->conn->driver->domain_detach_device_alias(dom, alias, flags,
                                                         err);
}
