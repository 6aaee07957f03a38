#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""rewrite_proxy.py LISTEN DAEMON MODE: a UNIX-socket proxy between the
clients that connect to LISTEN and the daemon listening on DAEMON, that
passes everything through except the daemon's successful replies to one
procedure, which it rewrites. With it, two clients (virsh and vireo) can be
shown an answer that neither vireod's nor libvirtd's test driver ever
gives, and must print the same thing for it. It serves any number of
clients, each with its own connection to the daemon, until killed.

MODES
  messages      DOMAIN_GET_MESSAGES (426) answers two messages, as a
                tainted domain using a deprecated machine type would have
  unknown:PROC  procedure PROC is answered "unknown procedure: PROC" (code
                39, domain 7), as a daemon that does not serve it answers
"""
import socket
import struct
import sys
import threading

PROGRAM = 0x20008086
REPLY = 1
STATUS_OK = 0
STATUS_ERROR = 1
DOMAIN_GET_MESSAGES = 426

MESSAGES = ["tainted: custom monitor control commands issued",
            "deprecated configuration: machine type 'pc-i440fx-1.4'"]


def xdr_string(text):
    data = text.encode()
    return struct.pack(">I", len(data)) + data + bytes(-len(data) % 4)


def xdr_optional_string(text):
    return struct.pack(">I", 1) + xdr_string(text)


def messages_payload():
    return struct.pack(">I", len(MESSAGES)) + b"".join(
        xdr_string(m) for m in MESSAGES)


def unknown_procedure_payload(proc):
    text = "unknown procedure: %d" % proc
    return (struct.pack(">ii", 39, 7) + xdr_optional_string(text) +
            struct.pack(">ii", 2, 0) + xdr_optional_string("%s") +
            xdr_optional_string(text) + struct.pack(">iiii", 0, -1, -1, 0))


def rewrite(mode, header, payload):
    """The (header, payload) to send on for one message of the daemon."""
    prog, vers, proc, mtype, serial, status = header
    if prog != PROGRAM or mtype != REPLY or status != STATUS_OK:
        return header, payload
    if mode == "messages" and proc == DOMAIN_GET_MESSAGES:
        return header, messages_payload()
    if mode == "unknown:%d" % proc:
        return ((prog, vers, proc, mtype, serial, STATUS_ERROR),
                unknown_procedure_payload(proc))
    return header, payload


def read_exactly(sock, n):
    data = sock.recv(n, socket.MSG_WAITALL)
    return data if len(data) == n else None


def daemon_to_client(daemon, client, mode):
    while True:
        head = read_exactly(daemon, 4)
        if head is None:
            return
        (length,) = struct.unpack(">I", head)
        body = read_exactly(daemon, length - 4)
        if body is None:
            return
        header, payload = rewrite(mode, struct.unpack(">6I", body[:24]),
                                  body[24:])
        out = struct.pack(">6I", *header) + payload
        client.sendall(struct.pack(">I", len(out) + 4) + out)


def client_to_daemon(client, daemon):
    while True:
        data = client.recv(65536)
        if not data:
            return
        daemon.sendall(data)


def relay(client, daemon_path, mode):
    daemon = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        daemon.connect(daemon_path)
        upstream = threading.Thread(target=client_to_daemon,
                                    args=(client, daemon), daemon=True)
        upstream.start()
        daemon_to_client(daemon, client, mode)
    except OSError:
        pass
    # Either side gone: end both, so that the other thread ends too.
    for sock in (client, daemon):
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()


def main():
    listen_path, daemon_path, mode = sys.argv[1:4]
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(listen_path)
    server.listen(16)
    while True:
        client, _ = server.accept()
        threading.Thread(target=relay, args=(client, daemon_path, mode),
                         daemon=True).start()


if __name__ == "__main__":
    main()
