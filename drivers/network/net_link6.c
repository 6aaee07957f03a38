/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_link6.c: IPv6 on a network's bridge (net_link6.h).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <net/route.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/network/net_link6.h"

/* The host's IPv6 routing table: one route a line, its flags in hex in
 * the 9th column, its link in the 10th. */
#define IPV6_ROUTES "/proc/net/ipv6_route"

/* The kernel's argument to SIOCSIFADDR on an AF_INET6 socket
 * (linux/ipv6.h's struct in6_ifreq, which glibc's headers clash with). */
struct link6_ifreq {
    struct in6_addr addr;
    unsigned int    prefixlen;
    int             ifindex;
};

/* libvirt's system error: its words and strerror(errnum), no prefix. */
static int
system_error(struct vireo_error *err, int errnum, const char *what)
{
    char message[sizeof(err->message)];

    snprintf(message, sizeof(message), "%s: %s", what, strerror(errnum));
    return error_set_raw(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NETWORK,
                         message);
}

/* Write value to path; errno kept on failure. */
static int
write_sysctl(const char *path, const char *value)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    ssize_t n;
    int e;

    if (fd < 0)
        return -1;
    n = write(fd, value, strlen(value));
    e = errno;
    close(fd);
    errno = e;
    return n == (ssize_t)strlen(value) ? 0 : -1;
}

static int
set_bridge_sysctl(const char *bridge, const char *field, const char *value,
                  struct vireo_error *err)
{
    char path[128], what[200];

    snprintf(path, sizeof(path), "/proc/sys/net/ipv6/conf/%s/%s", bridge,
             field);
    if (write_sysctl(path, value) == 0)
        return 0;
    snprintf(what, sizeof(what), "cannot write to '%s' on bridge '%s'", path,
             bridge);
    return system_error(err, errno, what);
}

int
net_link6_set_sysctls(const char *bridge, bool has_ipv6,
                      struct vireo_error *err)
{
    char path[128];

    snprintf(path, sizeof(path), "/proc/sys/net/ipv6/conf/%s/disable_ipv6",
             bridge);
    if (access(path, W_OK) < 0 && errno == ENOENT)
        return 0;    /* IPv6 is off on this host */
    if (set_bridge_sysctl(bridge, "disable_ipv6", has_ipv6 ? "0" : "1",
                          err) < 0 ||
        set_bridge_sysctl(bridge, "accept_ra", "0", err) < 0 ||
        set_bridge_sysctl(bridge, "autoconf", "0", err) < 0)
        return -1;
    return 0;
}

int
net_link6_add_address(const char *bridge, const struct in6_addr *address,
                      int prefix, struct vireo_error *err)
{
    struct link6_ifreq req = { .addr = *address,
                               .prefixlen = (unsigned)prefix,
                               .ifindex = (int)if_nametoindex(bridge) };
    char text[INET6_ADDRSTRLEN], what[128];
    int fd = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    int rc = fd < 0 || req.ifindex == 0 ? -1 : ioctl(fd, SIOCSIFADDR, &req);
    int e = errno;

    if (fd >= 0)
        close(fd);
    if (rc == 0)
        return 0;
    inet_ntop(AF_INET6, address, text, sizeof(text));
    snprintf(what, sizeof(what), "Failed to add IP address %s/%d to %s",
             text, prefix, bridge);
    return system_error(err, e, what);
}

int
net_link6_enable_forwarding(struct vireo_error *err)
{
    if (write_sysctl("/proc/sys/net/ipv6/conf/all/forwarding", "1\n") < 0)
        return system_error(err, errno, "failed to enable IP forwarding");
    return 0;
}

/* accept_ra of a link ("all" for NULL), or -1 when unreadable. */
static int
accept_ra(const char *link)
{
    char path[128];
    FILE *f;
    int v = -1;

    snprintf(path, sizeof(path), "/proc/sys/net/ipv6/conf/%s/accept_ra",
             link != NULL ? link : "all");
    if ((f = fopen(path, "re")) == NULL)
        return -1;
    if (fscanf(f, "%d", &v) != 1)
        v = -1;
    fclose(f);
    return v;
}

/* Would forwarding flush this routing table line's route? */
static bool
is_flushed(const char *line, int all_accept_ra, char *link, size_t size)
{
    char route[33], flags[9], name[9];
    unsigned long f;
    int ra;

    /* The columns as libvirt reads them: at most 8 characters of the
     * link's name. */
    if (sscanf(line, "%32s %*s %*s %*s %*s %*s %*s %*s %8s %8s", route, flags,
               name) != 3)
        return false;
    f = strtoul(flags, NULL, 16);
    if ((f & RTF_ADDRCONF) == 0)
        return false;
    ra = accept_ra(name);
    snprintf(link, size, "%s", name);
    return ra == 1 || (ra == 0 && all_accept_ra == 1);
}

int
net_link6_check_forwarding(struct vireo_error *err)
{
    FILE *f = fopen(IPV6_ROUTES, "re");
    int all = accept_ra(NULL);
    char line[256], link[16];
    bool is_unsafe = false;

    if (f == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK,
                         "Unable to read %s for ipv6 forwarding checks",
                         IPV6_ROUTES);
    while (!is_unsafe && fgets(line, sizeof(line), f) != NULL)
        is_unsafe = is_flushed(line, all, link, sizeof(link));
    fclose(f);
    if (!is_unsafe)
        return 0;
    /* libvirt 9.0's words, their two spaces included. */
    return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK,
                     "Check the host setup: interface %s has kernel "
                     "autoconfigured IPv6 routes and enabling forwarding  "
                     "without accept_ra set to 2 will cause the kernel to "
                     "flush them, breaking networking.", link);
}
