#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-view-reads.sh: the cheap reads (state, info, activity, persistence,
# lookups) that vireod answers on its loop from the QEMU driver's
# published view, against real guests. python3-libvirt runs the same
# session on a private libvirtd's QEMU driver and on vireod: a real guest
# started, suspended, resumed, destroyed, started again and its QEMU
# killed from outside, read from another connection after each call and
# after each lifecycle event; and a start held while its QEMU is stopped
# (the emulator is a wrapper that stops itself first), read while it
# waits, after and after a destroy. Every read must be libvirtd's, and a
# poller reading all along must never see a state older than an event it
# has already received. Then, with the QEMU driver's thread blocked (a
# start opening its log, a FIFO nobody reads), reads of a running guest
# are still answered while the calls that need the thread wait.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/driver.sh"
peer_start

plan 13

: > "$ERR"
VIEWS="timeout 150 /usr/bin/python3 $HERE/view_client.py"
BUSY_READS=200

guest_share
guest_xml view-g1 > "$DIR/view-g1.xml"
# The wrapper stops itself only for the held guest, so that the daemons'
# probes of it run QEMU at once.
cat > "$DIR/held-qemu" <<END
#!/bin/sh
case " \$* " in
*guest=view-held,*) echo \$\$ > $DIR/held.pid; kill -STOP \$\$ ;;
esac
exec $QEMU "\$@"
END
chmod 0755 "$DIR/held-qemu"
diskless_xml view-held --pty |
    sed "s|^  <devices>|  <devices>\\n    <emulator>$DIR/held-qemu</emulator>|" \
    > "$DIR/view-held.xml"

# session URI OUT: the lifecycle and the held start, into OUT.lifecycle
# and OUT.held.
session() {
    local uri=$1 out=$2
    peer_file "$(guest_serial view-g1)"
    peer_file "$(guest_serial view-held)"
    peer_file "$DIR/held.pid"
    timeout "$VSH_TIMEOUT" virsh -c "$uri" define "$DIR/view-g1.xml" > /dev/null
    timeout "$VSH_TIMEOUT" virsh -c "$uri" define "$DIR/view-held.xml" > /dev/null
    $VIEWS lifecycle "$uri" view-g1 "$DIR/guest/vmlinuz" > "$out.lifecycle" 2>&1
    $VIEWS held "$uri" view-held "$DIR/held.pid" > "$out.held" 2>&1
    timeout "$VSH_TIMEOUT" virsh -c "$uri" undefine view-held > /dev/null
}

# compared FILE: the lines both daemons must print alike.
compared() {
    grep -v '^poller:' "$1"
}

session "$LIBVIRTD_QEMU_URI" "$DIR/libvirtd"
timeout "$VSH_TIMEOUT" virsh -c "$LIBVIRTD_QEMU_URI" undefine view-g1 > /dev/null
wait_qemu_count 0 30
libvirtd_stop || echo "libvirtd exited with status $LIBVIRTD_RC" | diag

qemu_daemon_start
ok $? "vireod starts"
session "$QURI" "$DIR/vireod"

is "$(grep -c '^after' "$DIR/libvirtd.lifecycle")" 11 \
   "libvirtd's session has its 11 reads after calls and events"
is "$(compared "$DIR/vireod.lifecycle")" "$(compared "$DIR/libvirtd.lifecycle")" \
   "after each call and each event the reads are libvirtd's"
like "$(cat "$DIR/vireod.lifecycle")" "its CPU time moves while it runs: True" \
     "... the CPU time a running guest's info gives moves"
like "$(grep '^poller:' "$DIR/libvirtd.lifecycle")" " 0 older" \
     "a poller on libvirtd never reads a state older than an event it had"
like "$(grep '^poller:' "$DIR/vireod.lifecycle")" " 0 older" \
     "... nor on vireod"
is "$(cat "$DIR/vireod.held")" "$(cat "$DIR/libvirtd.held")" \
   "a start held on a stopped QEMU reads as libvirtd's: while, after, destroyed"
like "$(cat "$DIR/vireod.held")" "while the start waits: state=3/11 " \
     "... paused (starting up) while it waits"

# ---- the driver's thread blocked ------------------------------------------

diskless_xml view-busy --pty > "$DIR/view-busy.xml"
qvsh define "$DIR/view-busy.xml"
qvsh start view-g1
fifo=$(dirname "$(find "$DIR/state" -name view-g1.log)")/view-busy.log
rm -f "$fifo"
mkfifo "$fifo"
# Bounded apart: a read that waits for the blocked thread would wait as
# long as the FIFO has no reader.
timeout 120 /usr/bin/python3 "$HERE/view_client.py" busy "$QURI" view-g1 \
    view-busy "$fifo" "$BUSY_READS" > "$OUT" 2>&1
busy=$(cat "$OUT")
# Should the client have given up, a reader of its own lets the thread
# go on, so that the guests are still destroyed in time.
cat "$fifo" > /dev/null &
BACKGROUND_PIDS+=("$!")
like "$busy" "the start and GetXMLDesc wait for the thread: True" \
     "a start opening a FIFO for its log blocks the QEMU driver's thread"
like "$busy" "reads answered meanwhile: $BUSY_READS" \
     "... and meanwhile $BUSY_READS rounds of reads of another guest are answered"
like "$busy" "the start and GetXMLDesc still wait: True" \
     "... while the calls that need the thread still wait"
like "$busy" "once the log has a reader, both are answered: True" \
     "... which are answered once it runs again"

for name in view-g1 view-busy; do
    qvsh destroy "$name"
done
for name in view-g1 view-busy; do
    qvsh undefine "$name"
done
wait_qemu_count 0 30
daemon_stop
is "$DRC" 0 "vireod stops cleanly"
done_testing
