#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-crash.sh: what happens to guests when things go wrong around them.
# A QEMU killed with SIGKILL leaves its domain shut off (crashed) with a
# Stopped Failed event, as with libvirtd, and releases what it held. A
# QEMU stopped with SIGSTOP delays only the calls made on it, which end at
# the monitor's deadline with a clear error, while calls on another guest
# and on the test driver go on. vireod killed with SIGKILL with five
# guests running finds all five again when it restarts (states, ids and
# processes unchanged, none started twice), a guest that died meanwhile
# is shut off, and guests run on through any number of restarts.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/driver.sh"
peer_start

MONITOR_TIMEOUT_S=6
plan 27

echo "monitor_timeout = $MONITOR_TIMEOUT_S" > "$DIR/qemu.conf"
qemu_daemon_start

# wait_state URI NAME STATE: until domstate --reason says STATE.
wait_state() {
    for _ in $(seq 300); do
        [ "$(timeout "$VSH_TIMEOUT" virsh -c "$1" domstate --reason "$2" \
               2>&1 | grep .)" = "$3" ] && return 0
        sleep 0.1
    done
    return 1
}

# ---- kill -9 of a QEMU, beside libvirtd ------------------------------------

# killed URI PID_OF: a guest started, its QEMU killed; what virsh and the
# events then say.
killed() {
    local uri=$1 events=$DIR/$3.events
    diskless_xml k1 --pty > "$DIR/k1.xml"
    peer_file "$(guest_serial k1)"
    watch_events "$uri" "$events"
    timeout "$VSH_TIMEOUT" virsh -c "$uri" define "$DIR/k1.xml" > /dev/null
    timeout "$VSH_TIMEOUT" virsh -c "$uri" start k1 > /dev/null
    kill -KILL "$("$2" k1)"
    wait_state "$uri" k1 "shut off (crashed)"
    timeout "$VSH_TIMEOUT" virsh -c "$uri" domstate --reason k1
    wait_event "$events" "domain 'k1': Stopped"
    grep -F "domain 'k1'" "$events"
    stop_watching
    timeout "$VSH_TIMEOUT" virsh -c "$uri" undefine k1 > /dev/null
}

# libvirtd_qemu_pid NAME: the pid of libvirtd's QEMU for NAME (libvirtd
# hands QEMU the serial file as an fd: its command line names the guest
# and libvirtd's directory).
libvirtd_qemu_pid() {
    local pid
    for pid in $(qemu_pids); do
        tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "guest=$1," &&
            echo "$pid"
    done
}

killed "$LIBVIRTD_QEMU_URI" libvirtd_qemu_pid libvirtd > "$DIR/libvirtd.killed" 2>&1
libvirtd_stop || echo "libvirtd exited with status $LIBVIRTD_RC" | diag
killed "$QURI" qemu_pid_of vireod > "$DIR/vireod.killed" 2>&1
is "$(cat "$DIR/vireod.killed")" "$(cat "$DIR/libvirtd.killed")" \
   "a QEMU killed with SIGKILL: shut off (crashed) and Stopped Failed, as with libvirtd"
like "$(cat "$DIR/vireod.killed")" "Stopped Failed" "... (the event is there)"
ls "$DIR/run/qemu" > "$OUT"
is "$(cat "$OUT")" "" "... and its status, sockets and directory are gone"

# ---- five guests -----------------------------------------------------------

for n in 1 2 3 4 5; do
    diskless_xml "c$n" --pty > "$DIR/c$n.xml"
    qvsh define "$DIR/c$n.xml"
    qvsh start "c$n"
done
qvsh list --state-running --name
is "$(grep -c . "$OUT")" 5 "five guests run"

# ---- SIGSTOP of one QEMU ---------------------------------------------------

stopped_pid=$(qemu_pid_of c4)
kill -STOP "$stopped_pid"
$CLIENT latency "$QURI" c4 c3 "$URI" > "$OUT" 2>&1
latency=$(cat "$OUT")
like "$latency" "suspend=68:" "a call on a stopped QEMU fails with libvirt's timeout"
like "$latency" "QEMU did not answer 'stop'" "... saying what it waited for"
sec=$(echo "$latency" | sed -n 's/^suspend_seconds=\([0-9]*\).*/\1/p')
[ "${sec:-0}" -ge $((MONITOR_TIMEOUT_S - 1)) ] && [ "$sec" -lt $((MONITOR_TIMEOUT_S * 3)) ]
ok $? "... at the monitor's deadline (${sec:-?} s of $MONITOR_TIMEOUT_S)"
calls=$(echo "$latency" | sed -n 's/^other_calls=//p')
[ "${calls:-0}" -ge 20 ]
ok $? "calls on another guest and on the test driver went on meanwhile ($calls)"
slowest=$(echo "$latency" | sed -n 's/^slowest_other_ms=//p')
[ "${slowest:-99999}" -lt $((MONITOR_TIMEOUT_S * 1000 / 2)) ]
ok $? "... none of them waited on the stopped one (slowest ${slowest:-?} ms)"
qvsh dominfo c4
like "$RC $(cat "$OUT")" "0 Id:" "the stopped guest's own queries still answer"
kill -CONT "$stopped_pid"
qvsh suspend c4
like "$RC $(cat "$OUT")" "0 Domain 'c4' suspended" "once it runs again, it answers again"

# ---- SIGKILL of vireod ------------------------------------------------------

# Five guests: three persistent ones running, one paused, one transient.
qvsh destroy c5
diskless_xml t1 --pty > "$DIR/t1.xml"
qvsh create "$DIR/t1.xml"
qvsh list --all
before=$(cat "$OUT")
pids_before=$(qemu_pids | sort)
kill -KILL "$DPID"
# One guest dies while nobody watches.
dead_pid=$(qemu_pid_of c3)
kill -KILL "$dead_pid"
wait_gone 30 "$dead_pid"
restart_after_kill
ok $? "vireod starts again after SIGKILL"
qvsh list --all
after=$(cat "$OUT")
[ "$(echo "$after" | grep -c running)" = 3 ] &&
    [ "$(echo "$after" | grep -c paused)" = 1 ]
ok $? "the four guests still running are found again, running and paused as they were"
echo "$after" | grep -q "^ [0-9]*  *t1  *running"
ok $? "... the transient one too"
like "$after" " -    c3     shut off" "the guest that died meanwhile is shut off"
qvsh domstate --reason c3
is "$(grep . "$OUT")" "shut off (crashed)" "... crashed"
is "$(qemu_pids | sort)" "$(echo "$pids_before" | grep -v "^$dead_pid\$")" \
   "no QEMU was started again: the same processes run"
is "$(echo "$after" | awk '$2 ~ /^(c1|c2|c4|t1)$/ { print $1, $2 }')" \
   "$(echo "$before" | awk '$2 ~ /^(c1|c2|c4|t1)$/ { print $1, $2 }')" \
   "... under the same ids"
qvsh dumpxml c1
like "$(cat "$OUT")" "<source path='/dev/pts/" "a guest found again still has its console"
qvsh suspend c1
qvsh resume c1
qvsh domstate --reason c1
is "$(grep . "$OUT")" "running (unpaused)" "... and its monitor answers"
qvsh destroy t1
qvsh list --all --name
like "$(cat "$OUT")" "c1" "a transient guest found again is destroyed"
echo "$(cat "$OUT")" | grep -qx t1
[ $? -ne 0 ]
ok $? "... and forgotten"

# ---- any number of restarts ------------------------------------------------

pids_before=$(qemu_pids | sort)
for _ in 1 2 3; do
    daemon_stop
    qemu_daemon_start
done
# A started daemon runs QEMU's --version and -machine probes in the
# background; `version` waits for their answers, so that only guests are
# left among the QEMU processes counted below.
qvsh version
qvsh list --state-running --name
is "$(grep -c . "$OUT")" 2 "after three more restarts the running guests run"
is "$(qemu_pids | sort)" "$pids_before" "... in the same processes"

for n in 1 2 4; do
    qvsh destroy "c$n"
done
wait_qemu_count 0 30
is "$(qemu_count)" 0 "every guest is destroyed"
find "$DIR/run/qemu" -mindepth 1 > "$OUT"
is "$(cat "$OUT")" "" "... and nothing of theirs is left in the run directory"
daemon_stop
is "$DRC" 0 "vireod stops cleanly"
done_testing
