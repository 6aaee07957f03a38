#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-save-fifo.sh: virsh save and dump of the test domain into a FIFO
# nobody reads yet. The write waits as long as the path blocks, but the
# daemon keeps serving: another client (python3-libvirt) defines, starts
# and asks about a domain meanwhile, while a change to the domain being
# written waits for it, as libvirt's domain lock makes it. Once the FIFO is read, the write
# ends with the answer, events and state libvirtd gives: save_fifo.py
# runs the same session against a fresh vireod and a fresh private
# libvirtd, and the transcripts must be the same.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/libvirtd.sh"

command -v virsh > /dev/null || fail_all "virsh (libvirt-clients) is installed"
/usr/bin/python3 -c 'import libvirt' 2> /dev/null ||
    fail_all "python3-libvirt is installed for /usr/bin/python3"
# The daemons write there; libvirtd runs as nobody.
chmod 0711 "$DIR"
mkdir -m 0777 "$DIR/vireod-files" "$DIR/libvirtd-files"

plan 12

# session DAEMON URI PID KIND: the transcript of one write, in $DIR/DAEMON.KIND.
session() {
    timeout 300 /usr/bin/python3 "$HERE/save_fifo.py" "$2" "$3" \
        "$DIR/$1-files" "$4" > "$DIR/$1.$4" 2>&1
}

for kind in save dump; do
    rm -rf "$DIR/run" "$DIR/state"
    daemon_start || fail_all "vireod starts"
    libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
    session libvirtd "$LIBVIRTD_URI" "$LIBVIRTD_PID" "$kind"
    session vireod "$URI" "$DPID" "$kind"
    daemon_stop
    libvirtd_stop
    theirs=$(sed "s|$DIR/libvirtd-files|FILES|g" "$DIR/libvirtd.$kind")
    ours=$(sed "s|$DIR/vireod-files|FILES|g" "$DIR/vireod.$kind")
    like "$theirs" "another client meanwhile: ok state=[1, 1] active=1" \
        "libvirtd: another client is served while the $kind waits"
    like "$theirs" "a change to the domain meanwhile waits: yes" \
        "libvirtd: a call on the domain being written waits for the $kind"
    like "$ours" "$kind: the write waits for a reader: yes" \
        "vireod: the $kind waits in open(2) for a reader of the FIFO"
    like "$ours" "another client meanwhile: ok state=[1, 1] active=1" \
        "vireod: another client defines, starts and queries a domain meanwhile"
    like "$ours" "$kind still waits after it: yes" \
        "vireod: ... while the $kind still waits"
    is "$ours" "$theirs" \
        "vireod: the $kind's session is libvirtd's, answers, events and states"
done
done_testing
