#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-net-event.sh: virsh net-event against vireod and against a private
# libvirtd: `net-event --loop --timeout` waits for network lifecycle
# events while another virsh stops, starts, defines and undefines
# networks; both daemons must give the same events, in the same order.
# Then the same through python3-libvirt's virConnectNetworkEventRegisterAny
# with a network filter, and through `vireo net-event`.
#
# $VIREOD names vireod, $VIREO the vireo executable.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/libvirtd.sh"

command -v virsh > /dev/null || fail_all "virsh (libvirt-clients) is installed"
/usr/bin/python3 -c 'import libvirt' 2> /dev/null ||
    fail_all "python3-libvirt is installed"
export LC_ALL=C

NET_XML=$(dirname "${BASH_SOURCE[0]}")/side/data/net-isolated.xml

# events URI [TOOL]: what TOOL's (virsh's) net-event prints while the
# networks change.
events() {
    local uri=$1 tool=${2:-virsh} out=$DIR/events.out
    timeout 30 "$tool" -c "$uri" net-event --loop --timeout 4 \
        --event lifecycle > "$out" 2>&1 &
    local watcher=$!
    sleep 1
    timeout 20 virsh -c "$uri" "net-destroy default; net-start default; \
        net-define $NET_XML; net-start isolated; net-destroy isolated; \
        net-undefine isolated" > /dev/null 2>&1
    wait "$watcher"
    cat "$out"
}

# python_events URI: the events of one network, through python3-libvirt.
python_events() {
    timeout 30 /usr/bin/python3 - "$1" <<'PY'
import sys, threading, time, libvirt
libvirt.virEventRegisterDefaultImpl()
conn = libvirt.open(sys.argv[1])
net = conn.networkLookupByName("default")
seen = []
def cb(conn, net, event, detail, opaque):
    seen.append("%s %d %d" % (net.name(), event, detail))
cid = conn.networkEventRegisterAny(net, libvirt.VIR_NETWORK_EVENT_ID_LIFECYCLE, cb, None)
def change():
    other = libvirt.open(sys.argv[1])
    n = other.networkLookupByName("default")
    n.destroy()
    n.create()
    other.close()
threading.Thread(target=change).start()
end = time.time() + 5
while len(seen) < 2 and time.time() < end:
    libvirt.virEventRunDefaultImpl()
conn.networkEventDeregisterAny(cid)
print("\n".join(seen))
conn.close()
PY
}

plan 5
daemon_start || fail_all "vireod starts"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
hold_connection

want=$(events "$LIBVIRTD_URI")
got=$(events "$URI")
like "$want" "events received: 6" "libvirtd sends the six lifecycle events"
is "$got" "$want" "virsh net-event gets the same events from vireod"
is "$(events "$URI" "$VIREO")" "$want" \
    "vireo net-event prints them as virsh does"

want=$(python_events "$LIBVIRTD_URI")
got=$(python_events "$URI")
like "$want" "default 3 0" "python3-libvirt sees libvirtd's default stop"
is "$got" "$want" "and the same events, filtered by network, from vireod"
done_testing
