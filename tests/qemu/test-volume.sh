#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-volume.sh: a real guest on a disk of type 'volume'. A dir pool of
# vireod's storage driver holds a qcow2 volume made from the test guest's
# initramfs (qemu-img convert into the pool, then pool-refresh); a guest
# whose disk names it by pool and volume starts, boots and reads the
# image through the volume (the MD5 sum its init prints); QEMU opened
# the volume's own file through its qcow2 format driver; the running
# definition still names the pool and the volume; the volume cannot be
# deleted while the guest runs, even once vireod restarted (which asks
# for the path again), and can once it is destroyed. A volume disk
# naming a pool that does not exist, a volume that does not, or a pool
# that is not running fails to start with the words of a private
# libvirtd's QEMU driver asked the same.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/driver.sh"
command -v qemu-img > /dev/null || fail_all "qemu-img (qemu-utils) is installed"
peer_start

plan 19

qemu_daemon_start
ok $? "vireod starts with its qemu and storage drivers"

# The pool, and the volume: the guest's initramfs as a qcow2 image
# placed in the pool's directory, found by a refresh.
mkdir -p "$DIR/pools"
qvsh pool-define-as vpool dir --target "$DIR/pools/vpool"
qvsh pool-build vpool
qvsh pool-start vpool
is "$RC" 0 "a dir pool is defined, built and started"
qemu-img convert -f raw -O qcow2 "$GUEST_INITRAMFS" \
    "$DIR/pools/vpool/guest.qcow2"
qvsh pool-refresh vpool
qvsh vol-dumpxml guest.qcow2 --pool vpool
like "$(cat "$OUT")" "<format type='qcow2'/>" \
    "a qcow2 image placed in it is its volume after a refresh"

volume_xml g1 vpool guest.qcow2 "<driver name='qemu' type='qcow2'/>" \
    > "$DIR/g1.xml"
qvsh define "$DIR/g1.xml"
qvsh start g1
is "$RC" 0 "a guest whose disk is that volume starts"
wait_for_line "$(guest_serial g1)" "$GUEST_READY" "$GUEST_BOOT_TIMEOUT"
ok $? "and boots"
# The guest reads its disk: what it sees first is the image's first 4 KiB.
sum=$(head -c 4096 "$GUEST_INITRAMFS" | md5sum)
grep -qF "vireo-guest: vda begins ${sum%% *}" "$(guest_serial g1)"
ok $? "the guest reads the volume's contents through QEMU's qcow2 driver"

# What QEMU was told: the volume's file, through the qcow2 driver.
pid=$(qemu_pids | head -1)
cmdline=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null)
like "$cmdline" "{\"driver\":\"file\",\"filename\":\"$DIR/pools/vpool/guest.qcow2\",\"node-name\":\"libvirt-1-storage\"" \
    "QEMU opens the volume's file"
like "$cmdline" "\"driver\":\"qcow2\",\"file\":\"libvirt-1-storage\"}" \
    "through its qcow2 format driver"
qemu-img info "$DIR/pools/vpool/guest.qcow2" > "$OUT" 2>&1
like "$(cat "$OUT")" "Failed to get shared \"write\" lock" \
    "and holds it: qemu-img cannot take its lock"

qvsh dumpxml g1
like "$(cat "$OUT")" "<source pool='vpool' volume='guest.qcow2'/>" \
    "the running definition still names the pool and the volume"
qvsh vol-delete guest.qcow2 --pool vpool
is "$RC/$(grep error: "$ERR" | tail -1)" \
    "1/error: Requested operation is not valid: volume 'guest.qcow2' is still in use." \
    "the volume cannot be deleted while the guest runs on it"

# A restarted vireod finds the guest running and asks its volume's path
# again.
daemon_stop
is "$DRC" 0 "vireod stops cleanly, the guest left running"
qemu_daemon_start
qvsh vol-delete guest.qcow2 --pool vpool
is "$RC/$(grep error: "$ERR" | tail -1)" \
    "1/error: Requested operation is not valid: volume 'guest.qcow2' is still in use." \
    "nor after vireod restarted, the guest still running"

qvsh destroy g1
is "$RC" 0 "the guest is destroyed"
qvsh vol-delete guest.qcow2 --pool vpool
is "$RC" 0 "and then its volume can be deleted"

# The faults, against libvirtd's QEMU driver asked the same. Each daemon
# gets a persistent pool 'vq' holding a volume 'v.qcow2', then stopped,
# and guests on a pool that is not there, on a volume that is not there,
# and on the stopped pool (and a transient guest on a volume that is not
# there once the pool runs). A start that fails starts no QEMU.
mkdir -p "$DIR/peer-pools"
chmod 0777 "$DIR/peer-pools"
# fault_session URI ROOT: the starts that fail, and their errors.
fault_session() {
    local uri=$1 root=$2 name
    timeout "$VSH_TIMEOUT" virsh -c "$uri" pool-define-as vq dir \
        --target "$root/vq" > /dev/null
    timeout "$VSH_TIMEOUT" virsh -c "$uri" pool-build vq > /dev/null
    timeout "$VSH_TIMEOUT" virsh -c "$uri" pool-start vq > /dev/null
    timeout "$VSH_TIMEOUT" virsh -c "$uri" vol-create-as vq v.qcow2 1M \
        --format qcow2 > /dev/null
    timeout "$VSH_TIMEOUT" virsh -c "$uri" pool-destroy vq > /dev/null
    volume_xml f-pool nopool v.qcow2 > "$root/f-pool.xml"
    volume_xml f-vol vq nothere > "$root/f-vol.xml"
    volume_xml f-inactive vq v.qcow2 > "$root/f-inactive.xml"
    for name in f-pool f-vol f-inactive; do
        timeout "$VSH_TIMEOUT" virsh -c "$uri" define "$root/$name.xml" \
            > /dev/null
        echo "start $name:"
        timeout "$VSH_TIMEOUT" virsh -c "$uri" start "$name" 2>&1 > /dev/null
        echo "rc=$?"
    done
    echo "domblklist f-inactive:"
    timeout "$VSH_TIMEOUT" virsh -c "$uri" domblklist f-inactive 2>&1
    timeout "$VSH_TIMEOUT" virsh -c "$uri" pool-start vq > /dev/null
    volume_xml f-create vq nothere > "$root/f-create.xml"
    echo "create f-create:"
    timeout "$VSH_TIMEOUT" virsh -c "$uri" create "$root/f-create.xml" 2>&1 \
        > /dev/null | sed "s|$root/||"
    echo "rc=${PIPESTATUS[0]}"
}
fault_session "$QURI" "$DIR/pools" > "$DIR/faults.vireod"
fault_session "$LIBVIRTD_QEMU_URI" "$DIR/peer-pools" > "$DIR/faults.libvirtd"
same_output "$(cat "$DIR/faults.libvirtd")" "$(cat "$DIR/faults.vireod")" \
    "a missing pool, a missing volume and an inactive pool fail as libvirtd's"
like "$(cat "$DIR/faults.libvirtd")" "storage pool 'vq' containing volume 'v.qcow2' is not active" \
    "libvirtd was asked about each fault"
is "$(qemu_count)" 0 "no QEMU runs after the failed starts"
daemon_stop
is "$DRC" 0 "vireod stops cleanly"

done_testing
