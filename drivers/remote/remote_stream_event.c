/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_stream_event.c: the event callback of a volume stream over the
 * wire (libvirt's remoteStreamEventAddCallback and kin). The transfer
 * (rpc_transfer_event.c) calls back with the events alone; the record
 * here gives the application its stream handle and its own opaque, and
 * runs its free function when the transfer lets go of the record.
 */
#include <stdlib.h>

#include "drivers/error.h"
#include "drivers/remote/remote_slots.h"
#include "drivers/remote/rpc_client.h"
#include "drivers/stream_handle.h"

/* Owned by the transfer's registration until its free function runs. */
struct stream_callback {
    struct vireo_stream  *st;
    vireo_stream_event_cb cb;
    void                 *opaque;
    vireo_free_cb         free_cb;
};

static void
call_application(int events, void *opaque)
{
    struct stream_callback *sc = opaque;

    sc->cb(sc->st, events, sc->opaque);
}

static void
free_callback(void *opaque)
{
    struct stream_callback *sc = opaque;

    if (sc->free_cb != NULL)
        sc->free_cb(sc->opaque);
    free(sc);
}

int
remotedrv_stream_event_add_callback(struct vireo_stream *st, int events,
                                    vireo_stream_event_cb cb, void *opaque,
                                    vireo_free_cb free_cb,
                                    struct vireo_error *err)
{
    struct stream_callback *sc = malloc(sizeof(*sc));

    if (sc == NULL)
        return error_no_memory(err);
    *sc = (struct stream_callback){ st, cb, opaque, free_cb };
    if (rpc_transfer_event_add(st->priv, events, call_application, sc,
                               free_callback, err) < 0) {
        free(sc);
        return -1;
    }
    return 0;
}

int
remotedrv_stream_event_update_callback(struct vireo_stream *st, int events,
                                       struct vireo_error *err)
{
    return rpc_transfer_event_update(st->priv, events, err);
}

int
remotedrv_stream_event_remove_callback(struct vireo_stream *st,
                                       struct vireo_error *err)
{
    return rpc_transfer_event_remove(st->priv, err);
}
