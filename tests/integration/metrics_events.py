#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# metrics_events.py URI: with python3-libvirt, register for lifecycle
# events, destroy and start the domain "test", and print how many events
# arrived (2 expected) within ten seconds.
import sys
import threading
import time

import libvirt

libvirt.virEventRegisterDefaultImpl()
conn = libvirt.open(sys.argv[1])
got = []


def on_lifecycle(conn, dom, event, detail, opaque):
    got.append(event)


def loop():
    while True:
        libvirt.virEventRunDefaultImpl()


threading.Thread(target=loop, daemon=True).start()
cb = conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                 on_lifecycle, None)
dom = conn.lookupByName("test")
dom.destroy()
dom.create()
deadline = time.time() + 10
while len(got) < 2 and time.time() < deadline:
    time.sleep(0.05)
conn.domainEventDeregisterAny(cb)
conn.close()
print(len(got))
