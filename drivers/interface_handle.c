/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * interface_handle.c: host interface handles, a name and a MAC address
 * on a connection.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/interface_handle.h"

struct vireo_interface *
handle_iface_new(struct vireo_conn *conn, const char *name, const char *mac,
                 struct vireo_error *err)
{
    struct vireo_interface *iface = calloc(1, sizeof(*iface));

    if (iface == NULL || (iface->name = strdup(name)) == NULL ||
        (iface->mac = strdup(mac != NULL ? mac : "")) == NULL) {
        if (iface != NULL)
            free(iface->name);
        free(iface);
        error_no_memory(err);
        return NULL;
    }
    atomic_init(&iface->refs, 1);
    iface->conn = handle_conn_ref(conn);
    return iface;
}

struct vireo_interface *
handle_iface_ref(struct vireo_interface *iface)
{
    if (iface != NULL)
        atomic_fetch_add(&iface->refs, 1);
    return iface;
}

void
handle_iface_unref(struct vireo_interface *iface)
{
    if (iface == NULL || atomic_fetch_sub(&iface->refs, 1) != 1)
        return;
    handle_conn_unref(iface->conn);
    free(iface->name);
    free(iface->mac);
    free(iface);
}

void
handle_iface_array_free(struct vireo_interface **ifaces, int n)
{
    for (int i = 0; i < n; i++)
        handle_iface_unref(ifaces[i]);
    free(ifaces);
}
