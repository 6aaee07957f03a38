/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * disk_size.h: the sizes domstats reports for a disk's local image:
 * capacity (what the guest sees: a qcow2 image's virtual size, else the
 * file's length) and physical (the length of the file or block device
 * holding it), as libvirt's QEMU driver reports them. A stat and one
 * short read of a local file; any thread.
 */
#ifndef VIREO_QEMU_DISK_SIZE_H
#define VIREO_QEMU_DISK_SIZE_H

#include <stdbool.h>

/* false when path cannot be opened or sized. */
bool disk_size_read(const char *path, unsigned long long *capacity,
                    unsigned long long *physical);

#endif /* VIREO_QEMU_DISK_SIZE_H */
