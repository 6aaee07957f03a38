# SPDX-License-Identifier: LGPL-2.1-or-later
"""legacy_events.py SOCKET: one raw-protocol connection to vireod, driven a
line at a time from stdin, for the legacy event calls (105/106, 167/168)
that real clients send only to a server without callback-style events
(feature 14 answered 0). Each command prints one line:

  open URI          AUTH_LIST, CONNECT_OPEN  -> "open ok" | "open error ..."
  call PROC [INT]   a call, with one int arg -> "reply ok [value=N]" | "reply
                                                error code=C domain=D msg=M"
  event             the next event message   -> "event PROC serial=S dom=NAME
                    (up to 10 s)                uuid=U id=I [event=E detail=D]"
                                              | "event none"
  quit              exit; the socket closes without CONNECT_CLOSE

Events that arrive while a call waits for its reply are kept for `event`.
"""
import select
import socket
import struct
import sys
import uuid

PROG = 0x20008086
CALL, REPLY, MESSAGE = 0, 1, 2
AUTH_LIST, CONNECT_OPEN = 66, 1
TIMEOUT_S = 10


def xdr_string(s):
    data = s.encode()
    return struct.pack(">I", len(data)) + data + b"\0" * (-len(data) % 4)


class Reader:
    """Whole messages off the socket, however the bytes arrive."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = b""

    def message(self, timeout_s):
        while True:
            if len(self.buf) >= 4:
                (length,) = struct.unpack(">I", self.buf[:4])
                if len(self.buf) >= length:
                    data, self.buf = self.buf[4:length], self.buf[length:]
                    return struct.unpack(">IIIiII", data[:24]), data[24:]
            ready, _, _ = select.select([self.sock], [], [], timeout_s)
            if not ready:
                return None
            chunk = self.sock.recv(65536)
            if not chunk:
                return None
            self.buf += chunk


def read_string(payload, at):
    (n,) = struct.unpack(">I", payload[at:at + 4])
    text = payload[at + 4:at + 4 + n].decode()
    return text, at + 4 + n + (-n % 4)


def describe_event(hdr, payload):
    name, at = read_string(payload, 0)
    dom_uuid = str(uuid.UUID(bytes=payload[at:at + 16]))
    (dom_id,) = struct.unpack(">i", payload[at + 16:at + 20])
    line = "event %d serial=%d dom=%s uuid=%s id=%d" % (
        hdr[2], hdr[4], name, dom_uuid, dom_id)
    rest = payload[at + 20:]
    if len(rest) == 8:
        line += " event=%d detail=%d" % struct.unpack(">ii", rest)
    return line


def describe_reply(hdr, payload):
    if hdr[5] != 0:
        code, domain = struct.unpack(">ii", payload[:8])
        msg, _ = read_string(payload, 12)
        return "reply error code=%d domain=%d msg=%s" % (code, domain, msg)
    if len(payload) == 4:
        return "reply ok value=%d" % struct.unpack(">i", payload)
    return "reply ok"


class Connection:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.connect(path)
        self.reader = Reader(self.sock)
        self.serial = 0
        self.events = []

    def call(self, proc, payload=b""):
        """The reply to a call, keeping the events that come first."""
        self.serial += 1
        body = struct.pack(">IIIiII", PROG, 1, proc, CALL, self.serial, 0)
        body += payload
        self.sock.sendall(struct.pack(">I", len(body) + 4) + body)
        while True:
            got = self.reader.message(TIMEOUT_S)
            if got is None:
                return None
            hdr, data = got
            if hdr[3] == REPLY and hdr[4] == self.serial:
                return got
            if hdr[3] == MESSAGE:
                self.events.append(got)

    def next_event(self):
        if self.events:
            return self.events.pop(0)
        while True:
            got = self.reader.message(TIMEOUT_S)
            if got is None or got[0][3] == MESSAGE:
                return got


def run(conn, words):
    if words[0] == "open":
        conn.call(AUTH_LIST)
        got = conn.call(CONNECT_OPEN, struct.pack(">I", 1) +
                        xdr_string(words[1]) + struct.pack(">I", 0))
        if got is None:
            return "open no answer"
        line = describe_reply(*got)
        return "open ok" if line.startswith("reply ok") else "open " + line[6:]
    if words[0] == "call":
        args = b"".join(struct.pack(">i", int(w)) for w in words[2:])
        got = conn.call(int(words[1]), args)
        return "reply none" if got is None else describe_reply(*got)
    if words[0] == "event":
        got = conn.next_event()
        return "event none" if got is None else describe_event(*got)
    return "unknown command " + words[0]


def main():
    conn = Connection(sys.argv[1])
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "quit":
            break
        print(run(conn, words), flush=True)
    conn.sock.close()


main()
