/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domcaps.c: virConnectGetDomainCapabilities. Any thread.
 */
#include "api/check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

char *
vireo_conn_get_domain_capabilities(struct vireo_conn *conn,
                                   const char *emulatorbin, const char *arch,
                                   const char *machine, const char *virttype,
                                   unsigned flags, struct vireo_error *err)
{
    if (check_conn(conn, "virConnectGetDomainCapabilities", err) < 0)
        return NULL;
    if (conn->driver->conn_get_domain_capabilities == NULL) {
        error_unsupported(err, conn->driver,
                          "virConnectGetDomainCapabilities");
        return NULL;
    }
    return conn->driver->conn_get_domain_capabilities(conn, emulatorbin,
                                                      arch, machine,
                                                      virttype, flags, err);
}
