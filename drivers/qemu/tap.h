/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tap.h: the host side of a guest's bridge and ethernet interfaces: a tap
 * device QEMU reads and writes through an fd the launcher passes on.
 *
 * A tap made here is not persistent: it lives while an fd on it is open,
 * so it goes away with the QEMU that holds it, and a launch that fails
 * leaves none behind once it closes its fds. Making one needs
 * CAP_NET_ADMIN. Any thread: these are system calls only.
 */
#ifndef VIREO_QEMU_TAP_H
#define VIREO_QEMU_TAP_H

#include <stdbool.h>

#include "api/vireo.h"

#define TAP_NAME_SIZE 16    /* IFNAMSIZ, its NUL included */

struct tap_request {
    const char *name;        /* the tap's name, or NULL: "vnet%d", the
                              * kernel picks the number */
    const char *guest_mac;   /* "52:54:00:..": the tap gets it with the
                              * first byte 0xfe, as libvirt does, so the
                              * bridge never takes the guest's address;
                              * NULL: the kernel's random one */
    const char *bridge;      /* attach to this existing bridge, or NULL */
};

/* Make a tap as asked, attached (if asked) and up. Returns its fd
 * (close-on-exec) and its name in name, or -1 with err set
 * (VIR_ERR_SYSTEM_ERROR naming the tap or bridge and the reason). */
int tap_open(const struct tap_request *req, char name[TAP_NAME_SIZE],
             struct vireo_error *err);

/* Whether bridge names an existing bridge device. */
bool tap_bridge_exists(const char *bridge);

#endif /* VIREO_QEMU_TAP_H */
