/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_stream.c: volume upload and download over the wire, and the
 * stream slots that move their data: each stream is a transfer of the
 * connection (rpc_transfer.c), opened by the call and kept in st->priv,
 * sparse (holes as holes) when the call's flags say so, non-blocking
 * when the stream was made so.
 */
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/remote/remote_slots.h"
#include "drivers/remote/remote_storage.h"
#include "drivers/remote/rpc_client.h"
#include "drivers/stream_handle.h"

/* Call proc (upload or download) for vol, whose reply opens st. */
static int
open_vol_stream(int proc, struct vireo_storage_vol *vol,
                struct vireo_stream *st, unsigned long long offset,
                unsigned long long length, unsigned flags,
                struct vireo_error *err)
{
    struct remote_priv *priv = vol->conn->priv;
    struct rpc_stream *transfer = NULL;
    /* Upload's and download's arguments are laid out alike. */
    remote_storage_vol_upload_args args = {
        .offset = offset, .length = length, .flags = flags,
    };
    /* Upload's and download's sparse flags are the same bit. */
    bool is_sparse = flags & VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM;

    remote_vol_to_wire(vol, &args.vol);
    if (rpc_client_open_transfer(priv->rpc, proc, &args, is_sparse,
                                 &transfer, err) < 0)
        return -1;
    if (st->flags & VIREO_STREAM_NONBLOCK)
        rpc_transfer_set_nonblocking(transfer);
    st->priv = transfer;
    return 0;
}

int
remotedrv_storage_vol_upload_stream(struct vireo_storage_vol *vol,
                                    struct vireo_stream *st,
                                    unsigned long long offset,
                                    unsigned long long length,
                                    unsigned flags, struct vireo_error *err)
{
    return open_vol_stream(REMOTE_PROC_STORAGE_VOL_UPLOAD, vol, st, offset,
                           length, flags, err);
}

int
remotedrv_storage_vol_download_stream(struct vireo_storage_vol *vol,
                                      struct vireo_stream *st,
                                      unsigned long long offset,
                                      unsigned long long length,
                                      unsigned flags,
                                      struct vireo_error *err)
{
    return open_vol_stream(REMOTE_PROC_STORAGE_VOL_DOWNLOAD, vol, st, offset,
                           length, flags, err);
}

int
remotedrv_stream_send(struct vireo_stream *st, const char *data, size_t len,
                      struct vireo_error *err)
{
    return rpc_transfer_send(st->priv, data, len, err);
}

int
remotedrv_stream_recv(struct vireo_stream *st, char *data, size_t len,
                      struct vireo_error *err)
{
    return rpc_transfer_recv(st->priv, data, len, err);
}

int
remotedrv_stream_finish(struct vireo_stream *st, struct vireo_error *err)
{
    return rpc_transfer_finish(st->priv, err);
}

int
remotedrv_stream_abort(struct vireo_stream *st, struct vireo_error *err)
{
    return rpc_transfer_abort(st->priv, err);
}

int
remotedrv_stream_send_hole(struct vireo_stream *st, long long length,
                           unsigned flags, struct vireo_error *err)
{
    return rpc_transfer_send_hole(st->priv, length, flags, err);
}

int
remotedrv_stream_recv_flags(struct vireo_stream *st, char *data, size_t len,
                            unsigned flags, struct vireo_error *err)
{
    /* As libvirt's client (virNetClientStreamRecvPacket) checks them. */
    if (error_check_flags(err, VIR_FROM_RPC, flags,
                          VIR_STREAM_RECV_STOP_AT_HOLE,
                          "virNetClientStreamRecvPacket") < 0)
        return -1;
    return rpc_transfer_recv_sparse(st->priv, data, len,
                                    flags & VIR_STREAM_RECV_STOP_AT_HOLE,
                                    err);
}

int
remotedrv_stream_recv_hole(struct vireo_stream *st, long long *length,
                           unsigned flags, struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_REMOTE, flags, 0,
                          "remoteStreamRecvHole") < 0)
        return -1;
    return rpc_transfer_recv_hole(st->priv, length, err);
}

void
remotedrv_stream_free(struct vireo_stream *st)
{
    rpc_transfer_free(st->priv);
    st->priv = NULL;
}
