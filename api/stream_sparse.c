/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * stream_sparse.c: libvirt's sparse streams (virStreamSendHole,
 * virStreamRecvFlags, virStreamRecvHole, virStreamSparseSendAll,
 * virStreamSparseRecvAll), on a stream opened with a sparse flag
 * (VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM, ..._DOWNLOAD_SPARSE_STREAM):
 * holes travel as their length instead of as zeros. Each entry point
 * checks its arguments as libvirt's does, then calls the driver's slot.
 * Application thread, one at a time per stream.
 */
#include <errno.h>
#include <string.h>

#include "api/check.h"
#include "api/stream_check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/stream_handle.h"

int
vireo_stream_send_hole(struct vireo_stream *st, long long length,
                       unsigned flags, struct vireo_error *err)
{
    if (ON_STREAM(st, "virStreamSendHole", stream_send_hole, err))
        return -1;
    return st->conn->driver->stream_send_hole(st, length, flags, err);
}

int
vireo_stream_recv_flags(struct vireo_stream *st, char *data, size_t nbytes,
                        unsigned flags, struct vireo_error *err)
{
    const char *func = "virStreamRecvFlags";

    if (ON_STREAM(st, func, stream_recv_flags, err) ||
        check_non_null(data, "data", func, err) < 0)
        return -1;
    return st->conn->driver->stream_recv_flags(st, data, nbytes, flags, err);
}

int
vireo_stream_recv_hole(struct vireo_stream *st, long long *length,
                       unsigned flags, struct vireo_error *err)
{
    const char *func = "virStreamRecvHole";

    if (ON_STREAM(st, func, stream_recv_hole, err) ||
        check_non_null(length, "length", func, err) < 0)
        return -1;
    return st->conn->driver->stream_recv_hole(st, length, flags, err);
}

int
stream_next_data(struct vireo_stream *st, const struct all_cb *cb,
                 long long *data_left, struct vireo_error *err)
{
    int in_data = 0;
    long long length = 0;

    if (*data_left > 0)
        return 1;
    if (cb->source_hole(st, &in_data, &length, cb->opaque) < 0)
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS,
                         "hole handler failed: %s", strerror(errno));
    if (in_data || length == 0) {
        *data_left = in_data ? length : 0;
        return 1;
    }
    if (vireo_stream_send_hole(st, length, 0, err) < 0)
        return -1;
    if (cb->source_skip(st, length, cb->opaque) < 0)
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS,
                         "unable to skip hole: %s", strerror(errno));
    return 0;
}

int
stream_sink_hole(struct vireo_stream *st, const struct all_cb *cb,
          struct vireo_error *err)
{
    long long hole = 0;

    if (vireo_stream_recv_hole(st, &hole, 0, err) < 0)
        return -1;
    if (cb->sink_hole(st, hole, cb->opaque) < 0)
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS,
                         "hole handler failed: %s", strerror(errno));
    return 0;
}

int
vireo_stream_sparse_send_all(struct vireo_stream *st,
                             vireo_stream_source_cb source,
                             vireo_stream_source_hole_cb source_hole,
                             vireo_stream_source_skip_cb source_skip,
                             void *opaque, struct vireo_error *err)
{
    const char *func = "virStreamSparseSendAll";
    struct all_cb cb = { .source = source, .source_hole = source_hole,
                         .source_skip = source_skip, .opaque = opaque };

    if (check_stream(st, func, err) < 0 ||
        check_non_null(source, "handler", func, err) < 0 ||
        check_non_null(source_hole, "holeHandler", func, err) < 0 ||
        check_non_null(source_skip, "skipHandler", func, err) < 0 ||
        check_blocking(st, true, err) < 0 ||
        check_open(st, st->conn->driver->stream_send_hole != NULL, func,
                   err) < 0)
        return -1;
    return stream_run_all(st, stream_send_loop, &cb, err);
}

int
vireo_stream_sparse_recv_all(struct vireo_stream *st,
                             vireo_stream_sink_cb sink,
                             vireo_stream_sink_hole_cb sink_hole,
                             void *opaque, struct vireo_error *err)
{
    const char *func = "virStreamSparseRecvAll";
    struct all_cb cb = { .sink = sink, .sink_hole = sink_hole,
                         .opaque = opaque };

    if (check_stream(st, func, err) < 0 ||
        check_non_null(sink, "handler", func, err) < 0 ||
        check_non_null(sink_hole, "holeHandler", func, err) < 0 ||
        check_blocking(st, false, err) < 0 ||
        check_open(st, st->conn->driver->stream_recv_flags != NULL, func,
                   err) < 0)
        return -1;
    return stream_run_all(st, stream_recv_loop, &cb, err);
}
