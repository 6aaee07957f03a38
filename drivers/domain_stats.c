/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_stats.c: freeing what the monitoring calls return in several
 * pieces (domstats records, interface addresses), which the drivers make
 * and the client library hands to its callers. Any thread.
 */
#include <stdlib.h>

#include "api/vireo.h"
#include "drivers/handle.h"

void
vireo_domain_stats_free(struct vireo_domain_stats_record *recs, int n)
{
    if (recs == NULL)
        return;
    for (int i = 0; i < n; i++) {
        if (recs[i].dom != NULL)
            handle_domain_unref(recs[i].dom);
        vireo_typed_params_clear(&recs[i].params);
    }
    free(recs);
}

void
vireo_domain_interfaces_free(struct vireo_domain_interface *ifaces, int n)
{
    if (ifaces == NULL)
        return;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < ifaces[i].n_addrs; j++)
            free(ifaces[i].addrs[j].addr);
        free(ifaces[i].addrs);
        free(ifaces[i].name);
        free(ifaces[i].hwaddr);
    }
    free(ifaces);
}
