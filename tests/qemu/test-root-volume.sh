#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-root-volume.sh: a real guest whose root filesystem lives on a
# qcow2 volume of a dir pool, made as a user makes one. The root
# filesystem is built here: the test guest's own userland (its
# initramfs' tree: busybox and the init) made an ext4 image by `mke2fs
# -d`, converted to qcow2 by qemu-img, and put in a volume by
# vol-create-as and vol-upload. The guest's disk names the volume by pool
# and name; its initramfs loads the virtio modules and switches to
# root=/dev/vda, and the init there writes the marker the test gives on
# the kernel command line into /marker and powers off. The host then
# reads the marker out of the volume (qemu-img convert to raw, debugfs),
# finds the filesystem clean, and a second boot of the same guest finds
# the marker on its root. The same session runs against a private
# libvirtd's QEMU driver, which must tell the same story.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/driver.sh"
for tool in qemu-img mke2fs debugfs e2fsck; do
    command -v "$tool" > /dev/null ||
        fail_all "$tool (qemu-utils, e2fsprogs) is installed"
done
peer_start

plan 14

# The root filesystem's size, which is also the volume's capacity.
ROOT_SIZE=32M

qemu_daemon_start
ok $? "vireod starts with its qemu and storage drivers"
# The private libvirtd runs guests as another user: the kernel, the
# initramfs and the directories its pool and guest use must be its too.
guest_share
mkdir -p "$DIR/pools" "$DIR/peer-pools"
chmod 0777 "$DIR/peer-pools"

# The root filesystem: the initramfs' tree (busybox, its applets, the
# init and the power button's action) as an ext4 image, then qcow2.
mkdir "$DIR/root-tree"
(cd "$DIR/root-tree" && busybox cpio -i -d 2> /dev/null) < "$GUEST_INITRAMFS" &&
    mke2fs -q -t ext4 -L vireo-root -d "$DIR/root-tree" "$DIR/root.img" \
        "$ROOT_SIZE" > /dev/null &&
    qemu-img convert -f raw -O qcow2 "$DIR/root.img" "$DIR/root.qcow2"
ok $? "the guest's userland is made an ext4 image (mke2fs -d) and a qcow2 one"
chmod 0644 "$DIR/root.qcow2"

# wait_shut_off URI NAME: until the guest NAME is shut off (bounded by
# the time it takes to boot and power off).
wait_shut_off() {
    local deadline=$((SECONDS + GUEST_BOOT_TIMEOUT + GUEST_POWEROFF_TIMEOUT))
    while [ "$SECONDS" -lt "$deadline" ]; do
        case $(timeout "$VSH_TIMEOUT" virsh -c "$1" domstate "$2" 2>&1) in
        "shut off"*) return 0 ;;
        esac
        sleep 0.1
    done
    echo "$2 did not shut off" | diag
    return 1
}

# guest_lines NAME: what the guest said about its root and its marker.
guest_lines() {
    grep -E "^vireo-guest: (root is|marker|cannot)" "$(guest_serial "$1")" |
        tr -d '\r'
}

# host_reads VOLUME_FILE: the volume as the host sees it once the guest
# is off: the marker in its filesystem, and e2fsck's verdict on it.
host_reads() {
    qemu-img convert -f qcow2 -O raw "$1" "$DIR/root.raw"
    echo "host reads /marker: $(debugfs -R 'cat /marker' "$DIR/root.raw" \
                                        2> /dev/null)"
    e2fsck -fn "$DIR/root.raw" > /dev/null 2>&1
    echo "e2fsck -fn rc=$?"
    rm -f "$DIR/root.raw"
}

# root_session URI ROOT MARKER: a transcript of one daemon's part: the
# pool under ROOT, the volume made and filled, the guest r1 booted from
# it with MARKER to write, what the host then reads from the volume, and
# a second boot that finds the marker.
root_session() {
    local uri=$1 root=$2 marker=$3 serial
    serial=$(guest_serial r1)
    say "$uri" pool-define-as rpool dir --target "$root/rpool"
    say "$uri" pool-build rpool
    say "$uri" pool-start rpool
    say "$uri" vol-create-as rpool root.qcow2 "$ROOT_SIZE" --format qcow2
    say "$uri" vol-upload root.qcow2 "$DIR/root.qcow2" --pool rpool
    qemu-img info "$root/rpool/root.qcow2" | grep "^file format:"
    qemu-img compare -f qcow2 -F qcow2 "$DIR/root.qcow2" \
        "$root/rpool/root.qcow2"

    volume_xml r1 rpool root.qcow2 "<driver name='qemu' type='qcow2'/>" \
        --cmdline "root=/dev/vda vireo.marker=$marker" > "$DIR/r1.xml"
    peer_file "$serial"
    say "$uri" define "$DIR/r1.xml"
    say "$uri" start r1
    wait_shut_off "$uri" r1
    guest_lines r1
    say "$uri" domstate r1 --reason
    host_reads "$root/rpool/root.qcow2"

    # The guest defined again without a marker to write boots to its
    # ready line. (Defined anew: a definition with no UUID names another
    # domain.)
    volume_xml r1 rpool root.qcow2 "<driver name='qemu' type='qcow2'/>" \
        --cmdline "root=/dev/vda" > "$DIR/r1.xml"
    : > "$serial"
    say "$uri" undefine r1
    say "$uri" define "$DIR/r1.xml"
    say "$uri" start r1
    wait_for_line "$serial" "$GUEST_READY" "$GUEST_BOOT_TIMEOUT" ||
        echo "r1 was not ready" | diag
    guest_lines r1
    say "$uri" destroy r1
    say "$uri" undefine r1
}

VIREOD_MARKER="vireod-$$-$RANDOM"
LIBVIRTD_MARKER="libvirtd-$$-$RANDOM"
root_session "$QURI" "$DIR/pools" "$VIREOD_MARKER" > "$DIR/root.vireod"
root_session "$LIBVIRTD_QEMU_URI" "$DIR/peer-pools" "$LIBVIRTD_MARKER" \
    > "$DIR/root.libvirtd"
vireod=$(cat "$DIR/root.vireod")

like "$vireod" "$ virsh vol-upload root.qcow2 $DIR/root.qcow2 --pool rpool

rc=0
file format: qcow2
Images are identical." \
    "vol-upload puts the qcow2 image into a qcow2 volume of a dir pool"
like "$vireod" "Domain 'r1' started" \
    "a guest whose disk is that volume starts"
like "$vireod" "vireo-guest: root is /dev/vda (ext4)" \
    "its root filesystem is the volume's, on /dev/vda"
like "$vireod" "vireo-guest: marker written: $VIREOD_MARKER
\$ virsh domstate r1 --reason
shut off (shutdown)" \
    "it writes the marker given on its command line and powers off"
like "$vireod" "host reads /marker: $VIREOD_MARKER" \
    "the host reads that marker out of the qcow2 volume"
like "$vireod" "e2fsck -fn rc=0" \
    "and finds the filesystem the guest left clean"
like "$vireod" "vireo-guest: marker found: $VIREOD_MARKER" \
    "booted again, the guest finds the marker on its root"
[ "$(grep -c "vireo-guest: root is /dev/vda" "$DIR/root.vireod")" -eq 2 ]
ok $? "both boots ran from the volume"
like "$(cat "$DIR/root.libvirtd")" "host reads /marker: $LIBVIRTD_MARKER" \
    "libvirtd's QEMU driver boots the same guest from its volume"
# Masked: each daemon's pool directory and marker.
same_output \
    "$(sed -e "s|$DIR/peer-pools|ROOT|g" -e "s|$LIBVIRTD_MARKER|MARKER|g" \
         "$DIR/root.libvirtd")" \
    "$(sed -e "s|$DIR/pools|ROOT|g" -e "s|$VIREOD_MARKER|MARKER|g" \
         "$DIR/root.vireod")" \
    "the whole session goes as it does through libvirtd"
is "$(qemu_count)" 0 "no QEMU runs after the guests are destroyed"

daemon_stop
is "$DRC" 0 "vireod stops cleanly"
libvirtd_stop || echo "libvirtd exited with status $LIBVIRTD_RC" | diag
done_testing
