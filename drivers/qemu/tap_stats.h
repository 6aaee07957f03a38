/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tap_stats.h: a guest interface's counters, read from its tap on the
 * host as libvirt's virNetDevTapInterfaceStats reads them. Any thread; a
 * read of /proc, which never waits on a guest.
 */
#ifndef VIREO_QEMU_TAP_STATS_H
#define VIREO_QEMU_TAP_STATS_H

#include <stdbool.h>

#include "api/vireo.h"

/* The counters of host interface ifname from /proc/net/dev into *stats.
 * A tap's receive side is what the guest sent, so with is_swapped (every
 * tap) received and transmitted trade places, and the figures are the
 * guest's. 0, or -1 with VIR_ERR_INTERNAL_ERROR ("Interface name not
 * provided", "/proc/net/dev: Interface not found") or a system error. */
int tap_stats_read(const char *ifname, bool is_swapped,
                   struct vireo_interface_stats *stats,
                   struct vireo_error *err);

#endif /* VIREO_QEMU_TAP_STATS_H */
