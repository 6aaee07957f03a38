#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""python_nodedev.py REFERENCE_URI URI: python3-libvirt asks both daemons
the node device and host interface questions virsh does not ask (the
older list calls, the listing without virsh's ACTIVE filter, capabilities
and parents, interface counts), and the second must answer every one as
the first (a private libvirtd) does: the same value, or the same error
code and message. Speaks TAP.
"""
import sys

import libvirt

libvirt.registerErrorHandler(lambda ctx, err: None, None)


def answer(call):
    """What call gives: ('ok', value) or ('error', code, message)."""
    try:
        return ("ok", call())
    except libvirt.libvirtError as e:
        return ("error", e.get_error_code(), e.get_error_message())


def names(objs):
    return sorted(o.name() for o in objs)


def dev(conn, name):
    return conn.nodeDeviceLookupByName(name)


def iface(conn, name):
    return conn.interfaceLookupByName(name)


QUESTIONS = [
    ("numOfDevices", lambda c: c.numOfDevices(None, 0)),
    ("listDevices", lambda c: sorted(c.listDevices(None, 0))),
    ("numOfDevices of scsi_host", lambda c: c.numOfDevices("scsi_host", 0)),
    ("listDevices of fc_host", lambda c: sorted(c.listDevices("fc_host", 0))),
    ("listAllDevices", lambda c: names(c.listAllDevices(0))),
    ("listAllDevices of vports",
     lambda c: names(c.listAllDevices(
         libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPORTS))),
    ("listAllDevices of active ones",
     lambda c: names(c.listAllDevices(
         libvirt.VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE))),
    ("scsi_host11's parent", lambda c: dev(c, "scsi_host11").parent()),
    ("computer's parent", lambda c: dev(c, "computer").parent()),
    ("scsi_host1's capabilities", lambda c: dev(c, "scsi_host1").listCaps()),
    ("scsi_host1's number of capabilities",
     lambda c: dev(c, "scsi_host1").numOfCaps()),
    ("an unknown device", lambda c: dev(c, "nosuch").name()),
    ("numOfInterfaces", lambda c: c.numOfInterfaces()),
    ("listInterfaces", lambda c: c.listInterfaces()),
    ("numOfDefinedInterfaces", lambda c: c.numOfDefinedInterfaces()),
    ("listDefinedInterfaces", lambda c: c.listDefinedInterfaces()),
    ("listAllInterfaces",
     lambda c: [(i.name(), i.MACString()) for i in c.listAllInterfaces(0)]),
    ("eth1 by its MAC address in capitals",
     lambda c: c.interfaceLookupByMACString("AA:BB:CC:DD:EE:FF").name()),
    ("eth1 is active", lambda c: iface(c, "eth1").isActive()),
    ("eth1 goes down", lambda c: iface(c, "eth1").destroy(0)),
    ("then numOfDefinedInterfaces", lambda c: c.numOfDefinedInterfaces()),
    ("then listDefinedInterfaces", lambda c: c.listDefinedInterfaces()),
    ("listAllInterfaces of inactive ones",
     lambda c: names(c.listAllInterfaces(
         libvirt.VIR_CONNECT_LIST_INTERFACES_INACTIVE))),
]


def main():
    reference = libvirt.open(sys.argv[1])
    tested = libvirt.open(sys.argv[2])
    print("1..%d" % len(QUESTIONS))
    failed = 0
    for n, (what, call) in enumerate(QUESTIONS, 1):
        want, got = answer(lambda: call(reference)), answer(lambda: call(tested))
        if want == got:
            print("ok %d - %s: %r" % (n, what, got))
        else:
            failed += 1
            print("not ok %d - %s" % (n, what))
            print("# want %r" % (want,))
            print("# got  %r" % (got,))
    reference.close()
    tested.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
