/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_link6.h: IPv6 on a network's bridge, as libvirt's network driver
 * sets it: IPv6 enabled on the bridge only when the network has an IPv6
 * address, router advertisements from the guests ignored and no address
 * configured from them (the bridge is their router), the addresses
 * themselves, and IPv6 forwarding for nat and route networks. The
 * addresses are added before the bridge comes up, as libvirt does: the
 * kernel runs duplicate address detection once the bridge has a port
 * with carrier, and dnsmasq (bind-dynamic) follows the addresses as they
 * become usable, so nothing waits for it.
 *
 * System calls only (an AF_INET6 socket's SIOCSIFADDR, /proc/sys): any
 * thread. Errors are VIR_ERR_SYSTEM_ERROR with libvirt's words.
 */
#ifndef VIREO_NETWORK_NET_LINK6_H
#define VIREO_NETWORK_NET_LINK6_H

#include <netinet/in.h>
#include <stdbool.h>

#include "api/vireo.h"

/* disable_ipv6 (unless has_ipv6), accept_ra=0 and autoconf=0 on bridge.
 * A host without IPv6 (no such sysctl) is fine. */
int net_link6_set_sysctls(const char *bridge, bool has_ipv6,
                          struct vireo_error *err);

int net_link6_add_address(const char *bridge, const struct in6_addr *address,
                          int prefix, struct vireo_error *err);

/* libvirt's check before it turns IPv6 forwarding on: the kernel
 * flushes the routes it configured from router advertisements
 * (RTF_ADDRCONF) on a link whose accept_ra is 1 (or 0 while "all" is 1)
 * when forwarding goes on, so refuse in libvirt's words, naming the
 * link. 0, or -1 with err set (VIR_ERR_INTERNAL_ERROR). */
int net_link6_check_forwarding(struct vireo_error *err);

/* Let the host forward IPv6 packets (never undone, as libvirt never
 * undoes it). */
int net_link6_enable_forwarding(struct vireo_error *err);

#endif /* VIREO_NETWORK_NET_LINK6_H */
