/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_storage_data.c: the storage volume calls that change or move
 * a volume's contents: wipe, wipe with a pattern, resize, and upload and
 * download, whose bytes travel as the client's stream (the driver hands
 * over an fd; the loop pumps it, stream.c). Driver threads.
 */
#include "daemon/dispatch_slots.h"
#include "daemon/dispatch_storage.h"

int
dispatch_storage_vol_wipe(struct vireo_conn *conn, const void *args,
                          void *ret, struct vireo_error *err)
{
    const remote_storage_vol_wipe_args *a = args;

    (void)ret;
    if (DISPATCH_NEED_AS(conn, storage_vol_wipe_pattern, "virStorageVolWipe",
                         err) < 0)
        return -1;
    DISPATCH_WITH_VOL(conn, &a->vol, err, vol,
                      conn->driver->storage_vol_wipe_pattern(vol, 0, a->flags,
                                                             err));
}

int
dispatch_storage_vol_wipe_pattern(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const remote_storage_vol_wipe_pattern_args *a = args;

    (void)ret;
    if (DISPATCH_NEED_AS(conn, storage_vol_wipe_pattern,
                         "virStorageVolWipePattern", err) < 0)
        return -1;
    DISPATCH_WITH_VOL(conn, &a->vol, err, vol,
                      conn->driver->storage_vol_wipe_pattern(
                          vol, a->algorithm, a->flags, err));
}

int
dispatch_storage_vol_resize(struct vireo_conn *conn, const void *args,
                            void *ret, struct vireo_error *err)
{
    const remote_storage_vol_resize_args *a = args;

    (void)ret;
    if (DISPATCH_NEED_AS(conn, storage_vol_resize, "virStorageVolResize",
                         err) < 0)
        return -1;
    DISPATCH_WITH_VOL(conn, &a->vol, err, vol,
                      conn->driver->storage_vol_resize(vol, a->capacity,
                                                       a->flags, err));
}

int
dispatch_storage_vol_upload(struct vireo_conn *conn, const void *args,
                            void *ret, int *fd, struct vireo_error *err)
{
    const remote_storage_vol_upload_args *a = args;

    (void)ret;
    if (DISPATCH_NEED_AS(conn, storage_vol_upload, "virStorageVolUpload",
                         err) < 0)
        return -1;
    DISPATCH_WITH_VOL(conn, &a->vol, err, vol,
                      conn->driver->storage_vol_upload(vol, a->offset,
                                                       a->length, a->flags,
                                                       fd, err));
}

int
dispatch_storage_vol_download(struct vireo_conn *conn, const void *args,
                              void *ret, int *fd, struct vireo_error *err)
{
    const remote_storage_vol_download_args *a = args;

    (void)ret;
    if (DISPATCH_NEED_AS(conn, storage_vol_download, "virStorageVolDownload",
                         err) < 0)
        return -1;
    DISPATCH_WITH_VOL(conn, &a->vol, err, vol,
                      conn->driver->storage_vol_download(vol, a->offset,
                                                         a->length, a->flags,
                                                         fd, err));
}
