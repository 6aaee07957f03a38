#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-guest-libvirtd.sh: the harness's guest XML (guest_xml) under a
# real libvirtd's QEMU driver, the reference the QEMU tests through vireod
# are held to: libvirtd accepts it and boots it to the guest's ready line,
# and `virsh shutdown` powers it off through ACPI, with the lifecycle
# events libvirtd emits for that. The private libvirtd is the integration
# tests' own (unprivileged, in session mode), so the guest's files must be
# readable by its user (guest_share) and its serial file writable.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/../integration/libvirtd.sh"

command -v virsh > /dev/null || fail_all "virsh (libvirt-clients) is installed"
# Without virtlogd, which would outlive the daemon.
# shellcheck disable=SC2034 # read by libvirtd_start
LIBVIRTD_QEMU_CONF='stdio_handler = "file"'
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"

plan 6

# lvsh ARGS...: virsh on the private libvirtd's QEMU driver.
lvsh() {
    timeout "$VSH_TIMEOUT" virsh -c "$LIBVIRTD_QEMU_URI" "$@" > "$OUT" 2> "$ERR"
    RC=$?
}

guest_share
serial=$(guest_serial g1)
touch "$serial"
[ "$(id -u)" -eq 0 ] && chown "$LIBVIRTD_USER" "$serial"
guest_xml g1 > "$DIR/g1.xml"

timeout 300 virsh -c "$LIBVIRTD_QEMU_URI" event --all --loop \
        > "$DIR/events" 2>&1 &
BACKGROUND_PIDS+=($!)
# The event client is registered once an event of ours reaches it; a
# define makes one before the guest starts.
lvsh define "$DIR/g1.xml"
wait_for_line "$DIR/events" "event 'lifecycle' for domain 'g1': Defined" 30 ||
    diag < "$DIR/events"

lvsh start g1
is "$RC $(cat "$OUT")" "0 Domain 'g1' started" \
   "libvirtd's QEMU driver starts the harness's guest"
wait_for_line "$serial" "$GUEST_READY" "$GUEST_BOOT_TIMEOUT"
ok $? "the guest boots to its ready line on the serial file"
is "$(qemu_count)" 1 "the harness counts libvirtd's QEMU as this test's"

lvsh shutdown g1
wait_for_line "$DIR/events" "event 'lifecycle' for domain 'g1': Stopped Shutdown" \
              "$GUEST_POWEROFF_TIMEOUT"
ok $? "virsh shutdown: the guest powers off through ACPI (Stopped Shutdown)"
grep -qF "$GUEST_POWERING_OFF" "$serial"
ok $? "... having seen the power button"

wait_qemu_count 0 30
lvsh undefine g1
is "$(qemu_count) $RC" "0 0" "the guest's QEMU has exited and the guest is undefined"
[ "$RC" -eq 0 ] || diag < "$ERR"

libvirtd_stop || echo "libvirtd exited with status $LIBVIRTD_RC" | diag
done_testing
