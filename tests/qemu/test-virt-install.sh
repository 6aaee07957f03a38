#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-virt-install.sh: the real virt-install against vireod's qemu driver,
# as a user installs a guest from a kernel and initramfs (--import, direct
# kernel boot). virt-install reads the driver's capabilities, writes its
# own domain XML for the machine they name (on pc, an EHCI controller with
# three UHCI companions), defines and starts it; the guest then boots to
# its ready line, its definition keeps what virt-install wrote, and it is
# destroyed and undefined leaving nothing behind.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"

plan 9

command -v virt-install > /dev/null ||
    fail_all "virt-install is installed (Debian's virtinst)"

qemu_daemon_start

serial=$(guest_serial vi1)
timeout 120 virt-install --connect "$QURI" --name vi1 --memory 128 \
    --osinfo generic --import --disk none --network none \
    --graphics none --noautoconsole \
    --boot "kernel=$DIR/guest/vmlinuz,initrd=$DIR/guest/initramfs,kernel_args=console=ttyS0 quiet" \
    --serial "file,path=$serial" > "$OUT" 2> "$ERR"
RC=$?
is "$RC" 0 "virt-install --import defines and starts a guest through vireod"
like "$(cat "$OUT")" "Domain creation completed" "and says it is done"

qvsh domstate vi1
is "$(head -1 "$OUT")" "running" "the guest runs"
wait_for_line "$serial" "$GUEST_READY" "$GUEST_BOOT_TIMEOUT"
ok $? "it boots to its ready line on the serial file virt-install gave"

qvsh dumpxml --inactive vi1
like "$(cat "$OUT")" "<master startport='4'/>" \
    "its definition keeps the USB companions virt-install wrote"
like "$(cat "$OUT")" "<kernel>$DIR/guest/vmlinuz</kernel>" \
    "and the kernel it boots"

qvsh destroy vi1
is "$RC" 0 "virsh destroy stops it"
qvsh undefine vi1
is "$RC" 0 "virsh undefine removes it"
wait_qemu_count 0 30
ok $? "no QEMU of the test is left"
