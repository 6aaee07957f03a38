#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-sleepdrv.sh: a driver built on the core services of a driver's
# thread (processes, watched pipes, timers, calls answered later), served
# by vireod (tests/drivers/sleepdrv/) and driven by virsh and
# python3-libvirt: its startup context and settings, autostart, calls
# answered only when a guest has answered, many calls in flight, a
# deadline for a guest that cannot answer while the others keep being
# served, and a shutdown with guests still running that leaves no process
# behind.
#
# $VIREOD is vireod-sleep, $SLEEP_GUEST the guest program.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
: "${SLEEP_GUEST:?SLEEP_GUEST must name the sleep-guest program}"

command -v virsh > /dev/null || fail_all "virsh (libvirt-clients) is installed"
/usr/bin/python3 -c 'import libvirt' 2> /dev/null ||
    fail_all "python3-libvirt is installed for /usr/bin/python3"

CLIENT="timeout 120 /usr/bin/python3 $HERE/sleep_client.py"
ANSWER_TIMEOUT_MS=3000
plan 28

# The driver's own settings, next to vireod's configuration file; one key
# it does not know.
cat > "$DIR/sleep.conf" <<END
guest_program = "$SLEEP_GUEST"
answer_timeout_ms = $ANSWER_TIMEOUT_MS
autostart_guest = "early"
colour = "blue"
END
daemon_start
ok $? "vireod starts the sleep driver"
SURI="sleep+unix:///default?socket=$DIR/run/vireo-sock"

# sleep_vsh ARGS...: virsh on the sleep driver.
sleep_vsh() {
    timeout "$VSH_TIMEOUT" virsh -c "$SURI" "$@" > "$OUT" 2> "$ERR"
    RC=$?
}

# guest_pids: the pids of the guest processes vireod runs.
guest_pids() {
    pgrep -P "$DPID" -f "$SLEEP_GUEST" | sort
}

# ---- context, settings, autostart ----------------------------------------

grep -c "sleep.conf:4: 'colour' is not used by vireod, ignored" \
     "$DIR/vireod.log" > "$OUT"
is "$(cat "$OUT")" "1" "a key the driver does not ask for is warned about once"
sleep_vsh capabilities
caps=$(cat "$OUT")
like "$caps" "<state_dir>$DIR/state/sleep</state_dir>" \
     "startup gets the driver's own state directory"
like "$caps" "<run_dir>$DIR/run/sleep</run_dir>" "... and run directory"
[ -d "$DIR/state/sleep" ] && [ -d "$DIR/run/sleep" ]
ok $? "... which the daemon created"
like "$caps" "<privileged>$([ "$(id -u)" = 0 ] && echo yes || echo no)</privileged>" \
     "... whether the daemon is privileged"
like "$caps" "<answer_timeout_ms>$ANSWER_TIMEOUT_MS</answer_timeout_ms>" \
     "... and its settings from sleep.conf"
for _ in $(seq 50); do
    sleep_vsh domstate early
    [ "$(cat "$OUT")" = "running" ] && break
    sleep 0.1
done
is "$(cat "$OUT")" "running" "the guest named in sleep.conf starts once vireod listens"

# ---- calls answered when the guest answers -------------------------------

cat > "$DIR/g1.xml" <<END
<domain type='qemu'><name>g1</name><memory unit='MiB'>16</memory>
<os><type>hvm</type></os></domain>
END
sleep_vsh create "$DIR/g1.xml"
like "$(cat "$OUT")" "Domain 'g1' created" \
     "create answers once the guest's process says it is ready"
sleep_vsh domstate g1
is "$(cat "$OUT")" "running" "... and the guest is running"
[ "$(guest_pids | wc -l)" = 2 ]
ok $? "each guest is a process of vireod's"
sleep_vsh suspend g1
like "$(cat "$OUT")" "Domain 'g1' suspended" "suspend answers from a timer on the driver's thread"
sleep_vsh domstate g1 --reason
is "$(cat "$OUT")" "paused (user)" "... once the guest is paused"
sleep_vsh resume g1
sleep_vsh reboot g1
like "$(cat "$OUT")" "Domain 'g1' is being rebooted" \
     "reboot answers once the guest says it rebooted"

# ---- many calls in flight ------------------------------------------------

$CLIENT concurrent "$SURI" 8 > "$OUT" 2> "$ERR"
is "$(grep '^failures=' "$OUT")" "failures=0" \
   "8 threads on one connection: every waiting call is answered"
is "$(grep '^events_in_order=' "$OUT")" "events_in_order=yes" \
   "... and every guest's events arrive in order"
is "$(grep '^guests_left=' "$OUT")" "guests_left=2" \
   "... and the guests that shut down are gone"

# ---- a guest that cannot answer ------------------------------------------

sleep_vsh suspend g1
$CLIENT deadline "$SURI" g1 early 20 > "$OUT" 2> "$ERR"
like "$(grep '^reboot_error=' "$OUT")" "reboot_error=68:Timed out during operation" \
     "a call on a guest that cannot answer ends at its deadline"
like "$(grep '^reboot_error=' "$OUT")" "the guest's 'rebooted'" \
     "... saying what it waited for"
is "$(grep '^other_calls_before=' "$OUT")" "other_calls_before=20" \
   "calls on another guest are all answered while it waits"
sleep_vsh resume g1
sleep_vsh domstate g1
is "$(cat "$OUT")" "running" "the guest is served again once it can answer"

sleep_vsh destroy g1
like "$(cat "$OUT")" "Domain 'g1' destroyed" "destroy answers once the process is gone"
[ "$(guest_pids | wc -l)" = 1 ]
ok $? "... and it was reaped"

# ---- shutdown with guests running and a call waiting ---------------------

for g in s1 s2 s3; do
    sed "s/g1/$g/" "$DIR/g1.xml" > "$DIR/$g.xml"
    sleep_vsh create "$DIR/$g.xml"
done
sleep_vsh suspend s3
pids=$(guest_pids)
[ "$(echo "$pids" | wc -l)" = 4 ]
ok $? "four guests run before the shutdown"
# A reboot of a guest that cannot answer is in flight during the signal.
timeout 30 virsh -q -c "$SURI" reboot s3 > "$DIR/late.out" 2>&1 &
late=$!
sleep 0.3
daemon_stop
is "$DRC" "0" "SIGTERM with guests running and a call waiting: vireod exits 0"
wait "$late"
[ $? -ne 0 ]
ok $? "the waiting call ends with an error, not a hang"
left=0
for pid in $pids; do
    [ -e "/proc/$pid" ] && left=$((left + 1))
done
is "$left" "0" "no guest process is left, not even a zombie"
like "$(cat "$DIR/vireod.log")" "every driver has stopped" \
     "the drivers stopped within their bound"
done_testing
