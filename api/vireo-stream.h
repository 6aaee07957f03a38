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
 * vireo_stream_abort. Blocking only (flags 0). One thread at a time uses
 * a stream; the connection's other calls, events and keepalive go on
 * meanwhile. Free it with vireo_stream_free (which aborts what is still
 * open) before closing its connection. */
struct vireo_stream;

VIREO_API struct vireo_stream *vireo_stream_new(struct vireo_conn *conn,
                                                unsigned flags,
                                                struct vireo_error *err);
VIREO_API void vireo_stream_free(struct vireo_stream *st);
/* Send nbytes of data: returns how many were sent (nbytes, or INT_MAX
 * when nbytes is larger), or -1 with err set (the other end's error when
 * it gave up). */
VIREO_API int vireo_stream_send(struct vireo_stream *st, const char *data,
                                size_t nbytes, struct vireo_error *err);
/* Receive at most nbytes: returns how many, 0 at the end of the data, or
 * -1 with err set. */
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
 * failure the stream is aborted; on success the caller finishes it. */
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

#endif /* VIREO_STREAM_H */
