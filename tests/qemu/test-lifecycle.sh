#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-lifecycle.sh: a real Linux guest through its whole life, the same
# virsh session against a private libvirtd's QEMU driver and then against
# vireod: define, start, suspend, resume, reboot (ACPI: the guest powers
# off and the driver resets and resumes it), shutdown (ACPI: the guest
# powers itself off), start, destroy, undefine. What each command
# says, the state (and reason) after each, and every event `virsh event
# --all --loop` sees must be libvirtd's. Then what a running guest shows
# (dumpxml live and inactive, its console's pty, its VNC display), reset,
# the vireo CLI and python3-libvirt on diskless guests, a running persistent
# domain undefined (it becomes transient), and autostart.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/driver.sh"
peer_start

plan 25

guest_share
guest_xml g1 > "$DIR/g1.xml"

# step URI ARGS...: a command, then the guest's state.
step() {
    say "$@"
    timeout "$VSH_TIMEOUT" virsh -c "$1" domstate --reason g1 2>&1
}

# lifecycle URI EVENTS: the session, waiting on the guest where a real
# guest takes time; the events seen go to EVENTS. The guest boots twice:
# at the first start, and when the reboot brings it back.
lifecycle() {
    local uri=$1 events=$2
    peer_file "$(guest_serial g1)"
    watch_events "$uri" "$events"
    step "$uri" define "$DIR/g1.xml"
    step "$uri" start g1
    wait_ready g1 1
    step "$uri" suspend g1
    step "$uri" resume g1
    step "$uri" reboot g1
    wait_ready g1 2
    # The state right after the power button depends on how fast the
    # guest acts: it is read once the guest is off.
    say "$uri" shutdown g1
    wait_event "$events" "Stopped Shutdown"
    step "$uri" list --all
    step "$uri" start g1
    step "$uri" destroy g1
    wait_event "$events" "Stopped Destroyed"
    step "$uri" undefine g1
    wait_event "$events" "Undefined Removed"
    stop_watching
}

# lifecycle_events FILE: the events about g1; how many resets a reboot
# brings is the firmware's and the guest's, so repeats are told once.
lifecycle_events() {
    grep -F "domain 'g1'" "$1" | uniq
}

lifecycle "$LIBVIRTD_QEMU_URI" "$DIR/libvirtd.events" > "$DIR/libvirtd.session"
wait_qemu_count 0 30
libvirtd_stop || echo "libvirtd exited with status $LIBVIRTD_RC" | diag

qemu_daemon_start
ok $? "vireod starts"
lifecycle "$QURI" "$DIR/vireod.events" > "$DIR/vireod.session"

diff -u "$DIR/libvirtd.session" "$DIR/vireod.session" > "$DIR/session.diff"
ok $? "each command says what libvirtd says, and leaves the state libvirtd leaves"
diag < "$DIR/session.diff"
diff -u <(lifecycle_events "$DIR/libvirtd.events") \
        <(lifecycle_events "$DIR/vireod.events") > "$DIR/events.diff"
ok $? "virsh event --all --loop sees every lifecycle and reboot event libvirtd emits"
diag < "$DIR/events.diff"
like "$(cat "$DIR/vireod.events")" \
     "event 'lifecycle' for domain 'g1': Shutdown Finished after guest request" \
     "... the guest's own power-off among them"
is "$(qemu_count)" 0 "no QEMU is left"
find "$DIR/run/qemu" -mindepth 1 > "$OUT"
is "$(cat "$OUT")" "" "... nor any socket, directory or status file of it"

# ---- a running guest, seen from outside -----------------------------------

diskless_xml s1 --pty --vnc > "$DIR/s1.xml"
qvsh define "$DIR/s1.xml"
qvsh start s1
is "$RC" 0 "a diskless guest starts"
qvsh domid s1
id=$(cat "$OUT" | grep .)
qvsh dumpxml s1
live=$(cat "$OUT")
like "$live" "<domain type='qemu' id='$id'>" "its live XML has its id"
pty=$(echo "$live" | sed -n "s/.*<source path='\(\/dev\/pts\/[0-9]*\)'.*/\1/p" | head -n 1)
[ -c "$pty" ]
ok $? "... the pty QEMU gave its console ($pty)"
like "$live" "<alias name='serial0'/>" "... and its devices' aliases"
qvsh ttyconsole s1
is "$(grep . "$OUT")" "$pty" "virsh ttyconsole names that pty"
port=$(echo "$live" | sed -n "s/.*<graphics type='vnc' port='\([0-9]*\)'.*/\1/p")
qvsh vncdisplay s1
is "$(grep . "$OUT")" "127.0.0.1:$((port - 5900))" "virsh vncdisplay names its VNC port ($port)"
qvsh domdisplay s1
is "$(grep . "$OUT")" "vnc://127.0.0.1:$((port - 5900))" "... and so does virsh domdisplay"
qvsh dumpxml --inactive s1
inactive=$(cat "$OUT")
[[ "$inactive" != *"id='"* && "$inactive" != *"/dev/pts"* &&
   "$inactive" != *"<alias"* ]]
ok $? "dumpxml --inactive shows the definition alone"

# ---- the vireo CLI and python3-libvirt -------------------------------------

qvireo suspend s1
like "$(cat "$OUT")" "suspended" "the vireo CLI suspends a guest"
qvsh domstate --reason s1
is "$(grep . "$OUT")" "paused (user)" "... which is paused"
qvireo resume s1
qvsh domstate --reason s1
is "$(grep . "$OUT")" "running (unpaused)" "the vireo CLI resumes it"
timeout 120 virsh -c "$QURI" event --loop --event reboot > "$DIR/s1.events" 2>&1 &
BACKGROUND_PIDS+=($!)
for _ in $(seq 100); do
    qvsh reset s1
    grep -q "event 'reboot' for domain 's1'" "$DIR/s1.events" && break
    sleep 0.1
done
like "$RC $(cat "$DIR/s1.events")" "0 event 'reboot' for domain 's1'" \
     "virsh reset resets the guest: a reboot event"
diskless_xml s2 > "$DIR/s2.xml"
timeout 120 /usr/bin/python3 - "$QURI" "$DIR/s2.xml" > "$OUT" 2>&1 <<'END'
import sys
import libvirt
libvirt.registerErrorHandler(lambda ctx, err: None, None)
conn = libvirt.open(sys.argv[1])
dom = conn.createXML(open(sys.argv[2]).read(), 0)
print("active=%d persistent=%d id_positive=%d" %
      (dom.isActive(), dom.isPersistent(), dom.ID() > 0))
print("state=%d" % dom.state()[0])
dom.destroy()
try:
    conn.lookupByName("s2")
    print("gone=no")
except libvirt.libvirtError as e:
    print("gone=%d" % e.get_error_code())
END
is "$(cat "$OUT")" "$(printf 'active=1 persistent=0 id_positive=1\nstate=1\ngone=42')" \
   "python3-libvirt creates a transient guest, which is gone once destroyed"

# ---- undefine while running; autostart ----------------------------------

qvsh undefine s1
qvsh list --all --transient --name
is "$(grep . "$OUT")" "s1" "a running persistent guest undefined becomes transient"
ls "$DIR/state/qemu/s1.xml" > /dev/null 2>&1
[ $? -ne 0 ]
ok $? "... its definition's file removed"
qvsh destroy s1
qvsh list --all --name
is "$(grep -c . "$OUT")" "0" "... and it is gone once it stops"

diskless_xml a1 > "$DIR/a1.xml"
qvsh define "$DIR/a1.xml"
qvsh autostart a1
daemon_stop
qemu_daemon_start
for _ in $(seq 300); do
    qvsh domstate a1
    [ "$(grep . "$OUT")" = running ] && break
    sleep 0.1
done
is "$(grep . "$OUT")" "running" "a guest marked autostart starts with vireod"
qvsh destroy a1
wait_qemu_count 0 30
is "$(qemu_count)" 0 "every QEMU of the test is gone"
daemon_stop
is "$DRC" 0 "vireod stops cleanly"
done_testing
