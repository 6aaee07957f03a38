# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck shell=bash
# pool-events.sh: what virsh pool-event sees from a daemon while a pool
# goes through its life. Sourced after lib.sh.
#
#   pool_events URI LOG POOL XMLFILE
#
# Two watchers (lifecycle and refresh events) listen on URI while POOL
# is defined from XMLFILE, built, started, refreshed, destroyed, deleted
# and undefined; then what both printed, lifecycle first. LOG names the
# watchers' files.
pool_events() {
    local uri=$1 log=$2 pool=$3 xml=$4
    timeout 60 virsh -c "$uri" pool-event --loop --event lifecycle \
        > "$log" 2>&1 &
    local watcher=$!
    timeout 60 virsh -c "$uri" pool-event --loop --event refresh \
        > "$log.refresh" 2>&1 &
    local refresher=$!
    sleep 1
    for cmd in "pool-define $xml" "pool-build $pool" "pool-start $pool" \
               "pool-refresh $pool" "pool-destroy $pool" \
               "pool-delete $pool" "pool-undefine $pool"; do
        # shellcheck disable=SC2086 # a command line
        timeout "$VSH_TIMEOUT" virsh -c "$uri" $cmd > /dev/null 2>&1
    done
    for _ in $(seq 50); do
        grep -q "Undefined" "$log" && break
        sleep 0.1
    done
    kill "$watcher" "$refresher" 2> /dev/null
    wait "$watcher" "$refresher" 2> /dev/null
    cat "$log" "$log.refresh"
}
