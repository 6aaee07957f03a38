#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# metrics_slow_client.py SOCKET: a client that never reads its replies.
# It opens test:///default, then keeps asking for the capabilities (a few
# KiB each) without reading a byte, until vireod hangs up on it. Prints
# "dropped" when the daemon closed the connection, "kept" if 20000 calls
# went through without that.
import socket
import struct
import sys

REMOTE = 0x20008086
CONNECT_OPEN, CONNECT_GET_CAPABILITIES = 1, 7


def frame(proc, serial, payload=b""):
    body = struct.pack(">IIiiIi", REMOTE, 1, proc, 0, serial, 0) + payload
    return struct.pack(">I", len(body) + 4) + body


def read_message(s):
    head = b""
    while len(head) < 4:
        head += s.recv(4 - len(head))
    (n,) = struct.unpack(">I", head)
    rest = b""
    while len(rest) < n - 4:
        rest += s.recv(n - 4 - len(rest))
    return rest


s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(sys.argv[1])
name = b"test:///default"
s.sendall(frame(CONNECT_OPEN, 1, struct.pack(">II", 1, len(name)) + name +
                b"\0" * (-len(name) % 4) + struct.pack(">I", 0)))
read_message(s)
s.settimeout(10)
try:
    for serial in range(2, 20002):
        s.sendall(frame(CONNECT_GET_CAPABILITIES, serial))
    print("kept")
except OSError:
    print("dropped")
