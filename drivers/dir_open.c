/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dir_open.c: a directory stream on a descriptor this thread opened.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "drivers/dir_open.h"

DIR *
dir_open(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *dir;

    if (fd < 0)
        return NULL;
    dir = fdopendir(fd);
    if (dir == NULL) {
        int saved = errno;

        close(fd);
        errno = saved;
    }
    return dir;
}
