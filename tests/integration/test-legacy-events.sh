#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-legacy-events.sh: the legacy event calls of clients told that vireod
# cannot name callbacks (spec §5.6, §9.3): 105/106 and 167/168, their 107
# and 169 messages, and libvirtd's errors. Raw-protocol clients register
# (legacy_events.py), real virsh changes the domains on its own connection.
. "$(dirname "$0")/lib.sh"
LEGACY="$(dirname "$0")/legacy_events.py"
CLIENT_PIDS=
trap 'kill $CLIENT_PIDS 2> /dev/null; cleanup' EXIT
. "$(dirname "$0")/libvirtd.sh"

# The real libvirtd whose answers vireod's must equal, started first so
# that a broken set-up fails at once.
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
plan 46

# client_start NAME FD_IN FD_OUT SOCKET: a raw client on SOCKET, told what
# to do through FD_IN, answering through FD_OUT.
client_start() {
    mkfifo "$DIR/$1.in" "$DIR/$1.out"
    /usr/bin/python3 "$LEGACY" "$4" < "$DIR/$1.in" > "$DIR/$1.out" \
        2> "$DIR/$1.err" &
    CLIENT_PIDS="$CLIENT_PIDS $!"
    eval "exec $2> \"$DIR/$1.in\" $3< \"$DIR/$1.out\""
}

# ask FD_IN FD_OUT COMMAND...: one command to a raw client; $LINE is its
# answer.
ask() {
    local fd_in=$1 fd_out=$2
    shift 2
    echo "$*" >&"$fd_in"
    read -r -t 30 LINE <&"$fd_out" || LINE="(no answer)"
}
rw() { ask 3 4 "$@"; }
ro() { ask 5 6 "$@"; }

# wait_released N: up to 10 s for the log to show N legacy registrations
# released.
wait_released() {
    for _ in $(seq 100); do
        [ "$(grep -c 'legacy event [0-9]*: callback [0-9]* released' \
             "$DIR/vireod.log")" -eq "$1" ] && return 0
        sleep 0.1
    done
    return 1
}

daemon_start
ok $? "vireod starts"
vsh domuuid test
UUID=$(head -n 1 "$OUT")
TEST="dom=test uuid=$UUID"
ERROR="reply error code=1 domain=7 msg=internal error:"
ALREADY="reply error code=8 domain=0 msg=invalid argument: event callback"
ALREADY="$ALREADY already tracked"
NOT_REG="$ERROR domain event"
BAD_ID="$ERROR unsupported event ID"

client_start rw 3 4 "$DIR/run/vireo-sock"
rw open test:///default
is "$LINE" "open ok" "a raw client opens test:///default"

# Registering.
rw call 105
is "$LINE" "reply ok value=0" \
   "105 registers lifecycle events, replying 0 as libvirtd"
rw call 167 1
is "$LINE" "reply ok" "167(1) registers reboot events"
rw call 105
is "$LINE" "$ALREADY" "a second 105 is refused as libvirtd refuses it"
rw call 167 0
is "$LINE" "$ALREADY" \
   "167(0) is the registration 105 made, so it is refused too"
rw call 167 1
is "$LINE" "$ALREADY" "a second 167 for the same id is refused"
rw call 167 16
is "$LINE" "$BAD_ID 16" \
   "167(16) is refused: later ids are callback-style only"
rw call 167 -1
is "$LINE" "$BAD_ID -1" "167(-1) is refused"
rw call 168 5
is "$LINE" "$NOT_REG 5 not registered" \
   "168 of an id never registered is refused"
rw call 168 16
is "$LINE" "$BAD_ID 16" "168(16) is refused"

# Delivering.
vsh suspend test
rw event
is "$LINE" "event 107 serial=1 $TEST id=1 event=3 detail=0" \
   "suspend arrives as 107 (suspended, paused) with serial 1"
vsh resume test
rw event
is "$LINE" "event 107 serial=1 $TEST id=1 event=4 detail=0" \
   "resume arrives as 107 (resumed, unpaused)"
vsh reboot test
rw event
is "$LINE" "event 169 serial=1 $TEST id=1" "reboot arrives as 169"

# Deregistering. Events reach the client in the order they happen, so a
# 169 read first proves that no 107 came before it, and the other way
# round.
rw call 106
is "$LINE" "reply ok value=0" "106 removes the lifecycle registration"
rw call 106
is "$LINE" "$NOT_REG 0 not registered" "a second 106 is refused"
vsh suspend test
vsh resume test
vsh reboot test
rw event
is "$LINE" "event 169 serial=1 $TEST id=1" \
   "after 106 suspending and resuming send nothing, the reboot still does"
rw call 168 1
is "$LINE" "reply ok" "168(1) removes the reboot registration"
rw call 168 1
is "$LINE" "$NOT_REG 1 not registered" "a second 168(1) is refused"
rw call 167 0
is "$LINE" "reply ok" "167(0) registers lifecycle events again"
vsh reboot test
vsh suspend test
rw event
is "$LINE" "event 107 serial=1 $TEST id=1 event=3 detail=0" \
   "after 168(1) the reboot sends nothing, the suspension still does"
rw call 106
is "$LINE" "reply ok value=0" \
   "106 removes a lifecycle registration made by 167(0)"
rw call 168 0
is "$LINE" "$NOT_REG 0 not registered" "... and then 168(0) finds none"
rw call 105
is "$LINE" "reply ok value=0" "105 registers again"
vsh resume test
rw event
is "$LINE" "event 107 serial=1 $TEST id=1 event=4 detail=0" \
   "... and the resumption arrives"
wait_released 3
ok $? "the daemon released the three registrations removed so far"

# A read-only connection may listen.
client_start ro 5 6 "$DIR/run/vireo-sock-ro"
ro open test:///default
is "$LINE" "open ok" "a raw client opens test:///default read-only"
ro call 105
is "$LINE" "reply ok value=0" "105 is allowed on a read-only connection"
ro call 167 1
is "$LINE" "reply ok" "167 is allowed on a read-only connection"
ro call 168 1
is "$LINE" "reply ok" "168 is allowed on a read-only connection"
ro call 167 1
is "$LINE" "reply ok" "... and 167 again after it"
vsh destroy test
ro event
is "$LINE" "event 107 serial=1 $TEST id=-1 event=5 detail=1" \
   "destroy arrives as 107 (stopped, destroyed) with id -1"
rw event
is "$LINE" "event 107 serial=1 $TEST id=-1 event=5 detail=1" \
   "... on both connections"
vsh start test
vsh domid test
NEW_ID=$(head -n 1 "$OUT")
ro event
is "$LINE" "event 107 serial=1 $TEST id=$NEW_ID event=2 detail=0" \
   "start arrives as 107 (started, booted) with the new id"
rw event
is "$LINE" "event 107 serial=1 $TEST id=$NEW_ID event=2 detail=0" \
   "... on both connections"
ro call 2
is "$LINE" "reply ok" "the read-only client closes its connection"
wait_released 6
ok $? "closing drops its two legacy registrations"

# A client that vanishes: socket closed without CONNECT_CLOSE.
client_start gone 8 9 "$DIR/run/vireo-sock"
ask 8 9 open test:///default
ask 8 9 call 105
is "$LINE" "reply ok value=0" "another client registers lifecycle events"
ask 8 9 call 167 1
is "$LINE" "reply ok" "... and reboot events"
ask 8 9 quit
wait_released 8
ok $? "it vanishes, and its two legacy registrations go with it"
vsh suspend test
rw event
is "$LINE" "event 107 serial=1 $TEST id=$NEW_ID event=3 detail=0" \
   "the first client is still served"
rw call 2
is "$LINE" "reply ok" "the first client closes its connection"
rw quit
exec 3>&- 4<&- 5>&- 6<&- 8>&- 9<&-

# The same calls, one connection each, to vireod and to a real libvirtd;
# the last ones mix in callback registrations (316/317): a duplicate, and a
# legacy 105 next to a callback-style lifecycle registration, are refused.
calls() {
    printf '%s\n' "open test:///default" "call 105" "call 105" "call 167 0" \
        "call 167 1" "call 167 1" "call 167 16" "call 167 -1" "call 168 5" \
        "call 168 16" "call 106" "call 106" "call 167 0" "call 106" \
        "call 168 0" "call 168 1" "call 168 1" \
        "call 316 0 0" "call 316 0 0" "call 105" "call 316 1 0" \
        "call 317 0" "call 316 0 0" quit |
        timeout 60 /usr/bin/python3 "$LEGACY" "$1"
}
calls "$DIR/run/vireo-sock" > "$DIR/vireod.answers"
calls "$LIBVIRTD_SOCK" > "$DIR/libvirtd.answers"
[ "$(wc -l < "$DIR/libvirtd.answers")" -eq 23 ]
ok $? "a real libvirtd answers every legacy call"
is "$(cat "$DIR/vireod.answers")" "$(cat "$DIR/libvirtd.answers")" \
   "vireod's answers and errors are libvirtd's, word for word"
libvirtd_stop

daemon_stop
is "$DRC" "0" "vireod exits cleanly on SIGTERM"
like "$(cat "$DIR/vireod.log")" "legacy event 1 registered as callback" \
     "the log names legacy registrations"
done_testing
