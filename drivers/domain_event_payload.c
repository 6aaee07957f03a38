/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_event_payload.c: copying and freeing what an event carries. Each
 * delivery holds its own copy, so a producer's strings and parameters may
 * go as soon as it has queued the event. Pure functions: any thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/domain_event_payload.h"

/* *dst = a copy of src (NULL stays NULL): false when memory is short. */
static bool
copy_str(char **dst, const char *src)
{
    *dst = NULL;
    if (src == NULL)
        return true;
    *dst = strdup(src);
    return *dst != NULL;
}

/* The same for the public identity's const fields, which the payload
 * owns all the same. */
static bool
copy_const_str(const char **dst, const char *src)
{
    char *copy;
    bool ok = copy_str(&copy, src);

    *dst = copy;
    return ok;
}

static bool
copy_params(struct vireo_typed_params *dst,
            const struct vireo_typed_params *src)
{
    if (src->n == 0)
        return true;
    dst->params = calloc((size_t)src->n, sizeof(*dst->params));
    if (dst->params == NULL)
        return false;
    dst->cap = src->n;
    for (int i = 0; i < src->n; i++) {
        const struct vireo_typed_param *s = &src->params[i];
        struct vireo_typed_param *d = &dst->params[i];

        *d = *s;
        dst->n = i + 1;
        if (s->type == VIREO_TYPED_PARAM_STRING &&
            !copy_str(&d->value.s, s->value.s))
            return false;
    }
    return true;
}

static bool
copy_identities(struct domain_event_payload *dst,
                const struct domain_event_payload *src)
{
    if (src->n_identities == 0)
        return true;
    dst->identities = calloc((size_t)src->n_identities,
                             sizeof(*dst->identities));
    if (dst->identities == NULL)
        return false;
    dst->n_identities = src->n_identities;
    for (int i = 0; i < src->n_identities; i++)
        if (!copy_const_str(&dst->identities[i].type,
                            src->identities[i].type) ||
            !copy_const_str(&dst->identities[i].name,
                            src->identities[i].name))
            return false;
    return true;
}

int
domain_event_payload_copy(struct domain_event_payload *dst,
                          const struct domain_event_payload *src)
{
    bool ok = true;

    memcpy(dst->ints, src->ints, sizeof(dst->ints));
    memcpy(dst->nums, src->nums, sizeof(dst->nums));
    for (int i = 0; i < DOMAIN_EVENT_N_STRS; i++)
        ok = copy_str(&dst->strs[i], src->strs[i]) && ok;
    ok = ok && copy_params(&dst->params, &src->params) &&
         copy_identities(dst, src);
    if (!ok) {
        domain_event_payload_clear(dst);
        return -1;
    }
    return 0;
}

void
domain_event_payload_clear(struct domain_event_payload *p)
{
    for (int i = 0; i < DOMAIN_EVENT_N_STRS; i++)
        free(p->strs[i]);
    vireo_typed_params_clear(&p->params);
    for (int i = 0; i < p->n_identities; i++) {
        free((char *)p->identities[i].type);
        free((char *)p->identities[i].name);
    }
    free(p->identities);
    memset(p, 0, sizeof(*p));
}
