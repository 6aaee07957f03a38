#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-out-of-memory.sh: the test driver's thread runs out of memory while
# it answers a client's calls (vireod-failalloc makes every allocation of
# vireo's there fail on demand): each call still gets an answer, an error
# saying what happened, the client is never left waiting (nor throttled
# after max_client_requests calls), and once memory is back it is served
# as before. The calls ask for the domain's XML, which the driver's thread
# builds (a domain's state is answered on the loop from the driver's
# published view, without that thread). $VIREOD is vireod-failalloc.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"

/usr/bin/python3 -c 'import libvirt' 2> /dev/null ||
    fail_all "python3-libvirt is installed for /usr/bin/python3"
plan 5

export VIREO_FAIL_ALLOC_THREAD=vireo-test
export VIREO_FAIL_ALLOC_TRIGGER=$DIR/no-memory
daemon_start
ok $? "vireod starts"

# One connection: calls while memory is short (twice max_client_requests,
# so a client the daemon forgot to release would stop being read), then
# again once it is back.
timeout 60 /usr/bin/python3 - "$URI" "$VIREO_FAIL_ALLOC_TRIGGER" > "$OUT" 2> "$ERR" <<'PY'
import os
import sys

import libvirt

uri, trigger = sys.argv[1], sys.argv[2]
conn = libvirt.open(uri)
dom = conn.lookupByName("test")
open(trigger, "w").close()
codes = []
for _ in range(10):
    try:
        dom.XMLDesc(0)
        codes.append("ok")
    except libvirt.libvirtError as e:
        codes.append(str(e.get_error_code()))
os.unlink(trigger)
print("short=" + ",".join(sorted(set(codes))))
print("answered=%d" % len(codes))
print("after=%s" % ("running" if dom.state()[0] == libvirt.VIR_DOMAIN_RUNNING else dom.state()))
PY
is "$(grep '^answered=' "$OUT")" "answered=10" \
   "every call made while memory is short is answered"
is "$(grep '^short=' "$OUT")" "short=$(printf %d 2)" \
   "... with libvirt's out-of-memory error (code 2)"
is "$(grep '^after=' "$OUT")" "after=running" \
   "the same client is served again once memory is back"
daemon_stop
is "$DRC" "0" "vireod stops cleanly afterwards"
done_testing
