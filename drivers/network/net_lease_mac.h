/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_lease_mac.h: the MAC addresses of a network's DHCPv6 clients.
 * dnsmasq's lease file has none for an IPv6 lease (its line is "EXPIRY
 * IAID ADDRESS HOSTNAME DUID"), but dnsmasq finds the client's MAC
 * address when it makes the lease and gives it to its --dhcp-script, as
 * libvirt's leaseshelper reads it. So each network's dnsmasq runs a small
 * script of ours which keeps, for each DHCPv6 client (its DUID and IAID),
 * the MAC address dnsmasq found:
 *   RUN_DIR/NAME.lease-script   the script (sh), given to dnsmasq
 *   RUN_DIR/NAME.macs6          its lines "DUID IAID MAC"
 * As under libvirt, a DHCPv6 lease whose MAC address dnsmasq did not know
 * is not reported. Network thread.
 */
#ifndef VIREO_NETWORK_NET_LEASE_MAC_H
#define VIREO_NETWORK_NET_LEASE_MAC_H

#include <stddef.h>

#include "api/vireo.h"

/* Write network name's script in run_dir. 0, or -1 with err set. */
int net_lease_mac_write_script(const char *run_dir, const char *name,
                               struct vireo_error *err);

/* The MAC address recorded for the DHCPv6 client duid's IA iaid, into
 * mac (size bytes): true, or false when none is. */
bool net_lease_mac_find(const char *run_dir, const char *name,
                        const char *duid, const char *iaid, char *mac,
                        size_t size);

/* Remove the script and its record. */
void net_lease_mac_remove(const char *run_dir, const char *name);

#endif /* VIREO_NETWORK_NET_LEASE_MAC_H */
