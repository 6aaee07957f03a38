/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_ipv6.c: a network's IPv6 settings from its document (net_ipv6.h).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/network_xml.h"
#include "drivers/conf/network_xml_ip6.h"
#include "drivers/conf/network_xml_shape.h"
#include "drivers/error.h"
#include "drivers/network/net_ipv6.h"

/* The smallest prefix dnsmasq takes for a DHCPv6 range. */
#define DHCP6_MIN_PREFIX 64

static xmlNodePtr
first_child(const struct network_def *def)
{
    xmlNodePtr root = xmlDocGetRootElement(def->doc);

    return root != NULL ? root->children : NULL;
}

bool
net_ipv6_is_present(const struct network_def *def)
{
    for (xmlNodePtr c = first_child(def); c != NULL; c = c->next)
        if (network_shape_is(c, "ip") && network_ip6_is(c))
            return true;
    return false;
}

static void
read_range(xmlNodePtr r, struct net_ipv6 *out)
{
    char text[INET6_ADDRSTRLEN + 8];
    int i = out->n_ranges;

    if (i == NET_IPV6_MAX_RANGES ||
        inet_pton(AF_INET6, network_ip_attr(r, "start", text, sizeof(text)),
                  &out->range_start[i]) != 1 ||
        inet_pton(AF_INET6, network_ip_attr(r, "end", text, sizeof(text)),
                  &out->range_end[i]) != 1)
        return;
    out->n_ranges++;
}

/* A static host: its DHCP client id or name, and its address. */
static void
read_host(xmlNodePtr h, struct net_ipv6 *out)
{
    struct net_ipv6_host *host = &out->hosts[out->n_hosts];

    if (out->n_hosts < NET_IPV6_MAX_HOSTS) {
        network_ip_attr(h, "ip", host->ip, sizeof(host->ip));
        network_ip_attr(h, "id", host->id, sizeof(host->id));
        network_ip_attr(h, "name", host->name, sizeof(host->name));
        out->n_hosts++;
    }
}

/* The ranges and hosts of dhcp; does it have any? */
static bool
read_dhcp(xmlNodePtr dhcp, struct net_ipv6 *out)
{
    bool has_any = false;

    for (xmlNodePtr c = dhcp != NULL ? dhcp->children : NULL; c; c = c->next) {
        if (network_shape_is(c, "range")) {
            read_range(c, out);
            has_any = true;
        } else if (network_shape_is(c, "host")) {
            read_host(c, out);
            has_any = true;
        }
    }
    return has_any;
}

static int
too_many_dhcp(struct vireo_error *err)
{
    return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_NETWORK, "%s",
                     "Multiple IPv6 dhcp sections found -- dhcp is "
                     "supported only for a single IPv6 address on each "
                     "network");
}

/* One <ip family='ipv6'> as the next address. */
static int
read_address(xmlNodePtr ip, struct net_ipv6 *out, struct vireo_error *err)
{
    struct net_ipv6_addr *a;
    char text[INET6_ADDRSTRLEN + 8];

    if (out->n_addrs == NET_IPV6_MAX_ADDRS)
        return 0;
    a = &out->addrs[out->n_addrs];
    if (inet_pton(AF_INET6, network_ip_attr(ip, "address", text, sizeof(text)),
                  &a->address) != 1)
        return 0;    /* none to put on the bridge */
    a->prefix = network_ip_attr(ip, "prefix", text, sizeof(text))[0] != '\0'
                ? atoi(text) : NETWORK_IP6_DEFAULT_PREFIX;
    if (network_ip_has_dhcp(ip)) {
        if (out->dhcp >= 0)
            return too_many_dhcp(err);
        out->dhcp = out->n_addrs;
        a->has_dhcp = read_dhcp(network_shape_child(ip, "dhcp"), out);
    }
    out->n_addrs++;
    return 0;
}

int
net_ipv6_read(const struct network_def *def, struct net_ipv6 *out,
              struct vireo_error *err)
{
    memset(out, 0, sizeof(*out));
    out->dhcp = -1;
    for (xmlNodePtr c = first_child(def); c != NULL; c = c->next)
        if (network_shape_is(c, "ip") && network_ip6_is(c) &&
            read_address(c, out, err) < 0)
            return -1;
    return 0;
}

struct net_ipv6 *
net_ipv6_read_new(const struct network_def *def, struct vireo_error *err)
{
    struct net_ipv6 *ip6 = malloc(sizeof(*ip6));

    if (ip6 == NULL) {
        error_no_memory(err);
        return NULL;
    }
    if (net_ipv6_read(def, ip6, err) < 0) {
        free(ip6);
        return NULL;
    }
    return ip6;
}

int
net_ipv6_validate(const struct network_def *def, struct vireo_error *err)
{
    int n_dhcp = 0;

    for (xmlNodePtr c = first_child(def); c != NULL; c = c->next)
        if (network_shape_is(c, "ip") && network_ip6_is(c) &&
            network_ip_has_dhcp(c) && ++n_dhcp > 1)
            return too_many_dhcp(err);
    return 0;
}

int
net_ipv6_check_start(const struct net_ipv6 *ip6, struct vireo_error *err)
{
    if (ip6->dhcp < 0 || ip6->n_ranges == 0 ||
        ip6->addrs[ip6->dhcp].prefix >= DHCP6_MIN_PREFIX)
        return 0;
    return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK,
                     "dnsmasq: prefix length must be at least %d "
                     "(the DHCPv6 range of the network has prefix %d)",
                     DHCP6_MIN_PREFIX, ip6->addrs[ip6->dhcp].prefix);
}

void
net_ipv6_subnet(const struct net_ipv6_addr *a, char *out, size_t size)
{
    struct in6_addr net = a->address;
    char text[INET6_ADDRSTRLEN];
    int prefix = a->prefix;

    for (int i = 0; i < 16; i++, prefix -= 8)
        net.s6_addr[i] &= prefix >= 8 ? 0xff
                          : prefix <= 0 ? 0 : (0xff << (8 - prefix)) & 0xff;
    inet_ntop(AF_INET6, &net, text, sizeof(text));
    snprintf(out, size, "%s/%d", text, a->prefix);
}

unsigned long
net_ipv6_range_size(const struct in6_addr *start, const struct in6_addr *end)
{
    unsigned long s = 0, e = 0;

    if (memcmp(start->s6_addr, end->s6_addr, 12) != 0)
        return 0xfffffffful;
    for (int i = 12; i < 16; i++) {
        s = (s << 8) | start->s6_addr[i];
        e = (e << 8) | end->s6_addr[i];
    }
    return e >= s ? e - s + 1 : 0;
}
