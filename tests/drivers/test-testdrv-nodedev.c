/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-nodedev.c: the node device XML and the test driver's node
 * devices, through its slots. Expected documents, lists and errors are
 * what libvirtd 9.0's test driver answers (checked with virsh against a
 * private libvirtd).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/nodedev_xml.h"
#include "drivers/nodedev_handle.h"
#include "tests/drivers/testdrv-helpers.h"

#define VHBA_XML                                                        \
    "<device><parent>%s</parent><capability type='scsi_host'>"          \
    "<capability type='fc_host'><wwnn>2001001b32a9da4e</wwnn>"          \
    "<wwpn>2101001b32a9da4e</wwpn></capability></capability></device>"

/* libvirtd's dumpxml of the vHBA made from VHBA_XML on scsi_host1: a copy
 * of scsi_host11 with the new WWNs. */
static const char vhba_doc[] =
    "<device>\n"
    "  <name>scsi_host12</name>\n"
    "  <parent>scsi_host1</parent>\n"
    "  <capability type='scsi_host'>\n"
    "    <host>11</host>\n"
    "    <unique_id>10</unique_id>\n"
    "    <capability type='fc_host'>\n"
    "      <wwnn>2001001b32a9da4e</wwnn>\n"
    "      <wwpn>2101001b32a9da4e</wwpn>\n"
    "      <fabric_wwn>2000000043214321</fabric_wwn>\n"
    "    </capability>\n"
    "  </capability>\n"
    "</device>\n";

static const char computer_doc[] =
    "<device>\n"
    "  <name>computer</name>\n"
    "  <capability type='system'>\n"
    "    <hardware>\n"
    "      <vendor>Libvirt</vendor>\n"
    "      <version>Test driver</version>\n"
    "      <serial>123456</serial>\n"
    "      <uuid>11111111-2222-3333-4444-555555555555</uuid>\n"
    "    </hardware>\n"
    "    <firmware>\n"
    "      <vendor>Libvirt</vendor>\n"
    "      <version>Test Driver</version>\n"
    "      <release_date>01/22/2007</release_date>\n"
    "    </firmware>\n"
    "  </capability>\n"
    "</device>\n";

/* The names a listing gives, joined by spaces. */
static const char *
joined(struct vireo_node_device **devs, int n)
{
    static char buf[256];

    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (i > 0)
            strcat(buf, " ");
        strcat(buf, devs[i]->name);
    }
    handle_nodedev_array_free(devs, n);
    return n >= 0 ? buf : "error";
}

static const char *
list(struct vireo_conn *conn, unsigned flags)
{
    struct vireo_node_device **devs = NULL;
    struct vireo_error err = { 0 };

    return joined(devs, testdrv.connect_list_all_node_devices(conn, &devs,
                                                              flags, &err));
}

static char *
dump(struct vireo_conn *conn, const char *name)
{
    struct vireo_error err = { 0 };
    struct vireo_node_device *dev =
        testdrv.node_device_lookup_by_name(conn, name, &err);
    char *xml = dev != NULL ? testdrv.node_device_get_xml_desc(dev, 0, &err)
                            : NULL;

    handle_nodedev_unref(dev);
    return xml;
}

static int
create(struct vireo_conn *conn, const char *parent, struct vireo_error *err)
{
    char xml[512];
    struct vireo_node_device *dev;

    snprintf(xml, sizeof(xml), VHBA_XML, parent);
    dev = testdrv.node_device_create_xml(conn, xml, 0, err);
    if (dev != NULL)
        tap_is_str(dev->name, "scsi_host12", "the vHBA is scsi_host12");
    handle_nodedev_unref(dev);
    return dev != NULL ? 0 : -1;
}

static int
destroy(struct vireo_conn *conn, const char *name, struct vireo_error *err)
{
    struct vireo_node_device dev = { .conn = conn, .name = (char *)name };

    return testdrv.node_device_destroy(&dev, err);
}

static void
test_document(void)
{
    struct vireo_error err = { 0 };
    struct nodedev_def *def;

    def = nodedev_def_parse("<device><capability type='scsi_host'>"
                            "<capability type='fc_host'/></capability>"
                            "</device>", true, &err);
    tdrv_fails(def == NULL ? -1 : 0, err, VIR_ERR_INTERNAL_ERROR,
               "no WWNN supplied for 'new device', and auto-generation "
               "failed", "a vHBA without a WWNN is refused as libvirt does");
    def = nodedev_def_parse("<device><parent>x</parent></device>", true,
                            &err);
    tdrv_fails(def == NULL ? -1 : 0, err, VIR_ERR_INTERNAL_ERROR,
               "no device capabilities for 'new device'",
               "a device needs a capability");
    def = nodedev_def_parse("<device><capability type='frob'/></device>",
                            true, &err);
    tdrv_fails(def == NULL ? -1 : 0, err, VIR_ERR_XML_ERROR,
               "Invalid value for attribute 'type' in element 'capability': "
               "'frob'.", "an unknown capability type is an XML error");
    def = nodedev_def_parse("<device><capability type='pci'><domain>0"
                            "</domain><bus>0</bus><slot>1</slot><function>0"
                            "</function><vendor id='0x8086'/></capability>"
                            "</device>", true, &err);
    tdrv_fails(def == NULL ? -1 : 0, err, VIR_ERR_INTERNAL_ERROR,
               "no PCI product ID supplied for 'new device'",
               "a PCI device needs its product ID");
    def = nodedev_def_parse("<dev/>", true, &err);
    tdrv_fails(def == NULL ? -1 : 0, err, VIR_ERR_XML_ERROR,
               "expecting root element of 'device', not 'dev'",
               "the root must be <device>");
    def = nodedev_def_parse("<device><name>h</name><capability "
                            "type='scsi_host'><host>x</host></capability>"
                            "</device>", false, &err);
    tdrv_fails(def == NULL ? -1 : 0, err, VIR_ERR_INTERNAL_ERROR,
               "invalid SCSI host ID supplied for 'h'",
               "an existing SCSI host needs a numeric host number");
}

static void
test_lookups(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_node_device *dev;
    char *text, *caps[4] = { NULL };

    tap_is_str(list(conn, 0), "computer scsi_host1 scsi_host2 scsi_host11",
               "test:///default has libvirt's four devices");
    tap_is_str(list(conn, VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPORTS),
               "scsi_host1 scsi_host2",
               "two of them can make vHBAs");
    tap_is_str(list(conn, VIR_CONNECT_LIST_NODE_DEVICES_CAP_FC_HOST |
                          VIR_CONNECT_LIST_NODE_DEVICES_CAP_SYSTEM),
               "computer scsi_host1 scsi_host2 scsi_host11",
               "capability filters add up");
    tdrv_fails(testdrv.connect_list_all_node_devices(
                   conn, NULL, VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE, &err),
               err, VIR_ERR_INVALID_ARG,
               "unsupported flags (0x80000000) in function "
               "testConnectListAllNodeDevices",
               "the ACTIVE filter virsh sends is refused as libvirt does");
    tap_is_int(testdrv.node_num_of_devices(conn, "scsi_host", 0, &err), 3,
               "three devices are SCSI hosts");
    text = dump(conn, "computer");
    tap_is_str(text != NULL ? text : "", computer_doc,
               "the host device is written as libvirtd writes it");
    free(text);
    dev = testdrv.node_device_lookup_by_name(conn, "nosuch", &err);
    tdrv_fails(dev == NULL ? -1 : 0, err, VIR_ERR_NO_NODE_DEVICE,
               "no node device with matching name 'nosuch'",
               "an unknown device is not found");
    dev = testdrv.node_device_lookup_by_name(conn, "computer", &err);
    text = testdrv.node_device_get_parent(dev, &err);
    tdrv_fails(text == NULL ? -1 : 0, err, VIR_ERR_INTERNAL_ERROR,
               "no parent for this device", "the host has no parent");
    tap_is_int(testdrv.node_device_num_of_caps(dev, &err), 1,
               "the host has one capability");
    tap_is_int(testdrv.node_device_list_caps(dev, caps, 4, &err), 1,
               "and lists it");
    tap_is_str(caps[0] != NULL ? caps[0] : "", "system", "it is 'system'");
    free(caps[0]);
    handle_nodedev_unref(dev);
}

static void
test_vhba(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    char *text;

    tap_is_int(create(conn, "scsi_host1", &err), 0,
               "a vHBA is made on scsi_host1");
    text = dump(conn, "scsi_host12");
    tap_is_str(text != NULL ? text : "", vhba_doc,
               "it is scsi_host11's copy with the new WWNs");
    free(text);
    tdrv_fails(create(conn, "computer", &err), err, VIR_ERR_INTERNAL_ERROR,
               "Parent device computer is not capable of vport operations",
               "the host cannot be a vHBA's parent");
    tdrv_fails(create(conn, "scsi_host99", &err), err,
               VIR_ERR_INTERNAL_ERROR,
               "Could not find parent device for 'new device'",
               "an unknown parent is refused");
    tap_is_int(destroy(conn, "scsi_host12", &err), 0, "the vHBA goes");
    tap_is_str(list(conn, 0), "computer scsi_host1 scsi_host2 scsi_host11",
               "and is no longer listed");
    tap_is_int(destroy(conn, "computer", &err), 0,
               "destroying the host succeeds, as in libvirt");
    tap_is_str(list(conn, VIR_CONNECT_LIST_NODE_DEVICES_CAP_SYSTEM),
               "computer", "but leaves it there");
    tap_is_int(destroy(conn, "scsi_host11", &err), 0,
               "the template vHBA can go");
    err.code = VIR_ERR_INTERNAL_ERROR;
    tap_ok(create(conn, "scsi_host1", &err) < 0 && err.code == VIR_ERR_OK,
           "without it creation fails with no cause, as libvirt's does");
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = tdrv_open("test:///default", &err);

    if (conn == NULL)
        tap_fail_all("cannot open test:///default: %s", err.message);
    test_document();
    test_lookups(conn);
    test_vhba(conn);
    handle_conn_unref(conn);
    return tdrv_done();
}
