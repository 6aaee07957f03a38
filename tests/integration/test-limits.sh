#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-limits.sh: many clients at once are all accepted and the daemon keeps
# serving; past max_clients, connections are refused with a log line and the
# clients already there keep working.
. "$(dirname "$0")/lib.sh"
HOLD="python3 $(dirname "$0")/hold_clients.py"
N_MANY=10000

plan 6
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
vsh domstate test
[ "$RC" -ne 0 ]; ok $? "a third client is refused past max_clients"
wait_for_line "$DIR/vireod.log" "max_clients (2) reached"
ok $? "with a log line saying why"
exec 9>&-
wait "$hold_pid"
for _ in $(seq 50); do vsh domstate test; [ "$RC" -eq 0 ] && break; sleep 0.1; done
is "$(cat "$OUT")" "running" "once they leave, clients are served again"
daemon_stop
done_testing
