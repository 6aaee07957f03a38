#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-vol-dirs.sh: a dir pool's subdirectories, which libvirt lists as
# volumes of type 'dir', and a volume download whose read fails (reading
# a directory gives EISDIR), against vireod's storage driver
# (qemu:///system) and a private libvirtd's own (qemu:///session). The
# same virsh session runs against both: the listing, vol-info and
# vol-dumpxml of a directory volume, plain and sparse downloads of it
# (the read's own error: "Unable to read PATH: Is a directory"), an
# upload, a resize (qemu-img's failure quoted with the program's path
# and its error whole) and one that would preallocate, a wipe, a delete of a full and of an empty one.
# python3-libvirt sees the download's error code and domain.
#
# libvirtd's client learns of a failed read while receiving or at its
# finish ("cannot receive data from" or "cannot close" volume), as its
# thread's error comes first or after its end of file; both read alike
# here. Now and then libvirtd 9.0 answers a failed download with a
# message its client cannot read ("Unexpected message type 0") and drops
# the connection: such a run is tried again.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/libvirtd.sh"
. "$HERE/vol_peers.sh"

vol_peers_require
plan 8
vol_peers_start_vireod

# setup_root ROOT: ROOT/p, the pool's directory, holding a directory sub
# with a file in it and an empty one, both the peer's (it runs as
# $LIBVIRTD_USER, owner and mode alike for both daemons).
setup_root() {
    local root=$1
    mkdir -p "$root/p/sub" "$root/p/empty"
    echo data > "$root/p/sub/file"
    chmod 0777 "$root" "$root/p"
    chmod 0755 "$root/p/sub" "$root/p/empty"
    chown -R "$LIBVIRTD_USER:root" "$root/p/sub" "$root/p/empty"
}
setup_root "$DIR/l"
setup_root "$DIR/v"
echo "some bytes" > "$DIR/src.bin"
chmod 0644 "$DIR/src.bin"

# tried CMD: a command whose failure libvirtd may garble, as a
# transcript, tried again (at most 5 times) while it is garbled.
tried() {
    local out
    for _ in 1 2 3 4 5; do
        out=$(vol_transcript virsh "$URI_NOW" "$1")
        case $out in *"Unexpected message type"*) ;; *) break ;; esac
    done
    echo "$out"
}

# session URI ROOT: the commands, their output and status, and whether
# a failed download left a file.
session() {
    local root=$2
    URI_NOW=$1
    local cmds=(
        "pool-create-as st dir --target $root/p"
        "vol-list st --details" "vol-info sub --pool st"
        "vol-dumpxml sub --pool st"
        "tried vol-download sub $root/out --pool st"
        "tried vol-download sub $root/out --pool st --sparse"
        "tried vol-download sub $root/out --pool st --offset 10 --length 5"
        "vol-upload sub $DIR/src.bin --pool st"
        "vol-resize sub 1M --pool st"
        "vol-resize sub 1M --pool st --allocate"
        "vol-wipe sub --pool st"
        "vol-delete sub --pool st" "vol-delete empty --pool st"
        "vol-list st" "pool-destroy st"
    )
    for cmd in "${cmds[@]}"; do
        case $cmd in
        "tried "*) tried "${cmd#tried }" ;;
        *) vol_transcript virsh "$URI_NOW" "$cmd" ;;
        esac
    done
    [ -e "$root/out" ] && echo "a failed download left a file"
}

# run URI ROOT: the session, its directory and the directories' times
# masked, and the two ways a client hears of a failed read made one.
run() {
    session "$1" "$2" 2>&1 |
        sed -E -e "s|$2|ROOT|g" -e "s|$DIR|D|g" \
            -e "s|<([amc]time)>[0-9.]+</|<\1>TIME</|" \
            -e "s/cannot (receive data from|close) volume/cannot read volume/"
}

# error_of URI FLAGS: what python3-libvirt's download of sub (FLAGS 0:
# plain, 1: sparse) raises, as "code domain message", tried again while
# libvirtd garbles it.
error_of() {
    /usr/bin/python3 - "$1" "$2" <<'END'
import sys
import libvirt

libvirt.registerErrorHandler(lambda ctx, err: None, None)
conn = libvirt.open(sys.argv[1])
vol = conn.storagePoolLookupByName('st').storageVolLookupByName('sub')
for _ in range(5):
    st = conn.newStream(0)
    try:
        vol.download(st, 0, 0, int(sys.argv[2]))
        st.recvAll(lambda s, data, opaque: len(data), None)
        st.finish()
        print('no error')
        break
    except libvirt.libvirtError as e:
        if 'Unexpected message type' in str(e):
            conn = libvirt.open(sys.argv[1])
            vol = conn.storagePoolLookupByName('st').storageVolLookupByName('sub')
            continue
        print(e.get_error_code(), e.get_error_domain(), e.get_error_message())
        break
END
}

# errors URI ROOT: the plain and the sparse download's error, the pool
# running again for them (sub outlived the session's delete).
errors() {
    timeout "$VSH_TIMEOUT" virsh -c "$1" pool-create-as st dir \
        --target "$2/p" > /dev/null
    error_of "$1" 0
    error_of "$1" 1
    timeout "$VSH_TIMEOUT" virsh -c "$1" pool-destroy st > /dev/null
}

WANT=$(run "$LIBVIRTD_QEMU_URI" "$DIR/l")
GOT=$(run "$QURI" "$DIR/v")
like "$WANT" "dir    0.00 B     0.00 B" \
     "libvirtd lists a subdirectory as a volume of type dir"
like "$WANT" "error: Unable to read ROOT/p/sub: Is a directory" \
     "libvirtd's download of it fails with the read's own error"
like "$WANT" "error: Operation not supported: preallocate is only supported for raw type volume" \
     "libvirtd refuses to preallocate a volume qemu-img would resize"
same_output "$WANT" "$GOT" \
    "vireod answers as libvirtd: the listing, the downloads, the changes"

WANT=$(errors "$LIBVIRTD_QEMU_URI" "$DIR/l" | sed "s|$DIR/l|ROOT|g")
GOT=$(errors "$QURI" "$DIR/v" | sed "s|$DIR/v|ROOT|g")
like "$WANT" "38 38 Unable to read ROOT/p/sub: Is a directory" \
     "python3-libvirt sees libvirtd's system error of its streams"
same_output "$WANT" "$GOT" "and the same code and domain from vireod"
kill -0 "$DPID"
ok $? "and vireod runs on"
