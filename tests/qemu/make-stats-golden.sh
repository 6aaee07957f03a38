#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# make-stats-golden.sh: what a real libvirtd's QEMU driver prints for a
# running guest's disk statistics, with the figures masked, into
# tests/qemu/stats/ (test-stats-qemu holds vireod to it):
#   domstats-block.txt   `virsh domstats --block` (field names, in order)
#   domblkstat.txt       `virsh domblkstat g1 vda` (field names, in order)
# The harness's guest with a raw virtio disk, under the integration tests'
# private libvirtd (session mode, so it makes no taps: the interface
# group's names come from libvirt's documentation instead). No test runs
# it; run it again when libvirt changes:
#   VIREOD=build/daemon/vireod GUEST_KERNEL=... GUEST_INITRAMFS=... \
#     bash tests/qemu/make-stats-golden.sh
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/../integration/libvirtd.sh"

LIBVIRTD_QEMU_CONF='stdio_handler = "file"'
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
plan 3

lvsh() {
    timeout "$VSH_TIMEOUT" virsh -c "$LIBVIRTD_QEMU_URI" "$@" > "$OUT" 2> "$ERR"
    RC=$?
}

# The figures (and the temporary directory) vary; names and order do not.
mask() {
    sed -e "s|$DIR|@DIR@|g" -e 's/=[0-9][0-9]*$/=N/' -e 's/ [0-9][0-9]*$/ N/'
}

guest_share
serial=$(guest_serial g1)
touch "$serial"
truncate -s 8M "$DIR/disk.raw"
chmod 0666 "$DIR/disk.raw"
[ "$(id -u)" -eq 0 ] && chown "$LIBVIRTD_USER" "$serial" "$DIR/disk.raw"
guest_xml g1 --disk "$DIR/disk.raw" > "$DIR/g1.xml"
lvsh create "$DIR/g1.xml"
is "$RC" 0 "libvirtd starts the guest with a disk"
wait_for_line "$serial" "$GUEST_READY" "$GUEST_BOOT_TIMEOUT"
lvsh domstats --block g1
mask < "$OUT" > "$HERE/stats/domstats-block.txt"
is "$RC" 0 "domstats --block answers"
lvsh domblkstat g1 vda
mask < "$OUT" > "$HERE/stats/domblkstat.txt"
is "$RC" 0 "domblkstat answers"
lvsh destroy g1
wait_qemu_count 0 30
libvirtd_stop
done_testing
