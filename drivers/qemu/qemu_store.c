/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_store.c: atomic file writes and the directory walks the QEMU
 * driver's persistence is built on (qemu_store.h has the layout).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drivers/dir_open.h"
#include "drivers/error.h"
#include "drivers/fd_io.h"
#include "drivers/qemu/qemu_state.h"
#include "drivers/qemu/qemu_store.h"

/* Temporary files start with this, so that listings skip them and a
 * sweep finds them. */
#define TEMP_PREFIX ".tmp-"

static int
system_error(struct vireo_error *err, const char *what, const char *path)
{
    return qemu_error_system(err, errno, "cannot %s '%s'", what, path);
}

char *
qemu_store_path(const char *dir, const char *name, const char *suffix)
{
    char *path = NULL;

    if (asprintf(&path, "%s/%s.%s", dir, name, suffix) < 0)
        return NULL;
    return path;
}

int
qemu_store_make_dir(const char *dir, struct vireo_error *err)
{
    char *copy = strdup(dir);
    int rc = 0;

    if (copy == NULL)
        return error_no_memory(err);
    for (char *p = copy + 1; *p != '\0' && rc == 0; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0700) < 0 && errno != EEXIST)
            rc = system_error(err, "create directory", copy);
        *p = '/';
    }
    if (rc == 0 && mkdir(copy, 0700) < 0 && errno != EEXIST)
        rc = system_error(err, "create directory", copy);
    free(copy);
    return rc;
}

/* fsync the directory holding path, so that a rename or unlink in it
 * survives a crash of the machine too. */
static int
sync_parent(const char *path, struct vireo_error *err)
{
    char *copy = strdup(path);
    int fd, rc = 0;

    if (copy == NULL)
        return error_no_memory(err);
    fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || fsync(fd) < 0)
        rc = system_error(err, "sync directory", dirname(copy));
    if (fd >= 0)
        close(fd);
    free(copy);
    return rc;
}

/* DIR/.tmp-BASE.SUFFIX beside path. */
static char *
temp_path(const char *path, const char *suffix)
{
    const char *slash = strrchr(path, '/');
    int dir_len = slash != NULL ? (int)(slash - path) + 1 : 0;
    char *tmp = NULL;

    if (asprintf(&tmp, "%.*s" TEMP_PREFIX "%s.%s", dir_len, path,
                 path + dir_len, suffix) < 0)
        return NULL;
    return tmp;
}

/* Fill the new file fd (named tmp) and close it, its data on disk if
 * is_durable. */
static int
fill(int fd, const char *tmp, const char *text, bool is_durable,
     struct vireo_error *err)
{
    if (fchmod(fd, 0600) < 0 || !fd_write_all(fd, text, strlen(text)) ||
        (is_durable && fsync(fd) < 0)) {
        system_error(err, "write", tmp);
        close(fd);
        return -1;
    }
    if (close(fd) < 0)
        return system_error(err, "write", tmp);
    return 0;
}

/* Only the driver's thread writes its directories, so one fixed
 * temporary name per file is enough; one a crash left is written over.
 * The rename alone makes the replacement atomic for a reader after a
 * daemon's crash; the fsyncs make it last through the machine's. */
static int
write_file(const char *path, const char *text, bool is_durable,
           struct vireo_error *err)
{
    char *tmp = temp_path(path, "new");
    int fd, rc = -1;

    if (tmp == NULL)
        return error_no_memory(err);
    fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
              0600);
    if (fd < 0) {
        system_error(err, "create a file beside", path);
        free(tmp);
        return -1;
    }
    if (fill(fd, tmp, text, is_durable, err) == 0) {
        if (rename(tmp, path) < 0)
            system_error(err, "rename a file to", path);
        else
            rc = is_durable ? sync_parent(path, err) : 0;
    }
    if (rc < 0)
        unlink(tmp);
    free(tmp);
    return rc;
}

int
qemu_store_write(const char *path, const char *text, struct vireo_error *err)
{
    return write_file(path, text, true, err);
}

int
qemu_store_write_runtime(const char *path, const char *text,
                         struct vireo_error *err)
{
    return write_file(path, text, false, err);
}

char *
qemu_store_read(const char *path, size_t max_bytes, struct vireo_error *err)
{
    FILE *in = fopen(path, "re");
    char *text;
    size_t len;

    if (in == NULL) {
        system_error(err, "open", path);
        return NULL;
    }
    text = malloc(max_bytes + 1);
    if (text == NULL) {
        fclose(in);
        error_no_memory(err);
        return NULL;
    }
    len = fread(text, 1, max_bytes + 1, in);
    if (ferror(in) || len > max_bytes) {
        if (ferror(in))
            system_error(err, "read", path);
        else
            error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                      "'%s' is larger than %zu bytes", path, max_bytes);
        fclose(in);
        free(text);
        return NULL;
    }
    fclose(in);
    text[len] = '\0';
    return text;
}

/* Remove path, a missing one being no error; then fsync its directory if
 * is_durable and path was there. */
static int
remove_file(const char *path, bool is_durable, struct vireo_error *err)
{
    if (unlink(path) < 0) {
        if (errno == ENOENT)
            return 0;
        return system_error(err, "remove", path);
    }
    return is_durable ? sync_parent(path, err) : 0;
}

int
qemu_store_remove(const char *path, struct vireo_error *err)
{
    return remove_file(path, true, err);
}

int
qemu_store_remove_runtime(const char *path, struct vireo_error *err)
{
    return remove_file(path, false, err);
}

int
qemu_store_link(const char *link_path, const char *target,
                struct vireo_error *err)
{
    char *tmp = temp_path(link_path, "link");
    int rc = -1;

    if (tmp == NULL)
        return error_no_memory(err);
    unlink(tmp);
    if (symlink(target, tmp) < 0)
        system_error(err, "create a link beside", link_path);
    else if (rename(tmp, link_path) < 0)
        system_error(err, "rename a link to", link_path);
    else
        rc = sync_parent(link_path, err);
    if (rc < 0)
        unlink(tmp);
    free(tmp);
    return rc;
}

bool
qemu_store_exists(const char *path)
{
    struct stat sb;

    return lstat(path, &sb) == 0;
}

/* NAME when entry is NAME.xml (and not a temporary), else NULL. */
static char *
xml_name(const char *entry)
{
    size_t len = strlen(entry);

    if (entry[0] == '.' || len <= 4 || strcmp(entry + len - 4, ".xml") != 0)
        return NULL;
    return strndup(entry, len - 4);
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
add_name(char ***names, int *n, char *name)
{
    char **grown = realloc(*names, (size_t)(*n + 2) * sizeof(**names));

    if (grown == NULL) {
        free(name);
        return -1;
    }
    *names = grown;
    grown[(*n)++] = name;
    grown[*n] = NULL;
    return 0;
}

char **
qemu_store_list(const char *dir, int *n, struct vireo_error *err)
{
    DIR *d = dir_open(dir);
    char **names = calloc(1, sizeof(*names));
    struct dirent *e;

    *n = 0;
    if (names == NULL) {
        if (d != NULL)
            closedir(d);
        error_no_memory(err);
        return NULL;
    }
    if (d == NULL) {
        if (errno == ENOENT)
            return names;
        system_error(err, "open directory", dir);
        free(names);
        return NULL;
    }
    while ((e = readdir(d)) != NULL) {
        char *name = xml_name(e->d_name);

        if (name != NULL && add_name(&names, n, name) < 0) {
            closedir(d);
            qemu_store_list_free(names);
            error_no_memory(err);
            return NULL;
        }
    }
    closedir(d);
    qsort(names, (size_t)*n, sizeof(*names), by_name);
    return names;
}

void
qemu_store_list_free(char **names)
{
    if (names == NULL)
        return;
    for (char **p = names; *p != NULL; p++)
        free(*p);
    free(names);
}

void
qemu_store_sweep(const char *dir)
{
    DIR *d = dir_open(dir);
    struct dirent *e;

    if (d == NULL)
        return;
    while ((e = readdir(d)) != NULL)
        if (strncmp(e->d_name, TEMP_PREFIX, strlen(TEMP_PREFIX)) == 0)
            unlinkat(dirfd(d), e->d_name, 0);
    closedir(d);
}
