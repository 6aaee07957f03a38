#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-remote.sh vireod|libvirtd: vireo's client library (remote-client.c)
# against a real daemon over its UNIX socket: our own vireod, or a private
# real libvirtd (libvirtd.sh). The TAP stream is remote-client's.
#
# $REMOTE_CLIENT names the remote-client executable.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/libvirtd.sh"
: "${REMOTE_CLIENT:?REMOTE_CLIENT must name the remote-client executable}"

case "${1:-}" in
vireod)
    if ! daemon_start; then
        echo "Bail out! vireod did not start"
        exit 1
    fi
    target=$URI
    ;;
libvirtd)
    if ! libvirtd_start; then
        echo "1..0 # SKIP $LIBVIRTD_SKIP"
        exit 0
    fi
    target=$LIBVIRTD_URI
    ;;
*)
    echo "usage: $0 vireod|libvirtd" >&2
    exit 2
    ;;
esac

timeout 120 "$REMOTE_CLIENT" "$target"
rc=$?
[ "$1" = vireod ] && daemon_stop
[ "$1" = libvirtd ] && libvirtd_stop
exit $rc
