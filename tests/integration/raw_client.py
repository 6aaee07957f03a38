# SPDX-License-Identifier: LGPL-2.1-or-later
"""raw_client.py SOCKET SCENARIO: speak libvirt's wire protocol by hand to
vireod, for what no real client sends. Prints one line per reply; exits
non-zero if the daemon does not answer within 10 s."""
import socket
import struct
import sys

PROG, KEEP = 0x20008086, 0x6B656570


def packet(prog, proc, mtype, serial, payload=b""):
    body = struct.pack(">IIIiII", prog, 1, proc, mtype, serial, 0) + payload
    return struct.pack(">I", len(body) + 4) + body


def read_reply(s):
    head = b""
    while len(head) < 4:
        chunk = s.recv(4 - len(head))
        if not chunk:
            return None
        head += chunk
    (length,) = struct.unpack(">I", head)
    data = b""
    while len(data) < length - 4:
        chunk = s.recv(length - 4 - len(data))
        if not chunk:
            return None
        data += chunk
    return struct.unpack(">IIIiII", data[:24]), data[24:]


def error_message(payload):
    code, domain, present, n = struct.unpack(">iiII", payload[:16])
    return code, domain, payload[16:16 + n].decode()


def main():
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(10)
    s.connect(sys.argv[1])
    scenario = sys.argv[2]
    if scenario == "unknown":
        s.sendall(packet(PROG, 9999, 0, 7))
        hdr, payload = read_reply(s)
        print("serial=%d status=%d code=%d domain=%d msg=%s"
              % ((hdr[4], hdr[5]) + error_message(payload)))
    elif scenario == "not-open":
        s.sendall(packet(PROG, 3, 0, 1))
        hdr, payload = read_reply(s)
        print("status=%d code=%d domain=%d msg=%s"
              % ((hdr[5],) + error_message(payload)))
    elif scenario == "ping":
        s.sendall(packet(KEEP, 1, 2, 0))
        hdr, _ = read_reply(s)
        print("prog=%x proc=%d type=%d" % (hdr[0], hdr[2], hdr[3]))
    elif scenario == "silent":
        # Ask for keepalive (allowed before open), then never answer.
        s.sendall(packet(PROG, 60, 0, 0, struct.pack(">i", 10)))
        s.settimeout(30)
        read_reply(s)
        pings = 0
        while True:
            got = read_reply(s)
            if got is None:
                break
            pings += got[0][0] == KEEP and got[0][2] == 1
        print("pings=%d closed" % pings)
    elif scenario == "garbage":
        s.sendall(b"\xff\xff\xff\xff garbage")
        print("closed" if read_reply(s) is None else "answered")


main()
