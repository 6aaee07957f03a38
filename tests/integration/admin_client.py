#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Open a libvirt connection to the URI given, print "open", then for each
line read on stdin make one call over it and print "alive", or "dropped"
once the daemon has closed it."""
import sys

import libvirt

libvirt.registerErrorHandler(lambda ctx, err: None, None)
conn = libvirt.open(sys.argv[1])
print("open", flush=True)
for _ in sys.stdin:
    try:
        conn.getLibVersion()
        print("alive", flush=True)
    except libvirt.libvirtError:
        print("dropped", flush=True)
