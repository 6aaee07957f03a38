#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-loadgen.sh: the lean load generator (bench/loadgen) against the
# echo server (bench/echo-server) and against a vireod, a second or less
# each: it connects, counts its calls and reports numbers that hang
# together, and it fails when a call fails. Timings are never compared
# with thresholds: they are measurements, not results.
#
# $LOADGEN and $ECHO_SERVER name the programs, $VIREOD the daemon.
# shellcheck source-path=SCRIPTDIR source=../tests/integration/lib.sh
. "$(dirname "$0")/../tests/integration/lib.sh"
: "${LOADGEN:?}" "${ECHO_SERVER:?}"

ECHO_PID=
stop_echo() {
    [ -n "$ECHO_PID" ] && kill "$ECHO_PID" 2> /dev/null
    cleanup
}
trap stop_echo EXIT

daemon_start || fail_all "vireod starts"
"$ECHO_SERVER" "$DIR/echo-sock" 2> "$DIR/echo.stderr" &
ECHO_PID=$!
wait_for "$DIR/echo-sock" || fail_all "the echo server starts"
SOCK=$DIR/run/vireo-sock

plan 17

# field LINE KEY: the value of KEY=... in a loadgen result line.
field() {
    local word
    for word in $1; do
        case $word in "$2="*) echo "${word#*=}"; return ;; esac
    done
}

# loadgen ARGS...: one run; its result line in $LINE, its status in $RC.
loadgen() {
    LINE=$("$LOADGEN" "$@" 2> "$ERR")
    RC=$?
}

# sane_calls WHAT: the last run succeeded, completed calls, failed none,
# and its percentiles are positive and ordered.
sane_calls() {
    local calls failed p50 p99 max
    calls=$(field "$LINE" calls) failed=$(field "$LINE" failed)
    p50=$(field "$LINE" p50_us) p99=$(field "$LINE" p99_us)
    max=$(field "$LINE" max_us)
    if [ "$RC" -eq 0 ] && [ "${calls:-0}" -gt 0 ] && [ "$failed" = 0 ] &&
        awk -v a="$p50" -v b="$p99" -v c="$max" \
            'BEGIN { exit !(a > 0 && a <= b && b <= c * 1.07) }'; then
        ok 0 "$1"
    else
        ok 1 "$1"
        { echo "$LINE"; cat "$ERR"; } | diag
    fi
}

loadgen --socket "$DIR/echo-sock" --echo --pid "$ECHO_PID" --conns 4 \
    --threads 2 --depth 4 --duration 1 --label echo
sane_calls "closed loop against the echo server: calls counted, none failed"
is "$(field "$LINE" conns) $(field "$LINE" depth)" "4 4" \
    "it reports the connections and depth it was given"
awk -v c="$(field "$LINE" daemon_cpu_us_per_call)" 'BEGIN { exit !(c >= 0) }'
ok $? "the echo server's CPU per call is read from /proc"

loadgen --socket "$DIR/echo-sock" --echo --conns 8 --threads 2 --rate 2000 \
    --warmup 0.3 --duration 1 --label echo-paced
sane_calls "paced against the echo server: calls counted, none failed"
# 2,000 calls/s: never more than were due by the end (calls held up in
# the warm-up may complete in the measured second, hence the warm-up's
# share too).
[ "$(field "$LINE" calls)" -le 2700 ]
ok $? "paced: no more calls than the rate allows"

loadgen --socket "$SOCK" --pid "$DPID" --conns 4 --threads 2 --depth 2 \
    --duration 1 --label vireod
sane_calls "GetState against vireod: calls counted, none failed"
awk -v c="$(field "$LINE" daemon_cpu_us_per_call)" 'BEGIN { exit !(c > 0) }'
ok $? "vireod's CPU per call is positive"

loadgen --socket "$SOCK" --call libversion --conns 2 --idle 20 \
    --duration 0.5 --label vireod
sane_calls "GetLibVersion against vireod with 20 idle connections held"

loadgen --socket "$SOCK" --call listall --define 5 --conns 2 --duration 0.5
sane_calls "ListAllDomains against vireod, five domains defined first"
is "$(field "$LINE" listed)" 6 "they are listed, with the domain test"

loadgen --socket "$SOCK" --pid "$DPID" --storm 100 --window 32
is "$RC $(field "$LINE" opened) $(field "$LINE" refused)" "0 100 0" \
    "a storm of 100 connections: all opened, none refused"

loadgen --socket "$SOCK" --subscribers 3 --threads 2 --interval-ms 20 \
    --duration 0.5
produced=$(field "$LINE" produced)
is "$RC $produced $(field "$LINE" delivered)" "0 24 72" \
    "events: 24 produced (an even count), each delivered to the 3 subscribers"
is "$(field "$LINE" lost) $(field "$LINE" duplicated) $(field "$LINE" out_of_order)" \
    "0 0 0" "events: none lost, duplicated or out of order"

loadgen --socket "$SOCK" --subscribers 3 --threads 2 --closed-loop \
    --duration 0.3
produced=$(field "$LINE" produced)
[ "$RC" -eq 0 ] && [ "${produced:-0}" -ge 2 ] &&
    [ $((produced % 2)) -eq 0 ] &&
    [ "$(field "$LINE" delivered)" -eq $((produced * 3)) ] &&
    [ "$(field "$LINE" closed_loop)" = 1 ] &&
    [ "$(field "$LINE" events_per_s)" -gt 0 ]
ok $? "events, closed loop: an even count produced, each delivered to the 3 subscribers, a rate reported"
is "$(field "$LINE" lost) $(field "$LINE" duplicated) $(field "$LINE" out_of_order)" \
    "0 0 0" "events, closed loop: none lost, duplicated or out of order"

# A domain that does not exist: every call fails, and so does the run.
loadgen --socket "$SOCK" --echo --domain nosuch --duration 0.3
[ "$RC" -ne 0 ] && [ "$(field "$LINE" failed)" -gt 0 ]
ok $? "calls that fail are counted, and the run fails"

kill "$ECHO_PID"
wait "$ECHO_PID"
is "$?" 0 "the echo server stops cleanly on SIGTERM"
ECHO_PID=

done_testing
