/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * disk_size.c: a local image's capacity and physical size (the contract
 * is in disk_size.h).
 */
#include <fcntl.h>
#include <linux/fs.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drivers/qemu/disk_size.h"

/* A qcow2 image begins "QFI\xfb" and holds its virtual size, big-endian,
 * in bytes 24 to 31. */
static bool
qcow2_virtual_size(int fd, unsigned long long *size)
{
    unsigned char header[32];

    if (pread(fd, header, sizeof(header), 0) != (ssize_t)sizeof(header) ||
        memcmp(header, "QFI\xfb", 4) != 0)
        return false;
    *size = 0;
    for (int i = 24; i < 32; i++)
        *size = (*size << 8) | header[i];
    return true;
}

static bool
length_of(int fd, unsigned long long *length)
{
    struct stat st;
    unsigned long long bytes;

    if (fstat(fd, &st) < 0)
        return false;
    if (S_ISBLK(st.st_mode)) {
        if (ioctl(fd, BLKGETSIZE64, &bytes) < 0)
            return false;
        *length = bytes;
    } else {
        *length = (unsigned long long)st.st_size;
    }
    return true;
}

bool
disk_size_read(const char *path, unsigned long long *capacity,
               unsigned long long *physical)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    bool is_read;

    if (fd < 0)
        return false;
    is_read = length_of(fd, physical);
    if (is_read && !qcow2_virtual_size(fd, capacity))
        *capacity = *physical;
    close(fd);
    return is_read;
}
