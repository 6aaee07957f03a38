#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-console-libvirtd.sh: vireo's client side of consoles and monitor
# commands against the real thing: a private libvirtd (session mode) with
# its QEMU driver and a real QEMU guest (no disk or kernel: its serial
# console is a pty all the same). What virsh does against the same daemon
# and guest is the expectation: monitor answers, the console's banner,
# leaving with Ctrl-], the guest going away under an open console, and a
# second console refused.
#
# $VIREO is the CLI.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/libvirtd.sh"
: "${VIREO:?VIREO must name the vireo CLI}"

command -v virsh > /dev/null || fail_all "virsh (libvirt-clients) is installed"
QEMU=$(command -v qemu-system-x86_64) ||
    fail_all "qemu-system-x86_64 (qemu-system-x86) is installed"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"

QURI="qemu+unix:///session?socket=$LIBVIRTD_SOCK"
TTY="timeout 60 /usr/bin/python3 $HERE/tty_session.py"
plan 11

cat > "$DIR/guest.xml" <<END
<domain type='qemu'>
  <name>cons</name>
  <memory unit='MiB'>32</memory>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>
    <emulator>$QEMU</emulator>
    <serial type='pty'><target port='0'/></serial>
    <console type='pty'><target type='serial' port='0'/></console>
  </devices>
</domain>
END

# start_guest: the guest, running under libvirtd.
start_guest() {
    timeout 60 virsh -c "$QURI" create "$DIR/guest.xml" > /dev/null 2> "$ERR"
}

# normal_ids: libvirtd numbers its own QMP ids; the rest must match.
normal_ids() {
    sed 's/"id":"libvirt-[0-9]*"/"id":"libvirt-N"/'
}

start_guest
ok $? "a QEMU guest runs under the private libvirtd"

# ---- monitor commands -----------------------------------------------------

for cmd in '{"execute":"query-status"}' 'query-name'; do
    timeout 20 virsh -c "$QURI" qemu-monitor-command cons "$cmd" \
        2>&1 | normal_ids > "$DIR/virsh.out"
    timeout 20 "$VIREO" -c "$QURI" qemu-monitor-command cons "$cmd" \
        2>&1 | normal_ids > "$OUT"
    is "$(cat "$OUT")" "$(cat "$DIR/virsh.out")" \
       "qemu-monitor-command '$cmd': QEMU's answer, printed as virsh prints it"
done
timeout 20 virsh -c "$QURI" qemu-monitor-command --hmp cons 'info status' \
    > "$DIR/virsh.out" 2>&1
timeout 20 "$VIREO" -c "$QURI" qemu-monitor-command --hmp cons 'info status' \
    > "$OUT" 2>&1
is "$(cat "$OUT")" "$(cat "$DIR/virsh.out")" "... and with --hmp"

# ---- the console ----------------------------------------------------------

banner() {
    sed -n 's/^output=.*\(Connected to domain.*(Ctrl + ])\).*/\1/p' "$1"
}

# virsh takes Ctrl-] only when it comes alone, not inside other input.
$TTY 'expect=(Ctrl + ])' 'pause=0.3' 'send=abc\r' 'pause=0.3' 'send=\x1d' \
    -- virsh -c "$QURI" console cons > "$DIR/virsh.out" 2>&1
$TTY 'expect=(Ctrl + ])' 'pause=0.3' 'send=abc\r' 'pause=0.3' 'send=\x1d' \
    -- "$VIREO" -c "$QURI" console cons > "$OUT" 2>&1
is "$(banner "$OUT")" "$(banner "$DIR/virsh.out")" \
   "vireo console on libvirtd's pty console: virsh's banner"
is "$(sed -n 's/^status=//p' "$OUT")" "$(sed -n 's/^status=//p' "$DIR/virsh.out")" \
   "... and Ctrl-] finishes the stream and leaves, as virsh does"

# While one console is open, libvirtd refuses another: the same words.
$TTY 'expect=(Ctrl + ])' 'pause=3' 'send=\x1d' \
    -- "$VIREO" -c "$QURI" console cons > "$DIR/first.out" 2>&1 &
first=$!
sleep 1.5     # tty_session prints only when it is done: give it time
$TTY -- virsh -c "$QURI" console cons > "$DIR/virsh.out" 2>&1
timeout 20 "$VIREO" -c "$QURI" console cons < /dev/null > "$OUT" 2> "$ERR"
[ -s "$ERR" ] && grep -qF "$(cat "$ERR")" "$DIR/virsh.out"
ok $? "a second console is refused, with libvirtd's error as virsh prints it"
diag < "$ERR"
wait "$first"

# The guest goes away under an open console: libvirtd ends the stream, and
# the console leaves by itself (virsh exits 0 too).
$TTY 'expect=(Ctrl + ])' -- "$VIREO" -c "$QURI" console cons > "$OUT" 2>&1 &
watcher=$!
sleep 1
timeout 20 virsh -c "$QURI" destroy cons > /dev/null 2>&1
wait "$watcher"
is "$(sed -n 's/^status=//p' "$OUT")" "0" \
   "the guest destroyed under vireo console: it leaves, exit 0"
start_guest
$TTY 'expect=(Ctrl + ])' -- virsh -c "$QURI" console cons > "$DIR/virsh.out" 2>&1 &
watcher=$!
sleep 1
timeout 20 virsh -c "$QURI" destroy cons > /dev/null 2>&1
wait "$watcher"
is "$(sed -n 's/^status=//p' "$DIR/virsh.out")" "0" "... as virsh does"

start_guest
printf 'no kernel reads this\n' |
    timeout 20 "$VIREO" -c "$QURI" console cons > "$OUT" 2> "$ERR"
is "$?" "0" "vireo console with a pipe against libvirtd: sent, and it leaves"
timeout 20 virsh -c "$QURI" destroy cons > /dev/null 2>&1

libvirtd_stop
is "$LIBVIRTD_RC" "0" "libvirtd stops cleanly afterwards"
done_testing
