#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# ra_send.py IFACE: a router's advertisement (RFC 4861) sent from IFACE's
# link-local address to all nodes (ff02::1): a default router for 1800 s,
# and no prefix. A host that accepts router advertisements on the other
# end (accept_ra 1, forwarding off) gets from its kernel a default route
# flagged as autoconfigured (RTF_ADDRCONF, "proto ra"), the routes that
# turning IPv6 forwarding on would flush. Sent three times, 0.2 s apart.
# Only the standard library: no router daemon is needed on the machine.
import socket
import struct
import sys
import time

ROUTER_ADVERTISEMENT = 134
ROUTER_LIFETIME_S = 1800


def advertisement():
    # type, code, checksum (the kernel fills it in), current hop limit,
    # flags, router lifetime, reachable time, retransmission timer
    return struct.pack("!BBHBBHII", ROUTER_ADVERTISEMENT, 0, 0, 64, 0,
                       ROUTER_LIFETIME_S, 0, 0)


def main():
    iface = sys.argv[1]
    sock = socket.socket(socket.AF_INET6, socket.SOCK_RAW,
                         socket.IPPROTO_ICMPV6)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
    # Hosts take advertisements only with a hop limit of 255.
    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)
    scope = socket.if_nametoindex(iface)
    for _ in range(3):
        sock.sendto(advertisement(), ("ff02::1", 0, 0, scope))
        time.sleep(0.2)
    return 0


sys.exit(main())
