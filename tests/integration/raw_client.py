# SPDX-License-Identifier: LGPL-2.1-or-later
"""raw_client.py SOCKET SCENARIO: speak libvirt's wire protocol by hand to
vireod, for what no real client sends. Prints one line per reply; exits
non-zero if the daemon does not answer within 10 s."""
import os
import select
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


def xdr_string(text):
    data = text.encode()
    return struct.pack(">I", len(data)) + data + b"\0" * (-len(data) % 4)


# test:///default's domain `test`, as remote_nonnull_domain.
TEST_DOMAIN = (xdr_string("test") +
               bytes.fromhex("6695eb01f6a4830479aa97f2502e193f") +
               struct.pack(">i", 1))

# Calls libvirt defines, with args that decode, which the test driver
# does not serve (libvirtd answers "not supported"): the number, the
# payload.
UNSERVED = [
    (135, xdr_string("qemu-argv") + xdr_string("x") + struct.pack(">I", 0)),
    (395, struct.pack(">iI", 0, 0)),
    (103, TEST_DOMAIN + xdr_string("vda") + struct.pack(">QII", 0, 8, 0)),
    (250, struct.pack(">IQI", 0, 60, 0)),
    (422, TEST_DOMAIN + struct.pack(">I", 0)),
    (287, struct.pack(">iI", 1, 0)),
]


# The same in libvirt's QEMU and LXC programs: the program, the number,
# the payload.
QEMU_PROG, LXC_PROG = 0x20008087, 0x00068000
UNSERVED_ELSEWHERE = [
    (QEMU_PROG, 3, TEST_DOMAIN + xdr_string("{}") + struct.pack(">iI", 5, 0)),
    (LXC_PROG, 1, TEST_DOMAIN + struct.pack(">I", 0)),
]


def answer(s, proc, payload, serial, prog=PROG):
    """One call; its answer as a line: OK, or the error's words."""
    s.sendall(packet(prog, proc, 0, serial, payload))
    hdr, body = read_reply(s)
    if hdr[5] == 0:
        return "%d: OK" % proc
    return "%d: code=%d domain=%d msg=%s" % ((proc,) + error_message(body))


def unserved(s, open_flags=0):
    """Unserved calls before and after CONNECT_OPEN (with open_flags:
    1 is VIR_CONNECT_RO), in the three programs, an event message sent as
    a call, and a number beyond libvirt 9.0's."""
    print("before open", answer(s, *UNSERVED[0], serial=1))
    print("open", answer(s, 1, struct.pack(">I", 1) +
                         xdr_string("test:///default") +
                         struct.pack(">I", open_flags), serial=2))
    for serial, (proc, payload) in enumerate(UNSERVED, start=3):
        print(answer(s, proc, payload, serial))
    for serial, (prog, proc, payload) in enumerate(UNSERVED_ELSEWHERE,
                                                   start=10):
        print("program %x" % prog, answer(s, proc, payload, serial, prog))
    print(answer(s, 107, b"", serial=20))
    print(answer(s, 444, b"", serial=21))


def features(s):
    """Every VIR_DRV_FEATURE_* number libvirt 9.0 defines (1 ... 16) and
    one beyond, asked after opening test:///default: the answers."""
    answer(s, 1, struct.pack(">I", 1) + xdr_string("test:///default") +
           struct.pack(">I", 0), serial=1)
    for feature in range(1, 18):
        s.sendall(packet(PROG, 60, 0, feature + 1, struct.pack(">i", feature)))
        hdr, body = read_reply(s)
        if hdr[5] == 0:
            print("feature %d: %d" % (feature, struct.unpack(">i", body)[0]))
        else:
            print("feature %d: code=%d domain=%d msg=%s"
                  % ((feature,) + error_message(body)))


def fd_call(s):
    """DOMAIN_FD_ASSOCIATE (443) as a CALL_WITH_FDS passing this process's
    stdin, as virsh dom-fd-associate sends it (the message, then one byte
    carrying the descriptor), then CONNECT_GET_TYPE: both answers, which
    shows that the descriptor's byte did not upset the framing."""
    answer(s, 1, struct.pack(">I", 1) + xdr_string("test:///default") +
           struct.pack(">I", 0), serial=1)
    args = struct.pack(">I", 1) + TEST_DOMAIN + xdr_string("side") + \
        struct.pack(">I", 0)
    s.sendall(packet(PROG, 443, 4, 2, args))
    socket.send_fds(s, [b"\0"], [0])
    hdr, body = read_reply(s)
    print("443: type=%d status=%d code=%d domain=%d msg=%s"
          % ((hdr[3], hdr[5]) + error_message(body)))
    s.sendall(packet(PROG, 3, 0, 3))
    hdr, body = read_reply(s)
    print("3: type=%d status=%d" % (hdr[3], hdr[5]))


def undecodable(s):
    """Calls of served procedures whose arguments do not decode, after
    opening test:///default: a string longer than the bytes left, and a
    payload cut short. Then one that decodes, to show that the connection
    still serves."""
    answer(s, 1, struct.pack(">I", 1) + xdr_string("test:///default") +
           struct.pack(">I", 0), serial=1)
    print(answer(s, 23, struct.pack(">I", 1000) + b"test", serial=2))
    print(answer(s, 23, b"\0\0", serial=3))
    print(answer(s, 3, b"", serial=4))


def fd_closed(s):
    """DOMAIN_FD_ASSOCIATE passing the write end of a pipe, ours closed:
    once the call is answered, the pipe reads end of file only if the
    daemon kept no copy of the descriptor."""
    answer(s, 1, struct.pack(">I", 1) + xdr_string("test:///default") +
           struct.pack(">I", 0), serial=1)
    r, w = os.pipe()
    args = struct.pack(">I", 1) + TEST_DOMAIN + xdr_string("side") + \
        struct.pack(">I", 0)
    s.sendall(packet(PROG, 443, 4, 2, args))
    socket.send_fds(s, [b"\0"], [w])
    os.close(w)
    read_reply(s)
    ready, _, _ = select.select([r], [], [], 5)
    print("end of file" if ready and os.read(r, 1) == b"" else "still open")


def fd_call_tcp(s):
    """A CALL_WITH_FDS over TCP, which carries no descriptor: the daemon
    closes the connection, as libvirtd does."""
    answer(s, 1, struct.pack(">I", 1) + xdr_string("test:///default") +
           struct.pack(">I", 0), serial=1)
    args = struct.pack(">I", 1) + TEST_DOMAIN + xdr_string("side") + \
        struct.pack(">I", 0)
    s.sendall(packet(PROG, 443, 4, 2, args))
    print("closed" if read_reply(s) is None else "answered")


def object_event_errors(s):
    """Storage pool (368, 369) and node device (374, 375) event
    registrations: event ids libvirtd refuses, deregistrations of
    callbacks the client does not hold, then good registrations (no
    filter) and their deregistrations."""
    print("open", answer(s, 1, struct.pack(">I", 1) +
                         xdr_string("test:///default") +
                         struct.pack(">I", 0), serial=1))
    serial = 2
    for register, deregister in ((368, 369), (374, 375)):
        for event_id in (2, -1):
            print(answer(s, register, struct.pack(">iI", event_id, 0),
                         serial))
            serial += 1
        print(answer(s, deregister, struct.pack(">i", 7), serial))
        s.sendall(packet(PROG, register, 0, serial + 1,
                         struct.pack(">iI", 1, 0)))
        hdr, body = read_reply(s)
        print(register, "status=%d" % hdr[5])
        (callback_id,) = struct.unpack(">i", body[:4])
        print(answer(s, deregister, struct.pack(">i", callback_id),
                     serial + 2))
        serial += 3


def split(s):
    """Calls cut anywhere by the reads: DOMAIN_GET_STATE (212) sent a byte
    at a time, then twelve at once (more than max_client_requests, so the
    daemon holds some back while it runs the first), the last one's second
    half sent a moment later. One line: how many replies came, whether
    they answer each call once, whether every one is OK. (Not in the
    order sent: a read answered from the driver's published view may
    overtake an earlier read that went to the driver's thread, as the
    protocol allows; it never overtakes a call that changes something.)"""
    import time
    answer(s, 1, struct.pack(">I", 1) + xdr_string("test:///default") +
           struct.pack(">I", 0), serial=1)
    args = TEST_DOMAIN + struct.pack(">I", 0)
    for byte in packet(PROG, 212, 0, 2, args):
        s.sendall(bytes([byte]))
        time.sleep(0.001)
    burst = b"".join(packet(PROG, 212, 0, serial, args)
                     for serial in range(3, 15))
    s.sendall(burst[:-20])
    time.sleep(0.2)
    s.sendall(burst[-20:])
    replies = [read_reply(s) for _ in range(13)]
    print("replies=%d each-once=%s ok=%s" % (
        sum(r is not None for r in replies),
        "yes" if sorted(r[0][4] for r in replies if r) == list(range(2, 15))
        else "no",
        "yes" if all(r and r[0][5] == 0 for r in replies) else "no"))


def main():
    if sys.argv[1].startswith("tcp:"):
        _, host, port = sys.argv[1].split(":")
        s = socket.create_connection((host, int(port)), timeout=10)
    else:
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
    elif scenario == "unserved":
        unserved(s)
    elif scenario == "unserved-ro":
        unserved(s, open_flags=1)
    elif scenario == "undecodable":
        undecodable(s)
    elif scenario == "features":
        features(s)
    elif scenario == "fd-call":
        fd_call(s)
    elif scenario == "fd-closed":
        fd_closed(s)
    elif scenario == "fd-call-tcp":
        fd_call_tcp(s)
    elif scenario == "object-event-errors":
        object_event_errors(s)
    elif scenario == "split":
        split(s)
    elif scenario == "garbage":
        s.sendall(b"\xff\xff\xff\xff garbage")
        print("closed" if read_reply(s) is None else "answered")


main()
