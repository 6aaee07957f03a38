#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""notify_listener.py PATH: systemd's side of sd_notify, for a test: bind
the datagram socket PATH (what NOTIFY_SOCKET names) and print every
notification received, one assignment per line, until killed."""
import socket
import sys

sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(sys.argv[1])
while True:
    data = sock.recv(4096)
    for line in data.decode(errors="replace").splitlines():
        print(line, flush=True)
