/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-nodedev.c: the node device and host interface API through
 * libvireo, in-process on test:///default: what the entry points check
 * before any driver sees the call (as libvirt's do), and a round trip
 * through each kind.
 */
#include <stdlib.h>

#include "api-test.h"

#define DENIED(func) "operation forbidden: read only access prevents " func

static void
test_arguments(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    char *names[2];

    tap_ok(vireo_node_device_get_xml_desc(NULL, 0, &err) == NULL,
           "a NULL device has no document");
    is_error(&err, VIR_ERR_INVALID_NODE_DEVICE,
             "invalid node device pointer in virNodeDeviceGetXMLDesc",
             "it is an invalid node device, as libvirt says");
    vireo_interface_is_active(NULL, &err);
    is_error(&err, VIR_ERR_INVALID_INTERFACE,
             "invalid interface pointer in virInterfaceIsActive",
             "a NULL interface is an invalid interface");
    vireo_node_list_devices(conn, NULL, names, -1, 0, &err);
    is_error(&err, VIR_ERR_INVALID_ARG,
             "maxnames in virNodeListDevices must be zero or greater",
             "a negative bound is refused");
    vireo_connect_list_interfaces(conn, NULL, 2, &err);
    is_error(&err, VIR_ERR_INVALID_ARG,
             "names in virConnectListInterfaces must not be NULL",
             "a NULL names array is refused");
}

static void
test_read_only(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *ro = vireo_conn_open("test:///default",
                                            VIREO_CONNECT_RO, &err);
    struct vireo_interface *eth1 = vireo_interface_lookup_by_name(ro, "eth1",
                                                                  &err);

    tap_ok(eth1 != NULL, "a read-only connection looks interfaces up");
    vireo_interface_destroy(eth1, 0, &err);
    is_error(&err, VIR_ERR_OPERATION_DENIED, DENIED("virInterfaceDestroy"),
             "it may not bring one down");
    vireo_interface_change_begin(ro, 0, &err);
    is_error(&err, VIR_ERR_OPERATION_DENIED,
             DENIED("virInterfaceChangeBegin"),
             "nor begin a transaction");
    vireo_node_device_create_xml(ro, "<device/>", 0, &err);
    is_error(&err, VIR_ERR_OPERATION_DENIED, DENIED("virNodeDeviceCreateXML"),
             "nor create a device");
    tap_is_int(vireo_interface_is_active(eth1, &err), 1,
               "and eth1 is still up");
    vireo_interface_free(eth1);
    vireo_conn_close(ro);
}

static void
test_round_trip(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_node_device **devs = NULL;
    struct vireo_node_device *dev;
    struct vireo_interface *iface;
    char *parent;
    int n;

    n = vireo_connect_list_all_node_devices(
        conn, &devs, VIR_CONNECT_LIST_NODE_DEVICES_CAP_SYSTEM, &err);
    tap_is_int(n, 1, "one device is the host");
    tap_is_str(n == 1 ? vireo_node_device_get_name(devs[0]) : "", "computer",
               "it is 'computer'");
    for (int i = 0; i < n; i++)
        vireo_node_device_free(devs[i]);
    free(devs);
    dev = vireo_node_device_lookup_by_name(conn, "scsi_host11", &err);
    parent = vireo_node_device_get_parent(dev, &err);
    tap_is_str(parent != NULL ? parent : err.message, "scsi_host1",
               "scsi_host11's parent is scsi_host1");
    free(parent);
    vireo_node_device_free(dev);
    iface = vireo_interface_define_xml(
        conn, "<interface type='ethernet' name='eth7'>"
              "<mac address='00:11:22:33:44:55'/></interface>", 0, &err);
    tap_is_str(iface != NULL ? vireo_interface_get_mac_string(iface) : "",
               "00:11:22:33:44:55", "a defined interface has its MAC");
    tap_is_int(vireo_interface_undefine(iface, &err), 0, "and goes again");
    vireo_interface_free(iface);
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = vireo_conn_open("test:///default", 0, &err);

    if (conn == NULL)
        tap_fail_all("cannot open test:///default: %s", err.message);
    tap_plan(15);
    test_arguments(conn);
    test_read_only();
    test_round_trip(conn);
    vireo_conn_close(conn);
    return tap_done();
}
