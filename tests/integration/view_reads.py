#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Reads right after writes, as libvirt's own client makes them.

view_reads.py transcript URI
    On one connection, each read follows the write before it at once:
    suspend then state, resume then state and info, define then lookups,
    start then lookup by id, destroy, undefine, then the reads that must
    now fail. A second connection reads too, after each write of the
    first. Prints one line per answer (the error's code, domain and
    message for a failure), for comparison between daemons.
view_reads.py pipeline SOCKET N
    Over the raw protocol, on one connection, N rounds of SUSPEND,
    GET_STATE, RESUME, GET_STATE, GET_INFO, LOOKUP_BY_NAME sent in one go
    without waiting; then every reply must come in the order sent, status
    OK, with the state the write before it left (paused, running), and
    no call overtaking an earlier write nor a write an earlier call (reads
    may overtake reads: the protocol matches replies by serial). Prints
    "ok" or the first difference."""
import socket
import struct
import sys

import libvirt

XML = """<domain type='test'>
  <name>viewread</name>
  <uuid>6b7c1f6e-3a8e-4b56-9d2a-8a1f0c2d4e61</uuid>
  <memory>65536</memory>
  <vcpu>1</vcpu>
  <os><type>hvm</type></os>
</domain>"""


def err_line(e):
    return "error %d %d %s" % (e.get_error_code(), e.get_error_domain(),
                               e.get_error_message())


def answer(what, fn):
    try:
        value = fn()
    except libvirt.libvirtError as e:
        value = err_line(e)
    print("%s: %s" % (what, value))


def info_without_time(dom):
    state, max_mem, mem, n_vcpus, _ = dom.info()
    return (state, max_mem, mem, n_vcpus)


def transcript(uri):
    libvirt.registerErrorHandler(lambda *_: None, None)
    conn = libvirt.open(uri)
    other = libvirt.open(uri)
    dom = conn.lookupByName("test")
    seen = other.lookupByName("test")

    dom.suspend()
    answer("state after suspend", dom.state)
    answer("the other connection's state", seen.state)
    answer("info after suspend", lambda: info_without_time(dom))
    dom.resume()
    answer("state after resume", dom.state)
    answer("the other connection's state", seen.state)

    new = conn.defineXML(XML)
    answer("lookup by name after define",
           lambda: conn.lookupByName("viewread").UUIDString())
    answer("the other connection's lookup",
           lambda: other.lookupByName("viewread").UUIDString())
    answer("state after define", new.state)
    answer("active, persistent", lambda: (new.isActive(), new.isPersistent()))
    new.create()
    dom_id = new.ID()
    answer("lookup by id after start", lambda: conn.lookupByID(dom_id).name())
    answer("state after start", new.state)
    answer("max memory", new.maxMemory)
    new.destroy()
    answer("lookup by the old id after destroy",
           lambda: conn.lookupByID(dom_id).name())
    answer("state after destroy", new.state)
    new.undefine()
    answer("lookup by name after undefine",
           lambda: conn.lookupByName("viewread").name())
    answer("lookup by uuid after undefine",
           lambda: conn.lookupByUUIDString(
               "6b7c1f6e-3a8e-4b56-9d2a-8a1f0c2d4e61").name())
    answer("state after undefine", new.state)
    answer("info after undefine", lambda: info_without_time(new))
    answer("the other connection's state after undefine",
           other.lookupByName("test").state)
    other.close()
    conn.close()


# ---- The raw protocol ------------------------------------------------

PROG = 0x20008086
OPEN, GET_INFO, LOOKUP_BY_NAME, RESUME, SUSPEND, GET_STATE = \
    1, 16, 23, 28, 34, 212
HEADER = ">IIIiII"
PAUSED, RUNNING = 3, 1


def packet(proc, serial, payload=b""):
    body = struct.pack(HEADER, PROG, 1, proc, 0, serial, 0) + payload
    return struct.pack(">I", len(body) + 4) + body


def xdr_string(text):
    data = text.encode()
    return struct.pack(">I", len(data)) + data + b"\0" * ((4 - len(data) % 4) % 4)


def read_message(s):
    head = s.recv(4, socket.MSG_WAITALL)
    if len(head) < 4:
        raise EOFError("connection closed")
    (length,) = struct.unpack(">I", head)
    rest = s.recv(length - 4, socket.MSG_WAITALL)
    return struct.unpack(HEADER, rest[:24]), rest[24:]


def call(s, proc, serial, payload=b""):
    s.sendall(packet(proc, serial, payload))
    hdr, body = read_message(s)
    if hdr[4] != serial or hdr[5] != 0:
        sys.exit("call %d failed" % proc)
    return body


def pipeline(sock_path, n_rounds):
    s = socket.socket(socket.AF_UNIX)
    s.connect(sock_path)
    call(s, OPEN, 1, struct.pack(">I", 1) + xdr_string("test:///default") +
         struct.pack(">I", 0))
    dom = call(s, LOOKUP_BY_NAME, 2, xdr_string("test"))  # nonnull domain
    plan = []
    for _ in range(n_rounds):
        plan += [(SUSPEND, None), (GET_STATE, PAUSED), (RESUME, None),
                 (GET_STATE, RUNNING), (GET_INFO, RUNNING),
                 (LOOKUP_BY_NAME, None)]
    out = b""
    for i, (proc, _) in enumerate(plan):
        if proc == LOOKUP_BY_NAME:
            args = xdr_string("test")
        elif proc == GET_STATE:
            args = dom + struct.pack(">I", 0)
        else:
            args = dom
        out += packet(proc, 100 + i, args)
    s.sendall(out)
    return check_replies(s, plan)


def check_replies(s, plan):
    """Every call answered once, status OK, with the state the write before
    it left; a write's reply after the replies to every call sent before
    it and before those sent after it (reads between two writes may be
    answered in any order among themselves: replies carry serials)."""
    arrived = []
    for _ in plan:
        hdr, body = read_message(s)
        i = hdr[4] - 100
        if not 0 <= i < len(plan) or hdr[2] != plan[i][0] or hdr[5] != 0:
            return "reply: proc %d serial %d status %d" % (hdr[2], hdr[4],
                                                           hdr[5])
        want = plan[i][1]
        if want is not None and struct.unpack(">i", body[:4])[0] != want:
            return "reply to call %d: state %d, want %d" \
                % (i, struct.unpack(">i", body[:4])[0], want)
        arrived.append(i)
    if sorted(arrived) != list(range(len(plan))):
        return "calls answered twice or never"
    for pos, i in enumerate(arrived):
        if plan[i][0] in (SUSPEND, RESUME) and \
                sorted(arrived[:pos]) != list(range(i)):
            return "write %d answered out of its place" % i
    return "ok"


if __name__ == "__main__":
    if sys.argv[1] == "transcript":
        transcript(sys.argv[2])
    else:
        print(pipeline(sys.argv[2], int(sys.argv[3])))
