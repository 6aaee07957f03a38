#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-view-reads.sh: the cheap reads vireod answers on its loop from the
# test driver's published view see every write answered before them:
# python3-libvirt makes the same writes and reads on vireod and on a
# private libvirtd, and must get libvirtd's answers (errors included);
# and of calls pipelined on one connection none overtakes a write, and
# each read gets the state the write before it left.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/libvirtd.sh"

/usr/bin/python3 -c 'import libvirt' 2> /dev/null ||
    fail_all "python3-libvirt is installed for /usr/bin/python3"
daemon_start || fail_all "vireod starts"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"

echo "1..5"
timeout 60 /usr/bin/python3 "$HERE/view_reads.py" transcript "$URI" \
    > "$DIR/vireod.txt" 2>&1
timeout 60 /usr/bin/python3 "$HERE/view_reads.py" transcript \
    "$LIBVIRTD_URI" > "$DIR/libvirtd.txt" 2>&1
is "$(grep -c . "$DIR/libvirtd.txt")" 19 "libvirtd answers all 19 reads"
is "$(cat "$DIR/vireod.txt")" "$(cat "$DIR/libvirtd.txt")" \
    "each read after a write gets libvirtd's answer, errors included"
is "$(grep -c '^state after suspend: \[3, 1\]' "$DIR/vireod.txt")" 1 \
    "a read right after suspend on the same connection sees it paused"

out=$(timeout 60 /usr/bin/python3 "$HERE/view_reads.py" pipeline \
    "$DIR/run/vireo-sock" 200)
is "$out" "ok" "1,200 calls pipelined on one connection: no call overtakes \
a write, each read sees the write before it"

daemon_stop
libvirtd_stop
is "$DRC" 0 "vireod exits cleanly"
