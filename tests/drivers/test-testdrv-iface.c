/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-iface.c: the host interface XML and the test driver's
 * interfaces, through its slots. Expected documents, lists and errors are
 * what libvirtd 9.0's test driver answers (checked with virsh against a
 * private libvirtd).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/interface_xml.h"
#include "drivers/interface_handle.h"
#include "tests/drivers/testdrv-helpers.h"

static const char bond_in[] =
    "<interface type='bond' name='bond0'><start mode='hotplug'/>"
    "<protocol family='ipv6'><autoconf/><dhcp peerdns='no'/>"
    "<ip address='fe80::1' prefix='64'/><route gateway='fe80::2'/>"
    "</protocol><link speed='1000' state='up'/>"
    "<bond mode='active-backup'>"
    "<miimon freq='100' updelay='10' carrier='ioctl'/>"
    "<interface type='ethernet' name='eth0'>"
    "<mac address='AB:CD:EF:01:02:03'/><link state='down'/></interface>"
    "<interface type='ethernet' name='eth2'/></bond></interface>";

/* libvirtd's iface-dumpxml of bond_in. */
static const char bond_out[] =
    "<interface type='bond' name='bond0'>\n"
    "  <start mode='hotplug'/>\n"
    "  <protocol family='ipv6'>\n"
    "    <autoconf/>\n"
    "    <dhcp peerdns='no'/>\n"
    "    <ip address='fe80::1' prefix='64'/>\n"
    "    <route gateway='fe80::2'/>\n"
    "  </protocol>\n"
    "  <link speed='1000' state='up'/>\n"
    "  <bond mode='active-backup'>\n"
    "    <miimon freq='100' updelay='10' carrier='ioctl'/>\n"
    "    <interface type='ethernet' name='eth0'>\n"
    "      <link state='down'/>\n"
    "      <mac address='AB:CD:EF:01:02:03'/>\n"
    "    </interface>\n"
    "    <interface type='ethernet' name='eth2'>\n"
    "    </interface>\n"
    "  </bond>\n"
    "</interface>\n";

static const char eth1_out[] =
    "<interface type='ethernet' name='eth1'>\n"
    "  <start mode='onboot'/>\n"
    "  <mtu size='1492'/>\n"
    "  <protocol family='ipv4'>\n"
    "    <ip address='192.168.0.5' prefix='24'/>\n"
    "    <route gateway='192.168.0.1'/>\n"
    "  </protocol>\n"
    "  <mac address='aa:bb:cc:dd:ee:ff'/>\n"
    "</interface>\n";

/* "name:active" for each interface, joined by spaces. */
static const char *
states(struct vireo_conn *conn)
{
    static char buf[256];
    struct vireo_interface **ifaces = NULL;
    struct vireo_error err = { 0 };
    int n = testdrv.connect_list_all_interfaces(conn, &ifaces, 0, &err);

    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s:%d",
                 i > 0 ? " " : "", ifaces[i]->name,
                 testdrv.interface_is_active(ifaces[i], &err));
    }
    handle_iface_array_free(ifaces, n);
    return n >= 0 ? buf : "error";
}

static int
parse_fails(const char *xml, const char *text, const char *what)
{
    struct vireo_error err = { 0 };
    struct iface_def *def = iface_def_parse(xml, &err);

    tdrv_fails(def == NULL ? -1 : 0, err, VIR_ERR_XML_ERROR, text, "%s",
               what);
    iface_def_free(def);
    return 0;
}

static void
test_document(void)
{
    struct vireo_error err = { 0 };
    struct iface_def *def = iface_def_parse(bond_in, &err);
    char *text = def != NULL ? iface_def_format(def) : NULL;

    tap_is_str(text != NULL ? text : err.message, bond_out,
               "a bond is written back as libvirtd writes it");
    free(text);
    iface_def_free(def);
    parse_fails("<interface name='x'/>",
                "Missing required attribute 'type' in element 'interface'",
                "an interface needs a type");
    parse_fails("<interface type='ethernet'/>", "interface has no name",
                "an interface needs a name");
    parse_fails("<interface type='bond' name='b'><bond><interface "
                "type='bridge' name='x'/></bond></interface>",
                "interface has unsupported type 'bridge'",
                "a bond holds ethernet interfaces only");
    parse_fails("<interface type='vlan' name='v'><vlan/></interface>",
                "vlan interface misses the tag attribute",
                "a vlan needs its tag");
    parse_fails("<interface type='ethernet' name='e'><mtu size='100001'/>"
                "</interface>",
                "value of the 'size' attribute of 'mtu' element must be at "
                "most 100000", "an MTU is at most 100000");
    parse_fails("<interface type='ethernet' name='e'><protocol "
                "family='ipx'/></interface>",
                "unsupported protocol family 'ipx'",
                "only ipv4 and ipv6 are families");
}

static void
test_lifecycle(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_interface *eth1, *br;
    char *text;

    tap_is_str(states(conn), "eth1:1", "test:///default has eth1, up");
    eth1 = testdrv.interface_lookup_by_mac_string(conn, "AA:BB:CC:DD:EE:FF",
                                                  &err);
    tap_is_str(eth1 != NULL ? eth1->name : err.message, "eth1",
               "MAC addresses match whatever their case");
    text = eth1 != NULL ? testdrv.interface_get_xml_desc(eth1, 0, &err)
                        : NULL;
    tap_is_str(text != NULL ? text : err.message, eth1_out,
               "eth1 is written as libvirtd writes it");
    free(text);
    tdrv_fails(testdrv.interface_get_xml_desc(eth1, VIR_INTERFACE_XML_INACTIVE,
                                              &err) == NULL ? -1 : 0,
               err, VIR_ERR_INVALID_ARG,
               "unsupported flags (0x1) in function testInterfaceGetXMLDesc",
               "the inactive document is refused as libvirt does");
    tdrv_fails(testdrv.interface_create(eth1, 0, &err), err,
               VIR_ERR_OPERATION_INVALID, "Requested operation is not valid",
               "starting an interface that is up is refused");
    tap_is_int(testdrv.interface_destroy(eth1, 0, &err), 0,
               "it can be brought down");
    br = testdrv.interface_define_xml(
        conn, "<interface type='bridge' name='br0'><bridge/></interface>", 0,
        &err);
    tap_is_str(br != NULL ? br->mac : err.message, "",
               "a bridge is defined, with no MAC address");
    tap_is_str(states(conn), "eth1:0 br0:0", "both are down");
    tap_is_int(testdrv.interface_change_begin(conn, 0, &err), 0,
               "a transaction begins");
    tdrv_fails(testdrv.interface_change_begin(conn, 0, &err), err,
               VIR_ERR_OPERATION_INVALID,
               "there is another transaction running.",
               "only one runs at a time");
    tap_is_int(testdrv.interface_undefine(eth1, &err), 0, "eth1 goes");
    tap_is_int(testdrv.interface_create(br, 0, &err), 0, "br0 comes up");
    tap_is_str(states(conn), "br0:1", "inside the transaction");
    tap_is_int(testdrv.interface_change_rollback(conn, 0, &err), 0,
               "the transaction is rolled back");
    tap_is_str(states(conn), "eth1:0 br0:0",
               "eth1 is back, and every interface is down");
    tdrv_fails(testdrv.interface_change_commit(conn, 0, &err), err,
               VIR_ERR_OPERATION_INVALID,
               "no transaction running, nothing to be committed.",
               "there is nothing left to commit");
    handle_iface_unref(eth1);
    handle_iface_unref(br);
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = tdrv_open("test:///default", &err);

    if (conn == NULL)
        tap_fail_all("cannot open test:///default: %s", err.message);
    test_document();
    test_lifecycle(conn);
    handle_conn_unref(conn);
    return tdrv_done();
}
