/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_network_lease.c: the handler of NETWORK_GET_DHCP_LEASES,
 * libvirt's virNetworkGetDHCPLeases. Driver threads, as every handler.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_network.h"
#include "daemon/dispatch_slots.h"
#include "drivers/network_handle.h"

/* *out as an optional wire string: NULL stays absent. 0 or -1. */
static int
put_opt(remote_string *out, const char *in)
{
    if (in == NULL)
        return 0;
    *out = malloc(sizeof(**out));
    if (*out == NULL)
        return -1;
    **out = strdup(in);
    return **out != NULL ? 0 : -1;
}

static int
put_lease(remote_network_dhcp_lease *out,
          const struct vireo_network_dhcp_lease *in, struct vireo_error *err)
{
    out->expirytime = in->expirytime;
    out->type = in->type;
    out->prefix = in->prefix;
    if ((out->iface = strdup(in->iface)) == NULL ||
        (out->ipaddr = strdup(in->ipaddr)) == NULL ||
        put_opt(&out->mac, in->mac) < 0 ||
        put_opt(&out->iaid, in->iaid) < 0 ||
        put_opt(&out->hostname, in->hostname) < 0 ||
        put_opt(&out->clientid, in->clientid) < 0)
        return error_no_memory(err);
    return 0;
}

static int
get_leases(struct vireo_conn *conn,
           const remote_network_get_dhcp_leases_args *a,
           struct vireo_network_dhcp_lease ***leases, struct vireo_error *err)
{
    struct vireo_network *net = dispatch_net_get(conn, &a->net, err);
    int n;

    if (net == NULL)
        return -1;
    n = conn->driver->network_get_dhcp_leases(
        net, a->mac != NULL ? *a->mac : NULL,
        a->need_results ? leases : NULL, a->flags, err);
    handle_network_unref(net);
    return n;
}

static int
put_leases(remote_network_get_dhcp_leases_ret *r,
           struct vireo_network_dhcp_lease **leases, int n,
           struct vireo_error *err)
{
    int rc = 0;

    r->leases.leases_val = calloc((size_t)n + 1, sizeof(*r->leases.leases_val));
    if (r->leases.leases_val == NULL)
        return error_no_memory(err);
    for (int i = 0; rc == 0 && i < n; i++) {
        r->leases.leases_len = (u_int)i + 1;
        rc = put_lease(&r->leases.leases_val[i], leases[i], err);
    }
    return rc;
}

int
dispatch_network_get_dhcp_leases(struct vireo_conn *conn, const void *args,
                                 void *ret, struct vireo_error *err)
{
    const remote_network_get_dhcp_leases_args *a = args;
    remote_network_get_dhcp_leases_ret *r = ret;
    struct vireo_network_dhcp_lease **leases = NULL;
    int n, rc = 0;

    if (DISPATCH_NEED_AS(conn, network_get_dhcp_leases,
                         "virNetworkGetDHCPLeases", err) < 0 ||
        (n = get_leases(conn, a, &leases, err)) < 0)
        return -1;
    if (n > REMOTE_NETWORK_DHCP_LEASES_MAX)
        rc = error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                       "Number of leases is %d, which exceeds max limit: %d",
                       n, REMOTE_NETWORK_DHCP_LEASES_MAX);
    else if (leases != NULL)
        rc = put_leases(r, leases, n, err);
    r->ret = (u_int)n;
    for (int i = 0; leases != NULL && i < n; i++)
        vireo_network_dhcp_lease_free(leases[i]);
    free(leases);
    return rc;
}
