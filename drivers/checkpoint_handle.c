/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * checkpoint_handle.c: checkpoint handles, the name of a checkpoint on a
 * domain.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/checkpoint_handle.h"
#include "drivers/error.h"
#include "drivers/handle.h"

struct vireo_domain_checkpoint *
handle_checkpoint_new(struct vireo_domain *dom, const char *name,
                      struct vireo_error *err)
{
    struct vireo_domain_checkpoint *chk = calloc(1, sizeof(*chk));

    if (chk == NULL || (chk->name = strdup(name)) == NULL) {
        free(chk);
        error_no_memory(err);
        return NULL;
    }
    atomic_init(&chk->refs, 1);
    chk->dom = handle_domain_ref(dom);
    return chk;
}

void
handle_checkpoint_unref(struct vireo_domain_checkpoint *chk)
{
    if (chk == NULL || atomic_fetch_sub(&chk->refs, 1) != 1)
        return;
    handle_domain_unref(chk->dom);
    free(chk->name);
    free(chk);
}

void
handle_checkpoint_array_free(struct vireo_domain_checkpoint **chks, int n)
{
    for (int i = 0; i < n; i++)
        handle_checkpoint_unref(chks[i]);
    free(chks);
}
