#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""python3-libvirt against vireod's sleep driver: many calls in flight at
once, and a call whose guest cannot answer. Prints what happened, one
`key=value` per line, for test-sleepdrv.sh to check.

    sleep_client.py concurrent URI N_GUESTS
    sleep_client.py deadline URI STUCK_GUEST OTHER_GUEST N_CALLS
"""
import sys
import threading
import time

import libvirt

GUEST_XML = """<domain type='qemu'>
  <name>%s</name>
  <memory unit='MiB'>16</memory>
  <os><type>hvm</type></os>
</domain>"""


def run_loop():
    while True:
        libvirt.virEventRunDefaultImpl()


def start_event_loop():
    libvirt.virEventRegisterDefaultImpl()
    threading.Thread(target=run_loop, daemon=True).start()


def record_events(uri):
    """A connection of its own that records (name, event, detail), with
    reboots as (name, 'reboot', 0)."""
    conn = libvirt.open(uri)
    seen = []
    conn.domainEventRegisterAny(
        None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        lambda c, d, e, det, o: seen.append((d.name(), e, det)), None)
    conn.domainEventRegisterAny(
        None, libvirt.VIR_DOMAIN_EVENT_ID_REBOOT,
        lambda c, d, o: seen.append((d.name(), "reboot", 0)), None)
    return conn, seen


def lifecycle(conn, name, failures):
    """Every call that waits on something outside, in turn, on one guest;
    each must succeed."""
    try:
        dom = conn.createXML(GUEST_XML % name, 0)   # waits for "ready"
        dom.suspend()                               # waits for a timer
        dom.resume()
        dom.reboot(0)                               # waits for "rebooted"
        dom.shutdown()                              # waits for the exit
    except libvirt.libvirtError as e:
        failures.append("%s: %s" % (name, e))


def expected_events(name):
    return [(name, libvirt.VIR_DOMAIN_EVENT_STARTED, 0),
            (name, libvirt.VIR_DOMAIN_EVENT_SUSPENDED, 0),
            (name, libvirt.VIR_DOMAIN_EVENT_RESUMED, 0),
            (name, "reboot", 0),
            (name, libvirt.VIR_DOMAIN_EVENT_STOPPED, 0)]


def concurrent(uri, n_guests):
    start_event_loop()
    _watcher, seen = record_events(uri)
    shared = libvirt.open(uri)       # every thread's calls on one connection
    failures = []
    threads = [threading.Thread(target=lifecycle,
                                args=(shared, "c%d" % i, failures))
               for i in range(n_guests)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    deadline = time.monotonic() + 10
    while len(seen) < 5 * n_guests and time.monotonic() < deadline:
        time.sleep(0.05)
    in_order = all([e for e in seen if e[0] == "c%d" % i] ==
                   expected_events("c%d" % i) for i in range(n_guests))
    print("failures=%d" % len(failures))
    for f in failures:
        print("failure=%s" % f)
    print("events=%d" % len(seen))
    print("events_in_order=%s" % ("yes" if in_order else "no"))
    print("guests_left=%d" % len(shared.listAllDomains(0)))


def deadline(uri, stuck, other, n_calls):
    """Reboot a guest that cannot answer; meanwhile call another guest
    n_calls times. Prints how the reboot ended and how many of the other
    calls finished before it did."""
    conn = libvirt.open(uri)
    stuck_dom = conn.lookupByName(stuck)
    other_dom = libvirt.open(uri).lookupByName(other)
    outcome = {}

    def reboot():
        t0 = time.monotonic()
        try:
            stuck_dom.reboot(0)
            outcome["error"] = "none"
        except libvirt.libvirtError as e:
            outcome["error"] = "%d:%s" % (e.get_error_code(), e)
        outcome["seconds"] = time.monotonic() - t0
        outcome["done"] = True

    t = threading.Thread(target=reboot)
    t.start()
    time.sleep(0.1)     # the reboot is waiting on its guest by now
    finished_before = 0
    for _ in range(n_calls):
        other_dom.suspend()
        other_dom.resume()
        other_dom.state()
        if not outcome.get("done"):
            finished_before += 1
    t.join(60)
    print("reboot_error=%s" % outcome.get("error"))
    print("reboot_seconds=%.1f" % outcome.get("seconds", -1))
    print("other_calls_before=%d" % finished_before)


def main():
    mode, uri = sys.argv[1], sys.argv[2]
    if mode == "concurrent":
        concurrent(uri, int(sys.argv[3]))
    elif mode == "deadline":
        deadline(uri, sys.argv[3], sys.argv[4], int(sys.argv[5]))
    else:
        sys.exit("unknown mode " + mode)


if __name__ == "__main__":
    main()
