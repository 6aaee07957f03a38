/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_stats.c: freeing the statistics records of domstats, which the
 * drivers make and the client library hands to its callers. Any thread.
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
