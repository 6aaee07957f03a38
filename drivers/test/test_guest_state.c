/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_guest_state.c: a domain's guest state, made when a slot first needs
 * it and freed with the domain object. Test driver's thread.
 */
#include <stdlib.h>

#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/test/test_guest_state.h"

/* The moment libvirt's test guests believe it is. */
#define GUEST_EPOCH_S 627319920LL

static void
guest_state_free(void *priv)
{
    struct test_guest_state *g = priv;

    free(g->iothread_polls);
    free(priv);
}

struct test_guest_state *
test_guest_state(struct domain_obj *obj, struct vireo_error *err)
{
    struct test_guest_state *g = obj->priv;

    if (g != NULL)
        return g;
    g = calloc(1, sizeof(*g));
    if (g == NULL) {
        error_no_memory(err);
        return NULL;
    }
    g->time_s = GUEST_EPOCH_S;
    obj->priv = g;
    obj->priv_free = guest_state_free;
    return g;
}
