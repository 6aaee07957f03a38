/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_xml_ip6.c: libvirt's checks of a network's <ip> elements
 * (network_xml_ip6.h).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/network_xml_ip6.h"
#include "drivers/conf/network_xml_shape.h"
#include "drivers/error.h"

/* One <ip> being checked: its network's name and what is read so far. */
struct ip_check {
    const char     *net;          /* the network's name, for the words */
    char            addr[INET6_ADDRSTRLEN];   /* as libvirt prints it */
    struct in6_addr address;
    int             prefix;
};

/* The attribute (NULL when absent), to be freed with xmlFree. */
static char *
prop(xmlNodePtr node, const char *name)
{
    return (char *)xmlGetNoNsProp(node, BAD_CAST name);
}

const char *
network_ip_attr(xmlNodePtr node, const char *name, char *buf, size_t size)
{
    char *v = prop(node, name);

    snprintf(buf, size, "%s", v != NULL ? v : "");
    xmlFree(v);
    return buf;
}

bool
network_ip_has_dhcp(xmlNodePtr ip)
{
    xmlNodePtr dhcp = network_shape_child(ip, "dhcp");

    return network_shape_child(dhcp, "range") != NULL ||
           network_shape_child(dhcp, "host") != NULL;
}

bool
network_ip6_is(xmlNodePtr ip)
{
    char *family = prop(ip, "family");
    bool is_v6 = family != NULL && strcmp(family, "ipv6") == 0;

    xmlFree(family);
    return is_v6;
}

bool
network_ip6_same_subnet(const struct in6_addr *a, const struct in6_addr *b,
                        int prefix)
{
    for (int i = 0; i < 16 && prefix > 0; i++, prefix -= 8) {
        unsigned mask = prefix >= 8 ? 0xffu : (0xffu << (8 - prefix)) & 0xffu;

        if ((a->s6_addr[i] & mask) != (b->s6_addr[i] & mask))
            return false;
    }
    return true;
}

/* Write attribute name of node as libvirt prints the address a. */
static int
put_canonical(xmlNodePtr node, const char *name, const struct in6_addr *a,
              char *text, struct vireo_error *err)
{
    inet_ntop(AF_INET6, a, text, INET6_ADDRSTRLEN);
    if (xmlSetProp(node, BAD_CAST name, BAD_CAST text) == NULL)
        return error_no_memory(err);
    return 0;
}

/* ---- <range start end> ------------------------------------------------ */

/* An end of a range: the address of either family, or libvirt's error
 * for text that is neither. *is_v6 says which. */
static int
range_end(const char *text, struct in6_addr *out, bool *is_v6,
          struct vireo_error *err)
{
    struct in_addr v4;
    char message[sizeof(err->message)];

    *is_v6 = inet_pton(AF_INET6, text, out) == 1;
    if (*is_v6 || inet_pton(AF_INET, text, &v4) == 1)
        return 0;
    /* libvirt's system errors carry no prefix. */
    snprintf(message, sizeof(message), "Cannot parse socket address '%s': "
             "Name or service not known", text);
    return error_set_raw(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NETWORK,
                         message);
}

/* libvirt's sanity check of a range against its network. */
static int
check_bounds(struct ip_check *c, const char *start, const char *end,
             const struct in6_addr *s, const struct in6_addr *e,
             struct vireo_error *err)
{
    if (!network_ip6_same_subnet(s, &c->address, c->prefix) ||
        !network_ip6_same_subnet(e, &c->address, c->prefix))
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK,
                         "range %s - %s is not entirely within network "
                         "%s/%d", start, end, c->addr, c->prefix);
    if (memcmp(s, e, sizeof(*s)) > 0)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK,
                         "range %s - %s start larger than end", start, end);
    return 0;
}

static int
check_range(struct ip_check *c, xmlNodePtr r, struct vireo_error *err)
{
    char *start = prop(r, "start"), *end = prop(r, "end");
    char s_text[INET6_ADDRSTRLEN], e_text[INET6_ADDRSTRLEN];
    struct in6_addr s, e;
    bool s_v6, e_v6;
    int rc = -1;

    if (start == NULL || end == NULL)
        error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                  "Missing '%s' attribute in dhcp range for network '%s'",
                  start == NULL ? "start" : "end", c->net);
    else if (range_end(start, &s, &s_v6, err) < 0 ||
             range_end(end, &e, &e_v6, err) < 0)
        ;
    else if (!s_v6 || !e_v6)
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK,
                  "mismatch of address family in range %s - %s for "
                  "network %s", start, end, c->addr);
    else if (put_canonical(r, "start", &s, s_text, err) == 0 &&
             put_canonical(r, "end", &e, e_text, err) == 0)
        rc = check_bounds(c, s_text, e_text, &s, &e, err);
    xmlFree(start);
    xmlFree(end);
    return rc;
}

/* ---- <host id name ip> ------------------------------------------------ */

static int
check_host_ip(struct ip_check *c, xmlNodePtr h, struct vireo_error *err)
{
    char *ip = prop(h, "ip"), text[INET6_ADDRSTRLEN];
    struct in6_addr a;
    struct in_addr v4;
    int rc = 0;

    if (ip == NULL)
        rc = error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                       "Missing IP address in static host definition for "
                       "network '%s'", c->net);
    else if (inet_pton(AF_INET6, ip, &a) == 1)
        rc = put_canonical(h, "ip", &a, text, err);
    else if (inet_pton(AF_INET, ip, &v4) != 1)
        rc = error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                       "Invalid IP address in static host definition for "
                       "network '%s'", c->net);
    xmlFree(ip);
    return rc;
}

static int
check_host(struct ip_check *c, xmlNodePtr h, struct vireo_error *err)
{
    char *mac = prop(h, "mac"), *id = prop(h, "id"), *name = prop(h, "name");
    int rc = -1;

    if (mac != NULL)
        error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                  "Invalid to specify MAC address '%s' in network '%s' "
                  "IPv6 static host definition", mac, c->net);
    else if (id != NULL && id[strspn(id, "0123456789abcdefABCDEF:")] != '\0')
        error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                  "Invalid character '%c' in id '%s' of network '%s'",
                  id[strspn(id, "0123456789abcdefABCDEF:")], id, c->net);
    else if (id == NULL && name == NULL)
        error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                  "Static host definition in IPv6 network '%s' must have "
                  "id or name attribute", c->net);
    else
        rc = check_host_ip(c, h, err);
    xmlFree(mac);
    xmlFree(id);
    xmlFree(name);
    return rc;
}

static int
check_dhcp(struct ip_check *c, xmlNodePtr ip, struct vireo_error *err)
{
    xmlNodePtr dhcp = network_shape_child(ip, "dhcp");

    for (xmlNodePtr n = dhcp != NULL ? dhcp->children : NULL; n; n = n->next)
        if ((network_shape_is(n, "range") && check_range(c, n, err) < 0) ||
            (network_shape_is(n, "host") && check_host(c, n, err) < 0))
            return -1;
    return 0;
}

/* ---- <ip family='ipv6'> ---------------------------------------------- */

static int
check_prefix(struct ip_check *c, xmlNodePtr ip, struct vireo_error *err)
{
    char *text = prop(ip, "prefix"), *end, canon[16];
    unsigned long p;
    int rc = 0;

    c->prefix = NETWORK_IP6_DEFAULT_PREFIX;
    if (text == NULL)
        return 0;
    p = strtoul(text, &end, 10);
    if (text[0] < '0' || text[0] > '9' || *end != '\0')
        rc = error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                       "Invalid value for attribute 'prefix' in element "
                       "'ip': '%s'. Expected non-negative integer value",
                       text);
    else if (p > 128)
        rc = error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_NETWORK,
                       "Invalid IPv6 prefix '%lu' in network '%s'", p, c->net);
    xmlFree(text);
    if (rc < 0)
        return -1;
    c->prefix = (int)p;
    snprintf(canon, sizeof(canon), "%d", c->prefix);
    if (xmlSetProp(ip, BAD_CAST "prefix", BAD_CAST canon) == NULL)
        return error_no_memory(err);
    return 0;
}

static int
check_v6(struct ip_check *c, xmlNodePtr ip, const char *address,
         struct vireo_error *err)
{
    char *netmask = prop(ip, "netmask");
    int rc = 0;

    if (address == NULL)
        rc = error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                       "Missing required address attribute in network '%s'",
                       c->net);
    else if (inet_pton(AF_INET6, address, &c->address) != 1)
        rc = error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_NETWORK,
                       "Family 'ipv6' specified for non-IPv6 address '%s' "
                       "in network '%s'", address, c->net);
    else if (netmask != NULL)
        rc = error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_NETWORK,
                       "netmask not allowed for IPv6 address '%s' in "
                       "network '%s'", address, c->net);
    xmlFree(netmask);
    if (rc < 0 || check_prefix(c, ip, err) < 0 ||
        put_canonical(ip, "address", &c->address, c->addr, err) < 0)
        return -1;
    return check_dhcp(c, ip, err);
}

/* The family agrees with the address; an IPv6 one is checked whole. */
static int
check_one(const char *net, xmlNodePtr ip, struct vireo_error *err)
{
    struct ip_check c = { .net = net };
    char *family = prop(ip, "family"), *address = prop(ip, "address");
    struct in6_addr a6;
    struct in_addr a4;
    bool is_v4 = address != NULL && inet_pton(AF_INET, address, &a4) == 1;
    bool is_v6 = address != NULL && inet_pton(AF_INET6, address, &a6) == 1;
    int rc = 0;

    if (address != NULL && !is_v4 && !is_v6)
        rc = error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                       "Invalid address '%s' in network '%s'", address, net);
    else if (family == NULL && is_v6)
        rc = error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_NETWORK,
                       "no family specified for non-IPv4 address '%s' in "
                       "network '%s'", address, net);
    else if (family != NULL && strcmp(family, "ipv4") == 0 && is_v6)
        rc = error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_NETWORK,
                       "Family 'ipv4' specified for non-IPv4 address '%s' "
                       "in network '%s'", address, net);
    else if (family != NULL && strcmp(family, "ipv6") == 0)
        rc = check_v6(&c, ip, address, err);
    else if (family != NULL && strcmp(family, "ipv4") != 0)
        rc = error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_NETWORK,
                       "Unrecognized family '%s' in network '%s'", family,
                       net);
    xmlFree(family);
    xmlFree(address);
    return rc;
}

int
network_ip6_check(xmlNodePtr root, const char *name, struct vireo_error *err)
{
    for (xmlNodePtr c = root->children; c != NULL; c = c->next)
        if (network_shape_is(c, "ip") && check_one(name, c, err) < 0)
            return -1;
    return 0;
}
