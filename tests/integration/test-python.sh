#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-python.sh: python3-libvirt (Debian's, for /usr/bin/python3 only)
# against a vireod of the test's own.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"

/usr/bin/python3 -c 'import libvirt' 2> /dev/null ||
    fail_all "python3-libvirt is installed for /usr/bin/python3"
if ! daemon_start; then
    echo "1..1"
    ok 1 "vireod starts"
    exit 1
fi
timeout 60 /usr/bin/python3 "$HERE/python_client.py" "$URI"
rc=$?
daemon_stop
[ "$rc" -eq 0 ] && [ "$DRC" = 0 ]
