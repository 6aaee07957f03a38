#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-nbstream.sh: non-blocking volume streams driven by their event
# callbacks on the default event loop: vireo's library
# (nbstream-client.c) and python3-libvirt (nbstream_client.py, libvirt's
# own client with VIR_STREAM_NONBLOCK), each against vireod's storage
# driver (qemu:///system) and a private libvirtd's (qemu:///session).
# Each uploads a file of an odd size and downloads it back; python3-libvirt
# against libvirtd gives the expected transcript (the stream event calls'
# answers, the events seen, no send or recv in a callback that would
# block, the bytes moved), and the three others must print the same, with
# the bytes back unchanged.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/libvirtd.sh"
. "$HERE/vol_peers.sh"

: "${NBSTREAM_CLIENT:?NBSTREAM_CLIENT must name nbstream-client}"
vol_peers_require
plan 12
vol_peers_start_vireod
mkdir -p "$DIR/v-pools/st" "$DIR/l-pools/st"
chmod 0777 "$DIR/l-pools" "$DIR/l-pools/st"
vol_pool_setup "$QURI" "$DIR/v-pools" v.img 4M ||
    diag "vireod's pool did not start"
vol_pool_setup "$LIBVIRTD_QEMU_URI" "$DIR/l-pools" v.img 4M ||
    diag "libvirtd's pool did not start"

# 1 MiB and 12345 bytes of random data: neither a whole number of the
# clients' 64 KiB chunks nor of the wire's messages.
SIZE=1060921
SRC=$DIR/src.bin
head -c "$SIZE" /dev/urandom > "$SRC"
chmod 0644 "$SRC"

# round_trip CLIENT... -- URI NAME: upload SRC, download it back to
# DIR/NAME, and say whether the bytes came back.
round_trip() {
    local client=() uri name
    while [ "$1" != "--" ]; do client+=("$1"); shift; done
    uri=$2 name=$3
    echo "# upload"
    timeout 60 "${client[@]}" "$uri" st v.img upload "$SRC" 2>&1
    echo "rc=$?"
    echo "# download"
    timeout 60 "${client[@]}" "$uri" st v.img download "$DIR/$name" \
        "$SIZE" 2>&1
    echo "rc=$?"
    cmp -s "$SRC" "$DIR/$name" && echo "the download is the upload"
}

PY=(/usr/bin/python3 "$HERE/nbstream_client.py")
WANT=$(round_trip "${PY[@]}" -- "$LIBVIRTD_QEMU_URI" py-libvirtd)
like "$WANT" "the download is the upload" \
     "python3-libvirt's non-blocking round trip through libvirtd works"
like "$WANT" "end of file, finish: 0" \
     "its upload ends with a finish libvirtd confirms"
same_output "$WANT" "$(round_trip "${PY[@]}" -- "$QURI" py-vireod)" \
    "python3-libvirt against vireod: libvirtd's transcript, bytes included"

C_LIBVIRTD=$(round_trip "$NBSTREAM_CLIENT" -- "$LIBVIRTD_QEMU_URI" c-libvirtd)
C_VIREOD=$(round_trip "$NBSTREAM_CLIENT" -- "$QURI" c-vireod)
same_output "$WANT" "$(grep -v '^c-only:' <<< "$C_LIBVIRTD")" \
    "vireo's library against libvirtd: python3-libvirt's transcript"
same_output "$WANT" "$(grep -v '^c-only:' <<< "$C_VIREOD")" \
    "vireo's library against vireod: python3-libvirt's transcript"
is "$(grep -c '^c-only: free function runs: 1$' <<< "$C_LIBVIRTD")" 2 \
   "against libvirtd, each callback's free function ran once"
is "$(grep -c '^c-only: free function runs: 1$' <<< "$C_VIREOD")" 2 \
   "and against vireod"

# What the transcript holds, checked on its own: no check above passes on
# two clients that both print nothing useful.
like "$WANT" "add a second callback: error: internal error: multiple stream callbacks not supported" \
     "a second callback is refused with libvirt's words"
like "$WANT" "recv on the upload stream: -2" \
     "recv on an upload stream with nothing to read says it would block"
like "$WANT" "callbacks while no asked event stands: 0" \
     "a callback whose events do not stand is not called"
like "$WANT" "remove again: error: internal error: no stream callback registered" \
     "removing a callback twice is refused with libvirt's words"
