/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_handle.c: what a domain handle knows by itself, without asking the
 * driver, and its reference count.
 */
#include <string.h>

#include "drivers/conf/uuid.h"
#include "drivers/handle.h"

const char *
vireo_domain_get_name(const struct vireo_domain *dom)
{
    return dom != NULL ? dom->name : NULL;
}

int
vireo_domain_get_id(const struct vireo_domain *dom)
{
    return dom != NULL ? atomic_load(&dom->id) : -1;
}

void
vireo_domain_get_uuid(const struct vireo_domain *dom,
                      unsigned char uuid[VIREO_UUID_BUFLEN])
{
    if (dom != NULL && uuid != NULL)
        memcpy(uuid, dom->uuid, VIREO_UUID_BUFLEN);
}

void
vireo_domain_get_uuid_string(const struct vireo_domain *dom,
                             char buf[VIREO_UUID_STRING_BUFLEN])
{
    if (dom != NULL && buf != NULL)
        uuid_format(dom->uuid, buf);
}

/* The connection is the domain's: the caller gets no reference. */
struct vireo_conn *
vireo_domain_get_conn(const struct vireo_domain *dom)
{
    return dom != NULL ? dom->conn : NULL;
}

struct vireo_domain *
vireo_domain_ref(struct vireo_domain *dom)
{
    return handle_domain_ref(dom);
}

void
vireo_domain_free(struct vireo_domain *dom)
{
    handle_domain_unref(dom);
}
