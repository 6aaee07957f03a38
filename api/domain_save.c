/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_save.c: saving and restoring domains, saved images, core dumps
 * and managed save. Each entry point checks its arguments as libvirt's
 * does, then calls the driver's slot and returns its error untouched.
 * Paths name files on the driver's host, which the driver reads and
 * writes.
 */
#include "api/check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

/* After the handle's own check, a call that changes things: a writable
 * connection whose driver fills the slot (has_slot). */
static int
check_write(struct vireo_conn *conn, bool has_slot, const char *func,
            struct vireo_error *err)
{
    if (check_writable(conn, func, err) < 0)
        return -1;
    return has_slot ? 0 : error_unsupported(err, conn->driver, func);
}

int
vireo_domain_save(struct vireo_domain *dom, const char *to, const char *dxml,
                  unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSaveFlags";

    if (check_domain(dom, func, err) < 0 ||
        check_write(dom->conn, dom->conn->driver->domain_save != NULL, func,
                        err) < 0 ||
        check_non_null(to, "to", func, err) < 0)
        return -1;
    return dom->conn->driver->domain_save(dom, to, dxml, flags, err);
}

int
vireo_domain_restore(struct vireo_conn *conn, const char *from,
                     const char *dxml, unsigned flags,
                     struct vireo_error *err)
{
    const char *func = "virDomainRestoreFlags";

    if (check_conn(conn, func, err) < 0 ||
        check_write(conn, conn->driver->domain_restore != NULL, func,
                         err) < 0 ||
        check_non_null(from, "from", func, err) < 0)
        return -1;
    return conn->driver->domain_restore(conn, from, dxml, flags, err);
}

char *
vireo_domain_save_image_get_xml_desc(struct vireo_conn *conn,
                                     const char *file, unsigned flags,
                                     struct vireo_error *err)
{
    const char *func = "virDomainSaveImageGetXMLDesc";

    if (check_conn(conn, func, err) < 0 ||
        check_non_null(file, "file", func, err) < 0)
        return NULL;
    if (conn->driver->domain_save_image_get_xml_desc == NULL) {
        error_unsupported(err, conn->driver, func);
        return NULL;
    }
    return conn->driver->domain_save_image_get_xml_desc(conn, file, flags,
                                                        err);
}

int
vireo_domain_save_image_define_xml(struct vireo_conn *conn, const char *file,
                                   const char *dxml, unsigned flags,
                                   struct vireo_error *err)
{
    const char *func = "virDomainSaveImageDefineXML";

    if (check_conn(conn, func, err) < 0 ||
        check_write(conn,
                         conn->driver->domain_save_image_define_xml != NULL,
                         func, err) < 0 ||
        check_non_null(file, "file", func, err) < 0 ||
        check_non_null(dxml, "dxml", func, err) < 0)
        return -1;
    return conn->driver->domain_save_image_define_xml(conn, file, dxml, flags,
                                                      err);
}

int
vireo_domain_core_dump(struct vireo_domain *dom, const char *to,
                       unsigned dumpformat, unsigned flags,
                       struct vireo_error *err)
{
    const char *func = "virDomainCoreDumpWithFormat";

    if (check_domain(dom, func, err) < 0 ||
        check_write(dom->conn, dom->conn->driver->domain_core_dump != NULL,
                        func, err) < 0 ||
        check_non_null(to, "to", func, err) < 0)
        return -1;
    return dom->conn->driver->domain_core_dump(dom, to, dumpformat, flags,
                                               err);
}

int
vireo_domain_managed_save(struct vireo_domain *dom, unsigned flags,
                          struct vireo_error *err)
{
    const char *func = "virDomainManagedSave";

    if (check_domain(dom, func, err) < 0 ||
        check_write(dom->conn, dom->conn->driver->domain_managed_save != NULL,
                        func, err) < 0)
        return -1;
    return dom->conn->driver->domain_managed_save(dom, flags, err);
}

int
vireo_domain_managed_save_remove(struct vireo_domain *dom, unsigned flags,
                                 struct vireo_error *err)
{
    const char *func = "virDomainManagedSaveRemove";

    if (check_domain(dom, func, err) < 0 ||
        check_write(dom->conn,
                        dom->conn->driver->domain_managed_save_remove != NULL,
                        func, err) < 0)
        return -1;
    return dom->conn->driver->domain_managed_save_remove(dom, flags, err);
}
