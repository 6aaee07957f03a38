/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_port_priv.h: what network_port.c needs of netdrv.c.
 */
#ifndef VIREO_NETWORK_NETWORK_PORT_PRIV_H
#define VIREO_NETWORK_NETWORK_PORT_PRIV_H

struct net_state;
struct worker;

/* The network thread, or NULL when the driver is not running. Any
 * thread (the lease's lock guards it). */
struct worker *network_port_worker(void);

/* The driver's state. Network thread only. */
struct net_state *network_port_state(void);

#endif /* VIREO_NETWORK_NETWORK_PORT_PRIV_H */
