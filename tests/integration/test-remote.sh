#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-remote.sh vireod|libvirtd|deaf: vireo's client library over a UNIX
# socket, against our own vireod or a private real libvirtd (libvirtd.sh)
# with remote-client.c, or against a daemon that falls silent after the
# handshake (bad_server.py deaf) with remote-keepalive.c. The TAP stream is
# the program's.
#
# $REMOTE_CLIENT and $REMOTE_KEEPALIVE name the two programs.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/libvirtd.sh"
: "${REMOTE_CLIENT:?REMOTE_CLIENT must name the remote-client executable}"
: "${REMOTE_KEEPALIVE:?REMOTE_KEEPALIVE must name remote-keepalive}"
program=$REMOTE_CLIENT

case "${1:-}" in
vireod)
    if ! daemon_start; then
        echo "Bail out! vireod did not start"
        exit 1
    fi
    target=$URI
    ;;
libvirtd)
    libvirtd_start ||
        fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
    target=$LIBVIRTD_URI
    ;;
deaf)
    /usr/bin/python3 "$(dirname "$0")/bad_server.py" "$DIR/deaf-sock" deaf &
    DEAF_PID=$!
    wait_for "$DIR/deaf-sock"
    target="test+unix:///default?socket=$DIR/deaf-sock"
    program=$REMOTE_KEEPALIVE
    ;;
*)
    echo "usage: $0 vireod|libvirtd|deaf" >&2
    exit 2
    ;;
esac

timeout 120 "$program" "$target"
rc=$?
[ "$1" = vireod ] && daemon_stop
[ "$1" = libvirtd ] && libvirtd_stop
[ "$1" = deaf ] && kill "$DEAF_PID"
exit $rc
