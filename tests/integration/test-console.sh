#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-console.sh: guests' consoles through vireod as libvirt streams, and
# libvirt's QEMU program (monitor commands), on the sleep driver, whose
# guests echo their console in capitals and answer monitor commands from
# their own process. Driven by python3-libvirt, virsh (console on a pty,
# qemu-monitor-command), the vireo CLI, and a raw client for what no real
# client sends; where libvirtd answers the same question its answer is the
# expectation (a private libvirtd's test driver).
#
# $VIREOD is vireod-sleep, $SLEEP_GUEST the guest program, $VIREO the CLI.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/libvirtd.sh"
: "${SLEEP_GUEST:?SLEEP_GUEST must name the sleep-guest program}"
: "${VIREO:?VIREO must name the vireo CLI}"
: "${NBCONSOLE_CLIENT:?NBCONSOLE_CLIENT must name nbconsole-client}"

command -v virsh > /dev/null || fail_all "virsh (libvirt-clients) is installed"
/usr/bin/python3 -c 'import libvirt, libvirt_qemu' 2> /dev/null ||
    fail_all "python3-libvirt is installed for /usr/bin/python3"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"

PY="timeout 60 /usr/bin/python3"
CLIENT="$PY $HERE/console_client.py"
RAW="$PY $HERE/stream_raw.py"
TTY="$PY $HERE/tty_session.py"
plan 50

cat > "$DIR/sleep.conf" <<END
guest_program = "$SLEEP_GUEST"
answer_timeout_ms = 3000
END
daemon_start
ok $? "vireod starts with the sleep driver"
SURI="sleep+unix:///default?socket=$DIR/run/vireo-sock"
SOCK=$DIR/run/vireo-sock

for g in g1 g2 g3 g4 g5; do
    echo "<domain type='qemu'><name>$g</name><memory unit='MiB'>16</memory>" \
         "<os><type>hvm</type></os></domain>" > "$DIR/$g.xml"
    timeout "$VSH_TIMEOUT" virsh -q -c "$SURI" create "$DIR/$g.xml" > /dev/null
done
[ "$(timeout "$VSH_TIMEOUT" virsh -q -c "$SURI" list | wc -l)" = 5 ]
ok $? "five guests run"

# value KEY: the value of KEY=... in $OUT.
value() {
    sed -n "s/^$1=//p" "$OUT" | head -n 1
}

# vireod_fds: how many fds vireod has open.
vireod_fds() {
    ls "/proc/$DPID/fd" | wc -l
}

# ---- python3-libvirt: both directions, several streams ------------------

$CLIENT echo "$SURI" g1 "hello there" > "$OUT" 2> "$ERR"
is "$(value echo)" "HELLO THERE" \
   "python: what a console sends comes back through the guest"
is "$(value finish)" "ok" "... and finishing the stream is confirmed"

# ---- read without blocking: python3-libvirt's VIR_STREAM_NONBLOCK console
# in its READABLE callbacks, vireo's console socket in a watch of its
# default loop: the same echo, only READABLE, no read that would block.

$CLIENT nbecho "$SURI" g1 "not blocking" > "$OUT" 2> "$ERR"
WANT_NB=$(grep -E '^(echo|events|would_block)=' "$OUT")
is "$WANT_NB" "$(printf 'echo=NOT BLOCKING\nevents=1\nwould_block=0')" \
   "python: a non-blocking console is read in its READABLE callbacks"
timeout 60 "$NBCONSOLE_CLIENT" "$SURI" g1 "not blocking" > "$OUT" 2> "$ERR"
is "$(cat "$OUT")" "$WANT_NB" \
   "vireo's library reads its console socket on the default loop alike"

$CLIENT two "$SURI" g1 g2 > "$OUT" 2> "$ERR"
like "$(value first)" "ONE00 ONE01" \
     "two consoles on one connection: the first gets its own echo"
is "$(value second | tr -d 'TWO0123456789 ')" "" \
   "... and the second only its own"
is "$(value second | wc -w)" "20" "... all of it"

$CLIENT big "$SURI" g1 1000000 > "$OUT" 2> "$ERR"
is "$(value big_len)" "1000000" \
   "one send of 1 MB (four times libvirt's chunk) comes back whole"
is "$(value big_same)" "yes" "... byte for byte"

$CLIENT abort "$SURI" g2 > "$OUT" 2> "$ERR"
is "$(value abort)" "ok" "aborting a console is confirmed"
is "$(value state)" "1" "... the connection goes on"
is "$(value again)" "yes" "... and the guest's console opens again"

$CLIENT eof "$SURI" g4 > "$OUT" 2> "$ERR"
is "$(value eof)" "yes" \
   "a guest destroyed while its console is open: the stream ends (end of file)"
is "$(value finish)" "ok" "... and the client's finish is confirmed, as libvirtd does"

# Codes libvirtd 9.0's QEMU driver answers for the same mistakes (recorded
# with a QEMU guest); the read-only ones are also checked live below.
$CLIENT errors "$SURI" g3 > "$OUT" 2> "$ERR"
is "$(value bad_devname)" "1" "an unknown device name: internal error"
is "$(value bad_flags)" "8" "unknown flags: invalid argument"
is "$(value ro_console)/$(value ro_monitor)" "29/29" \
   "a read-only connection may open no console and send no monitor command"
is "$(value gone_console)/$(value gone_monitor)" "42/42" \
   "on a domain that is gone: domain not found"

# ---- libvirt's QEMU program ----------------------------------------------

$CLIENT monitor "$SURI" g1 '{"execute":"query-status"}' > "$OUT" 2> "$ERR"
result=$(value result)
like "$result" '"received":"{\"execute\":\"query-status\"}"' \
     "python: a monitor command reaches the guest"
pid=$(sed -n 's/.*"pid":\([0-9]*\).*/\1/p' <<< "$result")
[ -n "$pid" ] && [ "$(ps -o comm= -p "$pid")" = "sleep-guest" ] &&
    [ "$(ps -o ppid= -p "$pid" | tr -d ' ')" = "$DPID" ]
ok $? "... and is answered by the guest's own process"

timeout "$VSH_TIMEOUT" virsh -c "$SURI" qemu-monitor-command g1 \
    '{"execute":"query-status"}' > "$OUT" 2> "$ERR"
like "$(cat "$OUT")" "$result" "virsh qemu-monitor-command gets the same answer"

timeout "$VSH_TIMEOUT" virsh -c "$SURI" suspend g5 > /dev/null
$CLIENT monitor "$SURI" g5 '{"execute":"query-status"}' > "$OUT" 2> "$ERR"
like "$(value error)" "68:Timed out during operation" \
     "a suspended guest's monitor command ends at its deadline"
$CLIENT echo "$SURI" g1 "meanwhile" > "$OUT" 2> "$ERR"
is "$(value echo)" "MEANWHILE" "... and the other guests' consoles work"
timeout "$VSH_TIMEOUT" virsh -c "$SURI" resume g5 > /dev/null

# ---- virsh console on a terminal -------------------------------------------

$TTY 'expect=(Ctrl + ])' 'pause=0.3' 'send=abc\r' 'expect=ABC' 'send=\x1d' \
    -- virsh -c "$SURI" console g1 > "$OUT" 2> "$ERR"
like "$(value output)" 'ABC\r' "virsh console: typed keys come back through the guest"
is "$(value status)" "0" "... and Ctrl-] ends it"

# ---- what libvirtd answers the same way -----------------------------------

LV_SOCK=$LIBVIRTD_SOCK
$RAW "$SOCK" test:///default garbage > "$OUT" 2> "$ERR"
vireod_garbage=$(cat "$OUT")
$RAW "$LV_SOCK" test:///default garbage > "$OUT" 2> "$ERR"
is "$vireod_garbage" "$(cat "$OUT")" \
   "stream messages for streams nobody opened are dropped unanswered, as libvirtd does"
is "$vireod_garbage" "type_status=0
unasked_messages=0" "... and the next call is answered"

$RAW "$SOCK" test:///default readonly test > "$OUT" 2> "$ERR"
vireod_ro=$(cat "$OUT")
$RAW "$LV_SOCK" test:///default readonly test > "$OUT" 2> "$ERR"
is "$vireod_ro" "$(cat "$OUT")" \
   "read-only connections: the daemon refuses both calls in libvirtd's words"
like "$vireod_ro" \
     "monitor=1:29:0:operation forbidden: read only access prevents virDomainQemuMonitorCommand" \
     "... the QEMU program's with no error domain"

$CLIENT nosupport "test+unix:///default?socket=$SOCK" test > "$OUT" 2> "$ERR"
vireod_nosup=$(cat "$OUT")
$CLIENT nosupport "$LIBVIRTD_URI" test > "$OUT" 2> "$ERR"
is "$vireod_nosup" "$(cat "$OUT")" \
   "a driver without consoles or a monitor: not supported, as libvirtd's test driver"

# ---- sizes and flow ------------------------------------------------------

$RAW "$SOCK" sleep:///default chunks g1 1000000 > "$OUT" 2> "$ERR"
is "$(value echoed)/$(value same)" "1000000/yes" \
   "a 1 MB stream message is taken whole and its echo comes back whole"
is "$(value largest_at_most_chunk)" "yes" \
   "... in messages of at most 262120 bytes, libvirt's chunk"

$RAW "$SOCK" sleep:///default backlog g1 > "$OUT" 2> "$ERR"
taken=$(value taken_mib)
[ -n "$taken" ] && [ "$taken" -lt 16 ]
ok $? "a client that sends and never reads is stopped after a bounded \
amount (${taken:-?} MiB)"
is "$(value all_back)" "yes" "... and once it reads, every byte comes back"

$RAW "$SOCK" sleep:///default oversized g1 17000000 > "$OUT" 2> "$ERR"
is "$(value after)" "closed" \
   "a stream message beyond max_message_size (16 MiB) closes that client"
$CLIENT echo "$SURI" g1 "still here" > "$OUT" 2> "$ERR"
is "$(value echo)" "STILL HERE" "... and the others are served on"

# ---- a client that vanishes ----------------------------------------------

fds_before=$(vireod_fds)
# Not under timeout: the kill must reach the client itself.
/usr/bin/python3 "$HERE/console_client.py" hold "$SURI" g2 \
    > "$DIR/hold.out" 2> "$DIR/hold.err" &
holder=$!
wait_for_line "$DIR/hold.out" "open"
ok $? "a client holds a console open and keeps it busy"
[ "$(vireod_fds)" -gt "$fds_before" ]
ok $? "... which costs vireod its socket and the console's fd"
kill -KILL "$holder"
wait "$holder" 2> /dev/null
for _ in $(seq 100); do
    [ "$(vireod_fds)" = "$fds_before" ] && break
    sleep 0.1
done
is "$(vireod_fds)" "$fds_before" \
   "killed mid-stream: vireod closes its socket and the console's fd"
$CLIENT echo "$SURI" g2 "after the kill" > "$OUT" 2> "$ERR"
like "$(value echo)" "AFTER THE KILL" "... and the guest's console works for the next client"

# ---- the vireo CLI ---------------------------------------------------------

$TTY 'expect=(Ctrl + ])' 'pause=0.3' 'send=abc\r' 'expect=ABC' 'send=\x1d' \
    -- "$VIREO" -c "$SURI" console g1 > "$OUT" 2> "$ERR"
like "$(value output)" 'ABC\r' "vireo console: typed keys come back through the guest"
is "$(value status)" "0" "... and Ctrl-] ends it"
like "$(value output)" "Escape character is ^] (Ctrl + ])" \
     "... after virsh's banner"

printf 'through a pipe\n' |
    timeout 20 "$VIREO" -c "$SURI" console g5 > "$OUT" 2> "$ERR"
is "$?/$(grep -c 'THROUGH A PIPE' "$OUT")" "0/1" \
   "vireo console works with pipes: input sent, echo printed, then it ends"

timeout "$VSH_TIMEOUT" virsh -c "$SURI" qemu-monitor-command g1 \
    '{"execute":"query-status"}' > "$DIR/virsh.out" 2> "$ERR"
timeout 20 "$VIREO" -c "$SURI" qemu-monitor-command g1 \
    '{"execute":"query-status"}' > "$OUT" 2> "$ERR"
is "$(cat "$OUT")" "$(cat "$DIR/virsh.out")" \
   "vireo qemu-monitor-command prints what virsh prints"
timeout 20 "$VIREO" -c "$SURI" -r qemu-monitor-command g1 '{}' > "$OUT" 2> "$ERR"
like "$(cat "$ERR")" "read only access prevents virDomainQemuMonitorCommand" \
     "... and is refused on a read-only connection"

# ---- shutdown with a console open -----------------------------------------

/usr/bin/python3 "$HERE/console_client.py" hold "$SURI" g1 \
    > "$DIR/hold.out" 2> "$DIR/hold.err" &
holder=$!
wait_for_line "$DIR/hold.out" "open"
daemon_stop
is "$DRC" "0" "SIGTERM with a console open: vireod exits 0"
wait "$holder" 2> /dev/null
[ $? -ne 0 ]
ok $? "... and the console's client sees its stream end"
done_testing
