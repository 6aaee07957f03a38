/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_lease.c: virNetworkGetDHCPLeases for the network driver: the leases
 * its dnsmasq wrote in RUN_DIR/NAME.leases (net_dnsmasq.h), one line
 * each, with '*' for what the client did not say:
 *   EXPIRY MAC IP HOSTNAME CLIENTID     an IPv4 lease
 *   duid SERVER-DUID                    before the IPv6 ones
 *   EXPIRY IAID IPV6 HOSTNAME DUID      an IPv6 lease, whose MAC address
 *                                       net_lease_mac.h gives
 * as libvirt reports them: the live ones, for the network's bridge, with
 * the prefix of the network's first address of their family, an IPv6
 * one with its IAID and the client's DUID as client id. Network thread.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "drivers/conf/network_xml.h"
#include "drivers/conf/network_xml_ip6.h"
#include "drivers/conf/network_xml_shape.h"
#include "drivers/error.h"
#include "drivers/network/net_ipv4.h"
#include "drivers/network/net_lease_mac.h"
#include "drivers/network/net_slots.h"
#include "drivers/network/net_state.h"
#include "drivers/network/net_store.h"

/* libvirt's VIR_IP_ADDR_TYPE_IPV4 and _IPV6. */
enum { LEASE_IPV4, LEASE_IPV6 };

/* What one lease file line says; its strings point into the line, but
 * an IPv6 lease's mac (found apart) into mac_buf. */
struct lease_line {
    long long expiry;
    int       type;
    char     *mac, *iaid, *ip, *hostname, *clientid;
    char      mac_buf[32];
};

/* The prefixes the leases of each family get. */
struct lease_prefixes {
    int ipv4, ipv6;
};

/* An IPv6 line's MAC address, if dnsmasq found one. */
static bool
find_mac(const struct net_obj *obj, struct lease_line *l)
{
    if (!net_lease_mac_find(obj->st->run_dir, obj->base.def->name,
                            l->clientid, l->iaid, l->mac_buf,
                            sizeof(l->mac_buf)))
        return false;
    l->mac = l->mac_buf;
    return true;
}

/* A lease line of either family (the "duid" line is none). */
static bool
parse_line(const struct net_obj *obj, char *line, struct lease_line *out)
{
    char *save = NULL, *expiry = strtok_r(line, " \n", &save);
    char *second = strtok_r(NULL, " \n", &save);
    unsigned char a[sizeof(struct in6_addr)];

    out->ip = strtok_r(NULL, " \n", &save);
    out->hostname = strtok_r(NULL, " \n", &save);
    out->clientid = strtok_r(NULL, " \n", &save);
    if (expiry == NULL || out->clientid == NULL)
        return false;
    out->expiry = strtoll(expiry, NULL, 10);
    if (inet_pton(AF_INET, out->ip, a) == 1) {
        out->type = LEASE_IPV4;
        out->mac = second;
        out->iaid = NULL;
        return true;
    }
    out->type = LEASE_IPV6;
    out->iaid = second;
    return inet_pton(AF_INET6, out->ip, a) == 1 && find_mac(obj, out);
}

static char *
opt_dup(const char *s, bool *is_short)
{
    char *copy;

    if (s == NULL || strcmp(s, "*") == 0)
        return NULL;
    copy = strdup(s);
    *is_short |= copy == NULL;
    return copy;
}

static struct vireo_network_dhcp_lease *
lease_new(const struct lease_line *l, const struct net_obj *obj,
          const struct lease_prefixes *prefixes)
{
    struct vireo_network_dhcp_lease *lease = calloc(1, sizeof(*lease));
    bool is_short = lease == NULL;

    if (lease == NULL)
        return NULL;
    lease->expirytime = l->expiry;
    lease->type = l->type;
    lease->prefix = (unsigned)(l->type == LEASE_IPV4 ? prefixes->ipv4
                                                     : prefixes->ipv6);
    lease->iface = opt_dup(obj->base.def->bridge, &is_short);
    lease->ipaddr = opt_dup(l->ip, &is_short);
    lease->mac = opt_dup(l->mac, &is_short);
    lease->iaid = opt_dup(l->iaid, &is_short);
    lease->hostname = opt_dup(l->hostname, &is_short);
    lease->clientid = opt_dup(l->clientid, &is_short);
    if (is_short || lease->iface == NULL || lease->ipaddr == NULL) {
        vireo_network_dhcp_lease_free(lease);
        return NULL;
    }
    return lease;
}

/* Append lease to *list (*n of them). 0 or -1. */
static int
push(struct vireo_network_dhcp_lease ***list, int *n,
     struct vireo_network_dhcp_lease *lease)
{
    struct vireo_network_dhcp_lease **grown;

    if (lease == NULL ||
        (grown = realloc(*list, sizeof(*grown) * ((size_t)*n + 2))) == NULL) {
        vireo_network_dhcp_lease_free(lease);
        return -1;
    }
    grown[(*n)++] = lease;
    grown[*n] = NULL;
    *list = grown;
    return 0;
}

static void
list_free(struct vireo_network_dhcp_lease **list, int n)
{
    for (int i = 0; i < n; i++)
        vireo_network_dhcp_lease_free(list[i]);
    free(list);
}

/* The live leases of obj (mac's only, if given): their count, the leases
 * in *out when out is not NULL. */
static int
read_leases(struct net_obj *obj, const char *mac,
            const struct lease_prefixes *prefixes,
            struct vireo_network_dhcp_lease ***out, struct vireo_error *err)
{
    char *path = net_store_path(obj->st->run_dir, obj->base.def->name,
                                "leases");
    FILE *f = path != NULL ? fopen(path, "re") : NULL;
    struct vireo_network_dhcp_lease **list = NULL;
    long long now = (long long)time(NULL);
    struct lease_line l;
    char line[512];
    int n = 0, rc = 0;

    free(path);
    while (rc == 0 && f != NULL && fgets(line, sizeof(line), f) != NULL) {
        if (!parse_line(obj, line, &l) || (l.expiry != 0 && l.expiry < now) ||
            (mac != NULL && strcasecmp(mac, l.mac) != 0))
            continue;
        if (out == NULL)
            n++;
        else
            rc = push(&list, &n, lease_new(&l, obj, prefixes));
    }
    if (f != NULL)
        fclose(f);
    if (rc < 0) {
        list_free(list, n);
        return error_no_memory(err);
    }
    if (out != NULL)
        *out = list != NULL ? list : calloc(1, sizeof(*list));
    if (out != NULL && *out == NULL)
        return error_no_memory(err);
    return n;
}

/* The prefix attribute of the network's first IPv6 address: libvirt
 * gives its DHCPv6 leases that, 0 when the address has none (although
 * the address itself is then a /64). */
static int
ipv6_prefix(const struct network_def *def)
{
    char text[16];

    for (xmlNodePtr c = xmlDocGetRootElement(def->doc)->children; c != NULL;
         c = c->next)
        if (network_shape_is(c, "ip") && network_ip6_is(c))
            return atoi(network_ip_attr(c, "prefix", text, sizeof(text)));
    return 0;
}

int
netdrv_network_get_dhcp_leases(struct vireo_network *net, const char *mac,
                               struct vireo_network_dhcp_lease ***leases,
                               unsigned flags, struct vireo_error *err)
{
    struct lease_prefixes prefixes = { 0, 0 };
    struct net_obj *obj;
    struct net_ipv4 ip;

    if (error_check_flags(err, VIR_FROM_NETWORK, flags, 0,
                          "networkGetDHCPLeases") < 0 ||
        (obj = net_slots_obj(net, err)) == NULL ||
        net_ipv4_read(obj->base.def, &ip, err) < 0)
        return -1;
    prefixes.ipv4 = ip.prefix;
    prefixes.ipv6 = ipv6_prefix(obj->base.def);
    return read_leases(obj, mac, &prefixes, leases, err);
}
