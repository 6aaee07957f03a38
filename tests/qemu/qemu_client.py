# SPDX-License-Identifier: LGPL-2.1-or-later
"""qemu_client.py: python3-libvirt against a daemon's QEMU driver, for the
tests in tests/qemu/ that need what virsh does not show: error codes,
listing filters, many clients at once, and the latency of calls while
another waits. Each command prints key=value lines for the shell to check.

  qemu_client.py filters URI
  qemu_client.py error URI OP NAME [XMLFILE]
  qemu_client.py parallel URI XMLFILE...
  qemu_client.py latency URI STOPPED_DOMAIN OTHER_DOMAIN TEST_URI
"""
import sys
import threading
import time

import libvirt


def quiet(_ctx, _err):
    """libvirt prints every error on stderr unless told otherwise."""


libvirt.registerErrorHandler(quiet, None)

FILTERS = [
    ("active", libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    ("inactive", libvirt.VIR_CONNECT_LIST_DOMAINS_INACTIVE),
    ("persistent", libvirt.VIR_CONNECT_LIST_DOMAINS_PERSISTENT),
    ("transient", libvirt.VIR_CONNECT_LIST_DOMAINS_TRANSIENT),
    ("running", libvirt.VIR_CONNECT_LIST_DOMAINS_RUNNING),
    ("paused", libvirt.VIR_CONNECT_LIST_DOMAINS_PAUSED),
    ("shutoff", libvirt.VIR_CONNECT_LIST_DOMAINS_SHUTOFF),
    ("autostart", libvirt.VIR_CONNECT_LIST_DOMAINS_AUTOSTART),
    ("no_autostart", libvirt.VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART),
    ("persistent_inactive", libvirt.VIR_CONNECT_LIST_DOMAINS_PERSISTENT
     | libvirt.VIR_CONNECT_LIST_DOMAINS_INACTIVE),
]


def filters(uri):
    """The names each of libvirt's listing filters selects, sorted."""
    conn = libvirt.open(uri)
    for name, flags in FILTERS:
        doms = sorted(d.name() for d in conn.listAllDomains(flags))
        print("%s=%s" % (name, ",".join(doms)))
    conn.close()


def run_op(conn, op, name, xml):
    """One lifecycle call; what virsh would call for op."""
    if op == "define":
        conn.defineXML(xml)
    elif op == "create":
        conn.createXML(xml, 0)
    else:
        dom = conn.lookupByName(name)
        {"start": dom.create, "destroy": dom.destroy,
         "suspend": dom.suspend, "resume": dom.resume,
         "shutdown": dom.shutdown, "reset": lambda: dom.reset(0),
         "undefine": dom.undefine,
         "autostart": lambda: dom.setAutostart(1)}[op]()


def error(uri, op, name, xml_file=None):
    """The error code, domain and message of op, or ok."""
    xml = open(xml_file).read() if xml_file else None
    conn = libvirt.open(uri)
    try:
        run_op(conn, op, name, xml)
        print("result=ok")
    except libvirt.libvirtError as e:
        print("result=error")
        print("code=%d" % e.get_error_code())
        print("message=%s" % e.get_error_message())
    conn.close()


def parallel(uri, xml_files):
    """Each XML created as a transient guest by its own client (thread and
    connection), all at once; how many started, and their ids."""
    results = {}
    barrier = threading.Barrier(len(xml_files))

    def start(path):
        xml = open(path).read()
        conn = libvirt.open(uri)
        barrier.wait()
        try:
            dom = conn.createXML(xml, 0)
            results[path] = ("ok", dom.ID(), dom.state()[0])
        except libvirt.libvirtError as e:
            results[path] = ("error", e.get_error_message(), None)
        conn.close()

    threads = [threading.Thread(target=start, args=(p,)) for p in xml_files]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    oks = [r for r in results.values() if r[0] == "ok"]
    print("started=%d" % len(oks))
    print("running=%d" % sum(1 for r in oks
                             if r[2] == libvirt.VIR_DOMAIN_RUNNING))
    print("distinct_ids=%d" % len(set(r[1] for r in oks)))
    print("seconds=%.1f" % (time.monotonic() - began))
    for r in results.values():
        if r[0] != "ok":
            print("failure=%s" % r[1])


def latency(uri, stopped, other, test_uri):
    """While a suspend of the stopped guest waits for QEMU, calls on the
    other guest and on the test driver are timed. Prints the suspend's
    error and duration, and the slowest of the other calls."""
    done = threading.Event()
    outcome = {}

    def suspend_stopped():
        conn = libvirt.open(uri)
        began = time.monotonic()
        try:
            conn.lookupByName(stopped).suspend()
            outcome["suspend"] = "ok"
        except libvirt.libvirtError as e:
            outcome["suspend"] = "%d:%s" % (e.get_error_code(),
                                            e.get_error_message())
        outcome["seconds"] = time.monotonic() - began
        conn.close()
        done.set()

    conn = libvirt.open(uri)
    test = libvirt.open(test_uri)
    dom = conn.lookupByName(other)
    waiter = threading.Thread(target=suspend_stopped)
    waiter.start()
    time.sleep(0.2)   # the suspend is on its way
    slowest = 0.0
    calls = 0
    while not done.is_set():
        for call in (dom.info, lambda: dom.XMLDesc(0), dom.suspend,
                     dom.resume, test.listAllDomains):
            began = time.monotonic()
            call()
            slowest = max(slowest, time.monotonic() - began)
            calls += 1
    waiter.join()
    print("suspend=%s" % outcome["suspend"])
    print("suspend_seconds=%.1f" % outcome["seconds"])
    print("other_calls=%d" % calls)
    print("slowest_other_ms=%d" % int(slowest * 1000))
    print("other_state=%d" % dom.state()[0])
    conn.close()
    test.close()


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    {"filters": lambda: filters(*args),
     "error": lambda: error(*args),
     "parallel": lambda: parallel(args[0], args[1:]),
     "latency": lambda: latency(*args)}[cmd]()


if __name__ == "__main__":
    main()
