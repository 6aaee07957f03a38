/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_xml_route.c: libvirt's checks of a network's <route> elements
 * (network_xml_route.h).
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/network_xml_ip6.h"
#include "drivers/conf/network_xml_route.h"
#include "drivers/conf/network_xml_shape.h"
#include "drivers/error.h"

/* One <route> being checked: its attributes (NULL when absent), and
 * what is read of them. */
struct route_check {
    const char     *net;                  /* the network's name */
    char           *family, *address, *netmask, *gateway;
    int             addr_family, gw_family, mask_family;
    struct in6_addr addr, gw, mask;
    unsigned long   prefix, metric;
    bool            has_prefix, has_metric;
};

static char *
prop(xmlNodePtr node, const char *name)
{
    return (char *)xmlGetNoNsProp(node, BAD_CAST name);
}

/* text as an address of either family into *out, read as libvirt's
 * virSocketAddrParse reads it (getaddrinfo, numeric: "10.1" is
 * 10.0.0.1): AF_INET, AF_INET6, or 0 when it is neither. */
static int
parse_any(const char *text, struct in6_addr *out)
{
    struct addrinfo hints = { .ai_family = AF_UNSPEC,
                              .ai_flags = AI_NUMERICHOST };
    struct addrinfo *res = NULL;
    int fam = 0;

    memset(out, 0, sizeof(*out));
    if (text == NULL || getaddrinfo(text, NULL, &hints, &res) != 0)
        return 0;
    if (res->ai_family == AF_INET) {
        memcpy(out, &((struct sockaddr_in *)res->ai_addr)->sin_addr, 4);
        fam = AF_INET;
    } else if (res->ai_family == AF_INET6) {
        *out = ((struct sockaddr_in6 *)res->ai_addr)->sin6_addr;
        fam = AF_INET6;
    }
    freeaddrinfo(res);
    return fam;
}

/* An unsigned attribute as libvirt's virXMLPropUInt reads it. */
static int
read_uint(xmlNodePtr r, const char *name, bool is_zero_refused,
          unsigned long *out, bool *is_present, struct vireo_error *err)
{
    char *text = prop(r, name), *end;
    int rc = 0;

    *is_present = text != NULL;
    *out = 0;
    if (text == NULL)
        return 0;
    *out = strtoul(text, &end, 10);
    if (text[0] < '0' || text[0] > '9' || *end != '\0' || *out > 0xffffffffUL)
        rc = error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                       "Invalid value for attribute '%s' in element 'route': "
                       "'%s'. Expected non-negative integer value", name, text);
    else if (is_zero_refused && *out == 0)
        rc = error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                       "Invalid value for attribute '%s' in element 'route': "
                       "Zero is not permitted", name);
    xmlFree(text);
    return rc;
}

/* libvirt's route checks' error: XML_ERROR, after the network's name. */
static int __attribute__((format(printf, 3, 4)))
route_error(struct vireo_error *err, const struct route_check *c,
            const char *fmt, ...)
{
    char detail[200];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(detail, sizeof(detail), fmt, ap);
    va_end(ap);
    return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK, "%s: %s",
                     c->net, detail);
}

static int
check_prefix_at_most(struct route_check *c, unsigned long max,
                     struct vireo_error *err)
{
    char n[24], m[24];

    if (c->prefix <= max)
        return 0;
    snprintf(n, sizeof(n), "%lu", c->prefix);
    snprintf(m, sizeof(m), "%lu", max);
    return route_error(err, c, "Invalid prefix %s specified in route "
                       "definition, must be 0 - %s", n, m);
}

static int
check_ipv4(struct route_check *c, struct vireo_error *err)
{
    bool is_named = c->family != NULL;

    if (c->addr_family != AF_INET)
        return route_error(err, c, is_named
            ? "IPv4 family specified for non-IPv4 address '%s' in route definition"
            : "No family specified for non-IPv4 address '%s' in route definition",
            c->address);
    /* libvirt names the address, not the gateway, here. */
    if (c->gw_family != AF_INET)
        return route_error(err, c, is_named
            ? "IPv4 family specified for non-IPv4 gateway '%s' in route definition"
            : "No family specified for non-IPv4 gateway '%s' in route definition",
            c->address);
    if (c->netmask != NULL) {
        if ((c->mask_family = parse_any(c->netmask, &c->mask)) == 0)
            return route_error(err, c, "Bad netmask address '%s' in route "
                               "definition", c->netmask);
        if (c->mask_family != AF_INET)
            return route_error(err, c, "Invalid netmask '%s' for address "
                               "'%s' (both must be IPv4)", c->netmask,
                               c->address);
        if (c->has_prefix)
            return route_error(err, c, "Route definition cannot have both a "
                               "prefix and a netmask");
    }
    return check_prefix_at_most(c, 32, err);
}

static int
check_ipv6(struct route_check *c, struct vireo_error *err)
{
    if (c->addr_family != AF_INET6)
        return route_error(err, c, "ipv6 family specified for non-IPv6 "
                           "address '%s' in route definition", c->address);
    if (c->netmask != NULL)
        return route_error(err, c, "Specifying netmask invalid for IPv6 "
                           "address '%s' in route definition", c->address);
    if (c->gw_family != AF_INET6)
        return route_error(err, c, "ipv6 specified for non-IPv6 gateway "
                           "address '%s' in route definition", c->gateway);
    return check_prefix_at_most(c, 128, err);
}

/* The first prefix bits of a (of family fam) kept, the others cleared. */
static struct in6_addr
masked(const struct in6_addr *a, int fam, int prefix)
{
    struct in6_addr m = *a;
    int n_bytes = fam == AF_INET ? 4 : 16;

    for (int i = 0; i < n_bytes; i++, prefix -= 8)
        m.s6_addr[i] &= prefix >= 8 ? 0xff
                        : prefix <= 0 ? 0 : (0xff << (8 - prefix)) & 0xff;
    return m;
}

/* The address must be its network's: no bit set past the prefix (or the
 * netmask). */
static int
check_network_address(struct route_check *c, struct vireo_error *err)
{
    struct in6_addr m = c->addr;

    if (c->netmask != NULL)
        for (int i = 0; i < 4; i++)
            m.s6_addr[i] &= c->mask.s6_addr[i];
    else
        m = masked(&c->addr, c->addr_family, (int)c->prefix);
    if (memcmp(&m, &c->addr, sizeof(m)) != 0)
        return route_error(err, c, "Address '%s' in route definition is not "
                           "a network address", c->address);
    return 0;
}

/* The checks of virNetDevIPRouteCreate, in its order. */
static int
check_fields(struct route_check *c, struct vireo_error *err)
{
    if (c->address == NULL)
        return route_error(err, c, "Missing required address attribute in "
                           "route definition");
    if (c->gateway == NULL)
        return route_error(err, c, "Missing required gateway attribute in "
                           "route definition");
    if ((c->addr_family = parse_any(c->address, &c->addr)) == 0)
        return route_error(err, c, "Bad network address '%s' in route "
                           "definition", c->address);
    if ((c->gw_family = parse_any(c->gateway, &c->gw)) == 0)
        return route_error(err, c, "Bad gateway address '%s' in route "
                           "definition", c->gateway);
    if (c->family == NULL || strcmp(c->family, "ipv4") == 0) {
        if (check_ipv4(c, err) < 0)
            return -1;
    } else if (strcmp(c->family, "ipv6") == 0) {
        if (check_ipv6(c, err) < 0)
            return -1;
    } else {
        return route_error(err, c, "Unrecognized family '%s' in route "
                           "definition", c->family);
    }
    return check_network_address(c, err);
}

static int
set_address(xmlNodePtr r, const char *name, int fam, const struct in6_addr *a,
            struct vireo_error *err)
{
    char text[INET6_ADDRSTRLEN];

    inet_ntop(fam, a, text, sizeof(text));
    return xmlSetProp(r, BAD_CAST name, BAD_CAST text) == NULL
           ? error_no_memory(err) : 0;
}

static int
set_number(xmlNodePtr r, const char *name, unsigned long n,
           struct vireo_error *err)
{
    char text[24];

    snprintf(text, sizeof(text), "%lu", n);
    return xmlSetProp(r, BAD_CAST name, BAD_CAST text) == NULL
           ? error_no_memory(err) : 0;
}

/* The attributes as libvirt writes them back. */
static int
put_canonical(xmlNodePtr r, const struct route_check *c,
              struct vireo_error *err)
{
    return set_address(r, "address", c->addr_family, &c->addr, err) < 0 ||
           set_address(r, "gateway", c->gw_family, &c->gw, err) < 0 ||
           (c->netmask != NULL &&
            set_address(r, "netmask", c->mask_family, &c->mask, err) < 0) ||
           (c->has_prefix && set_number(r, "prefix", c->prefix, err) < 0) ||
           (c->has_metric && set_number(r, "metric", c->metric, err) < 0)
           ? -1 : 0;
}

static int
check_one(const char *net, xmlNodePtr r, struct vireo_error *err)
{
    struct route_check c = {
        .net = net, .family = prop(r, "family"), .address = prop(r, "address"),
        .netmask = prop(r, "netmask"), .gateway = prop(r, "gateway"),
    };
    int rc = read_uint(r, "prefix", false, &c.prefix, &c.has_prefix, err) < 0 ||
             read_uint(r, "metric", true, &c.metric, &c.has_metric, err) < 0 ||
             check_fields(&c, err) < 0 || put_canonical(r, &c, err) < 0
             ? -1 : 0;

    xmlFree(c.family);
    xmlFree(c.address);
    xmlFree(c.netmask);
    xmlFree(c.gateway);
    return rc;
}

/* ---- Is each gateway on one of the network's subnets? ----------------- */

/* The leading one bits of an IPv4 netmask (network order). */
static int
mask_bits(const void *mask)
{
    uint32_t m;
    int n = 0;

    memcpy(&m, mask, sizeof(m));
    for (m = ntohl(m); m & 0x80000000u; m <<= 1)
        n++;
    return n;
}

/* The prefix of an <ip> as libvirt's virNetworkIPDefPrefix gives it: its
 * prefix, its netmask's, or for IPv4 its address class's. */
static int
ip_prefix(xmlNodePtr ip, int fam, const struct in6_addr *a)
{
    char text[INET6_ADDRSTRLEN];
    struct in_addr mask;

    if (network_ip_attr(ip, "prefix", text, sizeof(text))[0] != '\0')
        return atoi(text);
    if (fam == AF_INET6)
        return NETWORK_IP6_DEFAULT_PREFIX;
    if (inet_pton(AF_INET, network_ip_attr(ip, "netmask", text, sizeof(text)),
                  &mask) == 1)
        return mask_bits(&mask);
    return a->s6_addr[0] < 128 ? 8 : a->s6_addr[0] < 192 ? 16 : 24;
}

static bool
is_reachable(xmlNodePtr root, int fam, const struct in6_addr *gw)
{
    char text[INET6_ADDRSTRLEN];
    struct in6_addr a, gw_net;

    for (xmlNodePtr ip = root->children; ip != NULL; ip = ip->next) {
        int prefix;

        if (!network_shape_is(ip, "ip") ||
            parse_any(network_ip_attr(ip, "address", text, sizeof(text)),
                      &a) != fam)
            continue;
        prefix = ip_prefix(ip, fam, &a);
        a = masked(&a, fam, prefix);
        gw_net = masked(gw, fam, prefix);
        if (memcmp(&a, &gw_net, sizeof(a)) == 0)
            return true;
    }
    return false;
}

static int
check_gateways(xmlNodePtr root, const char *name, struct vireo_error *err)
{
    char text[INET6_ADDRSTRLEN];
    struct in6_addr gw;

    for (xmlNodePtr r = root->children; r != NULL; r = r->next) {
        int fam;

        if (!network_shape_is(r, "route"))
            continue;
        fam = parse_any(network_ip_attr(r, "gateway", text, sizeof(text)),
                        &gw);
        if (!is_reachable(root, fam, &gw))
            return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_NETWORK,
                             "unreachable static route gateway '%s' "
                             "specified for network '%s'", text, name);
    }
    return 0;
}

int
network_route_check(xmlNodePtr root, const char *name, struct vireo_error *err)
{
    for (xmlNodePtr r = root->children; r != NULL; r = r->next)
        if (network_shape_is(r, "route") && check_one(name, r, err) < 0)
            return -1;
    return check_gateways(root, name, err);
}

/* ---- Reading a checked route ------------------------------------------ */

void
network_route_read(xmlNodePtr route, struct network_route *out)
{
    char text[INET6_ADDRSTRLEN];
    struct in6_addr mask;

    memset(out, 0, sizeof(*out));
    out->family = parse_any(network_ip_attr(route, "address", text,
                                            sizeof(text)), &out->address);
    parse_any(network_ip_attr(route, "gateway", text, sizeof(text)),
              &out->gateway);
    out->prefix = atoi(network_ip_attr(route, "prefix", text, sizeof(text)));
    if (parse_any(network_ip_attr(route, "netmask", text, sizeof(text)),
                  &mask) == AF_INET)
        out->prefix = mask_bits(&mask);
    out->metric = (unsigned)atoi(network_ip_attr(route, "metric", text,
                                                 sizeof(text)));
    if (out->metric == 0)
        out->metric = 1;
}
