/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * stream_check.h: what the stream entry points share (stream.c, and
 * stream_sparse.c for sparse streams): libvirt's checks on a stream
 * handle, and the loop behind the whole-data helpers. Application thread.
 */
#ifndef VIREO_API_STREAM_CHECK_H
#define VIREO_API_STREAM_CHECK_H

#include <stdbool.h>

#include "api/vireo.h"

/* libvirt's VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX: what the whole-data
 * helpers move at a time, one message on the wire. */
#define CHUNK_BYTES 262120

/* st is a stream handle on an open connection. 0, or -1 with err set. */
int check_stream(const struct vireo_stream *st, const char *func,
                 struct vireo_error *err);

/* st (a valid handle) is open on a driver that moves stream data: libvirt
 * answers "not supported" for a stream no call opened, as it has no
 * driver then. 0, or -1 with err set. */
int check_open(const struct vireo_stream *st, bool has_slot,
               const char *func, struct vireo_error *err);

/* The entry points on an open stream: the handle, then the slot. */
#define ON_STREAM(st, func, slot, err)                                     \
    (check_stream(st, func, err) < 0 ||                                    \
     check_open(st, (st)->conn->driver->slot != NULL, func, err) < 0)

/* The whole-data helpers take blocking streams only, as libvirt's: a
 * data source (is_source) or sink on a non-blocking stream is refused
 * (stream.c). 0, or -1 with err set. */
int check_blocking(const struct vireo_stream *st, bool is_source,
                   struct vireo_error *err);

/* What a whole-data helper moves the data with, and, for sparse streams,
 * finds and skips holes with. */
struct all_cb {
    vireo_stream_source_cb      source;
    vireo_stream_sink_cb        sink;
    vireo_stream_source_hole_cb source_hole;
    vireo_stream_source_skip_cb source_skip;
    vireo_stream_sink_hole_cb   sink_hole;
    void                       *opaque;
};

/* The whole-data send loop: fill buf from cb's source and send it until
 * the source ends; with a source_hole (a sparse send), the data between
 * holes, and each hole as a hole (stream.c). 0, or -1 with err set. */
int stream_send_loop(struct vireo_stream *st, const struct all_cb *cb,
                     char *buf, struct vireo_error *err);

/* A sparse send: where the source stands. 1 when data follows (at most
 * *data_left bytes before the next hole; 0 at the source's end), 0 when
 * a hole was sent and skipped (ask again), -1 with err set
 * (stream_sparse.c). */
int stream_next_data(struct vireo_stream *st, const struct all_cb *cb,
                     long long *data_left, struct vireo_error *err);

/* The whole-data receive loop: the data to cb's sink until it ends; with
 * a sink_hole (a sparse receive), each hole to it instead of as zeros
 * (stream.c). 0 at the end, or -1 with err set. */
int stream_recv_loop(struct vireo_stream *st, const struct all_cb *cb,
                     char *buf, struct vireo_error *err);

/* The hole where a sparse receive stopped, taken and given to cb's
 * sink_hole (stream_sparse.c). 0, or -1 with err set. */
int stream_sink_hole(struct vireo_stream *st, const struct all_cb *cb,
                     struct vireo_error *err);

/* Run loop with a buffer of CHUNK_BYTES; a failure aborts the stream,
 * keeping the first error. 0, or -1 with err set. */
int stream_run_all(struct vireo_stream *st,
                   int (*loop)(struct vireo_stream *st,
                               const struct all_cb *cb, char *buf,
                               struct vireo_error *err),
                   const struct all_cb *cb, struct vireo_error *err);

#endif /* VIREO_API_STREAM_CHECK_H */
