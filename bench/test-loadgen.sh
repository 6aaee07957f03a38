#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-loadgen.sh: the lean load generator (bench/loadgen) against the
# echo server (bench/echo-server) and against a vireod, a second or less
# each: it connects, counts its calls and reports numbers that hang
# together, and it fails when a call fails. Timings are never compared
# with thresholds: they are measurements, not results.
#
# The mixed workload starts, destroys and freezes real QEMU guests
# through vireod's qemu driver (qemu-system-x86_64 must be installed);
# whatever happens, none of them outlives the test.
#
# $LOADGEN and $ECHO_SERVER name the programs, $VIREOD the daemon.
# shellcheck source-path=SCRIPTDIR source=../tests/integration/lib.sh
. "$(dirname "$0")/../tests/integration/lib.sh"
: "${LOADGEN:?}" "${ECHO_SERVER:?}"

ECHO_PID=
# The mark of this test's guests in their QEMU's command line.
GUESTS=vireo-loadgen-test-$$

# guest_qemu_pids: the pids of the QEMU processes of this test's guests.
guest_qemu_pids() {
    local f args
    for f in /proc/[0-9]*/cmdline; do
        mapfile -d '' -t args 2> /dev/null < "$f" || continue
        case "${args[*]}" in
        *"guest=$GUESTS-"*) f=${f#/proc/}; echo "${f%/cmdline}" ;;
        esac
    done
}

stop_echo() {
    [ -n "$ECHO_PID" ] && kill "$ECHO_PID" 2> /dev/null
    local pid
    for pid in $(guest_qemu_pids); do
        kill -CONT "$pid" 2> /dev/null
        kill -KILL "$pid" 2> /dev/null
    done
    cleanup
}
trap stop_echo EXIT

daemon_start || fail_all "vireod starts"
"$ECHO_SERVER" "$DIR/echo-sock" 2> "$DIR/echo.stderr" &
ECHO_PID=$!
wait_for "$DIR/echo-sock" || fail_all "the echo server starts"
SOCK=$DIR/run/vireo-sock

plan 29

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
awk -v cpu="$(field "$LINE" daemon_cpu_us_per_open)" 'BEGIN { exit !(cpu >= 0) }'
ok $? "the storm reports the daemon's CPU per connection opened"

loadgen --socket "$SOCK" --pid "$DPID" --subscribers 3 --threads 2 \
    --interval-ms 20 --duration 0.5
produced=$(field "$LINE" produced)
is "$RC $produced $(field "$LINE" delivered)" "0 24 72" \
    "events: 24 produced (an even count), each delivered to the 3 subscribers"
is "$(field "$LINE" lost) $(field "$LINE" duplicated) $(field "$LINE" out_of_order)" \
    "0 0 0" "events: none lost, duplicated or out of order"
awk -v d="$(field "$LINE" daemon_cpu_us_per_delivery)" \
    -v c="$(field "$LINE" client_cpu_us_per_delivery)" \
    'BEGIN { exit !(d >= 0 && c > 0) }'
ok $? "events: the daemon's and the client's CPU per event delivered reported"

loadgen --socket "$DIR/echo-sock" --echo --shared --threads 4 --duration 0.5
sane_calls "4 threads sharing one connection to the echo server"
is "$(field "$LINE" mode) $(field "$LINE" conns) $(field "$LINE" threads)" \
    "shared 1 4" "it reports one connection shared by 4 threads"

loadgen --socket "$SOCK" --pid "$DPID" --shared --threads 4 --duration 0.5
sane_calls "GetState from 4 threads sharing one connection to vireod"

# The mixed workload: calls on the test driver while a client starts and
# destroys a guest of vireod's qemu driver and another guest is frozen.
# Three seconds: a sanitizer's vireod may take two to start a guest, and
# the calls must have time to be answered beside it.
mode=session
[ "$(id -u)" -eq 0 ] && mode=system
loadgen --socket "$SOCK" --conns 4 --duration 3 --qemu-uri "qemu:///$mode" \
    --churn 1 --freeze --guest-prefix "$GUESTS"
sane_calls "mixed: GetState against vireod while QEMU guests start and stop"
echo "$LINE" | diag
cycles=$(field "$LINE" cycles)
is "$(field "$LINE" mode) $(field "$LINE" churn) $(field "$LINE" frozen)" \
    "mixed 1 1" "mixed: it reports one churning client and a frozen guest"
[ "${cycles:-0}" -ge 1 ] && [ "$(field "$LINE" churn_failed)" = 0 ] &&
    awk -v s="$(field "$LINE" start_p50_ms)" \
        -v d="$(field "$LINE" destroy_max_ms)" 'BEGIN { exit !(s > 0 && d > 0) }'
ok $? "mixed: guests started and destroyed, each timed"
case $(field "$LINE" hung_call) in ok | error) ok 0 "mixed: the call on the frozen guest returned" ;;
*) ok 1 "mixed: the call on the frozen guest returned" ;; esac

# The same QEMU work while the calls read a running guest of the qemu
# driver, as a monitoring poller does: loadgen starts that guest itself.
loadgen --socket "$SOCK" --uri "qemu:///$mode" --poll-guest --conns 4 \
    --duration 2 --qemu-uri "qemu:///$mode" --churn 1 --freeze \
    --guest-prefix "$GUESTS"
sane_calls "mixed: GetState of a running QEMU guest while others start and stop"
echo "$LINE" | diag
is "$(field "$LINE" polled) $(field "$LINE" churn) $(field "$LINE" frozen) $(field "$LINE" churn_failed)" \
    "1 1 1 0" "mixed: it reports the polled guest, the churning client and the frozen guest"
timeout "$VSH_TIMEOUT" virsh -c "qemu+unix:///$mode?socket=$SOCK" \
    list --all --name > "$OUT" 2> "$ERR"
is "$(grep -c "^$GUESTS-" "$OUT") $(guest_qemu_pids | wc -l)" "0 0" \
    "mixed: no guest is left defined, no QEMU of it running"

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
