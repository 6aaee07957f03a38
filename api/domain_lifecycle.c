/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_lifecycle.c: every call that changes a domain: define, create,
 * start, stop, pause, undefine, and the autostart flag.
 *
 * All of them are refused on a read-only connection before the driver is
 * asked, with the libvirt function's name in the message. Where libvirt has
 * a form with flags and one without, the name is that of the form a libvirt
 * client calls for these flags (virsh uses the flag-less one when it has no
 * flag to pass), so that the same refusal reads the same.
 */
#include <stddef.h>

#include "api/check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

/* The checks for creating a domain from XML. */
static int
check_new(struct vireo_conn *conn, const char *xml, const char *func,
          struct vireo_error *err)
{
    if (check_conn(conn, func, err) < 0 ||
        check_writable(conn, func, err) < 0)
        return -1;
    return check_non_null(xml, "xml", func, err);
}

struct vireo_domain *
vireo_domain_define_xml(struct vireo_conn *conn, const char *xml,
                        unsigned flags, struct vireo_error *err)
{
    const char *func = flags ? "virDomainDefineXMLFlags"
                             : "virDomainDefineXML";

    if (check_new(conn, xml, func, err) < 0)
        return NULL;
    if (conn->driver->domain_define_xml == NULL) {
        error_unsupported(err, conn->driver, func);
        return NULL;
    }
    return conn->driver->domain_define_xml(conn, xml, flags, err);
}

struct vireo_domain *
vireo_domain_create_xml(struct vireo_conn *conn, const char *xml,
                        unsigned flags, struct vireo_error *err)
{
    if (check_new(conn, xml, "virDomainCreateXML", err) < 0)
        return NULL;
    if (conn->driver->domain_create_xml == NULL) {
        error_unsupported(err, conn->driver, "virDomainCreateXML");
        return NULL;
    }
    return conn->driver->domain_create_xml(conn, xml, flags, err);
}

int
vireo_domain_undefine(struct vireo_domain *dom, unsigned flags,
                      struct vireo_error *err)
{
    const char *func = flags ? "virDomainUndefineFlags" : "virDomainUndefine";

    if (check_domain_change(dom, func, err) < 0)
        return -1;
    if (dom->conn->driver->domain_undefine == NULL)
        return error_unsupported(err, dom->conn->driver, func);
    return dom->conn->driver->domain_undefine(dom, flags, err);
}

int
vireo_domain_create(struct vireo_domain *dom, unsigned flags,
                    struct vireo_error *err)
{
    const char *func = flags ? "virDomainCreateWithFlags" : "virDomainCreate";

    if (check_domain_change(dom, func, err) < 0)
        return -1;
    if (dom->conn->driver->domain_create == NULL)
        return error_unsupported(err, dom->conn->driver, func);
    return dom->conn->driver->domain_create(dom, flags, err);
}

int
vireo_domain_destroy(struct vireo_domain *dom, unsigned flags,
                     struct vireo_error *err)
{
    const char *func = flags ? "virDomainDestroyFlags" : "virDomainDestroy";

    if (check_domain_change(dom, func, err) < 0)
        return -1;
    if (dom->conn->driver->domain_destroy == NULL)
        return error_unsupported(err, dom->conn->driver, func);
    return dom->conn->driver->domain_destroy(dom, flags, err);
}

int
vireo_domain_shutdown(struct vireo_domain *dom, unsigned flags,
                      struct vireo_error *err)
{
    const char *func = flags ? "virDomainShutdownFlags" : "virDomainShutdown";

    if (check_domain_change(dom, func, err) < 0)
        return -1;
    if (dom->conn->driver->domain_shutdown == NULL)
        return error_unsupported(err, dom->conn->driver, func);
    return dom->conn->driver->domain_shutdown(dom, flags, err);
}

int
vireo_domain_reboot(struct vireo_domain *dom, unsigned flags,
                    struct vireo_error *err)
{
    if (check_domain_change(dom, "virDomainReboot", err) < 0)
        return -1;
    if (dom->conn->driver->domain_reboot == NULL)
        return error_unsupported(err, dom->conn->driver, "virDomainReboot");
    return dom->conn->driver->domain_reboot(dom, flags, err);
}

int
vireo_domain_suspend(struct vireo_domain *dom, struct vireo_error *err)
{
    if (check_domain_change(dom, "virDomainSuspend", err) < 0)
        return -1;
    if (dom->conn->driver->domain_suspend == NULL)
        return error_unsupported(err, dom->conn->driver, "virDomainSuspend");
    return dom->conn->driver->domain_suspend(dom, err);
}

int
vireo_domain_resume(struct vireo_domain *dom, struct vireo_error *err)
{
    if (check_domain_change(dom, "virDomainResume", err) < 0)
        return -1;
    if (dom->conn->driver->domain_resume == NULL)
        return error_unsupported(err, dom->conn->driver, "virDomainResume");
    return dom->conn->driver->domain_resume(dom, err);
}

int
vireo_domain_set_autostart(struct vireo_domain *dom, int autostart,
                           struct vireo_error *err)
{
    if (check_domain_change(dom, "virDomainSetAutostart", err) < 0)
        return -1;
    if (dom->conn->driver->domain_set_autostart == NULL)
        return error_unsupported(err, dom->conn->driver,
                                 "virDomainSetAutostart");
    return dom->conn->driver->domain_set_autostart(dom, autostart, err);
}
