/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_network_lease.c: virsh's net-dhcp-leases: the leases of a
 * network's DHCP server as virsh prints them (sorted by MAC address,
 * expiry in local time, "-" for what a lease does not say).
 */
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <time.h>

#include "cli.h"
#include "cmd_opts.h"
#include "table.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_net_dhcp_leases_opts[] = {
    NETWORK_ARG,
    { "mac", OPT_STRING, false, false, "MAC address" },
    END_OPTS,
};

static const char *
or_dash(const char *s)
{
    return s != NULL ? s : "-";
}

/* virsh's order: by MAC address, ignoring case; IPv6 leases by IAID. */
static int
by_mac(const void *a, const void *b)
{
    const struct vireo_network_dhcp_lease *x =
        *(struct vireo_network_dhcp_lease *const *)a;
    const struct vireo_network_dhcp_lease *y =
        *(struct vireo_network_dhcp_lease *const *)b;
    const char *kx = x->type == 0 ? x->mac : x->iaid;
    const char *ky = y->type == 0 ? y->mac : y->iaid;

    return strcasecmp(kx != NULL ? kx : "", ky != NULL ? ky : "");
}

static int
add_row(struct table *t, void *item)
{
    const struct vireo_network_dhcp_lease *l = item;
    char when[32], addr[80];
    time_t expiry = (time_t)l->expirytime;
    struct tm tm;
    const char *cells[6];

    if (localtime_r(&expiry, &tm) == NULL ||
        strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm) == 0)
        when[0] = '\0';
    snprintf(addr, sizeof(addr), "%s/%u", l->ipaddr, l->prefix);
    cells[0] = when;
    cells[1] = or_dash(l->mac);
    cells[2] = l->type == 0 ? "ipv4" : l->type == 1 ? "ipv6" : "-";
    cells[3] = addr;
    cells[4] = or_dash(l->hostname);
    cells[5] = or_dash(l->clientid);
    return table_add_row(t, cells);
}

static int
print_leases(struct vireo_network_dhcp_lease **leases, int n)
{
    static const char *const headers[] = {
        "Expiry Time", "MAC address", "Protocol", "IP address", "Hostname",
        "Client ID or DUID",
    };

    qsort(leases, (size_t)n, sizeof(*leases), by_mac);
    if (table_print_items(stdout, 6, headers, (void *const *)leases, n,
                          add_row) == 0)
        return 0;
    cli_error("out of memory");
    return -1;
}

int
cmd_net_dhcp_leases(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    const char *name = cmd_string(cmd, "network");
    struct vireo_network *net = cli_network_lookup(s, name);
    struct vireo_network_dhcp_lease **leases = NULL;
    int n, rc;

    if (net == NULL)
        return -1;
    n = vireo_network_get_dhcp_leases(net, cmd_string(cmd, "mac"), &leases,
                                      0, &err);
    if (n < 0) {
        cli_error("Failed to get leases info for %s", name);
        cli_report(&err);
        vireo_network_free(net);
        return -1;
    }
    rc = print_leases(leases, n);
    for (int i = 0; i < n; i++)
        vireo_network_dhcp_lease_free(leases[i]);
    free(leases);
    vireo_network_free(net);
    return rc;
}
