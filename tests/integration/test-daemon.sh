#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-daemon.sh: vireod as a process: flags, one instance per directory,
# stale sockets, protocol-level answers to hand-made packets, SIGTERM.
. "$(dirname "$0")/lib.sh"
RAW="python3 $(dirname "$0")/raw_client.py"

plan 19

"$VIREOD" --version > "$OUT"
like "$(cat "$OUT")" "vireod " "--version"
"$VIREOD" --help > "$OUT"
like "$(cat "$OUT")" "--pid-file" "--help lists the flags"

# A stale socket from a crashed run (a bound socket nobody listens on).
mkdir -p "$DIR/run"
python3 -c "import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])" \
        "$DIR/run/vireo-sock"
# Short keepalive, so that a silent client is dropped within the test.
KEEPALIVE_INTERVAL=1 KEEPALIVE_COUNT=2 daemon_start
ok $? "vireod starts over a stale socket"
timeout 10 virsh -q -c "$URI" domstate test > "$OUT" 2> "$ERR"
is "$(cat "$OUT")" "running" "... and serves on it"

timeout 10 "$VIREOD" -f "$DIR/vireod.conf" > "$OUT" 2> "$ERR"
rc=$?
[ "$rc" -ne 0 ]; ok $? "a second vireod on the same directory refuses to start"
like "$(cat "$ERR")" "another vireod (pid $DPID) is already running" \
     "... saying which one"

$RAW "$DIR/run/vireo-sock" unknown > "$OUT"
is "$(cat "$OUT")" "serial=7 status=1 code=39 domain=7 msg=unknown procedure: 9999" \
   "an unknown procedure gets libvirtd's error"
$RAW "$DIR/run/vireo-sock" not-open > "$OUT"
is "$(cat "$OUT")" "status=1 code=1 domain=7 msg=internal error: hypervisor connection not open" \
   "a call before CONNECT_OPEN is refused"
$RAW "$DIR/run/vireo-sock" ping > "$OUT"
is "$(cat "$OUT")" "prog=6b656570 proc=2 type=2" "a PING gets a PONG"
$RAW "$DIR/run/vireo-sock" garbage > "$OUT"
is "$(cat "$OUT")" "closed" "a bad length word closes the connection"
$RAW "$DIR/run/vireo-sock" split > "$OUT"
is "$(cat "$OUT")" "replies=13 each-once=yes ok=yes" \
   "calls cut anywhere by the reads, and past max_client_requests, are each answered once"
timeout 20 $RAW "$DIR/run/vireo-sock" silent > "$OUT"
is "$(cat "$OUT")" "pings=2 closed" \
   "a client that asked for keepalive and never answers is dropped"
like "$(cat "$DIR/vireod.log")" "no answer to keepalive, disconnecting" \
     "... with a log line"
timeout 10 virsh -q -c "$URI" domid test > "$OUT" 2> "$ERR"
is "$(cat "$OUT")" "1" "other clients are still served"

# Stop with a client still connected, as a daemon usually is.
hold_connection
timeout 10 virsh -q -c "$URI" domid test > /dev/null 2>&1
daemon_stop
is "$DRC" "0" "SIGTERM with a client connected: vireod exits 0"
[ "$DRC" = 0 ] || diag < "$DIR/vireod.stderr"
[ ! -e "$DIR/run/vireo-sock" ] && [ ! -e "$DIR/run/vireo-sock-ro" ]
ok $? "... and removes its sockets"
[ ! -e "$DIR/run/vireod.pid" ]
ok $? "... and its pid file"

# A user's first start: the state directory's parents do not exist yet
# (~/.local/share on a fresh account).
fresh=$DIR/fresh/home/.local/share/vireo
sed "s|^state_dir = .*|state_dir = \"$fresh\"|" "$DIR/vireod.conf" \
    > "$DIR/fresh.conf"
"$VIREOD" -f "$DIR/fresh.conf" 2> "$DIR/fresh.stderr" &
DPID=$!
wait_for "$DIR/run/vireo-sock-ro"
timeout 10 virsh -q -c "$URI" domstate test > "$OUT" 2> "$ERR"
is "$(cat "$OUT")" "running" "vireod makes a state directory whose parents are missing"
[ -d "$fresh/test" ]
ok $? "... and each driver's own under it"
daemon_stop
done_testing
