/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_ipv6.h: what a network definition says about IPv6, read from its
 * <ip family='ipv6'> elements (checked and put in libvirt's form when the
 * document was read, network_xml_ip6.h): the host's addresses on the
 * bridge with their prefixes, and the DHCPv6 ranges and static hosts of
 * the one address that may have them, as libvirt's network driver allows.
 * Pure functions on caller-owned data: any thread.
 */
#ifndef VIREO_NETWORK_NET_IPV6_H
#define VIREO_NETWORK_NET_IPV6_H

#include <netinet/in.h>
#include <stdbool.h>

#include "api/vireo.h"

struct network_def;

#define NET_IPV6_MAX_ADDRS  16
#define NET_IPV6_MAX_RANGES 16
#define NET_IPV6_MAX_HOSTS  256

struct net_ipv6_addr {
    struct in6_addr address;          /* the host's, on the bridge */
    int             prefix;           /* libvirt's 64 when none is given */
    bool            has_dhcp;         /* ranges or hosts */
};

struct net_ipv6_host {
    char id[132];                     /* a DHCP client id (DUID), or "" */
    char name[64];                    /* or "" */
    char ip[INET6_ADDRSTRLEN];
};

/* Plain data, owned by whoever holds it. */
struct net_ipv6 {
    int                  n_addrs;
    struct net_ipv6_addr addrs[NET_IPV6_MAX_ADDRS];
    int                  dhcp;         /* index of the DHCP one, or -1 */
    int                  n_ranges;
    struct in6_addr      range_start[NET_IPV6_MAX_RANGES];
    struct in6_addr      range_end[NET_IPV6_MAX_RANGES];
    int                  n_hosts;
    struct net_ipv6_host hosts[NET_IPV6_MAX_HOSTS];
};

/* Does def have an IPv6 address? */
bool net_ipv6_is_present(const struct network_def *def);

/* Read def's IPv6 settings into *out. 0, or -1 with err set (libvirt's
 * VIR_ERR_CONFIG_UNSUPPORTED) when more than one address has DHCP. */
int net_ipv6_read(const struct network_def *def, struct net_ipv6 *out,
                  struct vireo_error *err);

/* The same, in a new struct the caller frees (free()); NULL with err
 * set. */
struct net_ipv6 *net_ipv6_read_new(const struct network_def *def,
                                   struct vireo_error *err);

/* libvirt's network driver's check when a network is defined or created:
 * DHCPv6 on one address at most. 0, or -1 with err set. */
int net_ipv6_validate(const struct network_def *def,
                      struct vireo_error *err);

/* The check made as the network starts: dnsmasq serves DHCPv6 only on a
 * subnet of prefix 64 or longer, and refuses to start otherwise; say so
 * in its words before anything is put on the host. 0, or -1 with err
 * set (VIR_ERR_INTERNAL_ERROR). */
int net_ipv6_check_start(const struct net_ipv6 *ip6, struct vireo_error *err);

/* The network an address is in: "fd00:1::/64". */
void net_ipv6_subnet(const struct net_ipv6_addr *a, char *out, size_t size);

/* The number of addresses a range holds (at most 2^32 - 1 counted). */
unsigned long net_ipv6_range_size(const struct in6_addr *start,
                                  const struct in6_addr *end);

#endif /* VIREO_NETWORK_NET_IPV6_H */
