#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""stream_raw.py SOCKET URI MODE [ARGS]: libvirt's console streams spoken
by hand to a daemon (vireod or libvirtd alike), for what no real client
sends. Prints `key=value` lines; exits non-zero if the daemon stops
answering.

MODES
  garbage               stream messages for a stream nobody opened, then
                        a call: only the call is answered
  readonly DOM          on a read-only connection: the console and the
                        monitor command are refused (code, domain, text)
  chunks DOM NBYTES     one stream message of NBYTES, echoed back: how big
                        the daemon's own messages are
  backlog DOM           send without reading until the daemon stops
                        taking data: how much it took, then all of it back
  oversized DOM NBYTES  a stream message of NBYTES whole, then a call
"""
import select
import socket
import struct
import sys
import time

REMOTE, QEMU = 0x20008086, 0x20008087
CALL, REPLY, STREAM = 0, 1, 3
OK, ERROR, CONTINUE = 0, 1, 2
OPEN, GET_TYPE, LOOKUP_BY_NAME, OPEN_CONSOLE = 1, 3, 23, 201
CHUNK_MAX = 262120


def xdr_string(text):
    data = text.encode()
    return struct.pack(">I", len(data)) + data + bytes(-len(data) % 4)


def packet(proc, mtype, serial, payload=b"", status=OK, prog=REMOTE):
    body = struct.pack(">IIiiIi", prog, 1, proc, mtype, serial,
                       status) + payload
    return struct.pack(">I", len(body) + 4) + body


class Conn:
    def __init__(self, path):
        self.s = socket.socket(socket.AF_UNIX)
        self.s.settimeout(10)
        self.s.connect(path)
        self.serial = 0

    def read(self):
        head = self.recv_all(4)
        (length,) = struct.unpack(">I", head)
        data = self.recv_all(length - 4)
        return struct.unpack(">IIiiIi", data[:24]), data[24:]

    def recv_all(self, n):
        data = b""
        while len(data) < n:
            chunk = self.s.recv(n - len(data))
            if not chunk:
                raise EOFError("the daemon closed the connection")
            data += chunk
        return data

    def call(self, proc, payload=b"", prog=REMOTE):
        """A call's reply: (status, payload); other messages are counted."""
        self.serial += 1
        self.s.sendall(packet(proc, CALL, self.serial, payload, prog=prog))
        self.others = 0
        while True:
            hdr, body = self.read()
            if hdr[3] == REPLY and hdr[4] == self.serial:
                return hdr[5], body
            self.others += 1

    def open(self, uri, read_only=False):
        status, _ = self.call(OPEN, struct.pack(">I", 1) + xdr_string(uri) +
                              struct.pack(">I", 1 if read_only else 0))
        assert status == OK, "CONNECT_OPEN failed"

    def lookup(self, name):
        status, dom = self.call(LOOKUP_BY_NAME, xdr_string(name))
        assert status == OK, "no domain " + name
        return dom

    def open_console(self, dom):
        return self.call(OPEN_CONSOLE, dom + struct.pack(">II", 0, 0))


def error_of(body):
    code, domain, present, n = struct.unpack(">iiII", body[:16])
    return "%d:%d:%s" % (code, domain, body[16:16 + n].decode())


def garbage(c):
    """Data, finish and abort for serial 999, which opened nothing, then
    data for a procedure that opens no stream: all dropped unanswered."""
    for status, data in ((CONTINUE, b"lost"), (OK, b""), (ERROR, b"")):
        c.s.sendall(packet(OPEN_CONSOLE, STREAM, 999, data, status))
    c.s.sendall(packet(GET_TYPE, STREAM, 998, b"lost", CONTINUE))
    status, body = c.call(GET_TYPE)
    print("type_status=%d" % status)
    print("unasked_messages=%d" % c.others)


def readonly(c, name):
    dom = c.lookup(name)
    status, body = c.open_console(dom)
    print("console=%d:%s" % (status, error_of(body)))
    status, body = c.call(1, dom + xdr_string("{}") + struct.pack(">I", 0),
                          prog=QEMU)
    print("monitor=%d:%s" % (status, error_of(body)))


def stream_data(c, serial, want):
    """Read the stream's data messages until want bytes came; returns the
    bytes and the largest payload seen."""
    got, largest = [], 0
    total = 0
    while total < want:
        hdr, body = c.read()
        if hdr[3] != STREAM or hdr[4] != serial or hdr[5] != CONTINUE:
            raise RuntimeError("unexpected message %r" % (hdr,))
        if not body:
            break
        got.append(body)
        total += len(body)
        largest = max(largest, len(body))
    return b"".join(got), largest


def chunks(c, name, n):
    status, _ = c.open_console(c.lookup(name))
    serial = c.serial
    data = bytes(b"abcdefghijklmnopqrstuvwxyz"[i % 26] for i in range(n))
    c.s.sendall(packet(OPEN_CONSOLE, STREAM, serial, data, CONTINUE))
    got, largest = stream_data(c, serial, n)
    print("echoed=%d" % len(got))
    print("same=%s" % ("yes" if got == data.upper() else "no"))
    print("largest_at_most_chunk=%s" % ("yes" if largest <= CHUNK_MAX
                                        else "no: %d" % largest))


def push_until_full(c, serial):
    """Send 64 KiB data messages without reading until the socket takes
    nothing for a second. Returns the bytes taken and what is left of the
    message under way."""
    msg = packet(OPEN_CONSOLE, STREAM, serial, b"z" * 65536, CONTINUE)
    c.s.setblocking(False)
    taken, pending, stalled_since = 0, b"", None
    while taken < (64 << 20):
        pending = pending or msg
        try:
            n = c.s.send(pending)
            pending = pending[n:]
            taken += n
            stalled_since = None
        except BlockingIOError:
            stalled_since = stalled_since or time.monotonic()
            if time.monotonic() - stalled_since > 1.0:
                break
            time.sleep(0.01)
    return taken, pending


def drain(c, serial, pending, want):
    """Finish sending pending while reading the stream back, until want
    data bytes came; returns them."""
    got, total, buf = [], 0, b""
    deadline = time.monotonic() + 30
    while total < want and time.monotonic() < deadline:
        readable, writable, _ = select.select([c.s], [c.s] if pending else [],
                                              [], 1)
        if writable:
            pending = pending[c.s.send(pending):]
        if not readable:
            continue
        buf += c.s.recv(1 << 20)
        while len(buf) >= 4 and len(buf) >= struct.unpack(">I", buf[:4])[0]:
            (length,) = struct.unpack(">I", buf[:4])
            hdr = struct.unpack(">IIiiIi", buf[4:28])
            if hdr[3] == STREAM and hdr[4] == serial:
                got.append(buf[28:length])
                total += length - 28
            buf = buf[length:]
    return b"".join(got)


def backlog(c, name):
    status, _ = c.open_console(c.lookup(name))
    serial = c.serial
    taken, pending = push_until_full(c, serial)
    n_messages = (taken + len(pending)) // (65536 + 28)
    data_len = n_messages * 65536
    print("taken_mib=%d" % (taken >> 20))
    got = drain(c, serial, pending, data_len)
    print("all_back=%s" % ("yes" if got == b"Z" * data_len else
                           "no: %d of %d bytes" % (len(got), data_len)))


def oversized(c, name, n):
    """A message of n payload bytes (the length word says so), sent whole;
    then a call, if the connection still stands."""
    status, _ = c.open_console(c.lookup(name))
    try:
        c.s.sendall(packet(OPEN_CONSOLE, STREAM, c.serial, b"y" * n,
                           CONTINUE))
        status, _ = c.call(GET_TYPE)
        print("after=answered")
    except (EOFError, ConnectionError):
        print("after=closed")


def main():
    path, uri, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    c = Conn(path)
    c.open(uri, read_only=(mode == "readonly"))
    if mode == "garbage":
        garbage(c)
    elif mode == "readonly":
        readonly(c, sys.argv[4])
    elif mode == "chunks":
        chunks(c, sys.argv[4], int(sys.argv[5]))
    elif mode == "backlog":
        backlog(c, sys.argv[4])
    elif mode == "oversized":
        oversized(c, sys.argv[4], int(sys.argv[5]))
    else:
        sys.exit("unknown mode " + mode)


main()
