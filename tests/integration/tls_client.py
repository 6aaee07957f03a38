# SPDX-License-Identifier: LGPL-2.1-or-later
"""tls_client.py PORT SCENARIO [PKI_DIR CERT KEY]: reach vireod's TLS port
as no libvirt client would, and print what the daemon did.

  tls PKI_DIR CERT KEY  handshake with this client certificate (trusting
                        PKI_DIR/cacert.pem for the server), then wait for
                        the server's one-byte go-ahead: "admitted" when it
                        comes, "refused" when the connection ends instead
  plain-rpc             send a CONNECT_OPEN call in the clear: "closed"
                        when the daemon ends the connection
  garbage               send bytes that are no TLS record: "closed" too

Exits non-zero if the daemon neither answers nor closes within 10 s."""
import os
import socket
import ssl
import struct
import sys

PROG, CONNECT_OPEN, CALL = 0x20008086, 1, 0


def wait_for_close(s):
    s.settimeout(10)
    try:
        while s.recv(4096):
            pass
    except ConnectionResetError:
        pass
    return "closed"


def plain_rpc(s):
    # remote_connect_open_args: name "test:///default" (optional string
    # present), flags 0.
    name = b"test:///default"
    pad = b"\0" * (-len(name) % 4)
    payload = struct.pack(">II", 1, len(name)) + name + pad + \
        struct.pack(">I", 0)
    body = struct.pack(">IIIiII", PROG, 1, CONNECT_OPEN, CALL, 1, 0) + payload
    s.sendall(struct.pack(">I", len(body) + 4) + body)
    return wait_for_close(s)


def garbage(s):
    # The first byte is no TLS record type and has its high bit clear (an
    # SSLv2-style hello would make the server wait for its length), so the
    # server can tell at once; random bytes follow.
    s.sendall(b"\x42" + os.urandom(575))
    return wait_for_close(s)


def tls(s, pki, cert, key):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_verify_locations(os.path.join(pki, "cacert.pem"))
    ctx.load_cert_chain(cert, key)
    s.settimeout(10)
    try:
        t = ctx.wrap_socket(s, server_hostname="localhost")
        return "admitted" if t.recv(1) == b"\x01" else "refused"
    except (ssl.SSLError, ConnectionResetError, BrokenPipeError):
        return "refused"


def main():
    port, scenario = int(sys.argv[1]), sys.argv[2]
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    if scenario == "tls":
        print(tls(s, *sys.argv[3:6]))
    elif scenario == "plain-rpc":
        print(plain_rpc(s))
    elif scenario == "garbage":
        print(garbage(s))
    else:
        sys.exit("unknown scenario " + scenario)


if __name__ == "__main__":
    main()
