/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo-stream.h: the part of the public header for streams (libvirt's
 * virStream) and the volume transfers that use them.
 *
 * Clients include vireo.h, which includes this file after the parts it
 * builds on; it is not meant to be included on its own.
 */
#ifndef VIREO_STREAM_H
#define VIREO_STREAM_H

#ifndef VIREO_H_INCLUDES
#error "include vireo.h, not vireo-stream.h"
#endif

/* Streams: libvirt's virStream. A stream is made empty on a connection,
 * opened by the call that gives it data (vireo_storage_vol_upload or
 * vireo_storage_vol_download), fed with vireo_stream_send (or drained
 * with vireo_stream_recv) and then ended with vireo_stream_finish, which
 * returns whether the other end completed the transfer, or
 * vireo_stream_abort. One thread at a time uses a stream; the
 * connection's other calls, events and keepalive go on meanwhile. Free it
 * with vireo_stream_free (which aborts what is still open, and removes
 * its event callback) before closing its connection. */
struct vireo_stream;

/* Flags of vireo_stream_new (libvirt's virStreamFlags). A non-blocking
 * stream's send and recv return -2 (err untouched) where a blocking one
 * would wait; the stream event callback says when to try again. Finish
 * and abort still wait for the other end's answer, as libvirt's do. */
enum vireo_stream_flags {
    VIREO_STREAM_NONBLOCK = 1 << 0,
};

VIREO_API struct vireo_stream *vireo_stream_new(struct vireo_conn *conn,
                                                unsigned flags,
                                                struct vireo_error *err);
VIREO_API void vireo_stream_free(struct vireo_stream *st);
/* Send nbytes of data: returns how many were sent (nbytes, or INT_MAX
 * when nbytes is larger; on a non-blocking stream as much as there is
 * room for, -2 when there is none), or -1 with err set (the other end's
 * error when it gave up). */
VIREO_API int vireo_stream_send(struct vireo_stream *st, const char *data,
                                size_t nbytes, struct vireo_error *err);
/* Receive at most nbytes: returns how many, 0 at the end of the data, -2
 * on a non-blocking stream when nothing came yet, or -1 with err set. */
VIREO_API int vireo_stream_recv(struct vireo_stream *st, char *data,
                                size_t nbytes, struct vireo_error *err);
VIREO_API int vireo_stream_finish(struct vireo_stream *st,
                                  struct vireo_error *err);
VIREO_API int vireo_stream_abort(struct vireo_stream *st,
                                 struct vireo_error *err);

/* libvirt's virStreamSendAll and virStreamRecvAll: the whole data, from
 * source (which fills at most nbytes of data and returns how many, 0 at
 * its end, -1 with errno set on failure) or into sink (which takes what
 * it is given and returns how many, -1 with errno set on failure). On any
 * failure the stream is aborted; on success the caller finishes it. A
 * non-blocking stream refuses them, as libvirt's does. */
typedef int (*vireo_stream_source_cb)(struct vireo_stream *st, char *data,
                                      size_t nbytes, void *opaque);
typedef int (*vireo_stream_sink_cb)(struct vireo_stream *st,
                                    const char *data, size_t nbytes,
                                    void *opaque);
VIREO_API int vireo_stream_send_all(struct vireo_stream *st,
                                    vireo_stream_source_cb source,
                                    void *opaque, struct vireo_error *err);
VIREO_API int vireo_stream_recv_all(struct vireo_stream *st,
                                    vireo_stream_sink_cb sink, void *opaque,
                                    struct vireo_error *err);

/* libvirt's virStorageVolUpload and virStorageVolDownload: open st (new,
 * on vol's connection) to write the volume's contents (read them) from
 * offset on, at most length bytes (0: to the end). */
VIREO_API int vireo_storage_vol_upload(struct vireo_storage_vol *vol,
                                       struct vireo_stream *st,
                                       unsigned long long offset,
                                       unsigned long long length,
                                       unsigned flags,
                                       struct vireo_error *err);
VIREO_API int vireo_storage_vol_download(struct vireo_storage_vol *vol,
                                         struct vireo_stream *st,
                                         unsigned long long offset,
                                         unsigned long long length,
                                         unsigned flags,
                                         struct vireo_error *err);

/* Sparse streams: a volume transfer opened with one of these flags moves
 * holes as their length (libvirt's STREAM_HOLE messages), not as zeros. */
enum vireo_storage_vol_upload_flags {
    VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM = 1 << 0,
};
enum vireo_storage_vol_download_flags {
    VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM = 1 << 0,
};
enum vireo_stream_recv_flags {
    VIR_STREAM_RECV_STOP_AT_HOLE = 1 << 0,
};

/* libvirt's virStreamSendHole: the other end skips length bytes (> 0)
 * after the data sent before. flags 0. 0, or -1 with err set. */
VIREO_API int vireo_stream_send_hole(struct vireo_stream *st,
                                     long long length, unsigned flags,
                                     struct vireo_error *err);
/* libvirt's virStreamRecvFlags: as vireo_stream_recv, a hole reading as
 * zeros; with VIR_STREAM_RECV_STOP_AT_HOLE, -3 where a hole stands (err
 * untouched): vireo_stream_recv_hole then takes it. */
VIREO_API int vireo_stream_recv_flags(struct vireo_stream *st, char *data,
                                      size_t nbytes, unsigned flags,
                                      struct vireo_error *err);
/* libvirt's virStreamRecvHole: the length of the hole where the data
 * stands (0 if none), taking it. flags 0. */
VIREO_API int vireo_stream_recv_hole(struct vireo_stream *st,
                                     long long *length, unsigned flags,
                                     struct vireo_error *err);

/* libvirt's virStreamSparseSendAll and virStreamSparseRecvAll: the whole
 * data with its holes. source_hole says where the source stands (*in_data
 * and the *length of that section; 0 and 0 at its end), source_skip skips
 * a hole of the source, sink_hole makes one in the sink; each returns 0,
 * or -1 with errno set. On failure the stream is aborted. */
typedef int (*vireo_stream_source_hole_cb)(struct vireo_stream *st,
                                           int *in_data, long long *length,
                                           void *opaque);
typedef int (*vireo_stream_source_skip_cb)(struct vireo_stream *st,
                                           long long length, void *opaque);
typedef int (*vireo_stream_sink_hole_cb)(struct vireo_stream *st,
                                         long long length, void *opaque);
VIREO_API int vireo_stream_sparse_send_all(
    struct vireo_stream *st, vireo_stream_source_cb source,
    vireo_stream_source_hole_cb source_hole,
    vireo_stream_source_skip_cb source_skip, void *opaque,
    struct vireo_error *err);
VIREO_API int vireo_stream_sparse_recv_all(
    struct vireo_stream *st, vireo_stream_sink_cb sink,
    vireo_stream_sink_hole_cb sink_hole, void *opaque,
    struct vireo_error *err);

/* Stream events (libvirt's virStreamEventAddCallback and kin): one
 * callback per stream, called on the registered event loop's thread
 * (vireo_event_register_impl, or the default one) as long as one of the
 * events its mask asks for stands: READABLE when recv would not return -2
 * (data, a hole, the end of the data or the stream's failure is there),
 * WRITABLE when send would not (there is room, or the stream failed). As
 * with libvirt's remote streams, ERROR and HANGUP are never raised: a
 * failure shows as READABLE or WRITABLE, and the call then made fails.
 * The callback may call the stream's functions, change its mask, remove
 * itself or free the stream; free_cb(opaque) runs once the callback is
 * removed and not running. Each returns 0, or -1 with err set (libvirt's
 * "multiple stream callbacks not supported", "no stream callback
 * registered"). */
enum vireo_stream_event_type {
    VIREO_STREAM_EVENT_READABLE = 1 << 0,
    VIREO_STREAM_EVENT_WRITABLE = 1 << 1,
    VIREO_STREAM_EVENT_ERROR    = 1 << 2,
    VIREO_STREAM_EVENT_HANGUP   = 1 << 3,
};
typedef void (*vireo_stream_event_cb)(struct vireo_stream *st, int events,
                                      void *opaque);
VIREO_API int vireo_stream_event_add_callback(struct vireo_stream *st,
                                              int events,
                                              vireo_stream_event_cb cb,
                                              void *opaque,
                                              vireo_free_cb free_cb,
                                              struct vireo_error *err);
VIREO_API int vireo_stream_event_update_callback(struct vireo_stream *st,
                                                 int events,
                                                 struct vireo_error *err);
VIREO_API int vireo_stream_event_remove_callback(struct vireo_stream *st,
                                                 struct vireo_error *err);

#endif /* VIREO_STREAM_H */
