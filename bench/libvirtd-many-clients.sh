#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# libvirtd-many-clients.sh: libvirtd as tests/integration/libvirtd.sh
# starts it (given as its $LIBVIRTD), with the client limits raised first
# in the configuration it is handed (-f FILE), so that it holds as many
# connections as the benchmarks open (10,000 idle ones and more), as
# vireod does with its own max_clients. It runs as libvirtd's own user,
# which owns that file, and execs libvirtd: its pid is libvirtd's.
conf=
prev=
for arg in "$@"; do
    [ "$prev" = "-f" ] && conf=$arg
    prev=$arg
done
if [ -n "$conf" ]; then
    cat >> "$conf" <<END
max_clients = 20000
max_anonymous_clients = 20000
max_queued_clients = 4096
END
fi
exec /usr/sbin/libvirtd "$@"
