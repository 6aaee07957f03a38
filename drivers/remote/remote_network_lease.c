/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_network_lease.c: virNetworkGetDHCPLeases as one remote call.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/network_handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"

/* A copy of an optional wire string, NULL when absent; *is_short set
 * when memory runs out. */
static char *
opt_copy(remote_string s, bool *is_short)
{
    char *copy;

    if (s == NULL || *s == NULL)
        return NULL;
    copy = strdup(*s);
    if (copy == NULL)
        *is_short = true;
    return copy;
}

static struct vireo_network_dhcp_lease *
from_wire(const remote_network_dhcp_lease *w, struct vireo_error *err)
{
    struct vireo_network_dhcp_lease *l = calloc(1, sizeof(*l));
    bool is_short = l == NULL;

    if (l != NULL) {
        l->expirytime = w->expirytime;
        l->type = w->type;
        l->prefix = w->prefix;
        l->iface = strdup(w->iface);
        l->ipaddr = strdup(w->ipaddr);
        is_short = l->iface == NULL || l->ipaddr == NULL;
        l->mac = opt_copy(w->mac, &is_short);
        l->iaid = opt_copy(w->iaid, &is_short);
        l->hostname = opt_copy(w->hostname, &is_short);
        l->clientid = opt_copy(w->clientid, &is_short);
    }
    if (is_short) {
        vireo_network_dhcp_lease_free(l);
        error_no_memory(err);
        return NULL;
    }
    return l;
}

static int
collect(const remote_network_get_dhcp_leases_ret *r,
        struct vireo_network_dhcp_lease ***leases, struct vireo_error *err)
{
    u_int n = r->leases.leases_len;
    struct vireo_network_dhcp_lease **out = calloc(n + 1, sizeof(*out));

    if (out == NULL)
        return error_no_memory(err);
    for (u_int i = 0; i < n; i++) {
        out[i] = from_wire(&r->leases.leases_val[i], err);
        if (out[i] == NULL) {
            while (i > 0)
                vireo_network_dhcp_lease_free(out[--i]);
            free(out);
            return -1;
        }
    }
    *leases = out;
    return (int)n;
}

int
remotedrv_network_get_dhcp_leases(struct vireo_network *net, const char *mac,
                                  struct vireo_network_dhcp_lease ***leases,
                                  unsigned flags, struct vireo_error *err)
{
    char *mac_arg = (char *)mac;
    remote_network_get_dhcp_leases_args args = {
        .mac = mac != NULL ? &mac_arg : NULL,
        .need_results = leases != NULL, .flags = flags,
    };
    remote_network_get_dhcp_leases_ret ret;
    int n;

    memset(&ret, 0, sizeof(ret));
    remote_network_to_wire(net, &args.net);
    if (remote_call(net->conn, REMOTE_PROC_NETWORK_GET_DHCP_LEASES, &args,
                    &ret, err) < 0)
        return -1;
    n = leases != NULL ? collect(&ret, leases, err) : (int)ret.ret;
    xdr_free((xdrproc_t)xdr_remote_network_get_dhcp_leases_ret, &ret);
    return n;
}
