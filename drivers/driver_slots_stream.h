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
     * stream_free releases st->priv, aborting what is still open. All on
     * the application's thread; the stream is used by one at a time. */
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
