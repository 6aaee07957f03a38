#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-virt-install.sh: the real virt-install against vireod's
# qemu:///system, as a user installs a guest from an existing disk image
# onto libvirt's default network (--import --disk PATH --network
# network=default). virt-install finds the image's directory in no pool
# and makes one for it, defines the guest and starts it; the guest, given
# the test kernel as well, boots, gets a DHCP lease on the network, and is
# destroyed and undefined leaving no QEMU behind.
NET_WITH_QEMU=1
. "$(dirname "$0")/lib.sh"

plan 12

command -v virt-install > /dev/null ||
    fail_all "virt-install is installed (Debian's virtinst)"

net_daemon_start
is "$(net_row default)" "active yes yes" "the default network runs"

DISK=$DIR/images/vi1.qcow2
mkdir -p "$DIR/images"
qemu-img create -q -f qcow2 "$DISK" 64M
timeout 120 virt-install --connect "$QURI" --name vi1 --memory 128 \
    --vcpus 1 --import --disk "$DISK" --network network=default \
    --osinfo linux2020 --graphics none --noautoconsole \
    --boot "kernel=$DIR/guest/vmlinuz,initrd=$DIR/guest/initramfs,kernel_args=$GUEST_CMDLINE" \
    --serial "file,path=$(guest_serial vi1)" > "$OUT" 2> "$ERR"
RC=$?
is "$RC" 0 "virt-install --import --disk PATH --network network=default succeeds"
like "$(cat "$OUT")" "Domain creation completed" "and says the guest is created"

nvsh list
like "$(cat "$OUT")" " vi1 " "virsh list shows the guest running"
nvsh dumpxml vi1
like "$(cat "$OUT")" "<source file='$DISK'/>" "its definition has the disk image"
like "$(cat "$OUT")" "<source network='default'/>" \
    "and an interface on the default network"
nvsh pool-list --all
like "$(cat "$OUT")" "$(basename "$DIR/images") " \
    "virt-install made a pool of the image's directory"

wait_for_line "$(guest_serial vi1)" "$GUEST_READY" "$GUEST_BOOT_TIMEOUT"
ok $? "the guest boots"
wait_for_line "$(guest_serial vi1)" "vireo-guest: lease 192.168.122." 60
ok $? "and gets a DHCP lease from the default network"

nvsh destroy vi1
is "$RC" 0 "virsh destroy stops it"
nvsh undefine vi1
is "$RC" 0 "virsh undefine removes it"
wait_qemu_count 0 30
ok $? "no QEMU of the test is left"
