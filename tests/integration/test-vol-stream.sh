#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-vol-stream.sh: vireo's vol-upload and vol-download, whose data
# travel as libvirt's streams, against vireod's storage driver
# (qemu:///system) and a private libvirtd's own (qemu:///session). The
# same session (a file of a few MiB with holes and an odd size uploaded,
# downloaded back and compared; a piece at an offset; a missing volume,
# a missing file, a bad number) runs as virsh against libvirtd, which
# gives what is expected, then as vireo against vireod and as vireo
# against libvirtd, each on a directory of its own. Then the faults: a
# daemon serves others while an upload is open and after its client was
# killed in the middle, and the test driver, in process and over the
# wire, answers "not supported" as libvirt's does.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/libvirtd.sh"
. "$HERE/vol_peers.sh"

vol_peers_require
plan 10
vol_peers_start_vireod
# The peer runs as $LIBVIRTD_USER: its pool lives where it may write.
mkdir -p "$DIR/v-pools/st" "$DIR/l-pools/st"
chmod 0777 "$DIR/l-pools" "$DIR/l-pools/st"

# The data: 3 MiB and 12345 bytes, mostly holes, with random runs at the
# start, in the middle and at the very end; and a piece of 777 bytes.
SIZE=3158073
SRC=$DIR/src.bin
truncate -s "$SIZE" "$SRC"
head -c 300000 /dev/urandom | dd of="$SRC" conv=notrunc status=none
head -c 123457 /dev/urandom |
    dd of="$SRC" bs=1 seek=1572864 conv=notrunc status=none
head -c 777 /dev/urandom |
    dd of="$SRC" bs=1 seek=$((SIZE - 777)) conv=notrunc status=none
head -c 777 /dev/urandom > "$DIR/piece.bin"

# setup URI ROOT: the pool on ROOT, with a 4 MiB volume.
setup() {
    vol_pool_setup "$1" "$2" v.img 4M
}
setup "$QURI" "$DIR/v-pools" || diag "vireod's pool did not start"
setup "$LIBVIRTD_QEMU_URI" "$DIR/l-pools" || diag "libvirtd's pool did not start"

# session CLIENT URI OUT: the commands, their output and status, and
# what the downloads hold; OUT is a prefix for the files downloaded.
session() {
    local client=$1 uri=$2 out=$3
    local cmds=(
        "vol-upload v.img $SRC --pool st"
        "vol-download v.img $out.all --pool st --length $SIZE"
        "vol-upload v.img $DIR/piece.bin --pool st --offset 5000 --length 777"
        "vol-download v.img $out.part --pool st --offset 4096 --length 10000"
        "vol-download v.img $out.tail --pool st --offset 4194000"
        "vol-upload nothere.img $SRC --pool st"
        "vol-download nothere.img $out.none --pool st"
        "vol-upload v.img $DIR/nothere.bin --pool st"
        "vol-download v.img $DIR/no/such/dir --pool st"
        "vol-upload v.img $SRC --pool st --offset abc"
    )
    for cmd in "${cmds[@]}"; do
        vol_transcript "$client" "$uri" "$cmd"
    done
    cmp "$SRC" "$out.all" && echo "the download is the upload"
    for f in "$out.part" "$out.tail" "$out.none"; do
        [ -e "$f" ] && echo "${f##*.}: $(wc -c < "$f") bytes $(md5sum < "$f")"
    done
}
# run CLIENT URI NAME: the session, with its download files (named
# NAME) and the test's directory masked.
run() {
    session "$1" "$2" "$DIR/$3" | sed -e "s|$DIR/$3|OUT|g" -e "s|$DIR|D|g"
}

WANT=$(run virsh "$LIBVIRTD_QEMU_URI" l-virsh)
like "$WANT" "the download is the upload" \
     "virsh's upload to libvirtd comes back unchanged"
same_output "$WANT" "$(run "$VIREO" "$QURI" v-vireo)" \
    "vireo against vireod: what virsh gets from libvirtd, bytes included"
same_output "$WANT" "$(run "$VIREO" "$LIBVIRTD_QEMU_URI" l-vireo)" \
    "vireo against libvirtd: what virsh gets from it, bytes included"

# A client uploads from a pipe that gives a MiB, then stalls: the daemon
# serves others meanwhile, and after the client is killed mid-upload.
mkfifo "$DIR/pipe"
timeout 60 "$VIREO" -c "$QURI" vol-upload v.img "$DIR/pipe" --pool st \
    > "$DIR/killed.out" 2>&1 &
UPLOADER=$!
exec 8> "$DIR/pipe"
head -c 1048576 /dev/urandom >&8
timeout "$VSH_TIMEOUT" virsh -c "$QURI" vol-info v.img --pool st > "$OUT" 2>&1
like "$(cat "$OUT")" "Capacity:       4.00 MiB" \
     "while an upload is open, the daemon answers another client"
kill -KILL "$UPLOADER"
wait "$UPLOADER" 2> /dev/null
exec 8>&-
timeout "$VSH_TIMEOUT" "$VIREO" -c "$QURI" vol-upload v.img "$SRC" --pool st &&
timeout "$VSH_TIMEOUT" "$VIREO" -c "$QURI" vol-download v.img "$DIR/after" \
    --pool st --length "$SIZE" && cmp -s "$SRC" "$DIR/after"
ok $? "after a client was killed mid-upload, another's round trip works"
kill -0 "$DPID"
ok $? "and vireod runs on"

# The test driver has no volume streams in libvirt: "not supported", in
# process and through each daemon.
unsupported() {
    timeout "$VSH_TIMEOUT" "$1" -c "$2" \
        "vol-create-as default-pool u.img 1M; vol-upload u.img $SRC --pool default-pool; vol-download u.img $DIR/u.out --pool default-pool" 2>&1
    echo "rc=$?"
}
WANT=$(unsupported virsh test:///default)
like "$WANT" "not supported by the connection driver: virStorageVolUpload" \
     "libvirt's test driver has no volume upload"
same_output "$WANT" "$(unsupported "$VIREO" test:///default)" \
    "vireo's in-process test driver says so as virsh does"
same_output "$(unsupported virsh "$LIBVIRTD_URI")" \
    "$(unsupported "$VIREO" "$URI")" \
    "and vireod's test driver as libvirtd's"
