/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * tap_stats.c: a tap's counters from /proc/net/dev (the contract is in
 * tap_stats.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/qemu/tap_stats.h"

/* One line of /proc/net/dev after "name:": receive bytes, packets, errs,
 * drop, fifo, frame, compressed, multicast, then transmit bytes, packets,
 * errs, drop. */
static bool
parse_counters(const char *text, bool is_swapped,
               struct vireo_interface_stats *stats)
{
    long long rx[4], tx[4], skip;

    if (sscanf(text, "%lld %lld %lld %lld %lld %lld %lld %lld "
                     "%lld %lld %lld %lld",
               &rx[0], &rx[1], &rx[2], &rx[3], &skip, &skip, &skip, &skip,
               &tx[0], &tx[1], &tx[2], &tx[3]) != 12)
        return false;
    if (is_swapped) {
        *stats = (struct vireo_interface_stats){
            .rx_bytes = tx[0], .rx_packets = tx[1], .rx_errs = tx[2],
            .rx_drop = tx[3], .tx_bytes = rx[0], .tx_packets = rx[1],
            .tx_errs = rx[2], .tx_drop = rx[3] };
    } else {
        *stats = (struct vireo_interface_stats){
            .rx_bytes = rx[0], .rx_packets = rx[1], .rx_errs = rx[2],
            .rx_drop = rx[3], .tx_bytes = tx[0], .tx_packets = tx[1],
            .tx_errs = tx[2], .tx_drop = tx[3] };
    }
    return true;
}

/* Whether line (its colon replaced by a NUL) names ifname. */
static bool
names(const char *line, const char *ifname)
{
    while (*line == ' ')
        line++;
    return strcmp(line, ifname) == 0;
}

int
tap_stats_read(const char *ifname, bool is_swapped,
               struct vireo_interface_stats *stats, struct vireo_error *err)
{
    char line[512];
    FILE *f;
    int rc = -1;

    if (ifname == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NONE,
                         "%s", "Interface name not provided");
    f = fopen("/proc/net/dev", "re");
    if (f == NULL)
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                         "Could not open /proc/net/dev: %s", strerror(errno));
    while (rc < 0 && fgets(line, sizeof(line), f) != NULL) {
        char *colon = strchr(line, ':');

        if (colon == NULL)
            continue;
        *colon = '\0';
        if (names(line, ifname) && parse_counters(colon + 1, is_swapped,
                                                  stats))
            rc = 0;
    }
    fclose(f);
    if (rc < 0)
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NONE, "%s",
                  "/proc/net/dev: Interface not found");
    return rc;
}
