#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-vol-limits.sh: volume streams where the volume ends before the
# data, and volumes that are block devices, against vireod's storage
# driver (qemu:///system) and a private libvirtd's own (qemu:///session),
# each on its own filesystem and loop device. The same virsh session
# runs against both, and vireod must answer as libvirtd does once the
# directories and devices are masked:
#
# - a dir pool on a tmpfs of 1 MiB: a plain upload bigger than the
#   filesystem fails with the write's own error ("Unable to write PATH:
#   No space left on device"); data beyond an upload's length is
#   refused. (Left out: an upload with a length beyond the free space,
#   where libvirtd says either, as its thread or its length check comes
#   first; and a sparse one, where its thread may lose the error and
#   answer success.)
# - a dir pool holding a link to a loop device of 1 MiB (filled with
#   0xff first): listed as a file volume of the device's size; a sparse
#   upload writes its holes as zeros (a block device can have none), at
#   the start and at an offset; an upload bigger than the device fails;
#   a sparse download reads the device whole.
#
# The bytes on each device after each upload are part of the transcript.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"

MOUNTS=()
LOOPS=()
limits_cleanup() {
    local m l
    for m in "${MOUNTS[@]}"; do
        umount "$m" 2> /dev/null
    done
    for l in "${LOOPS[@]}"; do
        losetup -d "$l" 2> /dev/null
        chown root:disk "$l" 2> /dev/null
    done
    cleanup
}
trap limits_cleanup EXIT

. "$HERE/libvirtd.sh"
. "$HERE/vol_peers.sh"

command -v losetup > /dev/null || fail_all "losetup (util-linux) is installed"
vol_peers_require
plan 6
vol_peers_start_vireod

# setup_root ROOT: ROOT/small, a tmpfs of 1 MiB, and ROOT/dev, a
# directory with a link blk to a loop device of 1 MiB of its own; both
# the peer's (it runs as $LIBVIRTD_USER) to write. LOOP names the device.
setup_root() {
    local root=$1
    mkdir -p "$root/small" "$root/dev"
    mount -t tmpfs -o size=1M,mode=0777 tmpfs "$root/small" || return 1
    MOUNTS+=("$root/small")
    truncate -s 1M "$root/dev.img"
    LOOP=$(losetup --find --show "$root/dev.img") || return 1
    LOOPS+=("$LOOP")
    chown "$LIBVIRTD_USER" "$LOOP"
    chmod 0777 "$root/dev"
    ln -s "$LOOP" "$root/dev/blk"
}
setup_root "$DIR/l" || fail_all "a tmpfs and a loop device for libvirtd's pools"
L_LOOP=$LOOP
setup_root "$DIR/v" || fail_all "a tmpfs and a loop device for vireod's pools"
V_LOOP=$LOOP

# The data: 3 MB of random bytes; and 1 MiB with 5000 random bytes at
# 40 KiB, holes before and after.
BIG=$DIR/big.bin
HOLEY=$DIR/holey.bin
head -c 3000000 /dev/urandom > "$BIG"
truncate -s 1M "$HOLEY"
head -c 5000 /dev/urandom |
    dd of="$HOLEY" bs=4096 seek=10 conv=notrunc status=none
chmod 0644 "$BIG" "$HOLEY"

# fill LOOP: the whole device 0xff, so that a hole left unwritten shows.
fill() {
    head -c 1048576 /dev/zero | tr '\0' '\377' > "$1"
}

# device_facts LOOP: what the device holds, as a checksum.
device_facts() {
    echo "device: $(md5sum < "$1")"
}

# failing CMD TRIES: an upload that must fail, as a transcript line;
# tried again while it succeeds, at most TRIES times. libvirtd's thread
# writes after its client's data was taken, and its error sometimes
# comes after the client's finish was confirmed: the client then hears
# of no failure at all. The words it gives when the client does hear of
# it are the expectation.
failing() {
    local cmd=$1 tries=$2 line
    for _ in $(seq "$tries"); do
        line=$(vol_transcript virsh "$URI_NOW" "$cmd")
        case $line in *rc=0) ;; *) break ;; esac
    done
    echo "$line"
}

# session URI ROOT LOOP TRIES: the commands, their output and status,
# and the device's bytes after each upload to it; an upload that must
# fail is tried up to TRIES times.
session() {
    local root=$2 loop=$3 tries=$4
    URI_NOW=$1
    local cmds=(
        "pool-create-as full dir --target $root/small"
        "vol-create-as full v.img 64K"
        "fail vol-upload v.img $BIG --pool full"
        "vol-upload v.img $BIG --pool full --length 1000"
        "pool-create-as dev dir --target $root/dev"
        "vol-list dev --details" "vol-info blk --pool dev"
        "fill"
        "vol-upload blk $HOLEY --pool dev --sparse"
        "fill"
        "vol-upload blk $HOLEY --pool dev --sparse --offset 4096 --length 100000"
        "fail vol-upload blk $BIG --pool dev"
        "vol-download blk $root/down --pool dev --sparse"
        "pool-destroy dev" "pool-destroy full"
    )
    for cmd in "${cmds[@]}"; do
        case $cmd in
        fill) fill "$loop" ;;
        "fail "*) failing "${cmd#fail }" "$tries" ;;
        *) vol_transcript virsh "$URI_NOW" "$cmd" ;;
        esac
        case $cmd in
        *"vol-upload blk"*) device_facts "$loop" ;;
        esac
    done
    cmp "$root/down" "$loop" && echo "the download is the device's bytes"
}

# run URI ROOT LOOP TRIES: the session, its directory and device masked.
# Whether a client learns of an upload's failure while sending or when
# closing depends on timing, with libvirtd as with vireod: both read
# alike.
run() {
    session "$1" "$2" "$3" "$4" 2>&1 |
        sed -E -e "s|$2|ROOT|g" -e "s|$DIR|D|g" -e "s|$3|LOOP|g" \
            -e "s/cannot (send data to|close) volume/cannot send to volume/"
}

WANT=$(run "$LIBVIRTD_QEMU_URI" "$DIR/l" "$L_LOOP" 5)
GOT=$(run "$QURI" "$DIR/v" "$V_LOOP" 1)
like "$WANT" "error: Unable to write ROOT/small/v.img: No space left on device" \
     "libvirtd's upload bigger than its filesystem fails with the write's error"
like "$WANT" " blk    ROOT/dev/blk   file   1.00 MiB   1.00 MiB" \
     "libvirtd lists the link to its device as a file volume of its size"
# The device after the first sparse upload: the holey file itself, its
# holes as zeros over the 0xff it held.
like "$WANT" "device: $(md5sum < "$HOLEY")" \
     "libvirtd writes a sparse upload's holes on a block device as zeros"
same_output "$WANT" "$GOT" \
    "vireod answers as libvirtd, on the device and the full filesystem alike"
kill -0 "$DPID"
ok $? "and vireod runs on"
