/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_xml_ip6.h: libvirt's checks of a network's <ip> elements as it
 * reads a document (network_conf.c's, so the test driver and the network
 * driver make them alike): the family agrees with the address, and an
 * IPv6 <ip> has no netmask, a prefix of at most 128, DHCP ranges inside
 * its subnet and static hosts without a MAC address. IPv6 addresses are
 * written back the way libvirt prints them ("fd00:1::1"). Pure functions
 * on caller-owned trees: any thread.
 */
#ifndef VIREO_CONF_NETWORK_XML_IP6_H
#define VIREO_CONF_NETWORK_XML_IP6_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "api/vireo.h"

/* libvirt's prefix for an IPv6 <ip> that gives none. */
#define NETWORK_IP6_DEFAULT_PREFIX 64

/* Check every <ip> under root (<network> of that name) and put its IPv6
 * addresses in libvirt's form. 0, or -1 with err set in libvirt's code
 * and words. */
int network_ip6_check(xmlNodePtr root, const char *name,
                      struct vireo_error *err);

/* Is this <ip> element an IPv6 one (family='ipv6')? */
bool network_ip6_is(xmlNodePtr ip);

/* The attribute name of node as a NUL-ended copy in buf ("" when
 * absent, cut to size); buf. */
const char *network_ip_attr(xmlNodePtr node, const char *name, char *buf,
                            size_t size);

/* Does this <ip> element have DHCP ranges or static hosts? */
bool network_ip_has_dhcp(xmlNodePtr ip);

/* Are the first prefix bits of a and b the same? */
bool network_ip6_same_subnet(const struct in6_addr *a,
                             const struct in6_addr *b, int prefix);

#endif /* VIREO_CONF_NETWORK_XML_IP6_H */
