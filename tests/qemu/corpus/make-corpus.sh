#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# make-corpus.sh [--capture] [OUT_DIR]: write the virt-install corpus,
# the domain XML that virt-install (Debian's virtinst 4.1) prints for a
# range of option sets, as test input for the qemu driver.
#
# Each <case>.xml here is exactly what `virt-install --print-xml` printed
# for the options listed below; none is edited by hand or written by
# vireo. refused-<case>.xml are documents the qemu driver must refuse
# before starting QEMU; REFUSED gives the code and the words of each
# refusal (vireo's, as libvirt has no such refusals).
#
# virt-install talks to libvirt's test driver, the host it plans for
# described by a QEMU host's capabilities, through virtinst's own test
# hook (the "__virtinst_test__" URI prefix, with predictable MACs):
#   - host/caps.xml, host/domcaps-pc.xml, host/domcaps-q35.xml are what a private
#     libvirtd 9.0's QEMU driver reports (--capture writes them again,
#     from tests/integration/libvirtd.sh's libvirtd);
#   - a KVM host's capabilities differ from those only by the domain type
#     kvm beside qemu, which this host (no /dev/kvm) cannot report: the
#     kvm cases run against caps.xml with that one line added;
#   - host/node.xml is the test driver's host: a storage pool with one volume,
#     for the volume disk.
# Paths the documents name live under /tmp/vireo-corpus while this runs:
# virt-install checks that a cdrom image exists and that a block device
# is one (a device node made with mknod, so this runs as root). The
# tests replace every path with files of their own.
#
# From the top of the tree, after changing a case:
#
#     bash tests/qemu/corpus/make-corpus.sh
#     git diff tests/qemu/corpus
#
# virt-install takes about 4 s a case here, which is why no test runs
# this; the corpus changes only with this script.
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
HOST=$HERE/host
CAPTURE=0
[ "${1:-}" = --capture ] && { CAPTURE=1; shift; }
OUT_DIR=${1:-$HERE}
FILES=/tmp/vireo-corpus

die() {
    echo "make-corpus.sh: $*" >&2
    exit 1
}

command -v virt-install > /dev/null || die "virt-install (virtinst) is not installed"
[ "$(id -u)" -eq 0 ] || die "run as root: a block device node is made with mknod"

# capture: the QEMU driver's capabilities, from a private libvirtd.
capture() {
    local uri
    . "$HERE/../../integration/libvirtd.sh"
    libvirtd_start || die "$LIBVIRTD_START_ERROR"
    uri="qemu+unix:///session?socket=$LIBVIRTD_SOCK"
    virsh -c "$uri" capabilities > "$HOST/caps.xml" &&
        virsh -c "$uri" domcapabilities --virttype qemu --arch x86_64 \
            --machine pc > "$HOST/domcaps-pc.xml" &&
        virsh -c "$uri" domcapabilities --virttype qemu --arch x86_64 \
            --machine q35 > "$HOST/domcaps-q35.xml" ||
        die "libvirtd did not give its capabilities"
    libvirtd_stop || die "libvirtd did not stop cleanly"
}

[ "$CAPTURE" -eq 1 ] && capture

WORK=$(mktemp -d)
trap 'rm -rf "$WORK" "$FILES"' EXIT
rm -rf "$FILES"
mkdir -p "$FILES" "$OUT_DIR" || die "cannot create $FILES or $OUT_DIR"
touch "$FILES/install.iso"
mknod "$FILES/block0" b 7 200 || die "cannot make a block device node"
sed "s|<domain type='qemu'/>|&\n      <domain type='kvm'/>|" "$HOST/caps.xml" \
    > "$WORK/caps-kvm.xml"

# vi NAME MACHINE CAPS OPTIONS...: one case.
vi() {
    local name=$1 machine=$2 caps=$3 out
    shift 3
    out=$OUT_DIR/$name.xml
    virt-install --connect "__virtinst_test__test://$HOST/node.xml,predictable,fakeuri=qemu:///system,caps=$caps,domcaps=$HOST/domcaps-$machine.xml" \
        --print-xml --arch x86_64 --machine "$machine" --osinfo linux2020 \
        --noautoconsole --name "$name" "$@" > "$out" 2> "$WORK/err" || {
        cat "$WORK/err" >&2
        die "$name: virt-install failed"
    }
    echo "$name: $out"
}

Q=$HOST/caps.xml
K=$WORK/caps-kvm.xml
U=c0ffee00-0000-4000-8000-0000000000

# What virt-install makes of a guest left to its defaults.
vi q35-defaults q35 "$Q" --virt-type qemu --uuid ${U}01 --memory 128 \
    --disk "$FILES/q35.qcow2,size=1" --network user --graphics vnc
vi pc-defaults pc "$Q" --virt-type qemu --uuid ${U}02 --memory 128 \
    --vcpus 2 --disk "$FILES/pc.qcow2,size=1" --network user --graphics vnc
vi kvm-defaults q35 "$K" --virt-type kvm --uuid ${U}03 --memory 256 \
    --vcpus 2 --disk "$FILES/kvm.qcow2,size=1" --network user --graphics vnc
vi headless q35 "$Q" --virt-type qemu --uuid ${U}04 --memory 64 \
    --disk none --network none --graphics none

# Booting.
vi direct-kernel pc "$Q" --virt-type qemu --uuid ${U}05 --memory 128 \
    --boot "kernel=$FILES/vmlinuz,initrd=$FILES/initrd.img,kernel_args=console=ttyS0 panic=-1" \
    --disk none --network none --graphics none --serial pty
vi boot-devices pc "$Q" --virt-type qemu --uuid ${U}06 --memory 128 \
    --boot cdrom,hd,network,menu=on \
    --disk "$FILES/boot.img,size=1,format=raw,bus=ide" \
    --disk "device=cdrom,path=$FILES/install.iso,bus=ide" \
    --network user --graphics none
vi boot-order q35 "$Q" --virt-type qemu --uuid ${U}07 --memory 128 \
    --disk "$FILES/order.qcow2,size=1,format=qcow2,bus=sata,boot.order=2" \
    --disk "device=cdrom,path=$FILES/install.iso,bus=sata,boot.order=1" \
    --network user,boot.order=3 --graphics none

# Disks: file and block, raw and qcow2, every bus, cdroms, read-only.
vi disks-q35 q35 "$Q" --virt-type qemu --uuid ${U}08 --memory 128 \
    --disk "$FILES/virtio.qcow2,size=1,format=qcow2,bus=virtio" \
    --disk "$FILES/sata.img,size=1,format=raw,bus=sata,cache=none,io=threads" \
    --disk "path=$FILES/block0,bus=virtio,cache=none,io=native" \
    --disk "$FILES/scsi.img,size=1,format=raw,bus=scsi,readonly=on,serial=scsi-ro" \
    --disk "device=cdrom,path=$FILES/install.iso,bus=scsi" \
    --controller type=scsi,model=virtio-scsi \
    --network none --graphics none
vi disks-pc pc "$Q" --virt-type qemu --uuid ${U}09 --memory 128 \
    --disk "$FILES/ide0.img,size=1,format=raw,bus=ide" \
    --disk "$FILES/ide1.img,size=1,format=raw,bus=ide,cache=writeback,shareable=on" \
    --disk "device=cdrom,bus=ide" \
    --disk "$FILES/sata-pc.qcow2,size=1,format=qcow2,bus=sata" \
    --network none --graphics none

# Interfaces.
vi net-user pc "$Q" --virt-type qemu --uuid ${U}10 --memory 128 \
    --disk none --network user,model=e1000,mac=52:54:00:c0:00:01 \
    --network user,model=rtl8139,mac=52:54:00:c0:00:02 \
    --network user,model=virtio,mac=52:54:00:c0:00:03 --graphics none
vi net-bridge q35 "$Q" --virt-type qemu --uuid ${U}11 --memory 128 \
    --disk none --network bridge=vireobr0,model=virtio,mac=52:54:00:c0:00:11 \
    --graphics none
vi net-ethernet q35 "$Q" --virt-type qemu --uuid ${U}12 --memory 128 \
    --disk none \
    --network type=ethernet,target.dev=vireotap0,model=e1000e,mac=52:54:00:c0:00:21 \
    --graphics none

# Character devices.
vi serials q35 "$Q" --virt-type qemu --uuid ${U}13 --memory 128 \
    --disk none --network none --graphics none --serial pty \
    --serial "file,path=$FILES/serial1.log" --console pty,target_type=virtio \
    --channel unix,target.type=virtio,name=org.qemu.guest_agent.0
vi console-file pc "$Q" --virt-type qemu --uuid ${U}14 --memory 128 \
    --disk none --network none --graphics none \
    --console "file,path=$FILES/console.log"

# Graphics, video, input, balloon, rng.
vi vnc-vga pc "$Q" --virt-type qemu --uuid ${U}15 --memory 128 \
    --disk none --network none --graphics vnc,listen=127.0.0.1 --video vga \
    --input tablet,bus=usb --input keyboard,bus=usb
vi vnc-qxl q35 "$Q" --virt-type qemu --uuid ${U}16 --memory 128 \
    --disk none --network none --graphics vnc,port=5977 --video qxl \
    --memballoon none
vi video-cirrus pc "$Q" --virt-type qemu --uuid ${U}17 --memory 128 \
    --disk none --network none --graphics vnc --video cirrus \
    --input mouse,bus=ps2 --input keyboard,bus=virtio \
    --rng /dev/random
vi video-bochs q35 "$Q" --virt-type qemu --uuid ${U}18 --memory 128 \
    --disk none --network none --graphics vnc --video bochs \
    --memballoon virtio --rng none

# The machine: vcpus, CPU modes, features, clock, lifecycle.
vi cpu-custom q35 "$Q" --virt-type qemu --uuid ${U}19 --memory 256 \
    --vcpus 4,sockets=1,cores=2,threads=2 --cpu qemu64 \
    --disk none --network none --graphics none
vi cpu-maximum pc "$Q" --virt-type qemu --uuid ${U}20 --memory 128 \
    --vcpus 2,maxvcpus=4 --cpu mode=maximum --disk none --network none \
    --graphics none
vi kvm-passthrough pc "$K" --virt-type kvm --uuid ${U}21 --memory 256 \
    --cpu host-passthrough --disk none --network none --graphics none
vi features pc "$Q" --virt-type qemu --uuid ${U}22 --memory 128 \
    --features acpi=off,apic=on,pae=on --clock offset=localtime \
    --disk none --network none --graphics none
vi clock-events q35 "$Q" --virt-type qemu --uuid ${U}23 --memory 128 \
    --clock offset=utc,rtc_tickpolicy=catchup,hpet_present=no \
    --events on_poweroff=destroy,on_reboot=destroy,on_crash=destroy \
    --disk none --network none --graphics none

# What the qemu driver refuses.
vi refused-network q35 "$Q" --virt-type qemu --uuid ${U}40 --memory 128 \
    --disk none --network network=default --graphics none
vi refused-volume q35 "$Q" --virt-type qemu --uuid ${U}41 --memory 128 \
    --disk type=volume,source.pool=vireo-pool,source.volume=data.img,target.dev=vda \
    --network none --graphics none
vi refused-hostdev q35 "$Q" --virt-type qemu --uuid ${U}42 --memory 128 \
    --disk none --network none --graphics none \
    --xml xpath.create=./devices/hostdev/source/address \
    --xml ./devices/hostdev/@mode=subsystem --xml ./devices/hostdev/@type=pci \
    --xml ./devices/hostdev/source/address/@domain=0x0000 \
    --xml ./devices/hostdev/source/address/@bus=0x00 \
    --xml ./devices/hostdev/source/address/@slot=0x19 \
    --xml ./devices/hostdev/source/address/@function=0x0
vi refused-spice q35 "$Q" --virt-type qemu --uuid ${U}43 --memory 128 \
    --disk none --network none --graphics spice
vi refused-passthrough-tcg q35 "$Q" --virt-type qemu --uuid ${U}44 \
    --memory 128 --cpu host-passthrough --disk none --network none \
    --graphics none
