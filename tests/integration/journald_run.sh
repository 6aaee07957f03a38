#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# journald_run.sh DIR VIREOD: run under `unshare -m` by test-systemd.sh.
# On a fresh /run of this mount namespace alone, a real systemd-journald;
# vireod (configured by DIR/vireod.conf to log to journald) serves one
# virsh call and stops; then every journal entry vireod wrote is printed as
# "PRIORITY IDENTIFIER: MESSAGE".
set -u
DIR=$1
VIREOD=$2

# wait_socket PATH: up to 10 s for the socket PATH to appear.
wait_socket() {
    for _ in $(seq 100); do
        [ -S "$1" ] && return 0
        sleep 0.1
    done
    echo "no socket $1" >&2
    return 1
}

mount -t tmpfs tmpfs /run || exit 1
/lib/systemd/systemd-journald &
JPID=$!
trap 'kill "$JPID" 2> /dev/null' EXIT
wait_socket /run/systemd/journal/socket || exit 1
"$VIREOD" -f "$DIR/vireod.conf" 2> "$DIR/journald-vireod.err" &
VPID=$!
wait_socket "$DIR/run/vireo-sock-ro" || exit 1
timeout 20 virsh -c "test+unix:///default?socket=$DIR/run/vireo-sock" \
    list > /dev/null
kill -TERM "$VPID"
wait "$VPID"
journalctl --sync 2> /dev/null
journalctl --no-pager -t vireod -o json |
    /usr/bin/python3 -c '
import json, sys
for line in sys.stdin:
    e = json.loads(line)
    print(e["PRIORITY"], e["SYSLOG_IDENTIFIER"] + ":", e["MESSAGE"])'
