/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_handle.c: network handles, the name and uuid of a network on a
 * connection.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/network_handle.h"

struct vireo_network *
handle_network_new(struct vireo_conn *conn, const char *name,
                   const unsigned char *uuid, struct vireo_error *err)
{
    struct vireo_network *net = calloc(1, sizeof(*net));

    if (net == NULL || (net->name = strdup(name)) == NULL) {
        free(net);
        error_no_memory(err);
        return NULL;
    }
    atomic_init(&net->refs, 1);
    net->conn = handle_conn_ref(conn);
    memcpy(net->uuid, uuid, VIREO_UUID_BUFLEN);
    return net;
}

struct vireo_network *
handle_network_ref(struct vireo_network *net)
{
    if (net != NULL)
        atomic_fetch_add(&net->refs, 1);
    return net;
}

/* The last reference is gone: free net, and hand back its connection. */
static struct vireo_conn *
release(struct vireo_network *net)
{
    struct vireo_conn *conn = net->conn;

    free(net->name);
    free(net);
    return conn;
}

void
handle_network_unref(struct vireo_network *net)
{
    if (net == NULL || atomic_fetch_sub(&net->refs, 1) != 1)
        return;
    handle_conn_unref(release(net));
}

void
handle_network_unref_elsewhere(struct vireo_network *net)
{
    if (net == NULL || atomic_fetch_sub(&net->refs, 1) != 1)
        return;
    handle_conn_unref_elsewhere(release(net));
}

void
handle_network_array_free(struct vireo_network **nets, int n)
{
    for (int i = 0; i < n; i++)
        handle_network_unref(nets[i]);
    free(nets);
}
