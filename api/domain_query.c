/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_query.c: questions about one domain that the driver answers.
 * None changes anything, so all work on a read-only connection, except the
 * XML with secrets in it, which libvirt keeps from read-only clients.
 */
#include <stddef.h>

#include "api/check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

int
vireo_domain_get_info(struct vireo_domain *dom, struct vireo_domain_info *info,
                      struct vireo_error *err)
{
    if (check_domain(dom, "virDomainGetInfo", err) < 0 ||
        check_non_null(info, "info", "virDomainGetInfo", err) < 0)
        return -1;
    if (dom->conn->driver->domain_get_info == NULL)
        return error_unsupported(err, dom->conn->driver, "virDomainGetInfo");
    return dom->conn->driver->domain_get_info(dom, info, err);
}

/* reason may be NULL, as in libvirt. */
int
vireo_domain_get_state(struct vireo_domain *dom, int *state, int *reason,
                       unsigned flags, struct vireo_error *err)
{
    if (check_domain(dom, "virDomainGetState", err) < 0 ||
        check_non_null(state, "state", "virDomainGetState", err) < 0)
        return -1;
    if (dom->conn->driver->domain_get_state == NULL)
        return error_unsupported(err, dom->conn->driver, "virDomainGetState");
    return dom->conn->driver->domain_get_state(dom, state, reason, flags, err);
}

char *
vireo_domain_get_xml_desc(struct vireo_domain *dom, unsigned flags,
                          struct vireo_error *err)
{
    if (check_domain(dom, "virDomainGetXMLDesc", err) < 0)
        return NULL;
    if ((flags & VIR_DOMAIN_XML_SECURE) &&
        check_writable(dom->conn, "virDomainGetXMLDesc with secure flag",
                       err) < 0)
        return NULL;
    if (dom->conn->driver->domain_get_xml_desc == NULL) {
        error_unsupported(err, dom->conn->driver, "virDomainGetXMLDesc");
        return NULL;
    }
    return dom->conn->driver->domain_get_xml_desc(dom, flags, err);
}

char *
vireo_domain_get_os_type(struct vireo_domain *dom, struct vireo_error *err)
{
    if (check_domain(dom, "virDomainGetOSType", err) < 0)
        return NULL;
    if (dom->conn->driver->domain_get_os_type == NULL) {
        error_unsupported(err, dom->conn->driver, "virDomainGetOSType");
        return NULL;
    }
    return dom->conn->driver->domain_get_os_type(dom, err);
}

int
vireo_domain_get_security_label(struct vireo_domain *dom,
                                struct vireo_security_label *label,
                                struct vireo_error *err)
{
    const char *func = "virDomainGetSecurityLabel";

    if (check_domain(dom, func, err) < 0 ||
        check_non_null(label, "seclabel", func, err) < 0)
        return -1;
    if (dom->conn->driver->domain_get_security_label == NULL)
        return error_unsupported(err, dom->conn->driver, func);
    return dom->conn->driver->domain_get_security_label(dom, label, err);
}

int
vireo_domain_get_autostart(struct vireo_domain *dom, int *autostart,
                           struct vireo_error *err)
{
    if (check_domain(dom, "virDomainGetAutostart", err) < 0 ||
        check_non_null(autostart, "autostart", "virDomainGetAutostart",
                       err) < 0)
        return -1;
    if (dom->conn->driver->domain_get_autostart == NULL)
        return error_unsupported(err, dom->conn->driver,
                                 "virDomainGetAutostart");
    return dom->conn->driver->domain_get_autostart(dom, autostart, err);
}

int
vireo_domain_is_active(struct vireo_domain *dom, struct vireo_error *err)
{
    if (check_domain(dom, "virDomainIsActive", err) < 0)
        return -1;
    if (dom->conn->driver->domain_is_active == NULL)
        return error_unsupported(err, dom->conn->driver, "virDomainIsActive");
    return dom->conn->driver->domain_is_active(dom, err);
}

int
vireo_domain_is_persistent(struct vireo_domain *dom, struct vireo_error *err)
{
    if (check_domain(dom, "virDomainIsPersistent", err) < 0)
        return -1;
    if (dom->conn->driver->domain_is_persistent == NULL)
        return error_unsupported(err, dom->conn->driver,
                                 "virDomainIsPersistent");
    return dom->conn->driver->domain_is_persistent(dom, err);
}

int
vireo_domain_has_managed_save_image(struct vireo_domain *dom, unsigned flags,
                                    struct vireo_error *err)
{
    const char *func = "virDomainHasManagedSaveImage";

    if (check_domain(dom, func, err) < 0)
        return -1;
    if (dom->conn->driver->domain_has_managed_save_image == NULL)
        return error_unsupported(err, dom->conn->driver, func);
    return dom->conn->driver->domain_has_managed_save_image(dom, flags, err);
}

int
vireo_domain_snapshot_num(struct vireo_domain *dom, unsigned flags,
                          struct vireo_error *err)
{
    const char *func = "virDomainSnapshotNum";

    if (check_domain(dom, func, err) < 0)
        return -1;
    if (dom->conn->driver->domain_snapshot_num == NULL)
        return error_unsupported(err, dom->conn->driver, func);
    return dom->conn->driver->domain_snapshot_num(dom, flags, err);
}

int
vireo_domain_get_messages(struct vireo_domain *dom, char ***msgs,
                          unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainGetMessages";

    if (msgs != NULL)
        *msgs = NULL;
    if (check_domain(dom, func, err) < 0 ||
        check_non_null(msgs, "msgs", func, err) < 0)
        return -1;
    if (dom->conn->driver->domain_get_messages == NULL)
        return error_unsupported(err, dom->conn->driver, func);
    return dom->conn->driver->domain_get_messages(dom, msgs, flags, err);
}
