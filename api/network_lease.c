/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_lease.c: the public call virNetworkGetDHCPLeases: check the
 * handle as libvirt does, then the connection driver's slot.
 */
#include <stddef.h>

#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/network_handle.h"

int
vireo_network_get_dhcp_leases(struct vireo_network *net, const char *mac,
                              struct vireo_network_dhcp_lease ***leases,
                              unsigned flags, struct vireo_error *err)
{
    if (leases != NULL)
        *leases = NULL;
    if (net == NULL || net->conn == NULL || net->conn->driver == NULL)
        return error_set(err, VIR_ERR_INVALID_NETWORK, VIR_FROM_NETWORK,
                         "%s", "virNetworkGetDHCPLeases");
    if (net->conn->driver->network_get_dhcp_leases == NULL)
        return error_unsupported(err, net->conn->driver,
                                 "virNetworkGetDHCPLeases");
    return net->conn->driver->network_get_dhcp_leases(net, mac, leases, flags,
                                                      err);
}
