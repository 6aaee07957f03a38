#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-systemd.sh: vireod as systemd runs it. Socket activation with
# systemd's own systemd-socket-activate (the sockets it passes are served,
# read-only included, and left in place; a socket of an unknown name stops
# the daemon with a clear error), the readiness notification (Type=notify,
# read on a NOTIFY_SOCKET of ours), --timeout (vireod leaves when idle,
# never while a client is connected), and log_outputs = "journald" against
# a real systemd-journald, started in a mount namespace of the test's own so
# that the host's /run is never touched.
. "$(dirname "$0")/lib.sh"

for tool in systemd-socket-activate unshare journalctl; do
    command -v "$tool" > /dev/null ||
        fail_all "$tool (systemd, util-linux) is installed"
done
[ -x /lib/systemd/systemd-journald ] || fail_all "systemd-journald is installed"
plan 17
write_config

# wait_exit PID: up to 10 s for PID to end; its status in DRC.
wait_exit() {
    for _ in $(seq 100); do
        kill -0 "$1" 2> /dev/null || break
        sleep 0.1
    done
    kill -0 "$1" 2> /dev/null && return 1
    wait "$1"
    DRC=$?
}

# activate NAMES CMD...: vireod behind systemd-socket-activate on
# $DIR/rw.sock and $DIR/ro.sock, named NAMES (colon-separated); it starts
# on the first connection.
activate() {
    local names=$1
    shift
    systemd-socket-activate -l "$DIR/rw.sock" -l "$DIR/ro.sock" \
        --fdname="$names" "$VIREOD" -f "$DIR/vireod.conf" "$@" \
        2> "$DIR/activate.err" &
    DPID=$!
    wait_for "$DIR/ro.sock"
}

# --- socket activation --------------------------------------------------
activate vireod.socket:vireod-ro.socket
URI="test+unix:///default?socket=$DIR/rw.sock"
vsh list --all
is "$(cat "$OUT")" "$(local_vsh list --all)" \
   "virsh reaches vireod through the socket systemd passed"
URI="test+unix:///default?socket=$DIR/ro.sock"
vsh destroy test
like "$(cat "$ERR")" "read only access prevents virDomainDestroy" \
     "the socket named vireod-ro.socket is read-only"
wait_for_line "$DIR/vireod.log" "listening on vireod-ro.socket, from systemd (read-only)"
ok $? "the log says which sockets came from systemd"
[ ! -e "$DIR/run/vireo-sock" ]
ok $? "vireod binds no socket of its own for a role systemd filled"
daemon_stop
is "$DRC" "0" "SIGTERM stops an activated vireod cleanly"
[ -S "$DIR/rw.sock" ] && [ -S "$DIR/ro.sock" ]
ok $? "and leaves systemd's socket files in place"
rm -f "$DIR/rw.sock" "$DIR/ro.sock"

# The admin socket (vireod-admin.socket) serves virt-admin.
activate vireod.socket:vireod-admin.socket
timeout 20 virt-admin -c "vireod:///system?socket=$DIR/ro.sock" srv-list \
    > "$OUT" 2> "$ERR"
like "$(cat "$OUT")" "libvirtd" \
     "virt-admin reaches vireod through the admin socket systemd passed"
daemon_stop
is "$DRC" "0" "and vireod stops cleanly"
rm -f "$DIR/rw.sock" "$DIR/ro.sock"

activate vireod.socket:vireod-bogus.socket
URI="test+unix:///default?socket=$DIR/rw.sock"
vsh list
wait_exit "$DPID"
DPID=
is "$DRC" "1" "a socket vireod has no use for stops it at start"
like "$(cat "$DIR/vireod.log")" "socket activation: no use for a socket named 'vireod-bogus.socket'" \
     "with an error naming the socket"
rm -f "$DIR/rw.sock" "$DIR/ro.sock"

# --- readiness ----------------------------------------------------------
python3 "$(dirname "$0")/notify_listener.py" "$DIR/notify" > "$DIR/notified" &
NOTIFY_PID=$!
wait_for "$DIR/notify"
NOTIFY_SOCKET=$DIR/notify "$VIREOD" -f "$DIR/vireod.conf" 2> /dev/null &
DPID=$!
wait_for_line "$DIR/notified" "READY=1"
ok $? "vireod tells systemd it is ready (Type=notify)"
daemon_stop
wait_for_line "$DIR/notified" "STOPPING=1"
ok $? "and that it is stopping, on SIGTERM"
kill "$NOTIFY_PID" 2> /dev/null

# --- --timeout ----------------------------------------------------------
# A connection held open, and known to be open before the timeout could
# pass (it has answered a command).
"$VIREOD" -f "$DIR/vireod.conf" --timeout 3 2> /dev/null &
DPID=$!
wait_for "$DIR/run/vireo-sock-ro"
mkfifo "$DIR/hold"
timeout 60 virsh -c "test+unix:///default?socket=$DIR/run/vireo-sock" \
    < "$DIR/hold" > "$DIR/hold.out" 2>&1 &
HOLD_PID=$!
exec 7> "$DIR/hold"
echo uri >&7
wait_for_line "$DIR/hold.out" "test:///default"
sleep 4
kill -0 "$DPID" 2> /dev/null
ok $? "--timeout: vireod stays while a client is connected"
release_connection
wait_exit "$DPID"
is "$?:$DRC" "0:0" "and leaves, cleanly, once idle for the timeout"
DPID=
"$VIREOD" -f "$DIR/vireod.conf" --timeout 0 2> "$DIR/bad.err"
is "$?:$(cat "$DIR/bad.err")" \
   "1:$VIREOD: invalid timeout '0': expected seconds, at least 1" \
   "a timeout that is not a positive number of seconds is refused"

# --- journald -------------------------------------------------------------
sed -i 's|^log_outputs = .*|log_outputs = "2:journald"|' "$DIR/vireod.conf"
unshare -m --propagation private bash "$(dirname "$0")/journald_run.sh" \
    "$DIR" "$VIREOD" > "$DIR/journal" 2> "$DIR/journal.err"
like "$(cat "$DIR/journal")" "6 vireod: vireod 0.1.0 ready" \
     "log_outputs journald: vireod's info lines reach a real journald"
like "$(cat "$DIR/journal")" "6 vireod: opened test:///default" \
     "one entry per line, with the syslog priority and identifier"
done_testing
