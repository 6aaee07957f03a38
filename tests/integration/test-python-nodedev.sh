#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-python-nodedev.sh: python3-libvirt (Debian's, for /usr/bin/python3
# only) asks vireod and a private real libvirtd the node device and host
# interface questions virsh does not ask, and vireod must answer as
# libvirtd does (python_nodedev.py).
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/libvirtd.sh"

/usr/bin/python3 -c 'import libvirt' 2> /dev/null ||
    fail_all "python3-libvirt is installed for /usr/bin/python3"
daemon_start || fail_all "vireod runs"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"

timeout 60 /usr/bin/python3 "$HERE/python_nodedev.py" "$LIBVIRTD_URI" "$URI"
rc=$?
daemon_stop
libvirtd_stop
[ "$rc" -eq 0 ] && [ "$DRC" = 0 ]
