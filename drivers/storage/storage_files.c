/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_files.c: DIR/NAME.xml files, replaced through a temporary file
 * and rename so that a crash leaves the old or the new text, never half.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/dir_open.h"
#include "drivers/error.h"
#include "drivers/storage/storage_dir.h"
#include "drivers/storage/storage_files.h"

#define MAX_FILE_BYTES (1024 * 1024)

static int
fail(struct vireo_error *err, const char *what, const char *path)
{
    return stor_system_error(err, errno, what, path);
}

static char *
path_of(const char *dir, const char *name, const char *suffix)
{
    char *path;

    return asprintf(&path, "%s/%s.xml%s", dir, name, suffix) < 0 ? NULL
                                                                 : path;
}

static int
write_all(int fd, const char *text)
{
    size_t len = strlen(text);

    while (len > 0) {
        ssize_t n = write(fd, text, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        text += n;
        len -= (size_t)n;
    }
    return fsync(fd);
}

int
stor_file_write(const char *dir, const char *name, const char *text,
                struct vireo_error *err)
{
    char *path = path_of(dir, name, ""), *tmp = path_of(dir, name, ".new");
    int fd = -1, rc = -1;

    if (path == NULL || tmp == NULL)
        rc = error_no_memory(err);
    else if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                        0600)) < 0)
        rc = fail(err, "cannot create file", tmp);
    else if (write_all(fd, text) < 0)
        rc = fail(err, "cannot write file", tmp);
    else if (rename(tmp, path) < 0)
        rc = fail(err, "cannot rename file", tmp);
    else
        rc = 0;
    if (fd >= 0)
        close(fd);
    if (rc < 0 && tmp != NULL)
        unlink(tmp);
    free(path);
    free(tmp);
    return rc;
}

char *
stor_file_read(const char *dir, const char *name, struct vireo_error *err)
{
    char *path = path_of(dir, name, ""), *text = NULL;
    FILE *in = path != NULL ? fopen(path, "re") : NULL;
    size_t len = 0;

    if (path == NULL) {
        error_no_memory(err);
        return NULL;
    }
    if (in == NULL)
        fail(err, "cannot read file", path);
    else if ((text = calloc(1, MAX_FILE_BYTES + 1)) == NULL)
        error_no_memory(err);
    else
        len = fread(text, 1, MAX_FILE_BYTES, in);
    if (in != NULL)
        fclose(in);
    if (text != NULL)
        text[len] = '\0';
    free(path);
    return text;
}

int
stor_file_remove(const char *dir, const char *name, struct vireo_error *err)
{
    char *path = path_of(dir, name, "");
    int rc = 0;

    if (path == NULL)
        return error_no_memory(err);
    if (unlink(path) < 0 && errno != ENOENT)
        rc = fail(err, "cannot remove file", path);
    free(path);
    return rc;
}

int
stor_file_link(const char *dir, const char *target_dir, const char *name,
               struct vireo_error *err)
{
    char *path = path_of(dir, name, ""), *target = path_of(target_dir, name,
                                                           "");
    int rc = 0;

    if (path == NULL || target == NULL)
        rc = error_no_memory(err);
    else if (symlink(target, path) < 0 && errno != EEXIST)
        rc = fail(err, "Failed to create symlink", path);
    free(path);
    free(target);
    return rc;
}

bool
stor_file_exists(const char *dir, const char *name)
{
    char *path = path_of(dir, name, "");
    bool is_there = path != NULL && access(path, F_OK) == 0;

    free(path);
    return is_there;
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* NAME when entry is NAME.xml. */
static char *
xml_name(const char *entry)
{
    size_t len = strlen(entry);

    if (entry[0] == '.' || len <= 4 || strcmp(entry + len - 4, ".xml") != 0)
        return NULL;
    return strndup(entry, len - 4);
}

char **
stor_file_list(const char *dir, int *n, struct vireo_error *err)
{
    DIR *d = dir_open(dir);
    char **names = calloc(1, sizeof(*names));
    struct dirent *ent;

    *n = 0;
    if (d == NULL || names == NULL) {
        d == NULL ? fail(err, "cannot open directory", dir)
                  : error_no_memory(err);
        free(names);
        if (d != NULL)
            closedir(d);
        return NULL;
    }
    while ((ent = readdir(d)) != NULL) {
        char *name = xml_name(ent->d_name);
        char **grown = name != NULL
                       ? realloc(names, (size_t)(*n + 2) * sizeof(*names))
                       : NULL;

        if (grown == NULL) {
            free(name);
            continue;
        }
        names = grown;
        names[(*n)++] = name;
    }
    closedir(d);
    qsort(names, (size_t)*n, sizeof(*names), by_name);
    return names;
}

void
stor_file_list_free(char **names, int n)
{
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
}
