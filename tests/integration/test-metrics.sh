#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-metrics.sh: with metrics_listen set, vireod serves Prometheus text
# at /metrics, scraped with curl and read with python3-prometheus-client's
# own parser: calls counted by procedure as virsh and virt-admin make
# them, a domain's state following virsh destroy and start, events sent, a
# client counted while connected and not after, a scrape answered at once
# while the test driver's thread is held busy, bad requests answered
# without harm, a UNIX socket as well as a loopback port, a client that
# never reads counted as a slow consumer when dropped, and a non-loopback
# address refused at start.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"

. "$HERE/metrics_lib.sh"
command -v virsh > /dev/null || fail_all "virsh (libvirt-clients) is installed"
/usr/bin/python3 -c 'import libvirt' 2> /dev/null ||
    fail_all "python3-libvirt is installed for /usr/bin/python3"

plan 36

GET_STATE='vireo_calls_total{proc="REMOTE_PROC_DOMAIN_GET_STATE"}'
LOOKUP_ERRORS='vireo_call_errors_total{proc="REMOTE_PROC_DOMAIN_LOOKUP_BY_NAME"}'
STATE='vireo_domain_state{driver="test",domain="test"}'

EXTRA_CONF="metrics_listen = \"127.0.0.1:$METRICS_PORT\"" daemon_start
wait_for_line "$DIR/vireod.log" "serving metrics on 127.0.0.1:$METRICS_PORT"
ok $? "vireod serves metrics on the loopback port it was given"

scrape
ok $? "curl scrapes /metrics"
FAMILIES=$($METRICS_QUERY "$SCRAPE")
ok $? "python3-prometheus-client's parser reads the whole scrape"
like "$(curl -sS -o /dev/null -w '%{content_type}' "$METRICS_URL")" \
    "text/plain; version=0.0.4" "it is served as Prometheus text 0.0.4"
[ -n "$FAMILIES" ] && ! grep -q undocumented <<< "$FAMILIES"
ok $? "every family has its HELP and TYPE lines"
want_families="vireo_clients_connected gauge
vireo_calls counter
vireo_call_errors counter
vireo_call_duration_seconds histogram
vireo_driver_thread_queue_depth gauge
vireo_driver_thread_busy_seconds counter
vireo_events_sent counter
vireo_domain_state gauge
vireo_domain_memory_bytes gauge
vireo_domain_cpu_time_seconds counter"
is "$(grep -Fxf <(echo "$want_families") <<< "$FAMILIES" | sort)" \
    "$(sort <<< "$want_families")" "the expected families are there, with their types"

# Calls, by procedure.
before=$(value "$GET_STATE")
vsh domstate test
vsh domstate test
scrape
is "$(value "$GET_STATE")" "$(( ${before/absent/0} + 2 ))" \
    "two virsh domstate make two more DOMAIN_GET_STATE calls"
before=$(value "$LOOKUP_ERRORS")
vsh domstate no-such-domain
scrape
is "$(value "$LOOKUP_ERRORS")" "$(( ${before/absent/0} + 1 ))" \
    "a lookup of a missing domain counts as an error of its procedure"
count=$(value 'vireo_call_duration_seconds_count{proc="REMOTE_PROC_DOMAIN_GET_STATE"}')
is "$count" "$(value "$GET_STATE")" "each call's latency is in its histogram"

# Admin calls, counted with their program's procedure names.
LIST_SERVERS='vireo_calls_total{proc="ADMIN_PROC_CONNECT_LIST_SERVERS"}'
command -v virt-admin > /dev/null || fail_all "virt-admin (libvirt-clients) is installed"
before=$(value "$LIST_SERVERS")
timeout "$VSH_TIMEOUT" virt-admin -c "vireod:///system?socket=$DIR/run/vireo-admin-sock" \
    srv-list > "$OUT" 2> "$ERR"
scrape
is "$(value "$LIST_SERVERS")" "$(( ${before/absent/0} + 1 ))" \
    "virt-admin srv-list counts one ADMIN_PROC_CONNECT_LIST_SERVERS call"

# A domain's state, as the drivers' all-domain-stats report it.
wait_value "$STATE" 1
ok $? "the running domain reads state 1"
vsh destroy test
wait_value "$STATE" 5
ok $? "after virsh destroy it reads 5 (shut off)"
vsh start test
wait_value "$STATE" 1
ok $? "after virsh start it reads 1 again"
vsh dominfo test
used_kib=$(awk '/^Used memory:/ { print $3 }' "$OUT")
is "$(value 'vireo_domain_memory_bytes{driver="test",domain="test"}')" \
    "$(( used_kib * 1024 ))" "its memory is virsh dominfo's, in bytes"

# Disk and interface I/O: the test driver's counters grow with the clock,
# so the scrape's (a collection up to a second old) are at most what
# virsh domblkstat and domifstat say just after, and not zero.
scrape
read_bytes=$(value 'vireo_domain_block_read_bytes_total{driver="test",domain="test",device="vda"}')
vsh domblkstat test vda
virsh_bytes=$(awk '$2 == "rd_bytes" { print $3 }' "$OUT")
[ "$read_bytes" != absent ] && [ "$read_bytes" -gt 0 ] &&
    [ "$read_bytes" -le "$virsh_bytes" ]
ok $? "disk vda's bytes read are virsh domblkstat's of a moment before ($read_bytes)"
rx_bytes=$(value 'vireo_domain_net_received_bytes_total{driver="test",domain="test",interface="testnet0"}')
vsh domifstat test testnet0
virsh_rx=$(awk '$2 == "rx_bytes" { print $3 }' "$OUT")
[ "$rx_bytes" != absent ] && [ "$rx_bytes" -gt 0 ] && [ "$rx_bytes" -le "$virsh_rx" ]
ok $? "interface testnet0's bytes received are virsh domifstat's of a moment before"

# Events, through python3-libvirt.
sent=$(value vireo_events_sent_total)
is "$(timeout 30 /usr/bin/python3 "$HERE/metrics_events.py" "$URI")" "2" \
    "python3-libvirt gets the lifecycle events of a destroy and a start"
scrape
[ "$(value vireo_events_sent_total)" -ge "$(( sent + 2 ))" ] 2> /dev/null
ok $? "they are counted as events sent"

# A client counted while connected, and not after.
RW="vireo_clients_connected{socket=\"$DIR/run/vireo-sock\"}"
hold_connection
wait_value "$RW" 1
ok $? "a connected virsh counts on the read-write socket"
release_connection
wait_value "$RW" 0
ok $? "and no longer once it is gone"

# The test driver's thread held: ptrace stops it alone (hold_thread.py),
# as a system call that never returns would hold it; the loop and the
# metrics thread run on. A scrape must not wait.
rm -f "$DIR/release"
/usr/bin/python3 "$HERE/hold_thread.py" "$DPID" vireo-test "$DIR/release" \
    > "$DIR/hold.out" 2> "$DIR/hold.err" &
HOLD_THREAD_PID=$!
wait_for_line "$DIR/hold.out" held 30
ok $? "the test driver's thread is held"
wait_busy vireo-test
ok $? "and its queue fills while it is held"
sleep 2
start=$(date +%s%N)
scrape
scrape_rc=$?
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$scrape_rc" -eq 0 ] && [ "$took_ms" -lt 1000 ]
ok $? "a scrape is answered at once meanwhile (${took_ms} ms)"
age=$(value 'vireo_domain_stats_age_seconds{driver="test"}')
/usr/bin/python3 -c "import sys; sys.exit(0 if float('$age') >= 1.5 else 1)" 2> /dev/null
ok $? "and says its domain figures are older than the hold ($age s)"
touch "$DIR/release"
wait "$HOLD_THREAD_PID"
wait_value 'vireo_driver_thread_queue_depth{thread="vireo-test"}' 0
ok $? "the thread is free again once let go"

# Bad requests.
is "$(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$METRICS_PORT/nope")" \
    "404" "an unknown path gets 404"
is "$(curl -sS -o /dev/null -w '%{http_code}' -X POST -d x "$METRICS_URL")" \
    "405" "a POST gets 405"
/usr/bin/python3 - "$METRICS_PORT" <<'PY'
import socket, sys
port = int(sys.argv[1])
idle = socket.create_connection(("127.0.0.1", port))   # says nothing
for junk in (b"\x00\xff garbage \r\n\r\n", b"GET " + b"A" * 100000 + b"\r\n\r\n",
             b"GET /metrics HTTP/1.1\r\nContent-Length: -5\r\n\r\n"):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(junk)
    s.settimeout(5)
    try:
        s.recv(4096)
    except OSError:
        pass
    s.close()
PY
scrape && vsh domstate test && [ "$(cat "$OUT")" = "running" ]
ok $? "garbage and an idle connection leave the endpoint and the daemon serving"

daemon_stop
is "$DRC" "0" "SIGTERM stops a daemon serving metrics cleanly"

# On a UNIX socket; with small messages, so that a client that does not
# read its replies is soon dropped.
SOCK=$DIR/run/metrics-sock
EXTRA_CONF="metrics_listen = \"$SOCK\"
max_message_size = 65536" daemon_start
wait_for "$SOCK"
vsh domstate test
scrape --unix-socket "$SOCK" http://localhost/metrics
[ "$(value "$GET_STATE")" = "1" ] &&
    [ "$(value "vireo_clients_connected{socket=\"$DIR/run/vireo-sock-ro\"}")" = "0" ]
ok $? "a UNIX socket path serves the same figures, afresh"
is "$(timeout 60 /usr/bin/python3 "$HERE/metrics_slow_client.py" "$DIR/run/vireo-sock")" \
    "dropped" "a client that never reads its replies is disconnected"
scrape --unix-socket "$SOCK" http://localhost/metrics
is "$(value vireo_slow_consumer_disconnects_total)" "1" \
    "and counted as a slow consumer"
daemon_stop
[ "$DRC" = 0 ] && [ ! -e "$SOCK" ]
ok $? "and its socket file is removed at the stop"

# A metrics_listen path that holds something else than a socket is left
# alone, and the start refused.
write_config
echo data > "$DIR/not-a-socket"
echo "metrics_listen = \"$DIR/not-a-socket\"" >> "$DIR/vireod.conf"
timeout 30 "$VIREOD" -f "$DIR/vireod.conf" 2> /dev/null
[ $? -ne 0 ] && [ "$(cat "$DIR/not-a-socket")" = data ] &&
    grep -q "cannot listen for metrics on $DIR/not-a-socket: Address already in use" "$DIR/vireod.log"
ok $? "a metrics_listen path that is a regular file is kept, and the start refused"
write_config
echo "metrics_listen = \"$DIR/run/vireo-sock\"" >> "$DIR/vireod.conf"
timeout 30 "$VIREOD" -f "$DIR/vireod.conf" 2> /dev/null
[ $? -ne 0 ] && grep -q "metrics_listen '$DIR/run/vireo-sock' is a socket of vireod's clients" "$DIR/vireod.log"
ok $? "and so is the path of vireod's own client socket"

# Anything but loopback is refused at start, with the reason in the log.
write_config
echo "metrics_listen = \"0.0.0.0:$METRICS_PORT\"" >> "$DIR/vireod.conf"
timeout 30 "$VIREOD" -f "$DIR/vireod.conf" 2> /dev/null
[ $? -ne 0 ] && grep -q "metrics_listen '0.0.0.0:$METRICS_PORT': not a loopback address" "$DIR/vireod.log"
ok $? "a non-loopback metrics_listen stops vireod at start, saying why"
done_testing
