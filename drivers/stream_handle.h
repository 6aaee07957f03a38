/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * stream_handle.h: the object behind the public struct vireo_stream,
 * libvirt's virStreamPtr: made empty on a connection, opened by the call
 * that gives it its data (volume upload or download), then driven with
 * the driver's stream slots until finished or aborted. As with libvirt's,
 * one application thread at a time uses a stream: it holds no lock.
 */
#ifndef VIREO_DRIVERS_STREAM_HANDLE_H
#define VIREO_DRIVERS_STREAM_HANDLE_H

#include <stdbool.h>

#include "api/vireo.h"

/* Owned by the application thread using it. */
struct vireo_stream {
    struct vireo_conn *conn;     /* referenced */
    unsigned           flags;    /* as given to vireo_stream_new */
    void              *priv;     /* the driver's, once a call opened the
                                    stream; NULL until then */
    bool               is_ended; /* finished or aborted: no more data */
};

#endif /* VIREO_DRIVERS_STREAM_HANDLE_H */
