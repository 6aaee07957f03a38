/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tap.c: tap devices for guests (the contract is in tap.h), made the way
 * libvirt makes them: /dev/net/tun with TUNSETIFF (no packet header),
 * the guest's MAC with its first byte set to 0xfe, SIOCBRADDIF onto the
 * bridge, then up.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <linux/sockios.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/link_ioctl.h"
#include "drivers/qemu/tap.h"

static int
system_error(struct vireo_error *err, const char *what, const char *name,
             int errnum)
{
    return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_QEMU,
                     "%s '%s': %s", what, name, strerror(errnum));
}

/* The tap itself; its fd, or -1. */
static int
create(const char *wanted, char name[TAP_NAME_SIZE], struct vireo_error *err)
{
    struct ifreq ifr = { .ifr_flags = IFF_TAP | IFF_NO_PI };
    const char *pattern = wanted != NULL ? wanted : "vnet%d";
    int fd;

    if (strlen(pattern) >= IFNAMSIZ)
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_QEMU,
                         "tap device name '%s' is longer than %d characters",
                         pattern, IFNAMSIZ - 1);
    snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", pattern);
    fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return system_error(err, "cannot open", "/dev/net/tun", errno);
    if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
        int e = errno;

        close(fd);
        return system_error(err, "cannot create tap device", pattern, e);
    }
    snprintf(name, TAP_NAME_SIZE, "%s", ifr.ifr_name);
    return fd;
}

/* 0, or -1 if text is not six hex bytes separated by ':'. */
static int
parse_mac(const char *text, unsigned char mac[6])
{
    unsigned int b[6];
    char end;

    if (sscanf(text, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3],
               &b[4], &b[5], &end) != 6)
        return -1;
    for (int i = 0; i < 6; i++)
        mac[i] = (unsigned char)b[i];
    return 0;
}

static int
set_mac(const char *name, const char *guest_mac, struct vireo_error *err)
{
    struct ifreq ifr = { 0 };
    unsigned char mac[6];

    if (parse_mac(guest_mac, mac) < 0)
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_QEMU,
                         "interface MAC address '%s' is not valid", guest_mac);
    mac[0] = 0xfe;
    snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
    ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
    memcpy(ifr.ifr_hwaddr.sa_data, mac, sizeof(mac));
    if (link_ioctl(SIOCSIFHWADDR, &ifr) < 0)
        return system_error(err, "cannot set the MAC address of", name,
                            errno);
    return 0;
}

static int
attach(const char *name, const char *bridge, struct vireo_error *err)
{
    struct ifreq ifr = { 0 };

    snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", bridge);
    ifr.ifr_ifindex = (int)if_nametoindex(name);
    if (ifr.ifr_ifindex == 0 || link_ioctl(SIOCBRADDIF, &ifr) < 0) {
        char what[64];

        snprintf(what, sizeof(what), "cannot attach tap '%s' to bridge",
                 name);
        return system_error(err, what, bridge, errno);
    }
    return 0;
}

static int
bring_up(const char *name, struct vireo_error *err)
{
    struct ifreq ifr = { 0 };

    snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
    if (link_ioctl(SIOCGIFFLAGS, &ifr) < 0)
        return system_error(err, "cannot read the flags of", name, errno);
    ifr.ifr_flags |= IFF_UP;
    if (link_ioctl(SIOCSIFFLAGS, &ifr) < 0)
        return system_error(err, "cannot bring up", name, errno);
    return 0;
}

int
tap_open(const struct tap_request *req, char name[TAP_NAME_SIZE],
         struct vireo_error *err)
{
    int fd = create(req->name, name, err);

    if (fd < 0)
        return -1;
    if ((req->guest_mac != NULL && set_mac(name, req->guest_mac, err) < 0) ||
        (req->bridge != NULL && attach(name, req->bridge, err) < 0) ||
        bring_up(name, err) < 0) {
        close(fd);   /* not persistent: the tap goes with its fd */
        return -1;
    }
    return fd;
}

bool
tap_bridge_exists(const char *bridge)
{
    char path[64 + IFNAMSIZ];

    if (bridge == NULL || bridge[0] == '\0' || strchr(bridge, '/') != NULL ||
        strlen(bridge) >= IFNAMSIZ)
        return false;
    snprintf(path, sizeof(path), "/sys/class/net/%s/bridge", bridge);
    return access(path, F_OK) == 0;
}
