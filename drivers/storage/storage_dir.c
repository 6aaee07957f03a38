/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_dir.c: a dir pool's directory, and the files and directories
 * in it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "drivers/conf/storage_xml.h"
#include "drivers/dir_open.h"
#include "drivers/error.h"
#include "drivers/storage/storage_dir.h"
#include "drivers/storage/storage_state.h"

/* libvirt's VIR_STORAGE_DEFAULT_POOL_PERM_MODE and volume mode. */
#define DEFAULT_POOL_MODE 0711
#define DEFAULT_VOL_MODE  0600

int
stor_system_error(struct vireo_error *err, int errnum, const char *what,
                  const char *path)
{
    char message[sizeof(err->message)];

    if (err == NULL)
        return -1;
    snprintf(message, sizeof(message), "%s '%s': %s", what, path,
             strerror(errnum));
    return error_set_raw(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_STORAGE,
                         message);
}

/* ---- The pool's directory -------------------------------------------- */

static int
make_parents(const char *path, struct vireo_error *err)
{
    char *copy = strdup(path);

    if (copy == NULL)
        return error_no_memory(err);
    for (char *p = copy + 1; *p != '\0'; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0755) < 0 && errno != EEXIST) {
            int rc = stor_system_error(err, errno, "cannot create path", copy);

            free(copy);
            return rc;
        }
        *p = '/';
    }
    free(copy);
    return 0;
}

int
stor_dir_build(const struct storage_pool_def *def, struct vireo_error *err)
{
    const char *path = def->target_path;
    const struct storage_perms *perms = &def->target_perms;
    bool is_new = access(path, F_OK) != 0;
    mode_t mode = perms->mode != -1 ? (mode_t)perms->mode
                  : is_new ? DEFAULT_POOL_MODE : (mode_t)-1;

    if (path[0] != '/')
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                         "path '%s' is not absolute", path);
    if (make_parents(path, err) < 0)
        return -1;
    if (is_new && mkdir(path, mode) < 0)
        return stor_system_error(err, errno, "cannot create path", path);
    if (mode != (mode_t)-1 && chmod(path, mode) < 0)
        return stor_system_error(err, errno, "cannot set mode of", path);
    if ((perms->uid != -1 || perms->gid != -1) &&
        chown(path, (uid_t)perms->uid, (gid_t)perms->gid) < 0)
        return stor_system_error(err, errno, "cannot chown", path);
    return 0;
}

int
stor_dir_delete(const struct storage_pool_def *def, struct vireo_error *err)
{
    if (rmdir(def->target_path) < 0)
        return stor_system_error(err, errno, "failed to remove pool",
                            def->target_path);
    return 0;
}

int
stor_dir_fs_numbers(struct storage_pool_def *def, struct vireo_error *err)
{
    struct statvfs sb;

    if (statvfs(def->target_path, &sb) < 0)
        return stor_system_error(err, errno, "cannot statvfs path",
                            def->target_path);
    def->capacity = (unsigned long long)sb.f_frsize * sb.f_blocks;
    /* libvirt counts the blocks only root may use as available too. */
    def->available = (unsigned long long)sb.f_bfree * sb.f_frsize;
    def->allocation = def->capacity -
                      (unsigned long long)sb.f_bfree * sb.f_frsize;
    return 0;
}

/* ---- Volumes --------------------------------------------------------- */

static uint64_t
be64(const unsigned char *p)
{
    uint64_t v = 0;

    for (int i = 0; i < 8; i++)
        v = (v << 8) | p[i];
    return v;
}

/* qcow2 says so in its first bytes ("QFI\xfb"), and its virtual size at
 * offset 24; anything else is raw, as libvirt probes. */
static void
probe_format(int fd, struct storage_vol_def *vol, const struct stat *st)
{
    unsigned char head[32];

    vol->target.format = STORAGE_FILE_FORMAT_RAW;
    vol->capacity = (unsigned long long)st->st_size;
    if (pread(fd, head, sizeof(head), 0) != (ssize_t)sizeof(head) ||
        memcmp(head, "QFI\xfb", 4) != 0)
        return;
    vol->target.format = STORAGE_FILE_FORMAT_QCOW2;
    vol->capacity = be64(head + 24);
}

static void
set_times(struct storage_vol_target *t, const struct stat *st)
{
    t->has_timestamps = true;
    t->atime_s = st->st_atim.tv_sec;
    t->atime_ns = st->st_atim.tv_nsec;
    t->mtime_s = st->st_mtim.tv_sec;
    t->mtime_ns = st->st_mtim.tv_nsec;
    t->ctime_s = st->st_ctim.tv_sec;
    t->ctime_ns = st->st_ctim.tv_nsec;
}

/* A block device has no length in its stat: libvirt seeks to its end,
 * and counts it all as allocated. */
static int
block_sizes(int fd, struct storage_vol_def *vol, struct vireo_error *err)
{
    off_t end = lseek(fd, 0, SEEK_END);

    if (end == (off_t)-1)
        return stor_system_error(err, errno, "failed to seek to end of",
                                 vol->target.path);
    vol->allocation = vol->physical = (unsigned long long)end;
    if (vol->target.format == STORAGE_FILE_FORMAT_RAW)
        vol->capacity = (unsigned long long)end;
    return 0;
}

/* A subdirectory: libvirt lists it as a volume of type and format
 * 'dir', with no sizes at all. */
static void
dir_sizes(struct storage_vol_def *vol)
{
    vol->type = VIR_STORAGE_VOL_DIR;
    vol->target.format = STORAGE_FILE_FORMAT_DIR;
    vol->capacity = vol->allocation = vol->physical = 0;
    vol->has_physical = false;
}

int
stor_dir_vol_stat(struct storage_vol_def *vol, struct vireo_error *err)
{
    int fd = open(vol->target.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat st;

    if (fd < 0)
        return stor_system_error(err, errno, "cannot open volume",
                            vol->target.path);
    if (fstat(fd, &st) < 0) {
        close(fd);
        return stor_system_error(err, errno, "cannot stat file",
                            vol->target.path);
    }
    probe_format(fd, vol, &st);
    vol->type = VIR_STORAGE_VOL_FILE;
    vol->allocation = (unsigned long long)st.st_blocks * 512;
    vol->physical = (unsigned long long)st.st_size;
    vol->has_physical = true;
    if (S_ISDIR(st.st_mode))
        dir_sizes(vol);
    if (S_ISBLK(st.st_mode) && block_sizes(fd, vol, err) < 0) {
        close(fd);
        return -1;
    }
    close(fd);
    vol->target.perms.mode = (long)(st.st_mode & 07777);
    vol->target.perms.uid = (long)st.st_uid;
    vol->target.perms.gid = (long)st.st_gid;
    set_times(&vol->target, &st);
    return 0;
}

/* A volume for the file NAME in the pool's directory, or NULL (a file
 * that went away meanwhile is skipped, err left clear). */
static struct stor_vol *
vol_from_file(const struct storage_pool_def *def, const char *name,
              struct vireo_error *err)
{
    struct stor_vol *vol = calloc(1, sizeof(*vol));
    struct storage_vol_def *v = calloc(1, sizeof(*v));

    if (vol == NULL || v == NULL) {
        free(vol);
        free(v);
        error_no_memory(err);
        return NULL;
    }
    vol->def = v;
    v->target.perms.mode = v->target.perms.uid = v->target.perms.gid = -1;
    v->backing.perms.mode = v->backing.perms.uid = v->backing.perms.gid = -1;
    if ((v->name = strdup(name)) == NULL ||
        asprintf(&v->target.path, "%s/%s", def->target_path, name) < 0 ||
        (v->key = strdup(v->target.path)) == NULL) {
        v->target.path = NULL;
        stor_vol_free(vol);
        error_no_memory(err);
        return NULL;
    }
    if (stor_dir_vol_stat(v, err) < 0) {
        stor_vol_free(vol);
        error_clear(err);
        return NULL;
    }
    return vol;
}

/* A file a dir pool lists as a volume: a regular file, a block device
 * (a node or a link to one) or a directory, as libvirt lists them. */
static bool
is_volume_file(const char *dir, const char *name)
{
    struct stat st;
    char *path;
    bool is_file;

    if (asprintf(&path, "%s/%s", dir, name) < 0)
        return false;
    is_file = stat(path, &st) == 0 &&
              (S_ISREG(st.st_mode) || S_ISBLK(st.st_mode) ||
               S_ISDIR(st.st_mode));
    free(path);
    return is_file;
}

static int
read_target_perms(struct storage_pool_def *def, struct vireo_error *err)
{
    struct stat st;

    if (stat(def->target_path, &st) < 0)
        return stor_system_error(err, errno, "cannot stat path",
                            def->target_path);
    def->target_perms.mode = (long)(st.st_mode & 0777);
    def->target_perms.uid = (long)st.st_uid;
    def->target_perms.gid = (long)st.st_gid;
    return 0;
}

static int
scan(struct stor_pool *pool, DIR *dir, struct vireo_error *err)
{
    struct dirent *ent;

    while ((ent = readdir(dir)) != NULL) {
        struct stor_vol *vol;

        if (ent->d_name[0] == '.' ||
            !is_volume_file(pool->def->target_path, ent->d_name))
            continue;
        vol = vol_from_file(pool->def, ent->d_name, err);
        if (vol == NULL) {
            if (err->code != 0)
                return -1;
            continue;
        }
        if (stor_vol_insert(pool, vol, err) < 0) {
            stor_vol_free(vol);
            return -1;
        }
    }
    return 0;
}

int
stor_dir_refresh(struct stor_pool *pool, struct vireo_error *err)
{
    DIR *dir = dir_open(pool->def->target_path);
    int rc;

    if (dir == NULL)
        return stor_system_error(err, errno, "cannot open directory",
                            pool->def->target_path);
    stor_pool_clear_vols(pool);
    rc = scan(pool, dir, err);
    closedir(dir);
    if (rc == 0)
        rc = read_target_perms(pool->def, err);
    if (rc == 0)
        rc = stor_dir_fs_numbers(pool->def, err);
    return rc;
}

/* ---- Plain file operations ------------------------------------------- */

static int
alloc_error(struct vireo_error *err, int errnum, unsigned long long bytes,
            const char *path)
{
    char what[64];

    snprintf(what, sizeof(what), "cannot allocate %llu bytes in file", bytes);
    return stor_system_error(err, errnum, what, path);
}

int
stor_dir_create_raw(const struct storage_vol_def *vol,
                    struct vireo_error *err)
{
    const char *path = vol->target.path;
    mode_t mode = vol->target.perms.mode != -1 ? (mode_t)vol->target.perms.mode
                                               : DEFAULT_VOL_MODE;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    int rc = 0, e;
    unsigned long long prealloc = vol->allocation < vol->capacity
                                  ? vol->allocation : vol->capacity;

    if (fd < 0)
        return stor_system_error(err, errno, "cannot create path", path);
    if (ftruncate(fd, (off_t)vol->capacity) < 0)
        rc = stor_system_error(err, errno, "cannot extend file", path);
    else if (prealloc > 0 &&
             (e = posix_fallocate(fd, 0, (off_t)prealloc)) != 0)
        rc = alloc_error(err, e, prealloc, path);
    close(fd);
    if (rc < 0)
        unlink(path);
    return rc;
}

int
stor_dir_resize_raw(const char *path, unsigned long long capacity,
                    bool is_allocated, struct vireo_error *err)
{
    int fd = open(path, O_RDWR | O_CLOEXEC);
    struct stat st;
    int rc = 0, e;

    if (fd < 0)
        return stor_system_error(err, errno, "Unable to open", path);
    if (fstat(fd, &st) < 0)
        rc = stor_system_error(err, errno, "cannot stat file", path);
    else if (is_allocated && capacity > (unsigned long long)st.st_size &&
             (e = posix_fallocate(fd, st.st_size,
                                  (off_t)(capacity - (unsigned long long)
                                                     st.st_size))) != 0)
        rc = stor_system_error(err, e, "Failed to preallocate space for file",
                               path);
    else if (ftruncate(fd, (off_t)capacity) < 0)
        rc = stor_system_error(err, errno, "Failed to truncate file", path);
    close(fd);
    return rc;
}

static int
write_zeros(int fd, const char *path, unsigned long long len,
            size_t chunk, struct vireo_error *err)
{
    char *zeros = calloc(1, chunk);
    int rc = 0;

    if (zeros == NULL)
        return error_no_memory(err);
    for (unsigned long long done = 0; done < len && rc == 0;) {
        size_t n = len - done < chunk ? (size_t)(len - done) : chunk;
        ssize_t w = pwrite(fd, zeros, n, (off_t)done);

        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            rc = stor_system_error(err, w < 0 ? errno : ENOSPC,
                                   "Failed to write to storage volume "
                                   "with path", path);
        else
            done += (unsigned long long)w;
    }
    free(zeros);
    if (rc == 0 && fdatasync(fd) < 0)
        rc = stor_system_error(err, errno, "cannot sync data to volume with path",
                          path);
    return rc;
}

int
stor_dir_wipe(const char *path, unsigned long long allocation,
              struct vireo_error *err)
{
    int fd = open(path, O_RDWR | O_CLOEXEC);
    struct stat st;
    int rc;

    if (fd < 0)
        return stor_system_error(err, errno,
                            "Failed to open storage volume with path", path);
    if (fstat(fd, &st) < 0)
        rc = stor_system_error(err, errno,
                          "Failed to stat storage volume with path", path);
    else if (S_ISREG(st.st_mode) && st.st_blocks < st.st_size / 512) {
        rc = ftruncate(fd, 0) == 0 && ftruncate(fd, st.st_size) == 0 ? 0
             : stor_system_error(err, errno, "Failed to truncate volume with path",
                            path);
    } else
        rc = write_zeros(fd, path, allocation,
                         st.st_blksize > 0 ? (size_t)st.st_blksize : 4096,
                         err);
    close(fd);
    return rc;
}

int
stor_dir_unlink(const char *path, struct vireo_error *err)
{
    if (unlink(path) < 0 && errno != ENOENT)
        return stor_system_error(err, errno, "cannot unlink file", path);
    return 0;
}

int
stor_dir_vol_remove(const struct storage_vol_def *vol,
                    struct vireo_error *err)
{
    if (vol->type != VIR_STORAGE_VOL_DIR)
        return stor_dir_unlink(vol->target.path, err);
    if (rmdir(vol->target.path) < 0)
        return stor_system_error(err, errno, "cannot remove directory",
                                 vol->target.path);
    return 0;
}
