/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_vol_sparse.h: volume uploads and downloads, sparse or plain,
 * whose fd speaks drivers/sparse_frame.h's records (a plain transfer's
 * are all data; a failed read or write answers with an ERROR record).
 */
#ifndef VIREO_DRIVERS_STORAGE_VOL_SPARSE_H
#define VIREO_DRIVERS_STORAGE_VOL_SPARSE_H

#include <stdbool.h>

#include "api/vireo.h"

enum stor_vol_transfer {
    STOR_VOL_SPARSE_DOWNLOAD,
    STOR_VOL_SPARSE_UPLOAD,
    STOR_VOL_PLAIN_UPLOAD,
    STOR_VOL_PLAIN_DOWNLOAD,
};

/* Storage thread: open the file at path and start moving it, from offset
 * on and at most length bytes (0: to the end for a download, no limit for
 * an upload), between the file and *fd (the caller's, non-blocking), on a
 * thread of the transfer's own that ends when the caller closes *fd or
 * the data ends. An upload's holes on a block device are written as
 * zeros; a plain download reads holes as zeros. Returns 0, or -1 with
 * err set as libvirt words it ("Unable to open stream for ..."). */
int stor_vol_transfer_start(const char *path, enum stor_vol_transfer kind,
                            unsigned long long offset,
                            unsigned long long length, int *fd,
                            struct vireo_error *err);

#endif /* VIREO_DRIVERS_STORAGE_VOL_SPARSE_H */
