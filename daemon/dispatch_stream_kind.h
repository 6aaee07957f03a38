/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_stream_kind.h: what kind of stream a call opens.
 */
#ifndef VIREO_DAEMON_DISPATCH_STREAM_KIND_H
#define VIREO_DAEMON_DISPATCH_STREAM_KIND_H

#include "daemon/stream.h"
#include "wire/decode.h"

/* How the stream the call msg opened carries its data: records for a
 * volume upload or download (sparse when given libvirt's sparse flag, as
 * libvirtd's generated dispatchers read it), plain bytes for everything
 * else; and whether it is an upload, whose host side must end before the
 * client's finish is confirmed. Any thread; msg is decoded. */
enum stream_kind dispatch_stream_kind(const struct wire_message *msg);

#endif /* VIREO_DAEMON_DISPATCH_STREAM_KIND_H */
