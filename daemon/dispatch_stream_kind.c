/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_stream_kind.c: what kind of stream a call opens
 * (dispatch_stream_kind.h).
 */
#include "api/vireo.h"
#include "daemon/dispatch_stream_kind.h"

enum stream_kind
dispatch_stream_kind(const struct wire_message *msg)
{
    if (msg->header.prog != WIRE_REMOTE_PROGRAM || msg->body == NULL)
        return STREAM_PLAIN;
    if (msg->header.proc == REMOTE_PROC_STORAGE_VOL_UPLOAD) {
        const remote_storage_vol_upload_args *a = msg->body;

        return a->flags & VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM
                   ? STREAM_SPARSE_UPLOAD : STREAM_PLAIN_UPLOAD;
    }
    if (msg->header.proc == REMOTE_PROC_STORAGE_VOL_DOWNLOAD) {
        const remote_storage_vol_download_args *a = msg->body;

        return a->flags & VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM
                   ? STREAM_SPARSE_DOWNLOAD : STREAM_PLAIN_DOWNLOAD;
    }
    return STREAM_PLAIN;
}
