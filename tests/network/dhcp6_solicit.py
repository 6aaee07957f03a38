#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# dhcp6_solicit.py IFACE: a DHCPv6 client's exchange (RFC 8415) from
# IFACE's link-local address to All_DHCP_Relay_Agents_and_Servers
# (ff02::1:2, port 547): a Solicit; then, for the address the server's
# Advertise offers in its IA_NA, a Request, whose Reply makes the lease
# (dnsmasq records a lease only then). Prints the leased addresses one per
# line. The client's DUID is a DUID-LL of IFACE's MAC address and its
# IA_NA's IAID is 1. Exits 1 when a step gets no answer within 10 s.
# Only the standard library: no DHCPv6 client is needed on the machine.
import os
import socket
import struct
import sys

SOLICIT, ADVERTISE, REQUEST, REPLY = 1, 2, 3, 7
OPT_CLIENTID, OPT_SERVERID, OPT_IA_NA, OPT_IAADDR = 1, 2, 3, 5
OPT_ELAPSED_TIME = 8
IAID = 1


def option(code, data):
    return struct.pack("!HH", code, len(data)) + data


def message(kind, transaction, mac, extra=b"", ia_addresses=b""):
    duid = struct.pack("!HH", 3, 1) + mac           # DUID-LL, Ethernet
    ia_na = struct.pack("!III", IAID, 0, 0) + ia_addresses
    return (bytes([kind]) + transaction + option(OPT_CLIENTID, duid) +
            extra + option(OPT_ELAPSED_TIME, b"\0\0") +
            option(OPT_IA_NA, ia_na))


def options(data):
    while len(data) >= 4:
        code, length = struct.unpack("!HH", data[:4])
        yield code, data[4:4 + length]
        data = data[4 + length:]


def answer(reply, kind, transaction):
    """The server id and the IA_NA's IAADDR options of a reply of kind."""
    if len(reply) < 4 or reply[0] != kind or reply[1:4] != transaction:
        return None, []
    server, addresses = None, []
    for code, data in options(reply[4:]):
        if code == OPT_SERVERID:
            server = data
        elif code == OPT_IA_NA:
            addresses += [value for sub, value in options(data[12:])
                          if sub == OPT_IAADDR]
    return server, addresses


def exchange(sock, scope, request, kind, transaction):
    for _ in range(10):
        sock.sendto(request, ("ff02::1:2", 547, 0, scope))
        try:
            server, addresses = answer(sock.recv(2048), kind, transaction)
        except socket.timeout:
            continue
        if addresses:
            return server, addresses
    return None, []


def main():
    iface = sys.argv[1]
    with open("/sys/class/net/%s/address" % iface) as f:
        mac = bytes.fromhex(f.read().strip().replace(":", ""))
    sock = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
    sock.bind(("::", 546))
    sock.settimeout(1)
    scope = socket.if_nametoindex(iface)
    transaction = os.urandom(3)
    server, offer = exchange(sock, scope,
                             message(SOLICIT, transaction, mac),
                             ADVERTISE, transaction)
    if server is None:
        return 1
    transaction = os.urandom(3)
    iaaddr = b"".join(option(OPT_IAADDR, a[:24]) for a in offer)
    _, leased = exchange(sock, scope,
                         message(REQUEST, transaction, mac,
                                 option(OPT_SERVERID, server), iaaddr),
                         REPLY, transaction)
    if not leased:
        return 1
    print("\n".join(socket.inet_ntop(socket.AF_INET6, a[:16])
                    for a in leased))
    return 0


sys.exit(main())
