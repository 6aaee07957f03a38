/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network.c: the public network calls, libvirt's virNetwork*: check the
 * arguments as libvirt does, then the connection driver's slot.
 */
#include <stddef.h>
#include <string.h>

#include "api/check.h"
#include "drivers/conf/uuid.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/network_handle.h"

/* The network handle is usable: it names a network of an open
 * connection. */
static int
check_net(const struct vireo_network *net, const char *func,
          struct vireo_error *err)
{
    if (net == NULL || net->conn == NULL || net->conn->driver == NULL)
        return error_set(err, VIR_ERR_INVALID_NETWORK, VIR_FROM_NETWORK,
                         "%s", func);
    return 0;
}

/* The same, for a call that changes the network. */
static int
check_net_change(const struct vireo_network *net, const char *func,
                 struct vireo_error *err)
{
    if (check_net(net, func, err) < 0)
        return -1;
    return check_writable(net->conn, func, err);
}

#define NEED(drv, slot, func, err, fail)                                 \
    do {                                                                 \
        if ((drv)->slot == NULL) {                                       \
            error_unsupported(err, drv, func);                           \
            return fail;                                                 \
        }                                                                \
    } while (0)

/* ---- Counts and lists ------------------------------------------------- */

int
vireo_conn_num_of_networks(struct vireo_conn *conn, struct vireo_error *err)
{
    if (check_conn(conn, "virConnectNumOfNetworks", err) < 0)
        return -1;
    NEED(conn->driver, connect_num_of_networks, "virConnectNumOfNetworks",
         err, -1);
    return conn->driver->connect_num_of_networks(conn, err);
}

int
vireo_conn_num_of_defined_networks(struct vireo_conn *conn,
                                   struct vireo_error *err)
{
    if (check_conn(conn, "virConnectNumOfDefinedNetworks", err) < 0)
        return -1;
    NEED(conn->driver, connect_num_of_defined_networks,
         "virConnectNumOfDefinedNetworks", err, -1);
    return conn->driver->connect_num_of_defined_networks(conn, err);
}

static int
check_names(struct vireo_conn *conn, char **names, int maxnames,
            const char *func, struct vireo_error *err)
{
    if (check_conn(conn, func, err) < 0 ||
        check_non_negative(maxnames, "maxnames", func, err) < 0)
        return -1;
    if (maxnames > 0)
        return check_non_null(names, "names", func, err);
    return 0;
}

int
vireo_conn_list_networks(struct vireo_conn *conn, char **names, int maxnames,
                         struct vireo_error *err)
{
    if (check_names(conn, names, maxnames, "virConnectListNetworks",
                    err) < 0)
        return -1;
    NEED(conn->driver, connect_list_networks, "virConnectListNetworks", err,
         -1);
    return conn->driver->connect_list_networks(conn, names, maxnames, err);
}

int
vireo_conn_list_defined_networks(struct vireo_conn *conn, char **names,
                                 int maxnames, struct vireo_error *err)
{
    if (check_names(conn, names, maxnames, "virConnectListDefinedNetworks",
                    err) < 0)
        return -1;
    NEED(conn->driver, connect_list_defined_networks,
         "virConnectListDefinedNetworks", err, -1);
    return conn->driver->connect_list_defined_networks(conn, names, maxnames,
                                                       err);
}

int
vireo_conn_list_all_networks(struct vireo_conn *conn,
                             struct vireo_network ***nets, unsigned flags,
                             struct vireo_error *err)
{
    if (nets != NULL)
        *nets = NULL;
    if (check_conn(conn, "virConnectListAllNetworks", err) < 0)
        return -1;
    NEED(conn->driver, connect_list_all_networks, "virConnectListAllNetworks",
         err, -1);
    return conn->driver->connect_list_all_networks(conn, nets, flags, err);
}

/* ---- Lookups, define, create ------------------------------------------ */

struct vireo_network *
vireo_network_lookup_by_name(struct vireo_conn *conn, const char *name,
                             struct vireo_error *err)
{
    if (check_conn(conn, "virNetworkLookupByName", err) < 0 ||
        check_non_null(name, "name", "virNetworkLookupByName", err) < 0)
        return NULL;
    NEED(conn->driver, network_lookup_by_name, "virNetworkLookupByName", err,
         NULL);
    return conn->driver->network_lookup_by_name(conn, name, err);
}

struct vireo_network *
vireo_network_lookup_by_uuid(struct vireo_conn *conn,
                             const unsigned char *uuid,
                             struct vireo_error *err)
{
    if (check_conn(conn, "virNetworkLookupByUUID", err) < 0 ||
        check_non_null(uuid, "uuid", "virNetworkLookupByUUID", err) < 0)
        return NULL;
    NEED(conn->driver, network_lookup_by_uuid, "virNetworkLookupByUUID", err,
         NULL);
    return conn->driver->network_lookup_by_uuid(conn, uuid, err);
}

struct vireo_network *
vireo_network_lookup_by_uuid_string(struct vireo_conn *conn, const char *uuid,
                                    struct vireo_error *err)
{
    unsigned char raw[VIREO_UUID_BUFLEN];

    if (check_conn(conn, "virNetworkLookupByUUIDString", err) < 0 ||
        check_non_null(uuid, "uuidstr", "virNetworkLookupByUUIDString",
                       err) < 0)
        return NULL;
    if (uuid_parse(uuid, raw) < 0) {
        check_invalid_arg(err, "%s", "Invalid UUID");
        return NULL;
    }
    return vireo_network_lookup_by_uuid(conn, raw, err);
}

static int
check_xml(struct vireo_conn *conn, const char *xml, const char *func,
          struct vireo_error *err)
{
    if (check_conn(conn, func, err) < 0 ||
        check_writable(conn, func, err) < 0)
        return -1;
    return check_non_null(xml, "xml", func, err);
}

struct vireo_network *
vireo_network_define_xml(struct vireo_conn *conn, const char *xml,
                         unsigned flags, struct vireo_error *err)
{
    if (check_xml(conn, xml, "virNetworkDefineXMLFlags", err) < 0)
        return NULL;
    NEED(conn->driver, network_define_xml, "virNetworkDefineXMLFlags", err,
         NULL);
    return conn->driver->network_define_xml(conn, xml, flags, err);
}

struct vireo_network *
vireo_network_create_xml(struct vireo_conn *conn, const char *xml,
                         unsigned flags, struct vireo_error *err)
{
    if (check_xml(conn, xml, "virNetworkCreateXMLFlags", err) < 0)
        return NULL;
    NEED(conn->driver, network_create_xml, "virNetworkCreateXMLFlags", err,
         NULL);
    return conn->driver->network_create_xml(conn, xml, flags, err);
}

/* ---- Calls on one network --------------------------------------------- */

int
vireo_network_undefine(struct vireo_network *net, struct vireo_error *err)
{
    if (check_net_change(net, "virNetworkUndefine", err) < 0)
        return -1;
    NEED(net->conn->driver, network_undefine, "virNetworkUndefine", err, -1);
    return net->conn->driver->network_undefine(net, err);
}

int
vireo_network_create(struct vireo_network *net, struct vireo_error *err)
{
    if (check_net_change(net, "virNetworkCreate", err) < 0)
        return -1;
    NEED(net->conn->driver, network_create, "virNetworkCreate", err, -1);
    return net->conn->driver->network_create(net, err);
}

int
vireo_network_destroy(struct vireo_network *net, struct vireo_error *err)
{
    if (check_net_change(net, "virNetworkDestroy", err) < 0)
        return -1;
    NEED(net->conn->driver, network_destroy, "virNetworkDestroy", err, -1);
    return net->conn->driver->network_destroy(net, err);
}

int
vireo_network_update(struct vireo_network *net, unsigned command,
                     unsigned section, int parent_index, const char *xml,
                     unsigned flags, struct vireo_error *err)
{
    if (check_net_change(net, "virNetworkUpdate", err) < 0 ||
        check_non_null(xml, "xml", "virNetworkUpdate", err) < 0)
        return -1;
    NEED(net->conn->driver, network_update, "virNetworkUpdate", err, -1);
    return net->conn->driver->network_update(net, command, section,
                                             parent_index, xml, flags, err);
}

char *
vireo_network_get_xml_desc(struct vireo_network *net, unsigned flags,
                           struct vireo_error *err)
{
    if (check_net(net, "virNetworkGetXMLDesc", err) < 0)
        return NULL;
    NEED(net->conn->driver, network_get_xml_desc, "virNetworkGetXMLDesc", err,
         NULL);
    return net->conn->driver->network_get_xml_desc(net, flags, err);
}

char *
vireo_network_get_bridge_name(struct vireo_network *net,
                              struct vireo_error *err)
{
    if (check_net(net, "virNetworkGetBridgeName", err) < 0)
        return NULL;
    NEED(net->conn->driver, network_get_bridge_name,
         "virNetworkGetBridgeName", err, NULL);
    return net->conn->driver->network_get_bridge_name(net, err);
}

int
vireo_network_get_autostart(struct vireo_network *net, int *autostart,
                            struct vireo_error *err)
{
    if (check_net(net, "virNetworkGetAutostart", err) < 0 ||
        check_non_null(autostart, "autostart", "virNetworkGetAutostart",
                       err) < 0)
        return -1;
    NEED(net->conn->driver, network_get_autostart, "virNetworkGetAutostart",
         err, -1);
    return net->conn->driver->network_get_autostart(net, autostart, err);
}

int
vireo_network_set_autostart(struct vireo_network *net, int autostart,
                            struct vireo_error *err)
{
    if (check_net_change(net, "virNetworkSetAutostart", err) < 0)
        return -1;
    NEED(net->conn->driver, network_set_autostart, "virNetworkSetAutostart",
         err, -1);
    return net->conn->driver->network_set_autostart(net, autostart, err);
}

int
vireo_network_is_active(struct vireo_network *net, struct vireo_error *err)
{
    if (check_net(net, "virNetworkIsActive", err) < 0)
        return -1;
    NEED(net->conn->driver, network_is_active, "virNetworkIsActive", err, -1);
    return net->conn->driver->network_is_active(net, err);
}

int
vireo_network_is_persistent(struct vireo_network *net,
                            struct vireo_error *err)
{
    if (check_net(net, "virNetworkIsPersistent", err) < 0)
        return -1;
    NEED(net->conn->driver, network_is_persistent, "virNetworkIsPersistent",
         err, -1);
    return net->conn->driver->network_is_persistent(net, err);
}

/* ---- The handle itself ------------------------------------------------ */

const char *
vireo_network_get_name(const struct vireo_network *net)
{
    return net != NULL ? net->name : NULL;
}

void
vireo_network_get_uuid(const struct vireo_network *net,
                       unsigned char uuid[VIREO_UUID_BUFLEN])
{
    if (net != NULL)
        memcpy(uuid, net->uuid, VIREO_UUID_BUFLEN);
}

struct vireo_network *
vireo_network_ref(struct vireo_network *net)
{
    return handle_network_ref(net);
}

void
vireo_network_free(struct vireo_network *net)
{
    handle_network_unref(net);
}

void
vireo_network_array_free(struct vireo_network **nets, int n)
{
    handle_network_array_free(nets, n);
}
