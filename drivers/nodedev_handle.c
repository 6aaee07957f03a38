/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * nodedev_handle.c: node device handles, a device's name on a connection.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/nodedev_handle.h"

struct vireo_node_device *
handle_nodedev_new(struct vireo_conn *conn, const char *name,
                   struct vireo_error *err)
{
    struct vireo_node_device *dev = calloc(1, sizeof(*dev));

    if (dev == NULL || (dev->name = strdup(name)) == NULL) {
        free(dev);
        error_no_memory(err);
        return NULL;
    }
    atomic_init(&dev->refs, 1);
    dev->conn = handle_conn_ref(conn);
    return dev;
}

struct vireo_node_device *
handle_nodedev_ref(struct vireo_node_device *dev)
{
    if (dev != NULL)
        atomic_fetch_add(&dev->refs, 1);
    return dev;
}

/* The last reference is gone: free dev, and hand back its connection. */
static struct vireo_conn *
release(struct vireo_node_device *dev)
{
    struct vireo_conn *conn = dev->conn;

    free(dev->name);
    free(dev);
    return conn;
}

void
handle_nodedev_unref(struct vireo_node_device *dev)
{
    if (dev == NULL || atomic_fetch_sub(&dev->refs, 1) != 1)
        return;
    handle_conn_unref(release(dev));
}

void
handle_nodedev_unref_elsewhere(struct vireo_node_device *dev)
{
    if (dev == NULL || atomic_fetch_sub(&dev->refs, 1) != 1)
        return;
    handle_conn_unref_elsewhere(release(dev));
}

void
handle_nodedev_array_free(struct vireo_node_device **devs, int n)
{
    for (int i = 0; i < n; i++)
        handle_nodedev_unref(devs[i]);
    free(devs);
}
