#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-object-events.sh: virsh pool-event and nodedev-event against vireod
# and against a private libvirtd: `--loop --timeout` waits for storage
# pool (lifecycle, refresh) and node device (lifecycle) events while
# another virsh changes pools and creates and destroys a vHBA; both
# daemons must give the same events, in the same order. Then the same
# through python3-libvirt's storagePoolEventRegisterAny and
# nodeDeviceEventRegisterAny (with and without a filter), and through
# `vireo pool-event` and `vireo nodedev-event`; and vireo's client
# library with several callbacks at once (remote-object-events.c).
#
# $VIREOD names vireod, $VIREO the vireo executable,
# $REMOTE_OBJECT_EVENTS the remote-object-events program.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/libvirtd.sh"

command -v virsh > /dev/null || fail_all "virsh (libvirt-clients) is installed"
/usr/bin/python3 -c 'import libvirt' 2> /dev/null ||
    fail_all "python3-libvirt is installed"
export LC_ALL=C

DATA=$(dirname "${BASH_SOURCE[0]}")/side/data
POOL_CHANGES="pool-destroy default-pool; pool-start default-pool; \
    pool-refresh default-pool; pool-define $DATA/storage-pool.xml; \
    pool-build side-nfs; pool-start side-nfs; pool-refresh side-nfs; \
    pool-destroy side-nfs; pool-delete side-nfs; pool-undefine side-nfs; \
    pool-create-as side-tmp dir --target /var/lib/side-tmp; \
    pool-destroy side-tmp; pool-create $DATA/storage-pool-fc.xml; \
    pool-destroy fc; pool-define $DATA/storage-pool-fc.xml; \
    pool-start fc; pool-destroy fc; pool-undefine fc"
# computer has no fibre channel names: libvirt's test driver answers its
# destroy with success and no event.
# A pool on a Fibre Channel adapter makes and removes the same vHBA.
DEV_CHANGES="nodedev-create $DATA/nodedev-vhba.xml; \
    nodedev-destroy scsi_host12; nodedev-destroy computer; \
    pool-create $DATA/storage-pool-fc.xml; pool-destroy fc"

# events URI TOOL CHANGES ARGS...: what TOOL (virsh or vireo) prints for
# its event command ARGS while another virsh runs CHANGES.
events() {
    local uri=$1 tool=$2 changes=$3 out=$DIR/events.out
    shift 3
    timeout 30 "$tool" -c "$uri" "$@" --loop --timeout 4 > "$out" 2>&1 &
    local watcher=$!
    sleep 1
    timeout 20 virsh -c "$uri" "$changes" > /dev/null 2>&1
    wait "$watcher"
    echo "exit $?"
    cat "$out"
}

# python_events URI: pool and device events through python3-libvirt: a
# filtered lifecycle callback, an unfiltered refresh callback, and an
# unfiltered node device lifecycle one.
python_events() {
    timeout 30 /usr/bin/python3 - "$1" "$DATA/nodedev-vhba.xml" <<'PY'
import sys, threading, time, libvirt
libvirt.virEventRegisterDefaultImpl()
conn = libvirt.open(sys.argv[1])
pool = conn.storagePoolLookupByName("default-pool")
seen = []
def lifecycle(conn, pool, event, detail, opaque):
    seen.append("%s %s %d %d" % (opaque, pool.name(), event, detail))
def refresh(conn, pool, opaque):
    seen.append("%s %s" % (opaque, pool.name()))
def dev_lifecycle(conn, dev, event, detail, opaque):
    seen.append("%s %s %d %d" % (opaque, dev.name(), event, detail))
ids = [conn.storagePoolEventRegisterAny(
           pool, libvirt.VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, lifecycle,
           "pool"),
       conn.storagePoolEventRegisterAny(
           None, libvirt.VIR_STORAGE_POOL_EVENT_ID_REFRESH, refresh,
           "refresh")]
dev_id = conn.nodeDeviceEventRegisterAny(
    None, libvirt.VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE, dev_lifecycle, "dev")
def change():
    other = libvirt.open(sys.argv[1])
    p = other.storagePoolLookupByName("default-pool")
    p.destroy()
    p.create()
    p.refresh()
    dev = other.nodeDeviceCreateXML(open(sys.argv[2]).read())
    dev.destroy()
    other.close()
threading.Thread(target=change).start()
end = time.time() + 5
while len(seen) < 5 and time.time() < end:
    libvirt.virEventRunDefaultImpl()
for i in ids:
    conn.storagePoolEventDeregisterAny(i)
conn.nodeDeviceEventDeregisterAny(dev_id)
try:
    conn.storagePoolEventDeregisterAny(ids[0])
except libvirt.libvirtError as e:
    seen.append("again: %s" % e.get_error_message())
print("\n".join(seen))
conn.close()
PY
}

# plain URI TOOL ARGS...: a one-shot command's exit status and output.
plain() {
    local uri=$1 tool=$2
    shift 2
    timeout 20 "$tool" -c "$uri" "$@" 2>&1
    echo "exit $?"
}

plan 29
daemon_start || fail_all "vireod starts"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
hold_connection
: > "$ERR"

# check N NAME CHANGES ARGS...: libvirtd's N events for ARGS, then
# vireod's through virsh and through vireo.
check() {
    local n=$1 name=$2 changes=$3 want
    shift 3
    want=$(events "$LIBVIRTD_URI" virsh "$changes" "$@")
    like "$want" "events received: $n" "libvirtd sends $n $name events"
    is "$(events "$URI" virsh "$changes" "$@")" "$want" \
        "virsh $* gets the same $name events from vireod"
    is "$(events "$URI" "$VIREO" "$changes" "$@")" "$want" \
        "vireo $* prints them as virsh does"
}

check 15 "pool lifecycle" "$POOL_CHANGES" pool-event --event lifecycle
check 2 "pool refresh" "$POOL_CHANGES" pool-event --event refresh
check 2 "one pool's" "$POOL_CHANGES" pool-event --event lifecycle \
    --pool default-pool
check 4 "node device lifecycle" "$DEV_CHANGES" nodedev-event \
    --event lifecycle

want=$(python_events "$LIBVIRTD_URI")
like "$want" "pool default-pool 3 0" \
    "python3-libvirt sees libvirtd's pool stop"
is "$(python_events "$URI")" "$want" \
    "and the same pool and device events from vireod, filtered as asked"

# vireo's remote driver, several callbacks on one connection, against
# both daemons.
want=$(timeout 30 "$REMOTE_OBJECT_EVENTS" "$LIBVIRTD_URI" 2>&1)
like "$want" "ok 14 - deregistering it again fails" \
    "vireo's client library gets libvirtd's events (remote-object-events)"
case "$want" in *"not ok"*) diag <<< "$want" ;; esac
is "$(timeout 30 "$REMOTE_OBJECT_EVENTS" "$URI" 2>&1)" "$want" \
    "and the same from vireod"
is "$(timeout 30 "$REMOTE_OBJECT_EVENTS" test:///default 2>&1)" "$want" \
    "and the same from the test driver in the client's own process"

# What libvirtd refuses on the wire itself, spoken by hand.
RAW=$(dirname "${BASH_SOURCE[0]}")/raw_client.py
want=$(timeout 20 /usr/bin/python3 "$RAW" "$LIBVIRTD_SOCK" \
       object-event-errors 2>&1)
like "$want" "375: code=1 domain=7 msg=internal error: node device event callback 7 not registered" \
    "libvirtd refuses an unknown node device callback id"
is "$(timeout 20 /usr/bin/python3 "$RAW" "$DIR/run/vireo-sock" \
      object-event-errors 2>&1)" "$want" \
    "vireod refuses bad event ids and callback ids as libvirtd does"

# Options and their errors, against virsh's own answers.
for args in "pool-event --list" "nodedev-event --list" \
            "pool-event --list --event lifecycle" "pool-event" \
            "pool-event --event bogus --timeout 1" \
            "pool-event --event lifecycle --timeout 0" \
            "pool-event nope lifecycle --timeout 1" \
            "nodedev-event computer update --timeout 1" \
            "nodedev-event --event update --device nope --timeout 1"; do
    # shellcheck disable=SC2086
    want=$(plain "$LIBVIRTD_URI" virsh $args)
    # shellcheck disable=SC2086
    is "$(plain "$URI" "$VIREO" $args)" "$want" "vireo $args answers as virsh"
done

# A sanitized vireod reports what it leaked or misused at its exit.
release_connection
daemon_stop
is "$DRC" 0 "vireod exits 0 on SIGTERM after relaying the events"
done_testing
