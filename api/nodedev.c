/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nodedev.c: the node device API (libvirt's virNodeDevice* and
 * virNodeNumOfDevices/virNodeListDevices). Each entry point checks its
 * arguments as libvirt's does, then calls the driver's slot and returns
 * its error untouched.
 */
#include "api/check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/nodedev_handle.h"

/* dev is a device handle on an open connection. */
static int
check_dev(const struct vireo_node_device *dev, const char *func,
          struct vireo_error *err)
{
    if (dev == NULL || dev->conn == NULL || dev->conn->driver == NULL)
        return error_set(err, VIR_ERR_INVALID_NODE_DEVICE, VIR_FROM_NODEDEV,
                         "invalid node device pointer in %s", func);
    return 0;
}

const char *
vireo_node_device_get_name(const struct vireo_node_device *dev)
{
    return dev != NULL ? dev->name : NULL;
}

void
vireo_node_device_free(struct vireo_node_device *dev)
{
    handle_nodedev_unref(dev);
}

int
vireo_node_num_of_devices(struct vireo_conn *conn, const char *cap,
                          unsigned flags, struct vireo_error *err)
{
    const char *func = "virNodeNumOfDevices";

    if (check_conn(conn, func, err) < 0 ||
        check_slot(conn,
                   conn->driver->node_num_of_devices != NULL, func, err) < 0)
        return -1;
    return conn->driver->node_num_of_devices(conn, cap, flags, err);
}

int
vireo_node_list_devices(struct vireo_conn *conn, const char *cap,
                        char **names, int maxnames, unsigned flags,
                        struct vireo_error *err)
{
    const char *func = "virNodeListDevices";

    if (check_conn(conn, func, err) < 0 ||
        check_non_null(names, "names", func, err) < 0 ||
        check_non_negative(maxnames, "maxnames", func, err) < 0 ||
        check_slot(conn,
                   conn->driver->node_list_devices != NULL, func, err) < 0)
        return -1;
    return conn->driver->node_list_devices(conn, cap, names, maxnames,
                                           flags, err);
}

int
vireo_connect_list_all_node_devices(struct vireo_conn *conn,
                                    struct vireo_node_device ***devs,
                                    unsigned flags, struct vireo_error *err)
{
    const char *func = "virConnectListAllNodeDevices";

    if (devs != NULL)
        *devs = NULL;
    if (check_conn(conn, func, err) < 0 ||
        check_slot(conn,
                   conn->driver->connect_list_all_node_devices != NULL, func,
                   err) < 0)
        return -1;
    return conn->driver->connect_list_all_node_devices(conn, devs, flags,
                                                       err);
}

struct vireo_node_device *
vireo_node_device_lookup_by_name(struct vireo_conn *conn, const char *name,
                                 struct vireo_error *err)
{
    const char *func = "virNodeDeviceLookupByName";

    if (check_conn(conn, func, err) < 0 ||
        check_non_null(name, "name", func, err) < 0 ||
        check_slot(conn,
                   conn->driver->node_device_lookup_by_name != NULL, func,
                   err) < 0)
        return NULL;
    return conn->driver->node_device_lookup_by_name(conn, name, err);
}

char *
vireo_node_device_get_xml_desc(struct vireo_node_device *dev, unsigned flags,
                               struct vireo_error *err)
{
    const char *func = "virNodeDeviceGetXMLDesc";

    if (check_dev(dev, func, err) < 0 ||
        check_slot(dev->conn,
                   dev->conn->driver->node_device_get_xml_desc != NULL, func,
                   err) < 0)
        return NULL;
    return dev->conn->driver->node_device_get_xml_desc(dev, flags, err);
}

char *
vireo_node_device_get_parent(struct vireo_node_device *dev,
                             struct vireo_error *err)
{
    const char *func = "virNodeDeviceGetParent";

    if (check_dev(dev, func, err) < 0 ||
        check_slot(dev->conn,
                   dev->conn->driver->node_device_get_parent != NULL, func,
                   err) < 0)
        return NULL;
    return dev->conn->driver->node_device_get_parent(dev, err);
}

int
vireo_node_device_num_of_caps(struct vireo_node_device *dev,
                              struct vireo_error *err)
{
    const char *func = "virNodeDeviceNumOfCaps";

    if (check_dev(dev, func, err) < 0 ||
        check_slot(dev->conn,
                   dev->conn->driver->node_device_num_of_caps != NULL, func,
                   err) < 0)
        return -1;
    return dev->conn->driver->node_device_num_of_caps(dev, err);
}

int
vireo_node_device_list_caps(struct vireo_node_device *dev, char **names,
                            int maxnames, struct vireo_error *err)
{
    const char *func = "virNodeDeviceListCaps";

    if (check_dev(dev, func, err) < 0 ||
        check_non_null(names, "names", func, err) < 0 ||
        check_non_negative(maxnames, "maxnames", func, err) < 0 ||
        check_slot(dev->conn,
                   dev->conn->driver->node_device_list_caps != NULL, func,
                   err) < 0)
        return -1;
    return dev->conn->driver->node_device_list_caps(dev, names, maxnames,
                                                    err);
}

struct vireo_node_device *
vireo_node_device_create_xml(struct vireo_conn *conn, const char *xml,
                             unsigned flags, struct vireo_error *err)
{
    const char *func = "virNodeDeviceCreateXML";

    if (check_conn(conn, func, err) < 0 ||
        check_writable(conn, func, err) < 0 ||
        check_non_null(xml, "xmlDesc", func, err) < 0 ||
        check_slot(conn,
                   conn->driver->node_device_create_xml != NULL, func,
                   err) < 0)
        return NULL;
    return conn->driver->node_device_create_xml(conn, xml, flags, err);
}

int
vireo_node_device_destroy(struct vireo_node_device *dev,
                          struct vireo_error *err)
{
    const char *func = "virNodeDeviceDestroy";

    if (check_dev(dev, func, err) < 0 ||
        check_writable(dev->conn, func, err) < 0 ||
        check_slot(dev->conn,
                   dev->conn->driver->node_device_destroy != NULL, func,
                   err) < 0)
        return -1;
    return dev->conn->driver->node_device_destroy(dev, err);
}
