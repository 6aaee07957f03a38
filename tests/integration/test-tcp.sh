#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-tcp.sh: with listen_tcp on, the real virsh reaches vireod over TCP
# on loopback (test+tcp://127.0.0.1:PORT/default), a call that announces
# descriptors (which TCP cannot carry) ends the connection as with
# libvirtd, and a port already taken stops the daemon at start with a
# clear error.
. "$(dirname "$0")/lib.sh"

plan 8
# A port nobody uses right now, from the kernel.
TCP_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LISTEN_TCP=1 daemon_start
wait_for_line "$DIR/vireod.log" "listening on 127.0.0.1:$TCP_PORT"
ok $? "vireod listens on the TCP port it was given"
URI="test+tcp://127.0.0.1:$TCP_PORT/default"
vsh list --all
is "$(cat "$OUT")" "$(local_vsh list --all)" "virsh lists the domains over TCP"
vsh domstate test --reason
is "$(cat "$OUT")" "running (unknown)" "and reads a domain's state"

is "$(timeout 20 /usr/bin/python3 "$(dirname "$0")/raw_client.py" \
        "tcp:127.0.0.1:$TCP_PORT" fd-call-tcp 2>&1)" "closed" \
    "a call announcing descriptors over TCP ends the connection"
vsh domstate test --reason
is "$(cat "$OUT")" "running (unknown)" "and the daemon serves on"

# The port is taken now: a second daemon on another directory must refuse.
mkdir -p "$DIR/second"
sed -e "s|$DIR/run|$DIR/second|g" "$DIR/vireod.conf" > "$DIR/second.conf"
timeout 10 "$VIREOD" -f "$DIR/second.conf" > /dev/null 2> "$DIR/second.err"
[ $? -ne 0 ]; ok $? "a daemon whose TCP port is taken refuses to start"
wait_for_line "$DIR/vireod.log" "cannot listen on 127.0.0.1:$TCP_PORT"
ok $? "and logs which address it could not take"
daemon_stop
is "$DRC" "0" "SIGTERM stops the TCP daemon cleanly"
done_testing
