#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-actions.sh: a real Linux guest's on_poweroff and on_reboot, the
# same session against a private libvirtd's QEMU driver and against
# vireod: with on_poweroff restart, a guest that powers off comes back;
# with on_reboot destroy, a reboot shuts it off. What virsh says, the
# states and the events must be libvirtd's.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/driver.sh"
peer_start

plan 6

guest_share
guest_xml up | sed 's|<on_poweroff>destroy</on_poweroff>|<on_poweroff>restart</on_poweroff>|' \
    > "$DIR/up.xml"
guest_xml down | sed 's|<on_reboot>restart</on_reboot>|<on_reboot>destroy</on_reboot>|' \
    > "$DIR/down.xml"

# session URI EVENTS: both guests through their actions.
session() {
    local uri=$1 events=$2
    peer_file "$(guest_serial up)"
    peer_file "$(guest_serial down)"
    watch_events "$uri" "$events"
    say "$uri" define "$DIR/up.xml"
    say "$uri" define "$DIR/down.xml"
    say "$uri" start up
    say "$uri" start down
    wait_ready up 1
    wait_ready down 1
    say "$uri" shutdown up
    wait_ready up 2
    say "$uri" domstate --reason up
    say "$uri" reboot down
    wait_event "$events" "domain 'down': Stopped"
    say "$uri" domstate --reason down
    say "$uri" destroy up
    wait_event "$events" "domain 'up': Stopped"
    say "$uri" undefine up
    say "$uri" undefine down
    stop_watching
}

# events FILE: each guest's events; repeated reboot events (the
# firmware's own resets) told once.
events() {
    grep -F "for domain 'up'" "$1" | uniq
    grep -F "for domain 'down'" "$1" | uniq
}

session "$LIBVIRTD_QEMU_URI" "$DIR/libvirtd.events" > "$DIR/libvirtd.session"
wait_qemu_count 0 30
libvirtd_stop || echo "libvirtd exited with status $LIBVIRTD_RC" | diag

qemu_daemon_start
session "$QURI" "$DIR/vireod.events" > "$DIR/vireod.session"
diff -u "$DIR/libvirtd.session" "$DIR/vireod.session" > "$DIR/session.diff"
ok $? "on_poweroff restart and on_reboot destroy: each command and state as with libvirtd"
diag < "$DIR/session.diff"
diff -u <(events "$DIR/libvirtd.events") <(events "$DIR/vireod.events") \
     > "$DIR/events.diff"
ok $? "... and the events"
diag < "$DIR/events.diff"
like "$(cat "$DIR/vireod.session")" "running" "the guest that powered off runs again"
grep -qF "$GUEST_POWERING_OFF" "$(guest_serial up)"
ok $? "... having powered off"
like "$(grep -A1 'domstate --reason down' "$DIR/vireod.session")" "shut off" \
     "the guest rebooted with on_reboot destroy is shut off"
daemon_stop
is "$DRC" 0 "vireod stops cleanly"
done_testing
