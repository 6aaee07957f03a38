/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_dnsmasq.h: the dnsmasq serving a network's DHCP and DNS, as
 * libvirt's network driver runs it: one per network with an IPv4 or
 * IPv6 address, bound to the network's bridge, configured by a file of
 * ours (DHCPv4, DHCPv6 and router advertisements, in libvirt's words):
 *   RUN_DIR/NAME.conf     its configuration
 *   RUN_DIR/NAME.hosts    the fixed DHCP hosts (dhcp-hostsfile), read
 *                         again on SIGHUP, so net-update reaches it live
 *   RUN_DIR/NAME.leases   its leases (dhcp-leasefile), for dhcp-leases
 *   RUN_DIR/NAME.log      what it logs
 *   RUN_DIR/NAME.lease-script and NAME.macs6: its --dhcp-script, which
 *                         keeps its DHCPv6 clients' MAC addresses
 *                         (net_lease_mac.h)
 * It runs detached (worker_child.h), in the foreground, so that it
 * outlives a daemon restart like the bridge it serves and is found again
 * by its pid; its exit still reaches the network thread, which logs it
 * and starts it again. Network thread only.
 */
#ifndef VIREO_NETWORK_NET_DNSMASQ_H
#define VIREO_NETWORK_NET_DNSMASQ_H

#include <stdbool.h>
#include <sys/types.h>

#include "api/vireo.h"

struct net_ipv4;
struct net_obj;
struct net_state;
struct vireo_network_dhcp_lease;

/* Does this network get a dnsmasq? (It has an IPv4 or IPv6 address.) */
bool net_dnsmasq_is_wanted(const struct net_obj *obj,
                           const struct net_ipv4 *ip);

/* Its configuration file's text and its hosts file's text for obj, as
 * net_dnsmasq_start writes them (the caller frees them); NULL with err
 * set. */
char *net_dnsmasq_conf_text(const struct net_state *st,
                            const struct net_obj *obj,
                            const struct net_ipv4 *ip,
                            struct vireo_error *err);
char *net_dnsmasq_hosts_text(const struct net_obj *obj,
                             const struct net_ipv4 *ip,
                             struct vireo_error *err);

/* Write its files and start it. 0, or -1 with err set. */
int net_dnsmasq_start(struct net_state *st, struct net_obj *obj,
                      const struct net_ipv4 *ip, struct vireo_error *err);

/* Watch the dnsmasq a status file names, if it is still ours (its
 * command line names our configuration); else start a new one. */
int net_dnsmasq_reattach(struct net_state *st, struct net_obj *obj,
                         const struct net_ipv4 *ip, pid_t pid,
                         struct vireo_error *err);

/* Write the hosts file again and tell dnsmasq to read it (SIGHUP). */
int net_dnsmasq_reload_hosts(struct net_state *st, struct net_obj *obj,
                             const struct net_ipv4 *ip,
                             struct vireo_error *err);

/* Stop it (if it runs) and remove its files. */
void net_dnsmasq_stop(struct net_state *st, struct net_obj *obj);

/* Kill the dnsmasq of a status file whose network is not found again. */
void net_dnsmasq_kill_stale(struct net_state *st, const char *name,
                            pid_t pid);

#endif /* VIREO_NETWORK_NET_DNSMASQ_H */
