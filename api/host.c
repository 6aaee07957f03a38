/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * host.c: what a connection says about its hypervisor and host.
 */
#include "api/check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

const char *
vireo_conn_get_type(struct vireo_conn *conn, struct vireo_error *err)
{
    if (check_conn(conn, "virConnectGetType", err) < 0)
        return NULL;
    if (conn->driver->conn_get_type == NULL) {
        error_unsupported(err, conn->driver, "virConnectGetType");
        return NULL;
    }
    return conn->driver->conn_get_type(conn, err);
}

int
vireo_conn_get_version(struct vireo_conn *conn, unsigned long long *version,
                       struct vireo_error *err)
{
    if (check_conn(conn, "virConnectGetVersion", err) < 0 ||
        check_non_null(version, "hvVer", "virConnectGetVersion", err) < 0)
        return -1;
    if (conn->driver->conn_get_version == NULL)
        return error_unsupported(err, conn->driver, "virConnectGetVersion");
    return conn->driver->conn_get_version(conn, version, err);
}

/* As in libvirt, a driver without its own answer runs inside this library,
 * so the library's version is the right one. */
int
vireo_conn_get_lib_version(struct vireo_conn *conn,
                           unsigned long long *version,
                           struct vireo_error *err)
{
    if (check_conn(conn, "virConnectGetLibVersion", err) < 0 ||
        check_non_null(version, "libVer", "virConnectGetLibVersion", err) < 0)
        return -1;
    if (conn->driver->conn_get_lib_version == NULL) {
        *version = vireo_version();
        return 0;
    }
    return conn->driver->conn_get_lib_version(conn, version, err);
}

char *
vireo_conn_get_hostname(struct vireo_conn *conn, struct vireo_error *err)
{
    if (check_conn(conn, "virConnectGetHostname", err) < 0)
        return NULL;
    if (conn->driver->conn_get_hostname == NULL) {
        error_unsupported(err, conn->driver, "virConnectGetHostname");
        return NULL;
    }
    return conn->driver->conn_get_hostname(conn, err);
}

char *
vireo_conn_get_capabilities(struct vireo_conn *conn, struct vireo_error *err)
{
    if (check_conn(conn, "virConnectGetCapabilities", err) < 0)
        return NULL;
    if (conn->driver->conn_get_capabilities == NULL) {
        error_unsupported(err, conn->driver, "virConnectGetCapabilities");
        return NULL;
    }
    return conn->driver->conn_get_capabilities(conn, err);
}

int
vireo_node_get_info(struct vireo_conn *conn, struct vireo_node_info *info,
                    struct vireo_error *err)
{
    if (check_conn(conn, "virNodeGetInfo", err) < 0 ||
        check_non_null(info, "info", "virNodeGetInfo", err) < 0)
        return -1;
    if (conn->driver->node_get_info == NULL)
        return error_unsupported(err, conn->driver, "virNodeGetInfo");
    return conn->driver->node_get_info(conn, info, err);
}

int
vireo_node_get_security_model(struct vireo_conn *conn,
                              struct vireo_security_model *model,
                              struct vireo_error *err)
{
    const char *func = "virNodeGetSecurityModel";

    if (check_conn(conn, func, err) < 0 ||
        check_non_null(model, "secmodel", func, err) < 0)
        return -1;
    if (conn->driver->node_get_security_model == NULL)
        return error_unsupported(err, conn->driver, func);
    return conn->driver->node_get_security_model(conn, model, err);
}
