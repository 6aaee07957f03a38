/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_lease.c: the public struct vireo_network_dhcp_lease's release,
 * for every side that makes one (the network driver, the remote driver,
 * the daemon's handler). Any thread.
 */
#include <stdlib.h>

#include "api/vireo.h"

void
vireo_network_dhcp_lease_free(struct vireo_network_dhcp_lease *lease)
{
    if (lease == NULL)
        return;
    free(lease->iface);
    free(lease->mac);
    free(lease->iaid);
    free(lease->ipaddr);
    free(lease->hostname);
    free(lease->clientid);
    free(lease);
}
