/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_vol_stream.c: volume upload and download over the client's
 * stream. The daemon pumps the stream through a socket on its main loop;
 * a regular file cannot be watched that way, so a thread of the
 * transfer's own (storage_vol_sparse.c) moves the data between the file
 * and the other end of the socket, as libvirt's fd-stream thread does: a
 * read or write that fails must reach the client in libvirt's words.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/storage/storage_dir.h"
#include "drivers/storage/storage_slots.h"
#include "drivers/storage/storage_state.h"
#include "drivers/storage/storage_vol_sparse.h"
#include "drivers/conf/storage_xml.h"

/* The volume a transfer names: idle, its file there to open. */
static struct stor_vol *
find_ready(struct vireo_storage_vol *handle, bool is_upload,
           struct vireo_error *err)
{
    struct stor_pool *pool;
    struct stor_vol *vol = stor_vol_of(handle, &pool, err);
    int fd;

    if (vol == NULL || stor_vol_check_idle(vol, err) < 0)
        return NULL;
    /* libvirt opens the file first and says so when it cannot. */
    fd = open(vol->def->target.path, (is_upload ? O_WRONLY : O_RDONLY) |
                                     O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        stor_system_error(err, errno, "Unable to open stream for",
                          vol->def->target.path);
        return NULL;
    }
    close(fd);
    return vol;
}

static int
transfer(struct vireo_storage_vol *handle, unsigned long long offset,
         unsigned long long length, unsigned flags, bool is_upload, int *fd,
         struct vireo_error *err)
{
    struct stor_vol *vol;
    unsigned sparse = is_upload ? VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM
                                : VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM;
    bool is_sparse = (flags & sparse) != 0;
    enum stor_vol_transfer kind =
        is_upload ? (is_sparse ? STOR_VOL_SPARSE_UPLOAD
                               : STOR_VOL_PLAIN_UPLOAD)
                  : (is_sparse ? STOR_VOL_SPARSE_DOWNLOAD
                               : STOR_VOL_PLAIN_DOWNLOAD);

    if (error_check_flags(err, VIR_FROM_STORAGE, flags, sparse,
                          is_upload ? "storageVolUpload"
                                    : "storageVolDownload") < 0 ||
        (vol = find_ready(handle, is_upload, err)) == NULL)
        return -1;
    return stor_vol_transfer_start(vol->def->target.path, kind, offset,
                                   length, fd, err);
}

int
stordrv_storage_vol_upload(struct vireo_storage_vol *vol,
                           unsigned long long offset,
                           unsigned long long length, unsigned flags,
                           int *fd, struct vireo_error *err)
{
    return transfer(vol, offset, length, flags, true, fd, err);
}

int
stordrv_storage_vol_download(struct vireo_storage_vol *vol,
                             unsigned long long offset,
                             unsigned long long length, unsigned flags,
                             int *fd, struct vireo_error *err)
{
    return transfer(vol, offset, length, flags, false, fd, err);
}
