#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-parallel.sh: ten guests started at once by ten clients of their
# own (python3-libvirt, one connection each): every one starts and runs,
# each under its own id, while a virsh client keeps being answered; then
# ten virsh clients destroy them at once, and nothing of them is left.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/driver.sh"

N=10
plan 9

qemu_daemon_start

files=()
for n in $(seq $N); do
    diskless_xml "p$n" > "$DIR/p$n.xml"
    files+=("$DIR/p$n.xml")
done

# Meanwhile, a client that lists on and on.
(
    while :; do
        timeout "$VSH_TIMEOUT" virsh -c "$QURI" list --all > /dev/null 2>&1 ||
            echo failed >> "$DIR/lister.failures"
        echo >> "$DIR/lister.count"
    done
) &
lister=$!
BACKGROUND_PIDS+=($lister)
$CLIENT parallel "$QURI" "${files[@]}" > "$OUT" 2>&1
result=$(cat "$OUT")
kill "$lister"
wait "$lister" 2> /dev/null
echo "$result" | diag

like "$result" "started=$N" "$N clients start $N guests at once"
like "$result" "running=$N" "... all of them running"
like "$result" "distinct_ids=$N" "... each under its own id"
is "$(qemu_count)" "$N" "... each in its own QEMU"
[ -f "$DIR/lister.count" ] && [ ! -f "$DIR/lister.failures" ]
ok $? "a client listing meanwhile was answered every time ($(wc -l < "$DIR/lister.count" 2> /dev/null) lists)"

pids=()
for n in $(seq $N); do
    timeout "$VSH_TIMEOUT" virsh -c "$QURI" destroy "p$n" > "$DIR/d$n.out" 2>&1 &
    pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do
    wait "$pid" || failed=$((failed + 1))
done
is "$failed" 0 "$N clients destroy them at once"
wait_qemu_count 0 30
is "$(qemu_count)" 0 "... and every QEMU is gone"
find "$DIR/run/qemu" -mindepth 1 > "$OUT"
is "$(cat "$OUT")" "" "... with every status file, socket and directory"
daemon_stop
is "$DRC" 0 "vireod stops cleanly"
done_testing
