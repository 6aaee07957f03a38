/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_handle.c: domain references between the wire and driver
 * handles. Runs on driver threads; touches nothing shared.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"

struct vireo_domain *
dispatch_dom_get(struct vireo_conn *conn, const remote_nonnull_domain *wire,
                 struct vireo_error *err)
{
    struct vireo_domain *dom =
        handle_domain_new(conn, wire->name, (const unsigned char *)wire->uuid,
                          wire->id);

    if (dom == NULL)
        error_no_memory(err);
    return dom;
}

/* The id is the driver's current one: -1 for an inactive domain, which
 * is all virsh goes by to print "-" or refuse a second start. */
int
dispatch_dom_put(remote_nonnull_domain *wire, struct vireo_domain *dom,
                 struct vireo_error *err)
{
    if (dom == NULL)
        return -1;
    wire->name = strdup(dom->name);
    memcpy(wire->uuid, dom->uuid, sizeof(wire->uuid));
    wire->id = atomic_load(&dom->id);
    handle_domain_unref(dom);
    if (wire->name == NULL)
        return error_no_memory(err);
    return 0;
}

int
dispatch_take_string(remote_nonnull_string *out, char *s)
{
    *out = s;
    return s != NULL ? 0 : -1;
}

int
dispatch_copy_chars(const char *s, char **val, u_int *len,
                    struct vireo_error *err)
{
    *val = strdup(s);
    if (*val == NULL)
        return error_no_memory(err);
    *len = (u_int)strlen(s) + 1;
    return 0;
}
