#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-limits.sh: many clients at once are all accepted and the daemon keeps
# serving; past max_clients, as with libvirtd, new connections are not
# accepted (they wait, with a log line saying why) until a client leaves,
# and are served then.
. "$(dirname "$0")/lib.sh"
HOLD="python3 $(dirname "$0")/hold_clients.py"
N_MANY=10000

plan 7
# Each side needs a descriptor per client: raise the soft limit as far as
# the hard one allows, and hold fewer clients where it is low.
ulimit -n "$(ulimit -Hn)" 2> /dev/null
[ "$(ulimit -n)" -gt $((N_MANY + 100)) ] || N_MANY=$(($(ulimit -n) - 100))

# Thousands of idle clients at once, under a cap that admits them all.
MAX_CLIENTS=$((N_MANY + 10)) daemon_start
mkfifo "$DIR/many"
$HOLD "$DIR/run/vireo-sock" "$N_MANY" < "$DIR/many" > "$DIR/held" &
hold_pid=$!
exec 8> "$DIR/many"
wait_for_line "$DIR/held" "held $N_MANY"
ok $? "$N_MANY clients connect at once"
vsh domstate test
is "$(cat "$OUT")" "running" "and a real client is still served among them"
exec 8>&-
wait "$hold_pid"
daemon_stop
is "$DRC" "0" "the daemon stops cleanly with them gone"

# A daemon that takes two clients.
MAX_CLIENTS=2 daemon_start
mkfifo "$DIR/two"
$HOLD "$DIR/run/vireo-sock" 2 < "$DIR/two" > "$DIR/held2" &
hold_pid=$!
exec 9> "$DIR/two"
wait_for_line "$DIR/held2" "held 2"
# (without the holders' fifo, which would keep them from leaving)
timeout "$VSH_TIMEOUT" virsh -c "$URI" domstate test > "$DIR/third" 2>&1 9>&- &
third_pid=$!
wait_for_line "$DIR/vireod.log" "max_clients (2) reached, not accepting until a client leaves"
ok $? "a third client is not accepted past max_clients, with a log line saying why"
sleep 1
kill -0 "$third_pid" 2> /dev/null
ok $? "it waits, as libvirtd's clients wait, rather than being turned away"
exec 9>&-
wait "$hold_pid"
wait "$third_pid"
is "$? $(cat "$DIR/third")" "0 running" "once the others leave it gets in and is served"
vsh domstate test
is "$(cat "$OUT")" "running" "and later clients are accepted at once"
daemon_stop
done_testing
