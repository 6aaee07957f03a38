/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_link.h: the host links a network puts up: its bridge, the bridge's
 * IPv4 address, and the checks made before (is a name taken, does the
 * network's range clash with a route of another interface).
 *
 * Made with the kernel's ioctls (SIOCBRADDBR, SIOCSIFADDR ...), as
 * drivers/qemu/tap.c makes taps: a bridge and one IPv4 address are all a
 * network needs here, the calls are synchronous and cheap, and they
 * spare both a netlink library and a child process (iproute2) per step
 * that the driver's thread would have to wait for. Any thread: system
 * calls only. Errors are VIR_ERR_SYSTEM_ERROR with libvirt's words.
 */
#ifndef VIREO_NETWORK_NET_LINK_H
#define VIREO_NETWORK_NET_LINK_H

#include <netinet/in.h>
#include <stdbool.h>

#include "api/vireo.h"

/* Is there a link of that name in this network namespace? */
bool net_link_exists(const char *name);
/* Is it a bridge? */
bool net_link_is_bridge(const char *name);

/* A new bridge with MAC mac ("52:54:00:..", or NULL), down. */
int net_link_bridge_add(const char *name, const char *mac,
                        struct vireo_error *err);
/* Take it down and delete it. A bridge that is already gone is fine. */
int net_link_bridge_del(const char *name, struct vireo_error *err);

int net_link_set_ipv4(const char *name, struct in_addr address,
                      struct in_addr netmask, struct vireo_error *err);
int net_link_up(const char *name, struct vireo_error *err);

/* libvirt's networkCheckRouteCollision: the network network/netmask is
 * already routed to an interface ("Network is already in use by
 * interface %s", VIR_ERR_INTERNAL_ERROR). */
int net_link_check_route_clash(struct in_addr network, struct in_addr netmask,
                               struct vireo_error *err);

/* Let the host forward IPv4 packets (a forwarding network with an IPv4
 * address), as libvirt does; never undone, as libvirt never undoes it. */
int net_link_enable_forwarding(struct vireo_error *err);

#endif /* VIREO_NETWORK_NET_LINK_H */
