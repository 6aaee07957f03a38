/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * interface.c: the host interface API (libvirt's virInterface* and
 * virConnect*Interfaces). Each entry point checks its arguments as
 * libvirt's does, then calls the driver's slot and returns its error
 * untouched.
 */
#include "api/check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/interface_handle.h"

/* iface is an interface handle on an open connection. */
static int
check_iface(const struct vireo_interface *iface, const char *func,
            struct vireo_error *err)
{
    if (iface == NULL || iface->conn == NULL || iface->conn->driver == NULL)
        return error_set(err, VIR_ERR_INVALID_INTERFACE, VIR_FROM_INTERFACE,
                         "invalid interface pointer in %s", func);
    return 0;
}

const char *
vireo_interface_get_name(const struct vireo_interface *iface)
{
    return iface != NULL ? iface->name : NULL;
}

const char *
vireo_interface_get_mac_string(const struct vireo_interface *iface)
{
    return iface != NULL ? iface->mac : NULL;
}

void
vireo_interface_free(struct vireo_interface *iface)
{
    handle_iface_unref(iface);
}

/* The names arguments of the two older list calls. */
static int
check_names(char **names, int maxnames, const char *func,
            struct vireo_error *err)
{
    if (check_non_null(names, "names", func, err) < 0)
        return -1;
    return check_non_negative(maxnames, "maxnames", func, err);
}

int
vireo_connect_num_of_interfaces(struct vireo_conn *conn,
                                struct vireo_error *err)
{
    const char *func = "virConnectNumOfInterfaces";

    if (check_conn(conn, func, err) < 0 ||
        check_slot(conn,
                   conn->driver->connect_num_of_interfaces != NULL, func,
                   err) < 0)
        return -1;
    return conn->driver->connect_num_of_interfaces(conn, err);
}

int
vireo_connect_num_of_defined_interfaces(struct vireo_conn *conn,
                                        struct vireo_error *err)
{
    const char *func = "virConnectNumOfDefinedInterfaces";

    if (check_conn(conn, func, err) < 0 ||
        check_slot(conn,
                   conn->driver->connect_num_of_defined_interfaces != NULL,
                   func, err) < 0)
        return -1;
    return conn->driver->connect_num_of_defined_interfaces(conn, err);
}

int
vireo_connect_list_interfaces(struct vireo_conn *conn, char **names,
                              int maxnames,
                              struct vireo_error *err)
{
    const char *func = "virConnectListInterfaces";

    if (check_conn(conn, func, err) < 0 ||
        check_names(names, maxnames, func, err) < 0 ||
        check_slot(conn,
                   conn->driver->connect_list_interfaces != NULL, func,
                   err) < 0)
        return -1;
    return conn->driver->connect_list_interfaces(conn, names, maxnames, err);
}

int
vireo_connect_list_defined_interfaces(struct vireo_conn *conn, char **names,
                                      int maxnames,
                                      struct vireo_error *err)
{
    const char *func = "virConnectListDefinedInterfaces";

    if (check_conn(conn, func, err) < 0 ||
        check_names(names, maxnames, func, err) < 0 ||
        check_slot(conn,
                   conn->driver->connect_list_defined_interfaces != NULL, func,
                   err) < 0)
        return -1;
    return conn->driver->connect_list_defined_interfaces(conn, names,
                                                         maxnames, err);
}

int
vireo_connect_list_all_interfaces(struct vireo_conn *conn,
                                  struct vireo_interface ***ifaces,
                                  unsigned flags,
                                  struct vireo_error *err)
{
    const char *func = "virConnectListAllInterfaces";

    if (ifaces != NULL)
        *ifaces = NULL;
    if (check_conn(conn, func, err) < 0 ||
        check_slot(conn,
                   conn->driver->connect_list_all_interfaces != NULL, func,
                   err) < 0)
        return -1;
    return conn->driver->connect_list_all_interfaces(conn, ifaces, flags, err);
}

struct vireo_interface *
vireo_interface_lookup_by_name(struct vireo_conn *conn, const char *name,
                               struct vireo_error *err)
{
    const char *func = "virInterfaceLookupByName";

    if (check_conn(conn, func, err) < 0 ||
        check_non_null(name, "name", func, err) < 0 ||
        check_slot(conn,
                   conn->driver->interface_lookup_by_name != NULL, func,
                   err) < 0)
        return NULL;
    return conn->driver->interface_lookup_by_name(conn, name, err);
}

struct vireo_interface *
vireo_interface_lookup_by_mac_string(struct vireo_conn *conn,
                                     const char *mac,
                                     struct vireo_error *err)
{
    const char *func = "virInterfaceLookupByMACString";

    if (check_conn(conn, func, err) < 0 ||
        check_non_null(mac, "macstr", func, err) < 0 ||
        check_slot(conn,
                   conn->driver->interface_lookup_by_mac_string != NULL, func,
                   err) < 0)
        return NULL;
    return conn->driver->interface_lookup_by_mac_string(conn, mac, err);
}

char *
vireo_interface_get_xml_desc(struct vireo_interface *iface, unsigned flags,
                             struct vireo_error *err)
{
    const char *func = "virInterfaceGetXMLDesc";

    if (check_iface(iface, func, err) < 0 ||
        check_slot(iface->conn,
                   iface->conn->driver->interface_get_xml_desc != NULL, func,
                   err) < 0)
        return NULL;
    return iface->conn->driver->interface_get_xml_desc(iface, flags, err);
}

struct vireo_interface *
vireo_interface_define_xml(struct vireo_conn *conn, const char *xml,
                           unsigned flags,
                           struct vireo_error *err)
{
    const char *func = "virInterfaceDefineXML";

    if (check_conn(conn, func, err) < 0 ||
        check_writable(conn, func, err) < 0 ||
        check_non_null(xml, "xml", func, err) < 0 ||
        check_slot(conn,
                   conn->driver->interface_define_xml != NULL, func, err) < 0)
        return NULL;
    return conn->driver->interface_define_xml(conn, xml, flags, err);
}

int
vireo_interface_undefine(struct vireo_interface *iface,
                         struct vireo_error *err)
{
    const char *func = "virInterfaceUndefine";

    if (check_iface(iface, func, err) < 0 ||
        check_writable(iface->conn, func, err) < 0 ||
        check_slot(iface->conn,
                   iface->conn->driver->interface_undefine != NULL, func,
                   err) < 0)
        return -1;
    return iface->conn->driver->interface_undefine(iface, err);
}

int
vireo_interface_create(struct vireo_interface *iface, unsigned flags,
                       struct vireo_error *err)
{
    const char *func = "virInterfaceCreate";

    if (check_iface(iface, func, err) < 0 ||
        check_writable(iface->conn, func, err) < 0 ||
        check_slot(iface->conn,
                   iface->conn->driver->interface_create != NULL, func,
                   err) < 0)
        return -1;
    return iface->conn->driver->interface_create(iface, flags, err);
}

int
vireo_interface_destroy(struct vireo_interface *iface, unsigned flags,
                        struct vireo_error *err)
{
    const char *func = "virInterfaceDestroy";

    if (check_iface(iface, func, err) < 0 ||
        check_writable(iface->conn, func, err) < 0 ||
        check_slot(iface->conn,
                   iface->conn->driver->interface_destroy != NULL, func,
                   err) < 0)
        return -1;
    return iface->conn->driver->interface_destroy(iface, flags, err);
}

int
vireo_interface_is_active(struct vireo_interface *iface,
                          struct vireo_error *err)
{
    const char *func = "virInterfaceIsActive";

    if (check_iface(iface, func, err) < 0 ||
        check_slot(iface->conn,
                   iface->conn->driver->interface_is_active != NULL, func,
                   err) < 0)
        return -1;
    return iface->conn->driver->interface_is_active(iface, err);
}

int
vireo_interface_change_begin(struct vireo_conn *conn, unsigned flags,
                             struct vireo_error *err)
{
    const char *func = "virInterfaceChangeBegin";

    if (check_conn(conn, func, err) < 0 ||
        check_writable(conn, func, err) < 0 ||
        check_slot(conn,
                   conn->driver->interface_change_begin != NULL, func,
                   err) < 0)
        return -1;
    return conn->driver->interface_change_begin(conn, flags, err);
}

int
vireo_interface_change_commit(struct vireo_conn *conn, unsigned flags,
                              struct vireo_error *err)
{
    const char *func = "virInterfaceChangeCommit";

    if (check_conn(conn, func, err) < 0 ||
        check_writable(conn, func, err) < 0 ||
        check_slot(conn,
                   conn->driver->interface_change_commit != NULL, func,
                   err) < 0)
        return -1;
    return conn->driver->interface_change_commit(conn, flags, err);
}

int
vireo_interface_change_rollback(struct vireo_conn *conn, unsigned flags,
                                struct vireo_error *err)
{
    const char *func = "virInterfaceChangeRollback";

    if (check_conn(conn, func, err) < 0 ||
        check_writable(conn, func, err) < 0 ||
        check_slot(conn,
                   conn->driver->interface_change_rollback != NULL, func,
                   err) < 0)
        return -1;
    return conn->driver->interface_change_rollback(conn, flags, err);
}
