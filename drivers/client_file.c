/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * client_file.c: the walk behind client_file_read(). Each directory on
 * the path is opened with O_PATH and O_NOFOLLOW from the one before, so
 * the checks are made on exactly the objects the walk goes through (no
 * window for a swap) and a symlink anywhere shows up as itself. The file
 * is first opened with O_PATH too, checked, and only then opened for
 * reading through /proc/self/fd: a FIFO or a device is never opened.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "drivers/client_access.h"
#include "drivers/client_file.h"
#include "drivers/error.h"
#include "drivers/handle.h"

/* Everything one read needs to report errors. */
struct walk {
    const char                 *path;
    const struct conn_identity *who;
    int                         err_domain;
    struct vireo_error         *err;
};

static int
fail_errno(const struct walk *wk, int e)
{
    return error_set(wk->err, VIR_ERR_SYSTEM_ERROR, wk->err_domain,
                     "cannot read '%s': %s", wk->path, strerror(e));
}

static int
refuse(const struct walk *wk, const char *why)
{
    return error_set(wk->err, VIR_ERR_SYSTEM_ERROR, wk->err_domain,
                     "cannot read '%s': %s", wk->path, why);
}

/* 0 if the client may do want to what fd is; else -1 with err set to
 * EACCES, or to why its ACL could not be read. */
static int
may(const struct walk *wk, int fd, const struct stat *st,
    enum client_access_want want)
{
    int rc = client_access_check(wk->who, fd, st, want);

    if (rc < 0)
        return fail_errno(wk, errno);
    return rc == 0 ? fail_errno(wk, EACCES) : 0;
}

/* Open name (a single component) below dir_fd, which the client may
 * search, with O_PATH; refuse symlinks. Returns the fd and fills *st. */
static int
step(const struct walk *wk, int dir_fd, const char *name, struct stat *st)
{
    struct stat dir_st;
    int fd;

    if (fstat(dir_fd, &dir_st) < 0)
        return fail_errno(wk, errno);
    if (may(wk, dir_fd, &dir_st, CLIENT_MAY_SEARCH) < 0)
        return -1;
    fd = openat(dir_fd, name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return fail_errno(wk, errno);
    if (fstat(fd, st) < 0) {
        int e = errno;
        close(fd);
        return fail_errno(wk, e);
    }
    if (S_ISLNK(st->st_mode)) {
        close(fd);
        return refuse(wk, "the path goes through a symbolic link");
    }
    return fd;
}

/* The O_PATH fd of the file path names, found as the client would. */
static int
walk_path(const struct walk *wk, struct stat *st)
{
    char *copy = strdup(wk->path), *save = NULL;
    int fd = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
    char *name = copy ? strtok_r(copy, "/", &save) : NULL;

    if (copy == NULL || fd < 0) {
        free(copy);
        if (fd >= 0)
            close(fd);
        return error_no_memory(wk->err);
    }
    if (fstat(fd, st) < 0)
        name = NULL;
    for (; name != NULL && fd >= 0; name = strtok_r(NULL, "/", &save)) {
        int next = step(wk, fd, name, st);

        close(fd);
        fd = next;
    }
    free(copy);
    return fd;
}

/* Whether fd is a file of the kernel's own file systems. Who may read
 * one is decided as it is opened or read (a process's maps only by who
 * may trace the process), not by its mode, so the rule cannot be applied
 * from outside; no node file has any business there anyway. */
static bool
is_kernel_file(int fd)
{
    static const long kernel_fs[] = { PROC_SUPER_MAGIC, SYSFS_MAGIC,
                                      DEBUGFS_MAGIC, TRACEFS_MAGIC,
                                      SECURITYFS_MAGIC };
    struct statfs fs;

    if (fstatfs(fd, &fs) < 0)
        return true;
    for (size_t i = 0; i < sizeof(kernel_fs) / sizeof(kernel_fs[0]); i++)
        if ((long)fs.f_type == kernel_fs[i])
            return true;
    return false;
}

/* Open for reading the object path_fd (O_PATH) holds: opening it is what
 * could block (a FIFO) or act (a device), so it comes after the checks. */
static int
reopen(const struct walk *wk, int path_fd)
{
    char proc[64];
    int fd;

    snprintf(proc, sizeof(proc), "/proc/self/fd/%d", path_fd);
    fd = open(proc, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    return fd >= 0 ? fd : fail_errno(wk, errno);
}

static int
open_checked(const struct walk *wk, int path_fd, const struct stat *st)
{
    if (!S_ISREG(st->st_mode))
        return refuse(wk, "not a regular file");
    if (is_kernel_file(path_fd))
        return refuse(wk, "a kernel file (/proc, /sys), whose mode does not "
                      "say who may read it");
    if (may(wk, path_fd, st, CLIENT_MAY_READ) < 0)
        return -1;
    return reopen(wk, path_fd);
}

static int
open_for_client(const struct walk *wk)
{
    struct stat st;
    int path_fd, fd;

    if (wk->path[0] != '/')
        return refuse(wk, "the path is not absolute");
    if (!wk->who->has_credentials)
        return refuse(wk, "the client's identity is unknown");
    path_fd = walk_path(wk, &st);
    if (path_fd < 0)
        return -1;
    fd = open_checked(wk, path_fd, &st);
    close(path_fd);
    return fd;
}

/* In-process: the process's own rights (symlinks followed), and still
 * only a regular file is ever opened for reading. */
static int
open_for_process(const struct walk *wk)
{
    struct stat st;
    int path_fd = open(wk->path, O_PATH | O_CLOEXEC), fd;

    if (path_fd < 0)
        return fail_errno(wk, errno);
    if (fstat(path_fd, &st) < 0 || !S_ISREG(st.st_mode))
        fd = refuse(wk, "not a regular file");
    else
        fd = reopen(wk, path_fd);
    close(path_fd);
    return fd;
}

/* Read fd whole, refusing more than max_bytes. */
static char *
read_all(const struct walk *wk, int fd, size_t max_bytes)
{
    size_t cap = 4096, len = 0;
    char *text = malloc(cap), *grown;
    ssize_t n = 0;

    while (text != NULL && (n = read(fd, text + len, cap - len - 1)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            fail_errno(wk, errno);
            goto fail;
        }
        len += (size_t)n;
        if (len > max_bytes) {
            error_set(wk->err, VIR_ERR_SYSTEM_ERROR, wk->err_domain,
                      "cannot read '%s': larger than %zu bytes", wk->path,
                      max_bytes);
            goto fail;
        }
        if (cap - len > 1)
            continue;
        grown = realloc(text, cap * 2);
        if (grown == NULL)
            break;
        text = grown;
        cap *= 2;
    }
    if (text == NULL || n != 0) {
        error_no_memory(wk->err);
        goto fail;
    }
    text[len] = '\0';
    return text;
fail:
    free(text);
    return NULL;
}

char *
client_file_read(const char *path, const struct conn_identity *who,
                 size_t max_bytes, int err_domain, struct vireo_error *err)
{
    struct walk wk = { .path = path, .who = who, .err_domain = err_domain,
                       .err = err };
    int fd = who != NULL ? open_for_client(&wk) : open_for_process(&wk);
    char *text;

    if (fd < 0)
        return NULL;
    text = read_all(&wk, fd, max_bytes);
    close(fd);
    return text;
}
