#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Hostile clients for vireod: random bytes, calls with random procedures
and payloads before and after CONNECT_OPEN, lengths out of bounds, and
messages cut mid-frame before hanging up. Deterministic (seeded). Prints
how many it sent.

    hostile_clients.py SOCKET COUNT
"""
import os
import random
import socket
import struct
import sys

REMOTE, VERSION = 0x20008086, 1


def frame(proc, serial, payload, prog=REMOTE, vers=VERSION, typ=0):
    body = struct.pack(">IIiiIi", prog, vers, proc, typ, serial, 0) + payload
    return struct.pack(">I", len(body) + 4) + body


def open_call():
    name = b"test:///default"
    padded = name + b"\0" * (-len(name) % 4)
    return frame(1, 1, struct.pack(">II", 1, len(name)) + padded + struct.pack(">I", 0))


def hostile_message(rng, i):
    kind = i % 6
    if kind == 0:
        return os.urandom(rng.randint(1, 200))
    if kind == 1:
        return frame(rng.randint(-5, 500), i, os.urandom(rng.randint(0, 64)))
    if kind == 2:
        proc = rng.choice([9, 10, 11, 12, 14, 16, 22, 23, 24, 212, 273, 316])
        return open_call() + frame(proc, 2, os.urandom(rng.randint(0, 48)))
    if kind == 3:
        return frame(23, 3, b"\0\0\0\x10ab")[:rng.randint(5, 30)]
    if kind == 4:
        return struct.pack(">I", rng.choice([0, 3, 27, 16777221, 0xffffffff])) + os.urandom(40)
    return frame(1, 4, b"", prog=rng.randint(0, 2**32 - 1), vers=rng.randint(0, 9),
                 typ=rng.randint(-2, 8))


def main():
    path, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(7)
    for i in range(count):
        s = socket.socket(socket.AF_UNIX)
        s.connect(path)
        s.settimeout(0.01)   # most hostile messages get no reply at all
        try:
            s.sendall(hostile_message(rng, i))
            if rng.random() < 0.5:
                s.recv(65536)
        except OSError:
            pass
        s.close()
    print("sent %d" % count)


if __name__ == "__main__":
    main()
