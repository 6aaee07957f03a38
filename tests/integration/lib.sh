# SPDX-License-Identifier: LGPL-2.1-or-later
# lib.sh: TAP helpers for the integration tests, and a vireod of their
# own on a temporary directory (killed on exit, whatever happens).
#
#   daemon_start            # $DIR/run/vireo-sock, $URI, $URI_RO; $DPID
#   vsh list --all          # real virsh against it: $OUT, $ERR, $RC
#   is "$(cat "$OUT")" "expected" "description"
#   daemon_stop             # SIGTERM; $DRC is its exit status
#
# $VIREOD names the daemon executable. Before daemon_start, LISTEN_TCP=1
# and TCP_PORT add a TCP listener, SOCK_RW_PERMS opens the read-write
# socket to other users (the read-only one is open to all, as in vireod),
# and EXTRA_CONF holds more lines for vireod.conf.

set -u
. "$(dirname "${BASH_SOURCE[0]}")/../tap.sh"
: "${VIREOD:?VIREOD must name the vireod executable}"

DIR=$(mktemp -d)
# The network driver's settings (network.conf beside vireod.conf): a test
# daemon never starts libvirt's default network on the host. The tests
# of tests/network/, in network namespaces of their own, say otherwise.
echo "default_network_autostart = 0" > "$DIR/network.conf"
OUT=$DIR/out
ERR=$DIR/err
RC=0
DPID=
DRC=
# Every virsh call and every wait is bounded: a hung daemon fails the
# test instead of the suite.
VSH_TIMEOUT=20

cleanup() {
    [ -n "$DPID" ] && kill -KILL "$DPID" 2> /dev/null
    [ -n "${HOLD_PID:-}" ] && kill "$HOLD_PID" 2> /dev/null
    rm -rf "$DIR"
}
trap cleanup EXIT




# is GOT WANT DESCRIPTION
is() {
    [ "$1" = "$2" ]
    ok $? "$3"
    if [ "$1" != "$2" ]; then
        { echo "got:"; echo "$1"; echo "want:"; echo "$2"; } | diag
        diag < "$ERR"
    fi
}

# like GOT PATTERN DESCRIPTION: GOT contains the fixed string PATTERN.
like() {
    case "$1" in
    *"$2"*) ok 0 "$3" ;;
    *) ok 1 "$3"; { echo "got:"; echo "$1"; echo "wanted: $2"; } | diag ;;
    esac
}


write_config() {
    mkdir -p "$DIR/run" "$DIR/state"
    cat > "$DIR/vireod.conf" <<END
unix_sock_dir = "$DIR/run"
run_dir = "$DIR/run"
state_dir = "$DIR/state"
log_level = 1
unix_sock_rw_perms = "${SOCK_RW_PERMS:-0700}"
unix_sock_ro_perms = "0777"
keepalive_interval = ${KEEPALIVE_INTERVAL:-5}
keepalive_count = ${KEEPALIVE_COUNT:-5}
max_clients = ${MAX_CLIENTS:-5000}
listen_tcp = ${LISTEN_TCP:-0}
listen_addr = "127.0.0.1"
tcp_port = "${TCP_PORT:-16509}"
log_outputs = "1:file:$DIR/vireod.log"
${EXTRA_CONF:-}
END
}

# wait_for_line FILE TEXT [TIMEOUT_S]: up to TIMEOUT_S seconds (10 by
# default) for FILE to contain TEXT.
wait_for_line() {
    for _ in $(seq "$((${3:-10} * 10))"); do
        grep -qF -- "$2" "$1" 2> /dev/null && return 0
        sleep 0.1
    done
    return 1
}

# free_tcp_port: a loopback TCP port nobody uses right now, from the kernel.
free_tcp_port() {
    /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_for PATH: up to 10 s for PATH to exist.
wait_for() {
    for _ in $(seq 100); do
        [ -S "$1" ] && return 0
        sleep 0.1
    done
    return 1
}

daemon_start() {
    write_config
    "$VIREOD" -f "$DIR/vireod.conf" 2> "$DIR/vireod.stderr" &
    DPID=$!
    URI="test+unix:///default?socket=$DIR/run/vireo-sock"
    URI_RO="test+unix:///default?socket=$DIR/run/vireo-sock-ro"
    wait_for "$DIR/run/vireo-sock-ro"
}

# daemon_stop: SIGTERM, then wait up to 30 s for the exit (a daemon that
# just let 10,000 clients go, on a loaded machine, can take seconds).
daemon_stop() {
    kill -TERM "$DPID"
    for _ in $(seq 300); do
        kill -0 "$DPID" 2> /dev/null || break
        sleep 0.1
    done
    if kill -0 "$DPID" 2> /dev/null; then
        DRC=timeout
        return 1
    fi
    wait "$DPID"
    DRC=$?
    DPID=
}

# vsh ARGS...: the real virsh against our daemon (read-write socket).
vsh() {
    timeout "$VSH_TIMEOUT" virsh -c "$URI" "$@" > "$OUT" 2> "$ERR"
    RC=$?
}

# local_vsh ARGS...: the same command against libvirt's own in-process
# test driver, for comparison (stdout only).
local_vsh() {
    timeout "$VSH_TIMEOUT" virsh -c test:///default "$@" 2> /dev/null
}

# hold_connection: keep a connection to test:///default open, so that its
# state outlives the single-command virsh runs (as with libvirtd, the
# state lives while a connection holds it).
hold_connection() {
    mkfifo "$DIR/hold"
    timeout 300 virsh -c "$URI" < "$DIR/hold" > /dev/null 2>&1 &
    HOLD_PID=$!
    exec 7> "$DIR/hold"
}

release_connection() {
    exec 7>&-
    wait "$HOLD_PID" 2> /dev/null
    HOLD_PID=
}

# same_output WANT GOT WHAT: one check that libvirtd's answer (WANT) and
# vireod's (GOT) are the same, with their difference as a diagnostic when
# they are not.
same_output() {
    [ "$1" = "$2" ]
    ok $? "$3"
    [ "$1" = "$2" ] ||
        diff -u --label libvirtd --label vireod <(echo "$1") \
            <(echo "$2") | diag
}
