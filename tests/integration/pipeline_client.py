#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Calls in flight when vireod is told to stop, over the raw protocol.

pipeline_client.py SOCKET signal N_CONNS N_CALLS PID
    Open N_CONNS connections to test:///default and send N_CALLS
    CONNECT_LIST_ALL_DOMAINS calls on each in one go, without waiting for
    replies. Once every connection has its first reply (so the daemon has
    read calls of each and still has plenty to run), send SIGTERM to PID
    and print "signalled".
pipeline_client.py SOCKET deaf N_CALLS
    One connection gives the domain "test" a description larger than any
    socket buffer (1 MiB), then sends N_CALLS DOMAIN_GET_XML_DESC calls for
    it; once the first reply has begun to arrive (so the daemon is
    surely writing one it cannot finish) it prints "ready", then reads
    nothing until stdin closes, so that replies pile up unwritten on the
    daemon's side.

Then each connection is read to its end, and prints one line:
    replies=K prefix=yes|no wellformed=yes|no partial=BYTES end=eof|reset|timeout
where prefix says the replies answer exactly the first K calls sent (the
daemon runs one client's calls in order, so a call it read and did not
answer shows as a gap), wellformed that every reply is a complete REPLY
with status OK to a call sent, of the procedure sent, whose body decodes,
and partial counts bytes after the last whole message. Every call is sent
before the signal: a peer still sending when the daemon closes its socket
would be reset by the kernel, which is not what this checks."""
import fcntl
import os
import signal
import socket
import struct
import sys
import termios
import threading
import time

PROG = 0x20008086
PROC_OPEN, PROC_GET_XML_DESC, PROC_LOOKUP_BY_NAME = 1, 14, 23
PROC_SET_METADATA, PROC_LIST_ALL = 264, 273
METADATA_DESCRIPTION, AFFECT_LIVE = 0, 1
DESCRIPTION_SIZE = 1 << 20
HEADER = ">IIIiII"
HEADER_LEN = 24


def packet(proc, serial, payload=b""):
    body = struct.pack(HEADER, PROG, 1, proc, 0, serial, 0) + payload
    return struct.pack(">I", len(body) + 4) + body


def xdr_string(text):
    data = text.encode()
    pad = (4 - len(data) % 4) % 4
    return struct.pack(">I", len(data)) + data + b"\0" * pad


def open_call():
    # remote_connect_open_args: optional name (present flag + string), flags.
    return packet(PROC_OPEN, 1,
                  struct.pack(">I", 1) + xdr_string("test:///default") +
                  struct.pack(">I", 0))


def lookup_call(name):
    return packet(PROC_LOOKUP_BY_NAME, 1, xdr_string(name))


def describe_call(domain, text):
    # remote_domain_set_metadata_args: dom, type, metadata (optional
    # string), key and uri (both absent), flags.
    return packet(PROC_SET_METADATA, 1,
                  domain + struct.pack(">iI", METADATA_DESCRIPTION, 1) +
                  xdr_string(text) + struct.pack(">III", 0, 0, AFFECT_LIVE))


class Body:
    """An XDR reader that raises ValueError on anything short or odd."""

    def __init__(self, data):
        self.data, self.pos = data, 0

    def take(self, n):
        if self.pos + n > len(self.data):
            raise ValueError("short body")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def uint(self):
        return struct.unpack(">I", self.take(4))[0]

    def string(self):
        n = self.uint()
        text = self.take(n)
        self.take((4 - n % 4) % 4)
        return text.decode()

    def done(self):
        if self.pos != len(self.data):
            raise ValueError("trailing bytes")


def check_list_all(body):
    """remote_connect_list_all_domains_ret: domains<>, unsigned ret."""
    b = Body(body)
    n = b.uint()
    names = []
    for _ in range(n):
        names.append(b.string())
        b.take(16 + 4)          # uuid, id
    if b.uint() != n or "test" not in names:
        raise ValueError("bad domain list")
    b.done()


def check_xml_desc(body):
    b = Body(body)
    xml = b.string()
    if not xml.startswith("<domain") or "<name>test</name>" not in xml:
        raise ValueError("not the domain test")
    b.done()


CHECKS = {PROC_LIST_ALL: check_list_all, PROC_GET_XML_DESC: check_xml_desc}


def split_messages(data):
    """Whole messages in data, and the count of bytes left over."""
    messages, pos = [], 0
    while len(data) - pos >= 4:
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        if length < 4 + HEADER_LEN or len(data) - pos < length:
            break
        messages.append(data[pos + 4:pos + length])
        pos += length
    return messages, len(data) - pos


def well_formed(message, proc, sent):
    prog, vers, mproc, mtype, serial, status = \
        struct.unpack(HEADER, message[:HEADER_LEN])
    if (prog, vers, mproc, mtype, status) != (PROG, 1, proc, 1, 0):
        return None
    if serial not in sent:
        return None
    try:
        CHECKS[proc](message[HEADER_LEN:])
    except (ValueError, UnicodeDecodeError, struct.error):
        return None
    return serial


def read_exactly_one(s, what):
    """The reply to serial 1, read byte-exact so nothing else is taken;
    its body."""
    head = s.recv(4, socket.MSG_WAITALL)
    (length,) = struct.unpack(">I", head)
    rest = s.recv(length - 4, socket.MSG_WAITALL)
    hdr = struct.unpack(HEADER, rest[:HEADER_LEN])
    if hdr[4] != 1 or hdr[5] != 0:
        sys.exit(what + " failed")
    return rest[HEADER_LEN:]


class Connection:
    def __init__(self, path, proc, n_calls):
        self.proc = proc
        self.serials = list(range(2, n_calls + 2))
        self.data = bytearray()
        self.end = None
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.settimeout(30)
        self.sock.connect(path)
        self.sock.sendall(open_call())
        read_exactly_one(self.sock, "CONNECT_OPEN")
        if proc == PROC_LIST_ALL:
            self.args = struct.pack(">iI", 1, 0)     # need_results, flags
        else:
            # remote_nonnull_domain as the lookup answered it, flags
            self.sock.sendall(lookup_call("test"))
            domain = read_exactly_one(self.sock, "LOOKUP_BY_NAME")
            self.sock.sendall(describe_call(domain, "x" * DESCRIPTION_SIZE))
            read_exactly_one(self.sock, "SET_METADATA")
            self.args = domain + struct.pack(">I", 0)

    def send_calls(self):
        self.sock.sendall(b"".join(packet(self.proc, serial, self.args)
                                   for serial in self.serials))

    def wait_unread(self):
        """Until bytes of a reply wait in the socket, unread (as long as
        the socket's own timeout at most)."""
        unread = bytearray(4)
        deadline = time.monotonic() + self.sock.gettimeout()
        while time.monotonic() < deadline:
            fcntl.ioctl(self.sock.fileno(), termios.FIONREAD, unread)
            if struct.unpack("i", unread)[0] > 0:
                return
            time.sleep(0.01)
        sys.exit("no reply began to arrive")

    def read_some(self):
        """False once the connection has ended (self.end says how)."""
        try:
            chunk = self.sock.recv(65536)
        except ConnectionResetError:
            self.end = "reset"
            return False
        except socket.timeout:
            self.end = "timeout"
            return False
        if not chunk:
            self.end = "eof"
            return False
        self.data += chunk
        return True

    def read_first_reply(self):
        while not split_messages(self.data)[0] and self.read_some():
            pass

    def read_to_end(self):
        while self.read_some():
            pass

    def report(self):
        messages, partial = split_messages(self.data)
        sent = set(self.serials)
        answered = [well_formed(m, self.proc, sent) for m in messages]
        is_well_formed = None not in answered
        is_prefix = answered == self.serials[:len(answered)]
        return ("replies=%d prefix=%s wellformed=%s partial=%d end=%s"
                % (len(messages), "yes" if is_prefix else "no",
                   "yes" if is_well_formed else "no", partial, self.end))


def run_signal(path, n_conns, n_calls, pid):
    conns = [Connection(path, PROC_LIST_ALL, n_calls) for _ in range(n_conns)]
    for c in conns:
        c.send_calls()
    for c in conns:
        c.read_first_reply()
    os.kill(pid, signal.SIGTERM)
    print("signalled", flush=True)
    # Read them all at once: the daemon waits for every reply to be taken.
    readers = [threading.Thread(target=c.read_to_end) for c in conns]
    for r in readers:
        r.start()
    for r in readers:
        r.join()
    for c in conns:
        print(c.report(), flush=True)


def run_deaf(path, n_calls):
    c = Connection(path, PROC_GET_XML_DESC, n_calls)
    c.send_calls()
    c.wait_unread()
    print("ready", flush=True)
    sys.stdin.read()
    c.read_to_end()
    print(c.report(), flush=True)


def main():
    if sys.argv[2] == "signal":
        run_signal(sys.argv[1], int(sys.argv[3]), int(sys.argv[4]),
                   int(sys.argv[5]))
    else:
        run_deaf(sys.argv[1], int(sys.argv[3]))


main()
