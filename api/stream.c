/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * stream.c: libvirt's streams (virStream*) and the two calls that open
 * one, volume upload and download. A stream is made empty on a connection
 * (vireo_stream_new), opened by the call, then fed or drained with send
 * and recv (or the whole-data helpers) until finish or abort. Each entry
 * point checks its arguments as libvirt's does, then calls the driver's
 * slot and returns its error untouched. A stream is used by one thread at
 * a time, as libvirt's is.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "api/check.h"
#include "api/storage_check.h"
#include "api/stream_check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/storage_handle.h"
#include "drivers/stream_handle.h"

struct vireo_stream *
vireo_stream_new(struct vireo_conn *conn, unsigned flags,
                 struct vireo_error *err)
{
    struct vireo_stream *st;

    if (check_conn(conn, "virStreamNew", err) < 0)
        return NULL;
    if (error_check_flags(err, VIR_FROM_STREAMS, flags,
                          VIREO_STREAM_NONBLOCK, "virStreamNew") < 0)
        return NULL;
    st = calloc(1, sizeof(*st));
    if (st == NULL) {
        error_no_memory(err);
        return NULL;
    }
    st->conn = handle_conn_ref(conn);
    st->flags = flags;
    return st;
}

void
vireo_stream_free(struct vireo_stream *st)
{
    if (st == NULL)
        return;
    if (st->priv != NULL && st->conn->driver->stream_free != NULL)
        st->conn->driver->stream_free(st);
    handle_conn_unref(st->conn);
    free(st);
}

int
check_stream(const struct vireo_stream *st, const char *func,
             struct vireo_error *err)
{
    if (st == NULL || st->conn == NULL || st->conn->driver == NULL)
        return error_set(err, VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS,
                         "invalid stream pointer in %s", func);
    return 0;
}

int
check_open(const struct vireo_stream *st, bool has_slot, const char *func,
           struct vireo_error *err)
{
    if (st->priv == NULL || !has_slot)
        return error_unsupported(err, st->conn->driver, func);
    return 0;
}

int
vireo_stream_send(struct vireo_stream *st, const char *data, size_t nbytes,
                  struct vireo_error *err)
{
    const char *func = "virStreamSend";

    if (ON_STREAM(st, func, stream_send, err) ||
        check_non_null(data, "data", func, err) < 0)
        return -1;
    return st->conn->driver->stream_send(st, data, nbytes, err);
}

int
vireo_stream_recv(struct vireo_stream *st, char *data, size_t nbytes,
                  struct vireo_error *err)
{
    const char *func = "virStreamRecv";

    if (ON_STREAM(st, func, stream_recv, err) ||
        check_non_null(data, "data", func, err) < 0)
        return -1;
    return st->conn->driver->stream_recv(st, data, nbytes, err);
}

int
vireo_stream_finish(struct vireo_stream *st, struct vireo_error *err)
{
    if (ON_STREAM(st, "virStreamFinish", stream_finish, err))
        return -1;
    return st->conn->driver->stream_finish(st, err);
}

int
vireo_stream_abort(struct vireo_stream *st, struct vireo_error *err)
{
    /* libvirt aborts a stream no call opened without complaint. */
    if (st != NULL && st->conn != NULL && st->priv == NULL)
        return 0;
    if (ON_STREAM(st, "virStreamAbort", stream_abort, err))
        return -1;
    return st->conn->driver->stream_abort(st, err);
}

int
stream_send_loop(struct vireo_stream *st, const struct all_cb *cb,
                 char *buf, struct vireo_error *err)
{
    long long data_left = 0;

    for (;;) {
        size_t want = CHUNK_BYTES;
        int got, rc;

        if (cb->source_hole != NULL) {
            rc = stream_next_data(st, cb, &data_left, err);
            if (rc <= 0) {
                if (rc < 0)
                    return -1;
                continue;              /* a hole went out: look again */
            }
            if ((long long)want > data_left)
                want = (size_t)data_left;
        }
        got = want > 0 ? cb->source(st, buf, want, cb->opaque) : 0;

        if (got < 0)
            return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS,
                             "send handler failed: %s", strerror(errno));
        if (got == 0)
            return 0;
        if (vireo_stream_send(st, buf, (size_t)got, err) < 0)
            return -1;
        data_left -= got;
    }
}

/* Give got bytes of buf to cb's sink, which may take them in pieces. */
static int
sink_all(struct vireo_stream *st, const struct all_cb *cb, const char *buf,
         int got, struct vireo_error *err)
{
    for (int off = 0; off < got;) {
        int n = cb->sink(st, buf + off, (size_t)(got - off), cb->opaque);

        if (n < 0)
            return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS,
                             "recv handler failed: %s", strerror(errno));
        off += n;
    }
    return 0;
}

int
stream_recv_loop(struct vireo_stream *st, const struct all_cb *cb,
                 char *buf, struct vireo_error *err)
{
    for (;;) {
        int got = cb->sink_hole == NULL
                      ? vireo_stream_recv(st, buf, CHUNK_BYTES, err)
                      : vireo_stream_recv_flags(st, buf, CHUNK_BYTES,
                                                VIR_STREAM_RECV_STOP_AT_HOLE,
                                                err);

        if (got == -3) {
            if (stream_sink_hole(st, cb, err) < 0)
                return -1;
            continue;
        }
        if (got <= 0)
            return got;
        if (sink_all(st, cb, buf, got, err) < 0)
            return -1;
    }
}

int
stream_run_all(struct vireo_stream *st,
               int (*loop)(struct vireo_stream *st, const struct all_cb *cb,
                           char *buf, struct vireo_error *err),
               const struct all_cb *cb, struct vireo_error *err)
{
    struct vireo_error ignored = { 0 };
    char *buf = malloc(CHUNK_BYTES);
    int rc;

    if (buf == NULL)
        return error_no_memory(err);
    rc = loop(st, cb, buf, err);
    free(buf);
    if (rc < 0)
        vireo_stream_abort(st, &ignored);
    return rc < 0 ? -1 : 0;
}

int
check_blocking(const struct vireo_stream *st, bool is_source,
               struct vireo_error *err)
{
    if (!(st->flags & VIREO_STREAM_NONBLOCK))
        return 0;
    return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_STREAMS,
                     "data %s cannot be used for non-blocking streams",
                     is_source ? "sources" : "sinks");
}

int
vireo_stream_send_all(struct vireo_stream *st, vireo_stream_source_cb source,
                      void *opaque, struct vireo_error *err)
{
    const char *func = "virStreamSendAll";
    struct all_cb cb = { .source = source, .opaque = opaque };

    /* libvirt refuses a non-blocking stream before it looks for a
     * driver. */
    if (check_stream(st, func, err) < 0 ||
        check_non_null(source, "handler", func, err) < 0 ||
        check_blocking(st, true, err) < 0 ||
        check_open(st, st->conn->driver->stream_send != NULL, func, err) < 0)
        return -1;
    return stream_run_all(st, stream_send_loop, &cb, err);
}

int
vireo_stream_recv_all(struct vireo_stream *st, vireo_stream_sink_cb sink,
                      void *opaque, struct vireo_error *err)
{
    const char *func = "virStreamRecvAll";
    struct all_cb cb = { .sink = sink, .opaque = opaque };

    if (check_stream(st, func, err) < 0 ||
        check_non_null(sink, "handler", func, err) < 0 ||
        check_blocking(st, false, err) < 0 ||
        check_open(st, st->conn->driver->stream_recv != NULL, func, err) < 0)
        return -1;
    return stream_run_all(st, stream_recv_loop, &cb, err);
}

/* Upload and download: the volume, a fresh stream on its connection, and
 * a connection that may change things; then the driver's slot. */
static int
check_vol_stream(struct vireo_storage_vol *vol, struct vireo_stream *st,
                 const char *func, struct vireo_error *err)
{
    if (check_vol(vol, func, err) < 0 || check_stream(st, func, err) < 0)
        return -1;
    if (vol->conn->is_read_only)
        return error_set(err, VIR_ERR_OPERATION_DENIED, VIR_FROM_STORAGE,
                         "read only access prevents %s", func);
    if (vol->conn != st->conn)
        return check_invalid_arg(err, "stream in %s must match connection "
                                 "of volume '%s'", func, vol->name);
    if (st->priv != NULL)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_STREAMS,
                         "%s", "stream is already in use");
    return 0;
}

#define ON_VOL_STREAM(vol, st, func, slot, err)                            \
    (check_vol_stream(vol, st, func, err) < 0 ||                           \
     check_slot((vol)->conn, (vol)->conn->driver->slot != NULL, func,      \
                err) < 0)

int
vireo_storage_vol_upload(struct vireo_storage_vol *vol,
                         struct vireo_stream *st, unsigned long long offset,
                         unsigned long long length, unsigned flags,
                         struct vireo_error *err)
{
    const char *func = "virStorageVolUpload";

    if (ON_VOL_STREAM(vol, st, func, storage_vol_upload_stream, err))
        return -1;
    return vol->conn->driver->storage_vol_upload_stream(vol, st, offset,
                                                        length, flags, err);
}

int
vireo_storage_vol_download(struct vireo_storage_vol *vol,
                           struct vireo_stream *st,
                           unsigned long long offset,
                           unsigned long long length, unsigned flags,
                           struct vireo_error *err)
{
    const char *func = "virStorageVolDownload";

    if (ON_VOL_STREAM(vol, st, func, storage_vol_download_stream, err))
        return -1;
    return vol->conn->driver->storage_vol_download_stream(vol, st, offset,
                                                          length, flags, err);
}
