/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_sparse.h: which calls open sparse streams.
 */
#ifndef VIREO_DAEMON_DISPATCH_SPARSE_H
#define VIREO_DAEMON_DISPATCH_SPARSE_H

#include "daemon/stream.h"
#include "wire/decode.h"

/* How the stream the call msg opened carries its data: sparse records for
 * a volume upload or download given libvirt's sparse flag (as libvirtd's
 * generated dispatchers read it), plain bytes for everything else. Any
 * thread; msg is decoded. */
enum stream_sparse dispatch_stream_sparse(const struct wire_message *msg);

#endif /* VIREO_DAEMON_DISPATCH_SPARSE_H */
