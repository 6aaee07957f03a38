/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_ipv4.c: a network's IPv4 settings from its document (net_ipv4.h).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/network_xml.h"
#include "drivers/conf/network_xml_ip6.h"
#include "drivers/conf/network_xml_shape.h"
#include "drivers/error.h"
#include "drivers/network/net_ipv4.h"

static int
parse_addr(const char *text, struct in_addr *out, const char *what,
           struct vireo_error *err)
{
    if (inet_pton(AF_INET, text, out) != 1)
        return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                         "Invalid %s '%s' in network", what, text);
    return 0;
}

static int
mask_to_prefix(struct in_addr mask)
{
    unsigned long m = ntohl(mask.s_addr);
    int n = 0;

    while (m & 0x80000000ul) {
        n++;
        m = (m << 1) & 0xfffffffful;
    }
    return m == 0 ? n : -1;
}

static struct in_addr
prefix_to_mask(int prefix)
{
    struct in_addr mask;

    mask.s_addr = htonl(prefix == 0 ? 0 : 0xfffffffful << (32 - prefix));
    return mask;
}

static bool
is_ipv4(xmlNodePtr ip)
{
    char family[16];

    network_ip_attr(ip, "family", family, sizeof(family));
    return family[0] == '\0' || strcmp(family, "ipv4") == 0;
}

/* address with netmask or prefix. */
static int
read_address(xmlNodePtr ip, struct net_ipv4 *out, struct vireo_error *err)
{
    char text[64];

    if (network_ip_attr(ip, "address", text, sizeof(text))[0] == '\0')
        return 0;
    if (parse_addr(text, &out->address, "address", err) < 0)
        return -1;
    if (network_ip_attr(ip, "netmask", text, sizeof(text))[0] != '\0') {
        if (parse_addr(text, &out->netmask, "netmask", err) < 0 ||
            (out->prefix = mask_to_prefix(out->netmask)) < 0)
            return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                             "Invalid netmask '%s' in network", text);
    } else {
        char *end;
        long p = strtol(network_ip_attr(ip, "prefix", text, sizeof(text)), &end, 10);

        if (text[0] == '\0')
            p = 24;    /* libvirt's default for a class C address */
        else if (*end != '\0' || p < 0 || p > 32)
            return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                             "Invalid prefix '%s' in network", text);
        out->prefix = (int)p;
        out->netmask = prefix_to_mask(out->prefix);
    }
    out->has_address = true;
    return 0;
}

static int
read_range(xmlNodePtr r, struct net_ipv4 *out, struct vireo_error *err)
{
    char start[64], end[64];
    int i = out->n_ranges;

    if (i == NET_IPV4_MAX_RANGES)
        return 0;
    if (parse_addr(network_ip_attr(r, "start", start, sizeof(start)),
                   &out->range_start[i], "dhcp range start", err) < 0 ||
        parse_addr(network_ip_attr(r, "end", end, sizeof(end)), &out->range_end[i],
                   "dhcp range end", err) < 0)
        return -1;
    out->n_ranges++;
    return 0;
}

static void
read_host(xmlNodePtr h, struct net_ipv4 *out)
{
    struct net_ipv4_host *host;

    if (out->n_hosts == NET_IPV4_MAX_HOSTS)
        return;
    host = &out->hosts[out->n_hosts++];
    network_ip_attr(h, "mac", host->mac, sizeof(host->mac));
    network_ip_attr(h, "name", host->name, sizeof(host->name));
    network_ip_attr(h, "ip", host->ip, sizeof(host->ip));
}

static int
read_dhcp(xmlNodePtr dhcp, struct net_ipv4 *out, struct vireo_error *err)
{
    for (xmlNodePtr c = dhcp != NULL ? dhcp->children : NULL; c; c = c->next) {
        if (network_shape_is(c, "range") && read_range(c, out, err) < 0)
            return -1;
        if (network_shape_is(c, "host"))
            read_host(c, out);
    }
    return 0;
}

int
net_ipv4_read(const struct network_def *def, struct net_ipv4 *out,
              struct vireo_error *err)
{
    xmlNodePtr root = xmlDocGetRootElement(def->doc);

    memset(out, 0, sizeof(*out));
    for (xmlNodePtr c = root != NULL ? root->children : NULL; c; c = c->next) {
        if (!network_shape_is(c, "ip") || !is_ipv4(c))
            continue;
        if (read_address(c, out, err) < 0)
            return -1;
        return read_dhcp(network_shape_child(c, "dhcp"), out, err);
    }
    return 0;
}

struct in_addr
net_ipv4_network(const struct net_ipv4 *ip)
{
    struct in_addr net = { ip->address.s_addr & ip->netmask.s_addr };

    return net;
}
