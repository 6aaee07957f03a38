#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-guest.sh: the test guest itself, under bare qemu-system-x86_64 with
# no daemon, started as the qemu driver starts it (paused, then `cont` on
# QMP). It boots to its ready line on the serial console, its shell
# answers on that console, and QMP system_powerdown makes the guest power
# itself off through ACPI: QEMU reports a guest-initiated SHUTDOWN and
# exits. This is what the QEMU tests through vireod build on, and the
# harness's own checks: it counts this test's QEMU, and leaves none.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"

plan 9

# QMP on QEMU's stdin and stdout, through a FIFO and a file, so that the
# test needs no QMP client; the serial console on two FIFOs (QEMU's pipe
# chardev: NAME.in is the guest's input, NAME.out its output), copied into
# a file to be searched.
mkfifo "$DIR/qmp.in" "$DIR/serial.in" "$DIR/serial.out"
"$QEMU" -nodefaults -no-user-config -machine q35 -accel tcg \
        -m "$GUEST_MEMORY_MIB" -display none -S \
        -kernel "$DIR/guest/vmlinuz" -initrd "$DIR/guest/initramfs" \
        -append "$GUEST_CMDLINE" \
        -chardev "pipe,id=serial0,path=$DIR/serial" -serial chardev:serial0 \
        -qmp stdio < "$DIR/qmp.in" > "$DIR/qmp.out" 2> "$DIR/qemu.err" &
qemu_pid=$!
exec 8> "$DIR/qmp.in"
# Opened read-write, neither end waits for QEMU to open its own: a QEMU
# that fails to start fails the checks below instead of hanging the test.
cat 0<> "$DIR/serial.out" > "$DIR/serial.log" 2> /dev/null &
BACKGROUND_PIDS+=($!)
exec 9<> "$DIR/serial.in"
started=$SECONDS

# qmp JSON: send one QMP command.
qmp() {
    echo "$1" >&8
}

qmp '{"execute": "qmp_capabilities", "id": "caps"}'
qmp '{"execute": "cont", "id": "cont"}'
wait_for_line "$DIR/qmp.out" '"id": "cont"' 30
like "$(cat "$DIR/qmp.out")" '{"return": {}, "id": "cont"}' \
     "QEMU started paused greets on QMP and runs the guest on cont"
is "$(qemu_count)" 1 "the harness counts this test's one QEMU"

wait_for_line "$DIR/serial.log" "$GUEST_READY" "$GUEST_BOOT_TIMEOUT"
ok $? "the guest prints its ready line on the serial console"
echo "the guest was ready $((SECONDS - started)) s after QEMU started" | diag

# The typed line holds no "vireo-42": only the shell's answer does.
# shellcheck disable=SC2016 # for the guest's shell to expand
printf 'echo vireo-$((6 * 7))\n' >&9
wait_for_line "$DIR/serial.log" "vireo-42" 30
ok $? "the guest's shell answers what is typed on its console"

qmp '{"execute": "system_powerdown", "id": "powerdown"}'
wait_for_line "$DIR/qmp.out" '"event": "SHUTDOWN"' "$GUEST_POWEROFF_TIMEOUT"
like "$(cat "$DIR/qmp.out")" \
     '"event": "SHUTDOWN", "data": {"guest": true, "reason": "guest-shutdown"}' \
     "system_powerdown: the guest powers off through ACPI (a guest SHUTDOWN)"
grep -q '"event": "POWERDOWN"' "$DIR/qmp.out"
ok $? "... after QEMU reported pressing the power button (POWERDOWN)"
grep -qF "$GUEST_POWERING_OFF" "$DIR/serial.log"
ok $? "... which the guest saw and acted on"

wait_gone "$GUEST_POWEROFF_TIMEOUT" "$qemu_pid"
ok $? "QEMU exits once the guest has powered off"
process_gone "$qemu_pid" || kill -KILL "$qemu_pid"
wait "$qemu_pid"
rc=$?
exec 8>&- 9>&-
is "$rc $(qemu_count)" "0 0" "... with status 0, and no QEMU of this test is left"
[ "$rc" -eq 0 ] || diag < "$DIR/qemu.err"

done_testing
