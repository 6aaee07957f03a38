/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_link.c: bridges and their addresses (net_link.h).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/link_ioctl.h"
#include "drivers/network/net_link.h"

static int system_error(struct vireo_error *err, int errnum,
                        const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
system_error(struct vireo_error *err, int errnum, const char *fmt, ...)
{
    char what[128];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof(what), fmt, ap);
    va_end(ap);
    return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NETWORK, "%s: %s",
                     what, strerror(errnum));
}

bool
net_link_exists(const char *name)
{
    return name != NULL && if_nametoindex(name) != 0;
}

bool
net_link_is_bridge(const char *name)
{
    char path[64 + IFNAMSIZ];

    if (name == NULL || strchr(name, '/') != NULL || strlen(name) >= IFNAMSIZ)
        return false;
    snprintf(path, sizeof(path), "/sys/class/net/%s/bridge", name);
    return access(path, F_OK) == 0;
}

static int
set_mac(const char *name, const char *mac, struct vireo_error *err)
{
    struct ifreq ifr = { 0 };
    unsigned int b[6];

    if (sscanf(mac, "%2x:%2x:%2x:%2x:%2x:%2x", &b[0], &b[1], &b[2], &b[3],
               &b[4], &b[5]) != 6)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK,
                         "Cannot parse MAC address: %s", mac);
    snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
    ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
    for (int i = 0; i < 6; i++)
        ifr.ifr_hwaddr.sa_data[i] = (char)b[i];
    if (link_ioctl(SIOCSIFHWADDR, &ifr) < 0)
        return system_error(err, errno, "Cannot set interface MAC on '%s'",
                            name);
    return 0;
}

int
net_link_bridge_add(const char *name, const char *mac,
                    struct vireo_error *err)
{
    char buf[IFNAMSIZ];

    snprintf(buf, sizeof(buf), "%s", name);
    if (link_ioctl(SIOCBRADDBR, buf) < 0)
        return system_error(err, errno, "error creating bridge interface %s",
                            name);
    if (mac != NULL && set_mac(name, mac, err) < 0) {
        link_ioctl(SIOCBRDELBR, buf);
        return -1;
    }
    return 0;
}

static int
set_flags(const char *name, short on, short off, struct vireo_error *err)
{
    struct ifreq ifr = { 0 };

    snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
    if (link_ioctl(SIOCGIFFLAGS, &ifr) < 0)
        return system_error(err, errno, "Cannot get interface flags on '%s'",
                            name);
    ifr.ifr_flags = (short)((ifr.ifr_flags | on) & ~off);
    if (link_ioctl(SIOCSIFFLAGS, &ifr) < 0)
        return system_error(err, errno, "Cannot set interface flags on '%s'",
                            name);
    return 0;
}

int
net_link_up(const char *name, struct vireo_error *err)
{
    return set_flags(name, IFF_UP, 0, err);
}

int
net_link_bridge_del(const char *name, struct vireo_error *err)
{
    char buf[IFNAMSIZ];

    if (!net_link_exists(name))
        return 0;
    if (set_flags(name, 0, IFF_UP, err) < 0)
        return -1;
    snprintf(buf, sizeof(buf), "%s", name);
    if (link_ioctl(SIOCBRDELBR, buf) < 0 && errno != ENXIO)
        return system_error(err, errno, "error destroying bridge interface %s",
                            name);
    return 0;
}

static int
set_addr(const char *name, unsigned long request, struct in_addr a)
{
    struct ifreq ifr = { 0 };
    struct sockaddr_in sin = { .sin_family = AF_INET, .sin_addr = a };

    snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
    memcpy(&ifr.ifr_addr, &sin, sizeof(sin));
    return link_ioctl(request, &ifr);
}

int
net_link_set_ipv4(const char *name, struct in_addr address,
                  struct in_addr netmask, struct vireo_error *err)
{
    if (set_addr(name, SIOCSIFADDR, address) < 0 ||
        set_addr(name, SIOCSIFNETMASK, netmask) < 0)
        return system_error(err, errno,
                            "Failed to add IP address to bridge '%s'", name);
    return 0;
}

/* One line of /proc/net/route: its interface, destination and mask (in
 * network order, as the kernel prints them in hex). */
static bool
parse_route(const char *line, char iface[IFNAMSIZ], unsigned *dest,
            unsigned *mask)
{
    unsigned gw, flags, refs, use, metric;

    return sscanf(line, "%15s %x %x %x %u %u %u %x", iface, dest, &gw, &flags,
                  &refs, &use, &metric, mask) == 8;
}

int
net_link_check_route_clash(struct in_addr network, struct in_addr netmask,
                           struct vireo_error *err)
{
    FILE *f = fopen("/proc/net/route", "re");
    char line[256], iface[IFNAMSIZ];
    unsigned dest, mask;
    int rc = 0;

    if (f == NULL)
        return 0;    /* libvirt too goes on when it cannot read routes */
    while (rc == 0 && fgets(line, sizeof(line), f) != NULL)
        if (parse_route(line, iface, &dest, &mask) &&
            dest == network.s_addr && mask == netmask.s_addr)
            rc = error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK,
                           "Network is already in use by interface %s",
                           iface);
    fclose(f);
    return rc;
}

int
net_link_enable_forwarding(struct vireo_error *err)
{
    int fd = open("/proc/sys/net/ipv4/ip_forward", O_WRONLY | O_CLOEXEC);

    if (fd < 0 || write(fd, "1\n", 2) != 2) {
        int e = errno;

        if (fd >= 0)
            close(fd);
        return system_error(err, e, "%s", "failed to enable IP forwarding");
    }
    close(fd);
    return 0;
}
