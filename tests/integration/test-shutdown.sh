#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-shutdown.sh: SIGTERM with calls in flight. vireod stops reading
# calls, answers the ones it already runs, writes their replies, and only
# then closes each connection with a clean EOF; shutdown_timeout bounds the
# wait, 0 skips it, and a second signal cuts it short. (test-daemon.sh
# covers SIGTERM with an idle client.)
. "$(dirname "$0")/lib.sh"
HERE=$(dirname "$0")
PIPELINE="/usr/bin/python3 $HERE/pipeline_client.py"
N_CONNS=4
N_CALLS=2000        # per connection: many more than run before the signal

/usr/bin/python3 -c 'import libvirt' 2> /dev/null ||
    fail_all "python3-libvirt is installed for /usr/bin/python3"
plan 20

# daemon_start with a shutdown_timeout (daemon_start itself uses the
# default).
start_with_timeout() {
    write_config
    rm -f "$DIR/vireod.log"
    echo "shutdown_timeout = $1" >> "$DIR/vireod.conf"
    "$VIREOD" -f "$DIR/vireod.conf" 2> "$DIR/vireod.stderr" &
    DPID=$!
    wait_for "$DIR/run/vireo-sock-ro"
}

# pipeline_and_signal: N_CONNS raw connections pipeline N_CALLS calls
# each; once each has its first reply, the client sends vireod SIGTERM
# itself (so that calls are surely in flight) and reads to the end.
pipeline_and_signal() {
    $PIPELINE "$DIR/run/vireo-sock" signal "$N_CONNS" "$N_CALLS" "$DPID" \
              > "$DIR/pipeline" &
    PIPELINE_PID=$!
    wait_for_line "$DIR/pipeline" signalled
    local r=$?
    T0=$(date +%s%N)
    return $r
}

# wait_pipeline: wait for that client; $REPORT is its lines, one per
# connection.
wait_pipeline() {
    wait "$PIPELINE_PID"
    REPORT=$(grep -v '^signalled$' "$DIR/pipeline")
}

# start_deaf: a client that sends calls whose replies are larger than any
# socket buffer, then reads nothing until fd 8 is closed; returns once the
# daemon is writing a reply that cannot be taken.
start_deaf() {
    rm -f "$DIR/deaf.in"
    mkfifo "$DIR/deaf.in"
    $PIPELINE "$DIR/run/vireo-sock" deaf 20 < "$DIR/deaf.in" > "$DIR/deaf" &
    DEAF_PID=$!
    exec 8> "$DIR/deaf.in"
    wait_for_line "$DIR/deaf" ready
}

# signal_daemon [SIGNAL]: send it and note the time.
signal_daemon() {
    kill "-${1:-TERM}" "$DPID"
    T0=$(date +%s%N)
}

# wait_exit SECONDS: up to SECONDS for vireod to exit; $DRC is its status
# (or "timeout"), $ELAPSED_MS the time since signal_daemon.
wait_exit() {
    for _ in $(seq $(($1 * 20))); do
        kill -0 "$DPID" 2> /dev/null || break
        sleep 0.05
    done
    ELAPSED_MS=$((($(date +%s%N) - T0) / 1000000))
    if kill -0 "$DPID" 2> /dev/null; then
        DRC=timeout
        return 1
    fi
    wait "$DPID"
    DRC=$?
    DPID=
}

# every_report_line PATTERN DESCRIPTION: each connection's line in
# $REPORT matches the grep -E PATTERN.
every_report_line() {
    [ -n "$REPORT" ] && ! grep -qvE -- "$1" <<< "$REPORT"
    local r=$?
    ok $r "$2"
    [ $r = 0 ] || echo "$REPORT" | diag
}

# A python3-libvirt client calling in a loop until the connection ends.
libvirt_loop() {
    /usr/bin/python3 - "$URI" <<'END'
import sys
import libvirt

libvirt.registerErrorHandler(lambda *args: None, None)
conn = libvirt.open(sys.argv[1])
n_calls, n_wrong = 0, 0
try:
    while True:
        xml = conn.lookupByName("test").XMLDesc(0)
        n_calls += 1
        n_wrong += "<name>test</name>" not in xml
        if n_calls == 1:
            print("ready", flush=True)
except libvirt.libvirtError as e:
    print("calls=%d wrong=%d error=%s" % (n_calls, n_wrong,
                                          e.get_error_message()), flush=True)
END
}

# 1. The default timeout, raw pipelining clients and python3-libvirt.
daemon_start
libvirt_loop > "$DIR/libvirt" 2> "$DIR/libvirt.err" &
LIBVIRT_PID=$!
wait_for_line "$DIR/libvirt" ready
pipeline_and_signal
ok $? "$N_CONNS raw connections pipeline calls, and SIGTERM comes while they run"
wait_exit 10
is "$DRC" "0" "SIGTERM with calls in flight: vireod exits 0 within the timeout"
[ "$DRC" = 0 ] || diag < "$DIR/vireod.stderr"
log=$(cat "$DIR/vireod.log")
n_in_flight=$(sed -n 's/.*waiting up to 10 s for \([0-9]*\) calls in flight.*/\1/p' \
              "$DIR/vireod.log")
[ "${n_in_flight:-0}" -gt 0 ]
ok $? "the log says the default 10 s wait began with calls in flight ($n_in_flight)"
like "$log" "every call in flight was answered" \
     "... and that every one of them was answered"
wait_pipeline
every_report_line 'wellformed=yes partial=0 ' \
    "every reply a raw client got is a whole, well-formed reply to a call it sent"
every_report_line '^replies=[1-9][0-9]* prefix=yes ' \
    "each call the daemon read was answered, in order, with no gap"
every_report_line ' end=eof$' "then each connection ends with EOF, not a reset"
wait "$LIBVIRT_PID"
got=$(cat "$DIR/libvirt")
like "$got" "wrong=0 error=" \
     "python3-libvirt's calls succeed until the connection ends, then fail cleanly"
[ "$(sed -n 's/^calls=\([0-9]*\).*/\1/p' <<< "$got")" -gt 0 ] 2> /dev/null
ok $? "... after at least one answered call"
[ ! -e "$DIR/run/vireo-sock" ] && [ ! -e "$DIR/run/vireo-sock-ro" ] &&
    [ ! -e "$DIR/run/vireod.pid" ]
ok $? "its sockets and pid file are removed after the wait"

# 2. A client that never reads its replies holds the wait until
# shutdown_timeout; new clients are refused meanwhile.
start_with_timeout 2
start_deaf
signal_daemon TERM
wait_for_line "$DIR/vireod.log" "waiting up to 2 s"
/usr/bin/python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).connect(sys.argv[1])' \
                 "$DIR/run/vireo-sock" 2> /dev/null
rc=$?
[ "$rc" -ne 0 ] && kill -0 "$DPID" 2> /dev/null
ok $? "while it waits, vireod accepts no new client"
wait_exit 10
is "$DRC" "0" "a client that reads nothing: vireod still exits 0"
[ "$ELAPSED_MS" -ge 1900 ] && [ "$ELAPSED_MS" -lt 6000 ]
ok $? "... once shutdown_timeout (2 s) has passed (${ELAPSED_MS} ms)"
like "$(cat "$DIR/vireod.log")" \
     "shutdown_timeout passed: abandoning 0 calls in flight and " \
     "... logging what it abandoned"
exec 8>&-
wait "$DEAF_PID"
# The last reply may be cut short where the daemon gave up on writing.
like "$(cat "$DIR/deaf")" "wellformed=yes" \
     "what that client then reads is well-formed replies ..."
like "$(cat "$DIR/deaf")" "end=eof" "... ending with EOF"

# 3. shutdown_timeout = 0: no wait at all, still a clean end.
start_with_timeout 0
pipeline_and_signal
wait_exit 10
[ "$DRC" = 0 ] && [ "$ELAPSED_MS" -lt 2000 ]
ok $? "with shutdown_timeout = 0, vireod exits 0 at once (${ELAPSED_MS} ms)"
like "$(cat "$DIR/vireod.log")" "not waiting: abandoning " \
     "... logging the calls it abandoned"
wait_pipeline
every_report_line 'wellformed=yes .* end=eof$' \
    "... and its clients still read well-formed replies, then EOF"

# 4. A second signal ends the wait.
start_with_timeout 60
start_deaf
signal_daemon TERM
wait_for_line "$DIR/vireod.log" "waiting up to 60 s"
signal_daemon INT
wait_exit 10
[ "$DRC" = 0 ] && [ "$ELAPSED_MS" -lt 5000 ]
ok $? "a second signal ends the wait: vireod exits 0 at once (${ELAPSED_MS} ms)"
exec 8>&-
wait "$DEAF_PID"
done_testing
