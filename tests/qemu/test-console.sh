#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-console.sh: a real Linux guest's console through vireod's qemu
# driver: `virsh console` and `vireo console`, each on a terminal of its
# own, see what the guest's shell prints and type into it; and
# `virsh qemu-monitor-command` passes QMP (and, with --hmp, the human
# monitor) through to the guest's QEMU.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/driver.sh"

TTY="/usr/bin/python3 $HERE/../integration/tty_session.py"
plan 11

qemu_daemon_start
guest_xml c1 --pty > "$DIR/c1.xml"
qvsh create "$DIR/c1.xml"
is "$RC" 0 "a guest with its console on a pty starts"

# value KEY: KEY=... from the session's output.
value() {
    sed -n "s/^$1=//p" "$OUT"
}

# The guest's shell answers on its console once it has booted: type until
# it does.
for _ in $(seq "$GUEST_BOOT_TIMEOUT"); do
    # shellcheck disable=SC2016 # for the guest's shell to expand
    $TTY 'pause=0.3' 'send=echo vireo-$((6 * 7))\r' 'expect=vireo-42' \
         'send=\x1d' -- virsh -c "$QURI" console c1 > "$OUT" 2> "$ERR" && break
    sleep 1
done
like "$(value output)" "vireo-42" \
     "virsh console: what is typed reaches the guest's shell, and its answer comes back"
is "$(value status)" 0 "... and Ctrl-] ends it"

# shellcheck disable=SC2016 # for the guest's shell to expand
$TTY 'pause=0.3' 'send=echo vireo-$((6 * 9))\r' 'expect=vireo-54' \
     'send=\x1d' -- "$VIREO" -c "$QURI" console c1 > "$OUT" 2> "$ERR"
like "$(value output)" "vireo-54" "vireo console does the same"
is "$(value status)" 0 "... and ends on Ctrl-] too"

qvsh qemu-monitor-command c1 '{"execute": "query-status"}'
like "$(cat "$OUT")" '"status":"running"' \
     "qemu-monitor-command passes QMP through and gives QEMU's answer back"
qvsh qemu-monitor-command c1 '{"execute": "no-such-command"}'
is "$RC" 0 "... and QEMU's error answer, as libvirt gives it back"
like "$(cat "$OUT")" '"error":{"class":"CommandNotFound"' \
     "... as QEMU worded it"
qvsh qemu-monitor-command --hmp c1 'info status'
like "$(cat "$OUT")" "VM status: running" "--hmp speaks to QEMU's human monitor"
qvsh suspend c1
qvsh qemu-monitor-command --hmp c1 'info status'
like "$(cat "$OUT")" "VM status: paused" "... and sees what the driver did"

qvsh destroy c1
wait_qemu_count 0 30
daemon_stop
is "$DRC" 0 "vireod stops cleanly"
done_testing
