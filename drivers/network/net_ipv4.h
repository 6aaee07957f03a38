/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_ipv4.h: what a network definition says about IPv4, read from its
 * kept <ip> element: the host's address on the bridge, its prefix, the
 * DHCP ranges and the fixed DHCP hosts. The first <ip> that is not
 * family='ipv6' is the one used, as libvirt's network driver gives
 * dnsmasq one IPv4 address per network. Pure functions on caller-owned
 * data: any thread.
 */
#ifndef VIREO_NETWORK_NET_IPV4_H
#define VIREO_NETWORK_NET_IPV4_H

#include <netinet/in.h>
#include <stdbool.h>

#include "api/vireo.h"

struct network_def;

#define NET_IPV4_MAX_RANGES 16
#define NET_IPV4_MAX_HOSTS  256

struct net_ipv4_host {
    char mac[18];            /* "52:54:00:..", or "" */
    char name[64];           /* or "" */
    char ip[16];             /* dotted, or "" */
};

/* Plain data, owned by whoever holds it. */
struct net_ipv4 {
    bool           has_address;
    struct in_addr address;          /* the host's, on the bridge */
    struct in_addr netmask;
    int            prefix;
    int            n_ranges;
    struct in_addr range_start[NET_IPV4_MAX_RANGES];
    struct in_addr range_end[NET_IPV4_MAX_RANGES];
    int            n_hosts;
    struct net_ipv4_host hosts[NET_IPV4_MAX_HOSTS];
};

/* Read def's IPv4 settings into *out. 0, or -1 with err set
 * (VIR_ERR_XML_ERROR, libvirt's words) for an address or netmask that is
 * not one. No <ip> at all is fine: out->has_address is false. */
int net_ipv4_read(const struct network_def *def, struct net_ipv4 *out,
                  struct vireo_error *err);

/* The network's own address: address & netmask. */
struct in_addr net_ipv4_network(const struct net_ipv4 *ip);

#endif /* VIREO_NETWORK_NET_IPV4_H */
