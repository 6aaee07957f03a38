#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Open N connections to a UNIX socket and keep them until stdin closes;
prints "held N" once they are all connected (a connection the server
accepts and closes at once is still counted: the test checks the log)."""
import socket
import sys

path, n = sys.argv[1], int(sys.argv[2])
held = []
for _ in range(n):
    s = socket.socket(socket.AF_UNIX)
    s.connect(path)
    held.append(s)
print("held %d" % len(held), flush=True)
sys.stdin.read()
