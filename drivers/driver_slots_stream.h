/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * driver_slots_stream.h: the slots of struct driver (driver.h) for streams
 * whose data the application moves. Each slot's comment is its contract.
 *
 * A part of struct driver's body, not a header of its own: driver.h
 * includes it inside the struct, after the headers whose types the slots
 * use (api/vireo.h, drivers/handle.h). Nothing else includes it.
 */
#ifndef VIREO_DRIVER_SLOTS
#error "only drivers/driver.h includes this file"
#endif

    /* Streams the application moves the data of (libvirt's virStream*),
     * for a client's volume upload and download: st (drivers/
     * stream_handle.h) comes in empty, and on success the open slot sets
     * st->priv to the driver's state. Then send takes len bytes (returns
     * how many: len, or INT_MAX when len is larger), recv gives at most len (returns how many, 0 at the end of the
     * data), finish completes the transfer and abort discards it (each
     * waits for the other end's answer: its error lands in err), and
     * stream_free releases st->priv, aborting what is still open. On a
     * stream made with VIREO_STREAM_NONBLOCK (st->flags), send and recv
     * return -2 (err untouched) where they would wait. All on the
     * application's thread; the stream is used by one at a time. */
    int (*storage_vol_upload_stream)(struct vireo_storage_vol *vol,
                                     struct vireo_stream *st,
                                     unsigned long long offset,
                                     unsigned long long length,
                                     unsigned flags,
                                     struct vireo_error *err);
    int (*storage_vol_download_stream)(struct vireo_storage_vol *vol,
                                       struct vireo_stream *st,
                                       unsigned long long offset,
                                       unsigned long long length,
                                       unsigned flags,
                                       struct vireo_error *err);
    int  (*stream_send)(struct vireo_stream *st, const char *data,
                        size_t len, struct vireo_error *err);
    int  (*stream_recv)(struct vireo_stream *st, char *data, size_t len,
                        struct vireo_error *err);
    int  (*stream_finish)(struct vireo_stream *st, struct vireo_error *err);
    int  (*stream_abort)(struct vireo_stream *st, struct vireo_error *err);
    void (*stream_free)(struct vireo_stream *st);

    /* Sparse streams (libvirt's virStreamSendHole, virStreamRecvFlags,
     * virStreamRecvHole), on a stream opened with a sparse flag: send_hole
     * sends a hole of length bytes after the data sent before it;
     * recv_flags receives as stream_recv, except that with
     * VIR_STREAM_RECV_STOP_AT_HOLE it returns -3 (err untouched) where a
     * hole stands, which recv_hole then takes (its length, 0 where there
     * is none). A stream not opened sparse refuses both. Application's
     * thread. */
    int  (*stream_send_hole)(struct vireo_stream *st, long long length,
                             unsigned flags, struct vireo_error *err);
    int  (*stream_recv_flags)(struct vireo_stream *st, char *data,
                              size_t len, unsigned flags,
                              struct vireo_error *err);
    int  (*stream_recv_hole)(struct vireo_stream *st, long long *length,
                             unsigned flags, struct vireo_error *err);

    /* Stream events (libvirt's virStreamEventAddCallback and kin), on an
     * open stream: add registers st's one callback (refused when it has
     * one), update changes the events it asks for, remove drops it
     * (free_cb(opaque) runs once it is not running). The callback runs on
     * the registered event loop's thread while an event it asks for
     * stands (api/vireo-stream.h says which). Any thread; stream_free
     * removes a callback still registered. */
    int  (*stream_event_add_callback)(struct vireo_stream *st, int events,
                                      vireo_stream_event_cb cb, void *opaque,
                                      vireo_free_cb free_cb,
                                      struct vireo_error *err);
    int  (*stream_event_update_callback)(struct vireo_stream *st, int events,
                                         struct vireo_error *err);
    int  (*stream_event_remove_callback)(struct vireo_stream *st,
                                         struct vireo_error *err);
