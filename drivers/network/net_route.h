/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_route.h: a network's static routes (<route>, checked when the
 * document was read: network_xml_route.h) in the host's routing table,
 * through its bridge, as libvirt's network driver adds them once the
 * bridge is up: each route to ADDRESS/PREFIX via GATEWAY on the bridge,
 * with its metric (1 when none is given). As under libvirt, a route the
 * kernel refuses does not stop the start: it is logged. Nothing removes
 * them: the kernel drops a link's routes with the link, when the bridge
 * goes. System calls only (SIOCADDRT): any thread.
 */
#ifndef VIREO_NETWORK_NET_ROUTE_H
#define VIREO_NETWORK_NET_ROUTE_H

struct net_state;
struct network_def;

/* Add def's routes through its bridge; log those that fail. */
void net_route_add_all(struct net_state *st, const struct network_def *def);

#endif /* VIREO_NETWORK_NET_ROUTE_H */
