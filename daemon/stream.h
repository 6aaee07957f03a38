/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * stream.h: a client's streams (a guest's console), each pumped on the
 * main loop between the client's socket and the fd a driver handed over,
 * with libvirtd's semantics (wire/stream.h):
 *
 * - what the fd gives becomes STREAM data for the client, at most
 *   WIRE_STREAM_CHUNK_MAX bytes a message; the fd's end of file becomes an
 *   empty data message, a read error a stream error that ends the stream;
 * - the client's data is written to the fd; a write error ends the stream
 *   with a stream error;
 * - the client's finish (OK) is confirmed once its data is written, its
 *   abort (ERROR) at once; both end the stream;
 * - messages for a stream the client does not have are dropped.
 *
 * A sparse stream (stream_set_open_kind) has an fd that speaks
 * drivers/sparse_frame.h's records: a DATA record becomes a STREAM
 * message, a HOLE record a STREAM_HOLE message, an ERROR record the
 * stream's error; and the client's data and holes become records. A
 * client's hole on a stream not opened sparse ends it with libvirt's
 * "Unexpected stream hole". A plain upload's fd speaks records too (DATA
 * only, one per client message). An upload's host side, sparse or plain,
 * answers with an ERROR record when a write failed, which ends the stream
 * with its words; the finish is confirmed once the host side, told the
 * data ended, closed its end without one.
 *
 * Both directions are bounded. The fd is not read while the client's
 * socket has more than STREAM_OUT_HIGH bytes queued, so a slow client
 * slows the guest's console down instead of growing the daemon; and a
 * client whose data waits to be written to an fd (STREAM_IN_MAX bytes or
 * more) is not read until that drains, as libvirtd stops reading a client
 * whose stream messages wait.
 *
 * Owned by the main loop thread: every function here is called there, and
 * the fds belong to the loop from stream_set_open() on. A client that
 * goes away closes them all.
 */
#ifndef VIREO_DAEMON_STREAM_H
#define VIREO_DAEMON_STREAM_H

#include <stdbool.h>
#include <stddef.h>

#include "wire/decode.h"

struct client;
struct stream_set;

/* What an fd carries: bytes (STREAM_PLAIN), or records. An upload's fd
 * is the host side's input (a thread writing a file), and answers only
 * with an ERROR record when a write fails: the client's finish is
 * confirmed once that side has closed the fd in turn, that is, once it
 * wrote everything. A download's fd is the host side's output (a thread
 * reading a file): data records, holes for a sparse one, and an ERROR
 * record when a read fails. */
enum stream_kind {
    STREAM_PLAIN,
    STREAM_PLAIN_UPLOAD,
    STREAM_PLAIN_DOWNLOAD,
    STREAM_SPARSE_DOWNLOAD,
    STREAM_SPARSE_UPLOAD,
};

enum {
    STREAM_OUT_HIGH = 1 << 20,   /* client bytes queued: stop reading fds */
    STREAM_IN_MAX   = 1 << 20,   /* bytes waiting for an fd: stop reading
                                    the client */
};

/* The streams of client c, none yet. NULL when out of memory. */
struct stream_set *stream_set_new(struct client *c);

/* The client went away: end every stream of the set, closing their fds,
 * and open no more. Sends nothing. NULL is a no-op. */
void stream_set_close(struct stream_set *set);

/* Close the set if it is not, and free it (with the client). NULL is a
 * no-op. */
void stream_set_free(struct stream_set *set);

/* Start pumping fd (taken over, closed in every case) as the stream the
 * call whose header is call opened; its reply must already be queued.
 * Returns 0, or -1 (logged) when the fd cannot be watched: the client then
 * receives a stream error. */
int  stream_set_open(struct stream_set *set,
                     const remote_message_header *call, int fd);

/* The same for a stream of that kind (a sparse one's fd speaks records,
 * see the top). */
int  stream_set_open_kind(struct stream_set *set,
                          const remote_message_header *call, int fd,
                          enum stream_kind kind);

/* A STREAM or STREAM_HOLE message from the client (decoded without
 * error); its data is copied before this returns. */
void stream_set_receive(struct stream_set *set,
                        const struct wire_message *msg);

/* Whether data from the client waits for an fd beyond STREAM_IN_MAX: the
 * client is not read meanwhile. */
bool stream_set_is_backed_up(const struct stream_set *set);

/* The client's queued output went below STREAM_OUT_HIGH: read the fds
 * again. */
void stream_set_output_drained(struct stream_set *set);

/* Shutdown: read the fds no more (what the client sends is discarded from
 * now on, so nothing more is written to them either). */
void stream_set_quiesce(struct stream_set *set);

#endif /* VIREO_DAEMON_STREAM_H */
