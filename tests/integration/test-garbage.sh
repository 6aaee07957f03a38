#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-garbage.sh: thousands of hostile clients (garbage, bad lengths,
# unknown programs and procedures, random payloads, hang-ups mid-message)
# cost each its own connection at most: vireod keeps serving a real client,
# and stops cleanly afterwards.
. "$(dirname "$0")/lib.sh"

plan 4
daemon_start
hold_connection
timeout 120 python3 "$(dirname "$0")/hostile_clients.py" \
    "$DIR/run/vireo-sock" 3000 > "$OUT"
is "$(cat "$OUT")" "sent 3000" "3000 hostile clients come and go"
kill -0 "$DPID"; ok $? "the daemon is still running"
vsh domstate test --reason
is "$(cat "$OUT")" "running (unknown)" "a real client is served, and the state is intact"
release_connection
daemon_stop
is "$DRC" "0" "SIGTERM still stops the daemon cleanly"
done_testing
