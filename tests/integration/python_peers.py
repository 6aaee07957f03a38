#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""python_peers.py NAME=URI...: python3-libvirt asks every daemon named the same
questions about the connection (isSecure, isEncrypted), about domains
(hasManagedSaveImage, snapshotNum, messages) and through the list calls
older clients use (numOfDomains, listDomainsID, numOfDefinedDomains,
listDefinedDomains), and expects the answers and
errors libvirtd 9.0 and its test driver give: the URIs name vireod and a
private libvirtd, each over a UNIX socket and over plain TCP, and all must
answer alike. Speaks TAP.
"""
import sys

import libvirt

CHECKS_PER_URI = 14

VM_XML = """<domain type='test'>
  <name>pypeer</name>
  <memory unit='MiB'>64</memory>
  <os><type>hvm</type></os>
</domain>"""

n_run = 0
n_failed = 0


def ok(passed, description, got=None):
    global n_run, n_failed
    n_run += 1
    if not passed:
        n_failed += 1
    print("%s %d - %s" % ("ok" if passed else "not ok", n_run, description))
    if not passed and got is not None:
        print("# got %r" % (got,))
    sys.stdout.flush()


def error_of(fn):
    """(code, domain, message) of the libvirt error fn raises, or what fn
    returned when it raised none."""
    try:
        return fn()
    except libvirt.libvirtError as e:
        return (e.get_error_code(), e.get_error_domain(), str(e))


def flags_error(func, flags):
    return (libvirt.VIR_ERR_INVALID_ARG, libvirt.VIR_FROM_TEST,
            "unsupported flags (%#x) in function %s" % (flags, func))


def check_connection(conn, where, is_tcp):
    # libvirt's client says secure over a UNIX socket only; it says
    # encrypted over TLS only, whatever the daemon says.
    want = 0 if is_tcp else 1
    got = conn.isSecure()
    ok(got == want, "%s: isSecure() is %d" % (where, want), got)
    got = conn.isEncrypted()
    ok(got == 0, "%s: isEncrypted() is 0" % where, got)


def check_records(conn, where):
    dom = conn.lookupByName("test")
    got = dom.hasManagedSaveImage(0)
    ok(got == 0, "%s: 'test' has no managed save image" % where, got)
    got = dom.snapshotNum(0)
    ok(got == 0, "%s: nor snapshots" % where, got)
    got = dom.messages(0)
    ok(got == [], "%s: nor messages" % where, got)
    off = conn.defineXML(VM_XML)
    got = (off.hasManagedSaveImage(0), off.snapshotNum(0), off.messages(3))
    ok(got == (0, 0, []),
       "%s: a defined domain, shut off, has none of them either" % where, got)
    check_legacy_lists(conn, where)
    return dom, off


def check_legacy_lists(conn, where):
    """With 'test' running as id 1 and 'pypeer' defined, shut off."""
    got = (conn.numOfDomains(), conn.listDomainsID())
    ok(got == (1, [1]), "%s: the old calls list one running domain, id 1"
       % where, got)
    got = (conn.numOfDefinedDomains(), conn.listDefinedDomains())
    ok(got == (1, ["pypeer"]),
       "%s: and one defined domain that does not run, by name" % where, got)
    got = conn.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_INACTIVE)
    ok([d.name() for d in got] == conn.listDefinedDomains(),
       "%s: and agrees with listAllDomains" % where,
       [d.name() for d in got])


def check_errors(dom, off, where):
    got = error_of(lambda: dom.hasManagedSaveImage(1))
    ok(got == flags_error("testDomainHasManagedSaveImage", 1),
       "%s: hasManagedSaveImage() takes no flags" % where, got)
    got = error_of(lambda: dom.snapshotNum(1 << 20))
    ok(got == flags_error("testDomainSnapshotNum", 1 << 20),
       "%s: snapshotNum() refuses flags past the listing's" % where, got)
    got = error_of(lambda: dom.messages(4))
    ok(got == flags_error("testDomainGetMessages", 4),
       "%s: messages() refuses flags past tainting" % where, got)
    off.undefine()
    gone = (libvirt.VIR_ERR_NO_DOMAIN, libvirt.VIR_FROM_TEST,
            "Domain not found: no domain with matching uuid '%s' (pypeer)"
            % off.UUIDString())
    got = [error_of(lambda: off.hasManagedSaveImage(0)),
           error_of(lambda: off.snapshotNum(0)),
           error_of(lambda: off.messages(0))]
    ok(got == [gone] * 3,
       "%s: an undefined domain is not found by any of them" % where, got)


def check_read_only(uri, where, is_tcp):
    ro = libvirt.openReadOnly(uri)
    dom = ro.lookupByName("test")
    got = (ro.isSecure(), dom.hasManagedSaveImage(0), dom.snapshotNum(0),
           dom.messages(0))
    want = (0 if is_tcp else 1, 0, 0, [])
    ok(got == want, "%s: a read-only connection gets the same answers" % where,
       got)
    ro.close()


def check_daemon(where, uri):
    is_tcp = "+tcp://" in uri
    conn = libvirt.open(uri)
    check_connection(conn, where, is_tcp)
    dom, off = check_records(conn, where)
    check_errors(dom, off, where)
    check_read_only(uri, where, is_tcp)
    conn.close()


def main():
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    daemons = [arg.split("=", 1) for arg in sys.argv[1:]]
    print("1..%d" % (CHECKS_PER_URI * len(daemons)))
    for where, uri in daemons:
        check_daemon(where, uri)
    return 1 if n_failed or n_run != CHECKS_PER_URI * len(daemons) else 0


if __name__ == "__main__":
    sys.exit(main())
