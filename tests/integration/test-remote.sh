#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-remote.sh vireod|libvirtd|vireod-tcp|libvirtd-tcp|deaf|stopped:
# vireo's client library over a UNIX socket, or plain TCP on loopback (the
# -tcp modes), against our own vireod or a private real libvirtd
# (libvirtd.sh) with remote-client.c; and keepalive with remote-keepalive.c,
# against a daemon that falls silent after the handshake (bad_server.py
# deaf) or a real vireod that the program stops (SIGSTOP) in the middle of
# its calls. The TAP stream is the program's; only libvirtd may be skipped
# (when it cannot run here), everything else that cannot start fails.
#
# $REMOTE_CLIENT and $REMOTE_KEEPALIVE name the two programs.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/libvirtd.sh"
: "${REMOTE_CLIENT:?REMOTE_CLIENT must name the remote-client executable}"
: "${REMOTE_KEEPALIVE:?REMOTE_KEEPALIVE must name remote-keepalive}"
program=$REMOTE_CLIENT
args=()

# A stopped vireod leaves SIGTERM pending until it is continued: continue
# it first.
# The deaf daemon is ours to kill too, whatever happens.
DEAF_PID=
remote_cleanup() {
    [ -n "$DPID" ] && kill -CONT "$DPID" 2> /dev/null
    [ -n "$DEAF_PID" ] && kill "$DEAF_PID" 2> /dev/null && wait "$DEAF_PID" 2> /dev/null
    cleanup
}
trap 'libvirtd_cleanup; remote_cleanup' EXIT

case "${1:-}" in
vireod | stopped)
    if ! daemon_start; then
        echo "Bail out! vireod did not start"
        exit 1
    fi
    target=$URI
    if [ "$1" = stopped ]; then
        program=$REMOTE_KEEPALIVE
        args=("$DPID")
    fi
    ;;
vireod-tcp)
    TCP_PORT=$(free_tcp_port)
    if ! LISTEN_TCP=1 daemon_start ||
       ! wait_for_line "$DIR/vireod.log" "listening on 127.0.0.1:$TCP_PORT"; then
        echo "Bail out! vireod did not start on TCP"
        exit 1
    fi
    target="test+tcp://127.0.0.1:$TCP_PORT/default"
    ;;
libvirtd)
    libvirtd_start ||
        fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
    target=$LIBVIRTD_URI
    ;;
libvirtd-tcp)
    LIBVIRTD_TCP_PORT=$(free_tcp_port)
    libvirtd_start ||
        fail_all "a private libvirtd runs on TCP: $LIBVIRTD_START_ERROR"
    target=$LIBVIRTD_TCP_URI
    ;;
deaf)
    /usr/bin/python3 "$(dirname "$0")/bad_server.py" "$DIR/deaf-sock" deaf &
    DEAF_PID=$!
    if ! wait_for "$DIR/deaf-sock"; then
        echo "Bail out! bad_server.py deaf did not start"
        exit 1
    fi
    target="test+unix:///default?socket=$DIR/deaf-sock"
    program=$REMOTE_KEEPALIVE
    ;;
*)
    echo "usage: $0 vireod|libvirtd|vireod-tcp|libvirtd-tcp|deaf|stopped" >&2
    exit 2
    ;;
esac

timeout 120 "$program" "$target" "${args[@]}"
rc=$?
case "$1" in
vireod | vireod-tcp | stopped)
    kill -CONT "$DPID" 2> /dev/null
    if ! daemon_stop || [ "$DRC" != 0 ]; then
        echo "# vireod did not stop cleanly: $DRC"
        rc=1
    fi
    ;;
libvirtd | libvirtd-tcp)
    libvirtd_stop
    ;;
esac
exit $rc
