#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-destroy.sh: what a destroy promises. Its answer comes only once the
# guest's QEMU has ended; a QEMU that heeds neither the monitor's quit nor
# SIGTERM (frozen with SIGSTOP) is still destroyed, with SIGKILL, well
# within the 10 s libvirt's destroy gives SIGTERM before it sends SIGKILL;
# and either way the state and the event that follow are those libvirtd
# gives a destroy.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/driver.sh"
peer_start

# libvirt's virProcessKillPainfully: SIGKILL 10 s after SIGTERM.
LIBVIRT_TERM_GRACE_S=10
ROUNDS=3
plan 8

# destroyed URI NAME WHO: NAME's state after its destroy, and the events
# WHO's watcher saw about it since it last booted, the name masked.
destroyed() {
    timeout "$VSH_TIMEOUT" virsh -c "$1" domstate --reason "$2" 2>&1 | grep .
    wait_event "$DIR/$3.events" "Stopped Destroyed"
    grep -F "domain '$2'" "$DIR/$3.events" | sed "s/'$2'/'NAME'/" |
        tac | sed '/Started Booted/,$d' | tac
}

# libvirtd's destroy of a guest that runs: what vireod must match.
diskless_xml peer > "$DIR/peer.xml"
peer_file "$(guest_serial peer)"
watch_events "$LIBVIRTD_QEMU_URI" "$DIR/libvirtd.events"
timeout "$VSH_TIMEOUT" virsh -c "$LIBVIRTD_QEMU_URI" define "$DIR/peer.xml" > /dev/null
timeout "$VSH_TIMEOUT" virsh -c "$LIBVIRTD_QEMU_URI" start peer > /dev/null
timeout "$VSH_TIMEOUT" virsh -c "$LIBVIRTD_QEMU_URI" destroy peer > /dev/null
destroyed "$LIBVIRTD_QEMU_URI" peer libvirtd > "$DIR/libvirtd.destroyed"
timeout "$VSH_TIMEOUT" virsh -c "$LIBVIRTD_QEMU_URI" undefine peer > /dev/null
stop_watching
wait_qemu_count 0 30
libvirtd_stop || echo "libvirtd exited with status $LIBVIRTD_RC" | diag

qemu_daemon_start
watch_events "$QURI" "$DIR/vireod.events"

# ---- the answer comes after QEMU's end --------------------------------------

diskless_xml d1 > "$DIR/d1.xml"
qvsh define "$DIR/d1.xml"
early=0
for round in $(seq $ROUNDS); do
    qvsh start d1
    pid=$(qemu_pid_of d1)
    qvsh destroy d1
    # At once: the QEMU must be gone (or a zombie its reaper has yet to
    # collect) when the answer arrives.
    process_gone "$pid" || early=$((early + 1))
    [ "$RC" -eq 0 ] || echo "round $round: destroy failed: $(cat "$OUT")" | diag
done
is "$early" 0 "in $ROUNDS destroys, each answer came after its QEMU had ended"
destroyed "$QURI" d1 vireod > "$DIR/vireod.destroyed"
diff -u "$DIR/libvirtd.destroyed" "$DIR/vireod.destroyed" > "$DIR/d1.diff"
ok $? "the state and the event after it are libvirtd's"
diag < "$DIR/d1.diff"
is "$(find "$DIR/run/qemu" -mindepth 1 | grep -c .)" 0 \
   "nothing of the guest is left in the run directory"

# ---- a QEMU that heeds neither quit nor SIGTERM -----------------------------

diskless_xml d2 > "$DIR/d2.xml"
qvsh define "$DIR/d2.xml"
qvsh start d2
pid=$(qemu_pid_of d2)
kill -STOP "$pid"
t0=$(date +%s%N)
qvsh destroy d2
elapsed_ms=$((($(date +%s%N) - t0) / 1000000))
is "$RC $(cat "$OUT")" "0 Domain 'd2' destroyed" "a frozen QEMU's guest is destroyed"
[ "$elapsed_ms" -lt $((LIBVIRT_TERM_GRACE_S * 1000)) ]
ok $? "... within libvirt's grace before SIGKILL (${elapsed_ms} ms of ${LIBVIRT_TERM_GRACE_S} s)"
process_gone "$pid"
ok $? "... and its QEMU had ended when the answer came"
destroyed "$QURI" d2 vireod > "$DIR/vireod.frozen"
# Shutdown Finished is QEMU's own report that it is quitting, which a
# frozen QEMU cannot make: libvirtd passes it on as it comes, or not.
grep -v "Shutdown Finished after host request" "$DIR/libvirtd.destroyed" |
    diff -u - "$DIR/vireod.frozen" > "$DIR/d2.diff"
ok $? "... with the state and the event of any destroy"
diag < "$DIR/d2.diff"
stop_watching

qvsh undefine d1
qvsh undefine d2
is "$(qemu_count)" 0 "no QEMU is left"
