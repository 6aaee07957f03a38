#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-python-peers.sh: python3-libvirt (Debian's, for /usr/bin/python3
# only) asks vireod and a private real libvirtd the same questions, each
# over its UNIX socket and over plain TCP on loopback, and must get
# libvirtd's answers from both (python_peers.py).
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/libvirtd.sh"

/usr/bin/python3 -c 'import libvirt' 2> /dev/null ||
    fail_all "python3-libvirt is installed for /usr/bin/python3"
TCP_PORT=$(free_tcp_port)
LISTEN_TCP=1 daemon_start &&
    wait_for_line "$DIR/vireod.log" "listening on 127.0.0.1:$TCP_PORT" ||
    fail_all "vireod starts, listening on TCP too"
LIBVIRTD_TCP_PORT=$(free_tcp_port)
libvirtd_start ||
    fail_all "a private libvirtd runs, on TCP too: $LIBVIRTD_START_ERROR"

timeout 60 /usr/bin/python3 "$HERE/python_peers.py" \
    "vireod over its UNIX socket=$URI" \
    "vireod over TCP=test+tcp://127.0.0.1:$TCP_PORT/default" \
    "libvirtd over its UNIX socket=$LIBVIRTD_URI" \
    "libvirtd over TCP=$LIBVIRTD_TCP_URI"
rc=$?
daemon_stop
libvirtd_stop
[ "$rc" -eq 0 ] && [ "$DRC" = 0 ]
