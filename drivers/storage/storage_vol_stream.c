/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_vol_stream.c: volume upload and download over the client's
 * stream. The daemon pumps the stream through a socket on its main loop;
 * a regular file cannot be watched that way, so something else moves the
 * bytes between the file and the other end of the socket. A plain
 * download is `dd` (a worker child, reaped when it exits). Uploads and
 * sparse downloads have a thread of their own (storage_vol_sparse.c),
 * as libvirt's fd-stream thread: an upload's failed write must reach the
 * client in libvirt's words, which a child's exit status cannot carry.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/storage/storage_dir.h"
#include "drivers/storage/storage_slots.h"
#include "drivers/storage/storage_state.h"
#include "drivers/storage/storage_vol_sparse.h"
#include "drivers/conf/storage_xml.h"
#include "drivers/worker.h"
#include "drivers/worker_child.h"

/* dd's exit needs nothing but reaping. */
static void
on_dd_exit(struct worker_child *c, int status, void *opaque)
{
    worker_child_free(c);
}

/* Start dd with args writing into one end of a socket pair; *fd gets
 * the other. */
static int
start_dd(const char *const *args, int *fd, struct vireo_error *err)
{
    struct worker_child_spec spec = { .argv = args, .stdin_fd = -1,
                                      .stdout_fd = -1, .stderr_fd = -1 };
    struct worker_child *child;
    int pair[2];

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) < 0)
        return stor_system_error(err, errno, "cannot create socket pair for",
                                 args[1]);
    spec.stdout_fd = pair[1];
    child = worker_child_spawn(worker_current(), &spec, on_dd_exit, NULL,
                               err);
    close(pair[1]);
    if (child == NULL ||
        fcntl(pair[0], F_SETFL, fcntl(pair[0], F_GETFL) | O_NONBLOCK) < 0) {
        close(pair[0]);
        return child == NULL ? -1
               : stor_system_error(err, errno, "cannot set up stream for",
                                   args[1]);
    }
    *fd = pair[0];
    return 0;
}

/* A plain download: dd reads the file from offset, length bytes (0: to
 * its end). */
static int
start_download(const char *path, unsigned long long offset,
               unsigned long long length, int *fd, struct vireo_error *err)
{
    char file_arg[4200], skip_arg[40], count_arg[40];

    snprintf(file_arg, sizeof(file_arg), "if=%s", path);
    snprintf(skip_arg, sizeof(skip_arg), "skip=%llu", offset);
    snprintf(count_arg, sizeof(count_arg), "count=%llu", length);
    {
        const char *args[] = {
            "/bin/dd", file_arg, skip_arg, "bs=65536", "status=none",
            "iflag=skip_bytes,count_bytes", length > 0 ? count_arg : NULL,
            NULL,
        };

        return start_dd(args, fd, err);
    }
}

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
    enum stor_vol_transfer kind = !is_upload ? STOR_VOL_SPARSE_DOWNLOAD
                                  : (flags & sparse) ? STOR_VOL_SPARSE_UPLOAD
                                  : STOR_VOL_PLAIN_UPLOAD;

    if (error_check_flags(err, VIR_FROM_STORAGE, flags, sparse,
                          is_upload ? "storageVolUpload"
                                    : "storageVolDownload") < 0 ||
        (vol = find_ready(handle, is_upload, err)) == NULL)
        return -1;
    if (!is_upload && !(flags & sparse))
        return start_download(vol->def->target.path, offset, length, fd,
                              err);
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
