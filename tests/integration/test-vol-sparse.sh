#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-vol-sparse.sh: sparse volume streams (vol-upload and vol-download
# --sparse, libvirt's holes as STREAM_HOLE messages) against vireod's
# storage driver (qemu:///system) and a private libvirtd's own
# (qemu:///session). One session (a file of a few MiB with holes at its
# start, middle and end uploaded sparse to an empty volume, downloaded
# back sparse, whole, at an offset and with a length) runs as virsh
# against libvirtd, which gives what is expected: its output, the bytes,
# and how much of each file is allocated (holes stay holes); then as virsh
# against vireod, and as vireo against vireod and against libvirtd.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/libvirtd.sh"
. "$HERE/vol_peers.sh"

vol_peers_require
plan 7
vol_peers_start_vireod
# The peer runs as $LIBVIRTD_USER: its pools live where it may write.
for p in v-virsh v-vireo l-virsh1 l-virsh2 l-virsh3 l-vireo1 l-vireo2 l-vireo3; do
    mkdir -p "$DIR/$p/st"
done
chmod -R 0777 "$DIR"/l-*

# The data: 3 MiB and 12345 bytes, starting with a hole, data at 1 MiB
# and at 2 MiB (a piece of 300000 bytes, one of 4096), ending with a hole.
SIZE=3158073
SRC=$DIR/src.bin
truncate -s "$SIZE" "$SRC"
head -c 300000 /dev/urandom |
    dd of="$SRC" bs=4096 seek=256 conv=notrunc status=none
head -c 4096 /dev/urandom |
    dd of="$SRC" bs=4096 seek=512 conv=notrunc status=none

# setup URI ROOT: the pool on ROOT, with an empty 4 MiB volume (nothing
# allocated).
setup() {
    vol_pool_setup "$1" "$2" s.img 4M --allocation 0
}

# facts FILE: its size, how many 512-byte blocks it has, and a checksum.
facts() {
    stat -c '%s bytes, %b blocks' "$1"
    md5sum < "$1"
}

# session CLIENT URI ROOT: the commands, their output and status, and
# what the volume and the downloads hold; ROOT holds the pool.
session() {
    local client=$1 uri=$2 root=$3 out=$3/out
    local cmds=(
        "vol-upload s.img $SRC --pool st --sparse"
        "vol-download s.img $out.all --pool st --sparse"
        "vol-download s.img $out.part --pool st --sparse --offset 1000000 --length 1200000"
        "vol-download s.img $out.plain --pool st"
        "vol-upload s.img $SRC --pool st --sparse --offset 4096 --length 1048576"
        "vol-download s.img $out.again --pool st --sparse"
        "vol-download nothere.img $out.none --pool st --sparse"
    )
    for cmd in "${cmds[@]}"; do
        vol_transcript "$client" "$uri" "$cmd"
        case $cmd in
        "vol-upload s.img $SRC --pool st --sparse") facts "$root/st/s.img";;
        esac
    done
    cmp <(head -c "$SIZE" "$out.all") "$SRC" &&
        echo "the sparse download is the sparse upload"
    for f in "$out.all" "$out.part" "$out.plain" "$out.again" \
             "$root/st/s.img"; do
        echo "${f##*/}: $(facts "$f" | tr '\n' ' ')"
    done
}
# run CLIENT URI NAME: the session on pool root NAME, the directory
# masked. Whether a client learns of an upload's failure while sending or
# when closing depends on timing, with libvirtd as with vireod: both read
# alike.
run() {
    session "$1" "$2" "$DIR/$3" |
        sed -E -e "s|$DIR/$3|ROOT|g" -e "s|$DIR|D|g" \
            -e "s/cannot (send data to|close) volume/cannot send to volume/"
}

# libvirtd's thread applies a hole after its client's message was taken,
# and now and then its finish is confirmed first and the hole (which
# cuts the file short after a partial upload) never reaches the file.
# So what libvirtd gives is the answer it gives twice: virsh's session
# against it runs on fresh pools until two of at most three agree.
# want_try N: virsh's session against libvirtd on pool root l-virshN.
want_try() {
    setup "$LIBVIRTD_QEMU_URI" "$DIR/l-virsh$1" ||
        diag "libvirtd's pool did not start"
    run virsh "$LIBVIRTD_QEMU_URI" "l-virsh$1"
    timeout "$VSH_TIMEOUT" virsh -c "$LIBVIRTD_QEMU_URI" pool-destroy st \
        > /dev/null
}
WANT=$(want_try 1)
WANT2=$(want_try 2)
if [ "$WANT" != "$WANT2" ]; then
    diag "virsh against libvirtd gave two answers: a third decides"
    WANT3=$(want_try 3)
    [ "$WANT3" = "$WANT2" ] && WANT=$WANT2
fi
like "$WANT" "the sparse download is the sparse upload" \
     "virsh's sparse upload to libvirtd comes back unchanged"
# 304096 bytes of data: some 600 blocks of 512 bytes, not 6000.
grep -qE "^$SIZE bytes, [0-9]{3} blocks$" <<< "$WANT"
ok $? "and libvirtd keeps the holes of a sparse upload as holes"

setup "$QURI" "$DIR/v-virsh" || diag "vireod's pool did not start"
same_output "$WANT" "$(run virsh "$QURI" v-virsh)" \
    "virsh against vireod: what it gets from libvirtd, holes included"
timeout "$VSH_TIMEOUT" virsh -c "$QURI" pool-destroy st > /dev/null
setup "$QURI" "$DIR/v-vireo" || diag "vireod's second pool did not start"
same_output "$WANT" "$(run "$VIREO" "$QURI" v-vireo)" \
    "vireo against vireod: what virsh gets from libvirtd, holes included"

# The quicker vireo client meets libvirtd's lost hole more often than
# virsh: a session against libvirtd that differs is tried again, at most
# three times, each on a fresh pool.
for try in 1 2 3; do
    setup "$LIBVIRTD_QEMU_URI" "$DIR/l-vireo$try" ||
        diag "libvirtd's pool for vireo did not start"
    GOT=$(run "$VIREO" "$LIBVIRTD_QEMU_URI" "l-vireo$try")
    timeout "$VSH_TIMEOUT" virsh -c "$LIBVIRTD_QEMU_URI" pool-destroy st \
        > /dev/null
    [ "$GOT" = "$WANT" ] && break
    diag "vireo against libvirtd, try $try, differs"
done
same_output "$WANT" "$GOT" \
    "vireo against libvirtd: what virsh gets from it, holes included"

kill -0 "$DPID"
ok $? "and vireod runs on"
