/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * netdrv.h: the network driver: libvirt's networks on the host (bridges,
 * dnsmasq, nftables), daemon-only, serving the network calls of
 * qemu:///system connections as their companion (driver.h).
 */
#ifndef VIREO_NETWORK_NETDRV_H
#define VIREO_NETWORK_NETDRV_H

#include "drivers/driver.h"

extern const struct driver netdrv;

#endif /* VIREO_NETWORK_NETDRV_H */
