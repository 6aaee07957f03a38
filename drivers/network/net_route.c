/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_route.c: a network's static routes on the host (net_route.h).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <net/route.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "drivers/conf/network_xml.h"
#include "drivers/conf/network_xml_route.h"
#include "drivers/conf/network_xml_shape.h"
#include "drivers/network/net_route.h"
#include "drivers/network/net_state.h"

static void
put_sin(struct sockaddr *sa, const struct in6_addr *a)
{
    struct sockaddr_in *sin = (struct sockaddr_in *)sa;

    memset(sin, 0, sizeof(*sin));
    sin->sin_family = AF_INET;
    memcpy(&sin->sin_addr, a, 4);
}

/* An IPv4 route by SIOCADDRT; the kernel takes rt_metric less one. */
static int
add_ipv4(int fd, char *bridge, const struct network_route *r)
{
    struct rtentry rt = { .rt_flags = RTF_UP | RTF_GATEWAY,
                          .rt_metric = (short)(r->metric + 1),
                          .rt_dev = bridge };
    struct in6_addr mask = { 0 };
    uint32_t bits = r->prefix > 0 ? htonl(0xffffffffu << (32 - r->prefix))
                                  : 0;

    memcpy(&mask, &bits, 4);
    put_sin(&rt.rt_dst, &r->address);
    put_sin(&rt.rt_gateway, &r->gateway);
    put_sin(&rt.rt_genmask, &mask);
    return ioctl(fd, SIOCADDRT, &rt);
}

static int
add_ipv6(int fd, int ifindex, const struct network_route *r)
{
    struct in6_rtmsg rt = { .rtmsg_dst = r->address,
                            .rtmsg_gateway = r->gateway,
                            .rtmsg_dst_len = (uint16_t)r->prefix,
                            .rtmsg_metric = r->metric,
                            .rtmsg_flags = RTF_UP | RTF_GATEWAY,
                            .rtmsg_ifindex = ifindex };

    return ioctl(fd, SIOCADDRT, &rt);
}

static void
add_one(struct net_state *st, const struct network_def *def,
        const struct network_route *r)
{
    int fd = socket(r->family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    int rc = fd < 0 ? -1
             : r->family == AF_INET ? add_ipv4(fd, def->bridge, r)
             : add_ipv6(fd, (int)if_nametoindex(def->bridge), r);
    int e = errno;
    char dst[INET6_ADDRSTRLEN], gw[INET6_ADDRSTRLEN];

    if (fd >= 0)
        close(fd);
    if (rc == 0)
        return;
    inet_ntop(r->family, &r->address, dst, sizeof(dst));
    inet_ntop(r->family, &r->gateway, gw, sizeof(gw));
    net_state_warn(st, "network '%s': cannot add the route to %s/%d via %s "
                   "on bridge '%s': %s", def->name, dst, r->prefix, gw,
                   def->bridge, strerror(e));
}

void
net_route_add_all(struct net_state *st, const struct network_def *def)
{
    struct network_route r;

    for (xmlNodePtr c = xmlDocGetRootElement(def->doc)->children; c != NULL;
         c = c->next) {
        if (!network_shape_is(c, "route"))
            continue;
        network_route_read(c, &r);
        add_one(st, def, &r);
    }
}
