#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# dhcp6_solicit.py IFACE: a DHCPv6 client's first exchange (RFC 8415):
# a Solicit from IFACE's link-local address to All_DHCP_Relay_Agents_and_
# Servers (ff02::1:2, port 547), and the addresses the server's Advertise
# offers in its IA_NA, printed one per line. Exits 1 when no Advertise
# comes within 10 s. Only the standard library: no DHCPv6 client is
# needed on the machine.
import os
import socket
import struct
import sys

SOLICIT, ADVERTISE = 1, 2
OPT_CLIENTID, OPT_SERVERID, OPT_IA_NA, OPT_IAADDR = 1, 2, 3, 5
OPT_ELAPSED_TIME = 8


def option(code, data):
    return struct.pack("!HH", code, len(data)) + data


def solicit(transaction, mac):
    duid = struct.pack("!HH", 3, 1) + mac           # DUID-LL, Ethernet
    ia_na = struct.pack("!III", 1, 0, 0)            # IAID 1, T1, T2
    return (bytes([SOLICIT]) + transaction + option(OPT_CLIENTID, duid) +
            option(OPT_ELAPSED_TIME, b"\0\0") + option(OPT_IA_NA, ia_na))


def options(data):
    while len(data) >= 4:
        code, length = struct.unpack("!HH", data[:4])
        yield code, data[4:4 + length]
        data = data[4 + length:]


def offered(reply, transaction):
    if len(reply) < 4 or reply[0] != ADVERTISE or reply[1:4] != transaction:
        return []
    found = []
    for code, data in options(reply[4:]):
        if code == OPT_IA_NA:
            for sub, value in options(data[12:]):
                if sub == OPT_IAADDR:
                    found.append(socket.inet_ntop(socket.AF_INET6, value[:16]))
    return found


def main():
    iface = sys.argv[1]
    with open("/sys/class/net/%s/address" % iface) as f:
        mac = bytes.fromhex(f.read().strip().replace(":", ""))
    transaction = os.urandom(3)
    sock = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
    sock.bind(("::", 546))
    sock.settimeout(1)
    scope = socket.if_nametoindex(iface)
    for _ in range(10):
        sock.sendto(solicit(transaction, mac), ("ff02::1:2", 547, 0, scope))
        try:
            addresses = offered(sock.recv(2048), transaction)
        except socket.timeout:
            continue
        if addresses:
            print("\n".join(addresses))
            return 0
    return 1


sys.exit(main())
