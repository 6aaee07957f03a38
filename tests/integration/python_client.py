#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""python3-libvirt against vireod, as a management script would use it:
list, look up, change states, define and undefine, and receive lifecycle
events through libvirt's default event loop. Speaks TAP.

    python_client.py URI
"""
import sys
import threading
import time

import libvirt

VM_XML = """<domain type='test'>
  <name>pyvm</name>
  <memory unit='MiB'>64</memory>
  <os><type>hvm</type></os>
</domain>"""

n_run = 0
n_failed = 0


def ok(passed, description):
    global n_run, n_failed
    n_run += 1
    if not passed:
        n_failed += 1
    print("%s %d - %s" % ("ok" if passed else "not ok", n_run, description))
    sys.stdout.flush()


def error_code(fn):
    """The libvirt error code fn raises, or None."""
    try:
        fn()
    except libvirt.libvirtError as e:
        return e.get_error_code()
    return None


def run_loop():
    while True:
        libvirt.virEventRunDefaultImpl()


def wait_for(events, n, seconds=10):
    deadline = time.monotonic() + seconds
    while len(events) < n and time.monotonic() < deadline:
        time.sleep(0.02)


def check_host(conn):
    ok(conn.getType() == "TEST", "the connection reports the TEST hypervisor")
    ok(len(conn.getHostname()) > 0, "the host has a name")
    info = conn.getInfo()
    ok(info[0] == "i686" and info[2] == 16, "node info gives the CPU model and count")
    ok("<capabilities>" in conn.getCapabilities(), "capabilities are XML")


def check_states(conn):
    names = [d.name() for d in conn.listAllDomains()]
    ok(names == ["test"], "listAllDomains() shows the test domain")
    dom = conn.lookupByName("test")
    ok(dom.state() == [libvirt.VIR_DOMAIN_RUNNING, 0], "it is running")
    dom.suspend()
    ok(dom.state() == [libvirt.VIR_DOMAIN_PAUSED, libvirt.VIR_DOMAIN_PAUSED_USER],
       "suspend() pauses it (user)")
    dom.resume()
    dom.destroy()
    ok(dom.state() == [libvirt.VIR_DOMAIN_SHUTOFF, libvirt.VIR_DOMAIN_SHUTOFF_DESTROYED],
       "destroy() shuts it off (destroyed)")
    ok(dom.ID() == -1, "and it has no id")
    dom.create()
    ok(dom.state()[0] == libvirt.VIR_DOMAIN_RUNNING and dom.ID() > 1,
       "create() starts it again with a new id")
    code = error_code(dom.resume)
    ok(code == libvirt.VIR_ERR_INTERNAL_ERROR,
       "resuming a running domain is refused as libvirt's test driver does")


def check_define(conn):
    dom = conn.defineXML(VM_XML)
    ok(dom.name() == "pyvm" and not dom.isActive() and dom.isPersistent(),
       "defineXML() makes an inactive persistent domain")
    dom.create()
    ok(dom.isActive(), "it starts")
    dom.destroy()
    dom.undefine()
    code = error_code(lambda: conn.lookupByName("pyvm"))
    ok(code == libvirt.VIR_ERR_NO_DOMAIN, "after undefine() it is not found")
    code = error_code(lambda: conn.defineXML("<domain"))
    ok(code == libvirt.VIR_ERR_XML_DETAIL, "malformed XML is refused with libvirt's code")


def check_events(events):
    wait_for(events, 8)
    want = [("test", libvirt.VIR_DOMAIN_EVENT_SUSPENDED, 0),
            ("test", libvirt.VIR_DOMAIN_EVENT_RESUMED, 0),
            ("test", libvirt.VIR_DOMAIN_EVENT_STOPPED, 1),
            ("test", libvirt.VIR_DOMAIN_EVENT_STARTED, 0),
            ("pyvm", libvirt.VIR_DOMAIN_EVENT_DEFINED, 0),
            ("pyvm", libvirt.VIR_DOMAIN_EVENT_STARTED, 0),
            ("pyvm", libvirt.VIR_DOMAIN_EVENT_STOPPED, 1),
            ("pyvm", libvirt.VIR_DOMAIN_EVENT_UNDEFINED, 0)]
    ok(events == want, "every lifecycle event arrives, in order, with its detail")
    if events != want:
        print("# got %r" % (events,))


def main():
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    libvirt.virEventRegisterDefaultImpl()
    threading.Thread(target=run_loop, daemon=True).start()
    conn = libvirt.open(sys.argv[1])
    events = []
    cb = conn.domainEventRegisterAny(
        None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        lambda c, d, event, detail, opaque: events.append((d.name(), event, detail)),
        None)
    print("1..17")
    ok(cb >= 0, "a lifecycle callback registers")
    check_host(conn)
    check_states(conn)
    check_define(conn)
    check_events(events)
    conn.domainEventDeregisterAny(cb)
    conn.close()
    return 1 if n_failed else 0


if __name__ == "__main__":
    sys.exit(main())
