#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""bad_server.py SOCKET MODE: a UNIX-socket "daemon" that misbehaves in one
way, for testing how vireo's client copes. It serves one client at a time
until killed.

MODES
  close     accept, then close at once
  garbage   answer the first call with 64 random bytes
  huge      answer with a length word above libvirt's 16 MiB maximum
  tiny      answer with a length word below the 28-byte minimum
  wrong     answer with a well-formed reply to a serial never sent
            (then close, so the client does not wait forever)
  deaf      complete the handshake (keepalive offered), then answer
            nothing, keepalive PINGs included, until the client leaves
"""
import os
import socket
import struct
import sys

PROGRAM = 0x20008086


def read_call(conn):
    """The first whole call from the client, or None at EOF."""
    head = conn.recv(4, socket.MSG_WAITALL)
    if len(head) < 4:
        return None
    (length,) = struct.unpack(">I", head)
    return conn.recv(length - 4, socket.MSG_WAITALL)


# What the handshake calls get in "deaf" mode, by procedure: an empty
# AUTH_LIST (no authentication), "supported" for every feature, and an
# empty reply for CONNECT_OPEN.
HANDSHAKE = {66: struct.pack(">I", 0), 60: struct.pack(">I", 1), 1: b""}


def play_deaf(conn):
    while True:
        call = read_call(conn)
        if call is None:
            return
        prog, vers, proc, _type, serial, _status = struct.unpack(
            ">6I", call[:24])
        if prog != PROGRAM or proc not in HANDSHAKE:
            continue
        reply = struct.pack(">6I", prog, vers, proc, 1, serial, 0)
        reply += HANDSHAKE[proc]
        conn.sendall(struct.pack(">I", len(reply) + 4) + reply)


def answer(conn, mode):
    if mode == "close":
        return
    if mode == "deaf":
        play_deaf(conn)
        return
    call = read_call(conn)
    if call is None:
        return
    prog, vers, proc, _type, serial, _status = struct.unpack(">6I", call[:24])
    if mode == "garbage":
        conn.sendall(os.urandom(64))
    elif mode == "huge":
        conn.sendall(struct.pack(">I", 16 * 1024 * 1024 + 5) + bytes(24))
    elif mode == "tiny":
        conn.sendall(struct.pack(">I", 12) + bytes(8))
    elif mode == "wrong":
        reply = struct.pack(">6I", prog, vers, proc, 1, serial + 1000, 0)
        conn.sendall(struct.pack(">I", len(reply) + 4) + reply)


def main():
    path, mode = sys.argv[1], sys.argv[2]
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(8)
    while True:
        conn, _ = server.accept()
        try:
            answer(conn, mode)
        except OSError:
            pass
        conn.close()


if __name__ == "__main__":
    main()
