/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_xml_route.h: a network's static routes, <route [family]
 * address (prefix | netmask) gateway [metric]/>, as libvirt reads them
 * (virNetDevIPRouteParseXML, and network_conf.c's check that each
 * gateway is reachable from one of the network's addresses), so the test
 * driver and the network driver refuse the same documents in the same
 * words; their addresses written back as libvirt prints them. Pure
 * functions on caller-owned trees: any thread.
 */
#ifndef VIREO_CONF_NETWORK_XML_ROUTE_H
#define VIREO_CONF_NETWORK_XML_ROUTE_H

#include <netinet/in.h>
#include <stdbool.h>

#include <libxml/tree.h>

#include "api/vireo.h"

/* One checked route, as it goes into the host's routing table. */
struct network_route {
    int             family;          /* AF_INET or AF_INET6 */
    struct in6_addr address;         /* an IPv4 one in its first 4 bytes */
    struct in6_addr gateway;
    int             prefix;
    unsigned        metric;          /* libvirt's 1 when none is given */
};

/* Check every <route> under root (<network> name, whose <ip>s are
 * checked already) and put its attributes in libvirt's form. 0, or -1
 * with err set in libvirt's code and words. */
int network_route_check(xmlNodePtr root, const char *name,
                        struct vireo_error *err);

/* A checked <route> element as *out. */
void network_route_read(xmlNodePtr route, struct network_route *out);

#endif /* VIREO_CONF_NETWORK_XML_ROUTE_H */
