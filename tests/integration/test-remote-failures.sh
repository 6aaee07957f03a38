#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-remote-failures.sh: the vireo CLI over the wire when things go
# wrong: no daemon, daemons that answer garbage, a daemon that dies in the
# middle of a session, the read-only socket; and over TCP. Every failure
# must be a clear error and a prompt exit, never a hang or a crash.
#
# $VIREO names the vireo executable.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
: "${VIREO:?VIREO must name the vireo executable}"

# vireo_c URI ARGS...: our CLI, bounded; $OUT, $ERR, $RC like vsh.
vireo_c() {
    local uri=$1
    shift
    timeout "$VSH_TIMEOUT" "$VIREO" -c "$uri" "$@" > "$OUT" 2> "$ERR"
    RC=$?
}

# same_as_virsh URI DESCRIPTION ARGS...: vireo and virsh print the same
# thing and exit alike.
same_as_virsh() {
    local uri=$1 what=$2 want_out want_err want_rc
    shift 2
    timeout "$VSH_TIMEOUT" virsh -c "$uri" "$@" > "$DIR/v.out" 2> "$DIR/v.err"
    want_rc=$?
    want_out=$(mask_clock < "$DIR/v.out")
    want_err=$(cat "$DIR/v.err")
    vireo_c "$uri" "$@"
    is "$(mask_clock < "$OUT")|$(cat "$ERR")|$RC" \
       "$want_out|$want_err|$want_rc" "$what"
}

# The test hypervisor's CPU time is the wall clock, as libvirt's: it moves
# between the two runs.
mask_clock() {
    sed 's/^CPU time:.*/CPU time: (the clock)/'
}

plan 19

# ---- No daemon ------------------------------------------------------------
same_as_virsh "test+unix:///default?socket=$DIR/nosuch" \
    "no daemon: the same two error lines as virsh" list
vireo_c "qemu+ssh://somehost/system" list
is "$RC" 1 "an ssh URI fails"
like "$(cat "$ERR")" "transport 'ssh' is not supported" "and says why"

# ---- Daemons that misbehave ------------------------------------------------
for mode in close garbage huge tiny wrong; do
    sock=$DIR/bad-$mode
    /usr/bin/python3 "$(dirname "$0")/bad_server.py" "$sock" "$mode" &
    BAD_PID=$!
    wait_for "$sock"
    vireo_c "test+unix:///default?socket=$sock" list
    kill "$BAD_PID" 2> /dev/null
    wait "$BAD_PID" 2> /dev/null
    [ "$RC" = 1 ] && grep -q "^error: failed to connect to the hypervisor" "$ERR"
    ok $? "a daemon that does '$mode': vireo fails cleanly (rc $RC)"
    diag < "$ERR"
done

# ---- A real vireod ---------------------------------------------------------
TCP_PORT=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LISTEN_TCP=1 daemon_start
wait_for_line "$DIR/vireod.log" "listening on 127.0.0.1:$TCP_PORT"
ok $? "vireod listens on UNIX sockets and TCP port $TCP_PORT"

same_as_virsh "test+tcp://127.0.0.1:$TCP_PORT/default" \
    "over TCP: list --all as virsh prints it" list --all
same_as_virsh "$URI_RO" "the read-only socket: destroy refused as virsh " \
    destroy test
same_as_virsh "$URI_RO" "the read-only socket: queries work" dominfo test
same_as_virsh "$URI" "--readonly on the read-write socket: refused alike" \
    -r suspend test

# A session whose daemon dies between two commands, then comes back: the
# CLI says what virsh says, and reconnects.
mkfifo "$DIR/session"
timeout 60 "$VIREO" -c "$URI" < "$DIR/session" > "$OUT" 2> "$ERR" &
SESSION_PID=$!
exec 8> "$DIR/session"
echo "domstate test" >&8
wait_for_line "$OUT" "running"
ok $? "a session's first command is answered"
kill -KILL "$DPID"
wait "$DPID" 2> /dev/null
DPID=
echo "domstate test" >&8
wait_for_line "$ERR" "Failed to connect socket"
is "$(cat "$ERR")" "error: Disconnected from $URI due to end of file
error: Failed to reconnect to the hypervisor
error: Failed to connect socket to '$DIR/run/vireo-sock': Connection refused" \
    "the daemon killed: disconnected, and the reconnection fails, as virsh says"
# The killed daemon's sockets are still there: remove them so that
# daemon_start waits for the new ones. The daemon must not inherit the
# session's fifo, or the session would never see EOF.
rm -f "$DIR/run/vireo-sock" "$DIR/run/vireo-sock-ro"
daemon_start 8>&-
echo "domstate test" >&8
wait_for_line "$ERR" "Reconnected"
exec 8>&-
wait "$SESSION_PID"
RC=$?
like "$(cat "$ERR")" "error: Reconnected to the hypervisor" \
    "the daemon back: the session reconnects"
is "$(grep -c running "$OUT")" 2 "and the command runs"
is "$RC" 1 "the session's exit status says a command failed"
daemon_stop
is "$DRC" 0 "vireod stops cleanly"

done_testing
