/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_event.c: the network kind of object events.
 */
#include "drivers/network_event.h"
#include "drivers/network_handle.h"

static void *
handle_new(struct vireo_conn *conn, const char *name,
           const unsigned char *uuid)
{
    return handle_network_new(conn, name, uuid, NULL);
}

static void
handle_unref_elsewhere(void *handle)
{
    handle_network_unref_elsewhere(handle);
}

const struct object_event_kind network_event_kind = {
    .what = "network",
    .n_event_ids = VIR_NETWORK_EVENT_ID_LAST,
    .has_uuid = true,
    .handle_new = handle_new,
    .handle_unref_elsewhere = handle_unref_elsewhere,
};
