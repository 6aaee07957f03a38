/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* pidfile.c: the pid file and its lock; see pidfile.h for the rules. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon/pidfile.h"
#include "drivers/error.h"

struct pidfile {
    int   fd;
    char *path;
};

/* An open-file-description lock: unlike a classic fcntl lock it is not
 * dropped when some other part of the process opens and closes the same
 * file, and it is released only when our descriptor closes. */
static int
lock_whole_file(int fd)
{
    struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };

    return fcntl(fd, F_OFD_SETLK, &fl);
}

/* OFD locks do not record a pid: the holder wrote its own into the file. */
static long
read_holder_pid(int fd)
{
    char buf[32] = "";
    ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);

    return n > 0 ? strtol(buf, NULL, 10) : 0;
}

static int
write_pid(int fd)
{
    char buf[32];
    int len = snprintf(buf, sizeof(buf), "%ld\n", (long)getpid());

    if (ftruncate(fd, 0) < 0 || pwrite(fd, buf, (size_t)len, 0) != len)
        return -1;
    return 0;
}

struct pidfile *
pidfile_acquire(const char *path, struct vireo_error *err)
{
    struct pidfile *pf = calloc(1, sizeof(*pf));

    if (pf == NULL || (pf->path = strdup(path)) == NULL) {
        free(pf);
        error_no_memory(err);
        return NULL;
    }
    pf->fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (pf->fd < 0) {
        error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                  "cannot create pid file %s: %s", path, strerror(errno));
        goto fail;
    }
    if (lock_whole_file(pf->fd) < 0) {
        if (errno == EACCES || errno == EAGAIN)
            error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_NONE,
                      "another vireod (pid %ld) is already running with %s",
                      read_holder_pid(pf->fd), path);
        else
            error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                      "cannot lock pid file %s: %s", path, strerror(errno));
        goto fail;
    }
    if (write_pid(pf->fd) < 0) {
        error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                  "cannot write pid file %s: %s", path, strerror(errno));
        unlink(path);
        goto fail;
    }
    return pf;
fail:
    if (pf->fd >= 0)
        close(pf->fd);
    free(pf->path);
    free(pf);
    return NULL;
}

void
pidfile_release(struct pidfile *pf)
{
    if (pf == NULL)
        return;
    unlink(pf->path);   /* before unlocking: a successor creates a new one */
    close(pf->fd);
    free(pf->path);
    free(pf);
}
