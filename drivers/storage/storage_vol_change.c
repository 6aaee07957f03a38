/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_vol_change.c: the volume slots that make or rewrite a file, as
 * libvirt's storage driver does them for dir pools: create (raw files
 * directly, qcow2 with `qemu-img create`), create from another volume
 * and clone (`qemu-img convert`), resize (ftruncate, or `qemu-img
 * resize`) and wipe.
 *
 * A slot that runs qemu-img does not wait for it (call.h): the first run
 * checks, adds the volume as "building", starts the tool and returns;
 * the tool's exit answers the call, which runs the slot again from the
 * top, and the slot finds the answer (call_replay) and finishes. What
 * runs before the replay check depends only on the call's arguments.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drivers/call.h"
#include "drivers/conf/storage_xml.h"
#include "drivers/error.h"
#include "drivers/storage/storage_cmd.h"
#include "drivers/storage/storage_dir.h"
#include "drivers/storage/storage_lvm.h"
#include "drivers/storage/storage_slots.h"
#include "drivers/storage/storage_state.h"
#include "drivers/storage_handle.h"
#include "drivers/worker.h"

/* libvirt's VIR_STORAGE_VOL_WIPE_ALG_LAST. */
#define WIPE_ALG_COUNT 10
#define DEFAULT_VOL_MODE 0600

static const char *
format_name(int format)
{
    return format == STORAGE_FILE_FORMAT_QCOW2 ? "qcow2"
           : format == STORAGE_FILE_FORMAT_RAW ? "raw" : NULL;
}

/* ---- A volume being built --------------------------------------------- */

/* Owned by the storage thread while qemu-img runs: what to find again
 * when the call ends without an answer. */
struct build {
    struct stor_state *st;
    char              *pool;
    char              *vol;
    bool               is_new;   /* a volume made: it goes if unfinished */
};

/* The build of pool/vol is over: the pool takes jobs again, and a failed
 * volume goes, its file too. The volume, or NULL when it went. */
static struct stor_vol *
end_build(struct stor_state *st, const char *pool_name, const char *vol_name,
          bool is_ok)
{
    struct stor_pool *pool = stor_find_name(st, pool_name, NULL);
    struct stor_vol *vol = pool != NULL ? stor_vol_find(pool, vol_name, NULL)
                                        : NULL;

    if (pool != NULL && pool->n_jobs > 0)
        pool->n_jobs--;
    if (vol == NULL)
        return NULL;
    vol->is_building = false;
    if (is_ok)
        return vol;
    stor_dir_unlink(vol->def->target.path, NULL);
    stor_vol_remove(pool, vol);
    return NULL;
}

static void
build_free(void *opaque)
{
    struct build *b = opaque;

    free(b->pool);
    free(b->vol);
    free(b);
}

static void
abandon_build(void *opaque)
{
    struct build *b = opaque;

    end_build(b->st, b->pool, b->vol, !b->is_new);
    build_free(b);
}

/* Run argv for the current call on vol (in pool), which is building
 * until it exits. 0 when the call waits, -1 with err set (a new volume
 * is then gone). */
static int
run_on(struct stor_state *st, struct stor_pool *pool, struct stor_vol *vol,
       const char *const *argv, bool is_new, struct vireo_error *err)
{
    struct build *b = calloc(1, sizeof(*b));

    if (b == NULL || (b->pool = strdup(pool->def->name)) == NULL ||
        (b->vol = strdup(vol->def->name)) == NULL) {
        if (b != NULL)
            build_free(b);
        if (is_new)
            stor_vol_remove(pool, vol);
        return error_no_memory(err);
    }
    b->st = st;
    b->is_new = is_new;
    vol->is_building = true;
    pool->n_jobs++;
    if (stor_cmd_run(worker_current(), call_current(), argv, abandon_build,
                     build_free, b, err) < 0) {
        end_build(st, b->pool, b->vol, !is_new);
        build_free(b);
        return -1;
    }
    return 0;
}

/* The same for a new volume, made by argv. */
static int
run_build(struct stor_state *st, struct stor_pool *pool, struct stor_vol *vol,
          const char *const *argv, struct vireo_error *err)
{
    return run_on(st, pool, vol, argv, true, err);
}

/* After qemu-img: the mode and owner libvirt gives a new volume. */
static int
set_perms(const struct storage_vol_def *def, struct vireo_error *err)
{
    const struct storage_perms *p = &def->target.perms;
    mode_t mode = p->mode != -1 ? (mode_t)p->mode : DEFAULT_VOL_MODE;

    if (chmod(def->target.path, mode) < 0 ||
        ((p->uid != -1 || p->gid != -1) &&
         chown(def->target.path, (uid_t)p->uid, (gid_t)p->gid) < 0))
        return stor_system_error(err, errno, "cannot set permissions of",
                                 def->target.path);
    return 0;
}

/* The second run of a building call: the answer rc decides. */
static struct vireo_storage_vol *
finish_build(struct vireo_storage_pool *handle, const char *name,
             unsigned long long min_capacity, int rc,
             struct vireo_error *err)
{
    struct stor_state *st = stor_state_of(handle->conn);
    struct stor_vol *vol = end_build(st, handle->name, name, rc == 0);
    struct stor_pool *pool = stor_find_name(st, handle->name, NULL);

    if (rc < 0)
        return NULL;
    if (vol == NULL || pool == NULL) {
        error_set(err, VIR_ERR_NO_STORAGE_VOL, VIR_FROM_STORAGE,
                  "no storage vol with matching name '%s'", name);
        return NULL;
    }
    if (set_perms(vol->def, err) < 0 ||
        stor_dir_vol_stat(vol->def, err) < 0 ||
        (vol->def->target.format == STORAGE_FILE_FORMAT_RAW &&
         vol->def->capacity < min_capacity &&
         stor_dir_resize_raw(vol->def->target.path, min_capacity, false,
                             err) < 0)) {
        stor_dir_unlink(vol->def->target.path, NULL);
        stor_vol_remove(pool, vol);
        return NULL;
    }
    stor_dir_vol_stat(vol->def, err);
    return stor_vol_give(handle->conn, pool, vol, err);
}

/* ---- Creating --------------------------------------------------------- */

/* The new volume's definition for an active pool: named, pathed and
 * keyed under the pool's directory, its name free. NULL with err set. */
static struct stor_vol *
new_vol(struct stor_pool *pool, struct storage_vol_def *def,
        struct vireo_error *err)
{
    struct stor_vol *vol;

    if (strchr(def->name, '/') != NULL) {
        error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_STORAGE,
                  "volume name '%s' cannot contain '/'", def->name);
    } else if (stor_vol_find(pool, def->name, NULL) != NULL) {
        error_set(err, VIR_ERR_STORAGE_VOL_EXIST, VIR_FROM_STORAGE,
                  "storage volume '%s' exists already", def->name);
    } else if (format_name(def->target.format) == NULL) {
        error_set(err, VIR_ERR_OPERATION_UNSUPPORTED, VIR_FROM_STORAGE,
                  "%s", "only raw and qcow2 volumes are supported");
    } else if ((vol = calloc(1, sizeof(*vol))) == NULL) {
        error_no_memory(err);
    } else {
        free(def->target.path);
        free(def->key);
        def->key = NULL;
        vol->def = def;
        if (asprintf(&def->target.path, "%s/%s", pool->def->target_path,
                     def->name) >= 0 &&
            (def->key = strdup(def->target.path)) != NULL &&
            stor_vol_insert(pool, vol, err) == 0)
            return vol;
        if (def->key == NULL)
            error_no_memory(err);
        free(vol);
    }
    storage_vol_def_free(def);
    return NULL;
}

static char *
size_arg(unsigned long long bytes)
{
    char *text;

    return asprintf(&text, "%lluK", (bytes + 1023) / 1024) < 0 ? NULL : text;
}

static int
start_qcow2(struct stor_state *st, struct stor_pool *pool,
            struct stor_vol *vol, unsigned flags, struct vireo_error *err)
{
    char *size = size_arg(vol->def->capacity);
    const char *opts = (flags & STOR_VOL_CREATE_PREALLOC_META)
                       ? "compat=1.1,preallocation=metadata" : "compat=1.1";
    const char *argv[] = { "qemu-img", "create", "-f", "qcow2", "-o", opts,
                           vol->def->target.path, size, NULL };
    int rc;

    if (size == NULL) {
        stor_vol_remove(pool, vol);
        return error_no_memory(err);
    }
    rc = run_build(st, pool, vol, argv, err);
    free(size);
    return rc;
}

/* A raw file needs no tool: made at once, as libvirt does. */
static struct vireo_storage_vol *
create_raw(struct vireo_storage_pool *handle, struct stor_pool *pool,
           struct stor_vol *vol, struct vireo_error *err)
{
    if (stor_dir_create_raw(vol->def, err) < 0 ||
        stor_dir_vol_stat(vol->def, err) < 0) {
        stor_vol_remove(pool, vol);
        return NULL;
    }
    return stor_vol_give(handle->conn, pool, vol, err);
}

/* An LV made by lvcreate (storage_lvm.h); def is freed. The call waits
 * while the tools run. A name LVM refuses is lvcreate's to refuse, as
 * in libvirt. */
static struct vireo_storage_vol *
create_logical(struct vireo_storage_pool *handle, struct stor_pool *pool,
               struct storage_vol_def *def, struct vireo_error *err)
{
    struct stor_vol *made = NULL;
    struct vireo_storage_vol *given = NULL;

    if (stor_vol_find(pool, def->name, NULL) != NULL)
        error_set(err, VIR_ERR_STORAGE_VOL_EXIST, VIR_FROM_STORAGE,
                  "storage volume '%s' exists already", def->name);
    else if (stor_lvm_vol_create(pool, def, &made, err) == LVM_DONE)
        given = stor_vol_give(handle->conn, pool, made, err);
    storage_vol_def_free(def);
    return given;
}

struct vireo_storage_vol *
stordrv_storage_vol_create_xml(struct vireo_storage_pool *handle,
                               const char *xml, unsigned flags,
                               struct vireo_error *err)
{
    struct stor_state *st = stor_state_of(handle->conn);
    struct call *c = call_current();
    struct stor_pool *pool;
    struct storage_vol_def *def;
    struct stor_vol *vol;
    int rc;

    if (error_check_flags(err, VIR_FROM_STORAGE, flags,
                          STOR_VOL_CREATE_PREALLOC_META,
                          "storageVolCreateXML") < 0 ||
        (pool = stor_find_active(st, handle->name, err)) == NULL ||
        (def = storage_vol_def_parse(xml, pool->def->type, err)) == NULL)
        return NULL;
    if (pool->def->type == STORAGE_POOL_LOGICAL)
        return create_logical(handle, pool, def, err);
    if (c != NULL && call_replay(c, &rc, err, NULL)) {
        struct vireo_storage_vol *made =
            finish_build(handle, def->name, 0, rc, err);

        storage_vol_def_free(def);
        return made;
    }
    if ((vol = new_vol(pool, def, err)) == NULL)
        return NULL;
    if (vol->def->target.format == STORAGE_FILE_FORMAT_RAW)
        return create_raw(handle, pool, vol, err);
    start_qcow2(st, pool, vol, flags, err);
    return NULL;       /* the call waits, or err says why not */
}

static int
start_convert(struct stor_state *st, struct stor_pool *pool,
              struct stor_vol *vol, const struct stor_vol *from,
              struct vireo_error *err)
{
    bool is_qcow2 = vol->def->target.format == STORAGE_FILE_FORMAT_QCOW2;
    const char *argv[] = { "qemu-img", "convert", "-f",
                           format_name(from->def->target.format), "-O",
                           format_name(vol->def->target.format),
                           is_qcow2 ? "-o" : from->def->target.path,
                           is_qcow2 ? "compat=1.1" : vol->def->target.path,
                           is_qcow2 ? from->def->target.path : NULL,
                           vol->def->target.path, NULL };

    return run_build(st, pool, vol, argv, err);
}

struct vireo_storage_vol *
stordrv_storage_vol_create_xml_from(struct vireo_storage_pool *handle,
                                    const char *xml,
                                    struct vireo_storage_vol *clone,
                                    unsigned flags, struct vireo_error *err)
{
    struct stor_state *st = stor_state_of(handle->conn);
    struct call *c = call_current();
    struct stor_pool *pool, *from_pool;
    struct storage_vol_def *def;
    struct stor_vol *vol, *from;
    int rc;

    if (error_check_flags(err, VIR_FROM_STORAGE, flags,
                          STOR_VOL_CREATE_PREALLOC_META |
                          STOR_VOL_CREATE_REFLINK,
                          "storageVolCreateXMLFrom") < 0 ||
        (pool = stor_find_active(st, handle->name, err)) == NULL ||
        (def = storage_vol_def_parse(xml, pool->def->type, err)) == NULL)
        return NULL;
    if (c != NULL && call_replay(c, &rc, err, NULL)) {
        struct vireo_storage_vol *made =
            finish_build(handle, def->name, def->capacity, rc, err);

        storage_vol_def_free(def);
        return made;
    }
    if ((from = stor_vol_of(clone, &from_pool, err)) == NULL) {
        storage_vol_def_free(def);
        return NULL;
    }
    if (pool->def->type == STORAGE_POOL_LOGICAL) {
        storage_vol_def_free(def);
        error_set(err, VIR_ERR_NO_SUPPORT, VIR_FROM_STORAGE, "%s",
                  "storage pool does not support volume creation from an "
                  "existing volume");
        return NULL;
    }
    if (stor_vol_check_idle(from, err) < 0) {
        storage_vol_def_free(def);
        return NULL;
    }
    if ((vol = new_vol(pool, def, err)) != NULL &&
        format_name(from->def->target.format) != NULL)
        start_convert(st, pool, vol, from, err);
    return NULL;       /* the call waits, or err says why not */
}

/* ---- Resizing and wiping ---------------------------------------------- */

/* libvirt's storageVolResize checks, on numbers fresh from the file;
 * the capacity the volume gets, or 0 with err set. */
static unsigned long long
new_capacity(const struct stor_pool *pool, const struct storage_vol_def *def,
             unsigned long long capacity, unsigned flags,
             struct vireo_error *err)
{
    unsigned long long wanted = capacity;

    if (flags & STOR_VOL_RESIZE_DELTA)
        wanted = (flags & STOR_VOL_RESIZE_SHRINK)
                 ? def->capacity - (capacity < def->capacity ? capacity
                                                             : def->capacity)
                 : def->capacity + capacity;
    if (wanted < def->allocation) {
        error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE, "%s",
                  "can't shrink capacity below existing allocation");
        return 0;
    }
    if (wanted < def->capacity && !(flags & STOR_VOL_RESIZE_SHRINK)) {
        error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE, "%s",
                  "Can't shrink capacity below current capacity unless "
                  "shrink flag explicitly specified");
        return 0;
    }
    if ((flags & STOR_VOL_RESIZE_ALLOCATE) &&
        wanted - def->allocation > pool->def->available) {
        error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_STORAGE, "%s",
                  "Not enough space left in storage pool");
        return 0;
    }
    return wanted;
}

/* qemu-img resize of a volume not raw, the call waiting for it. */
static int
start_resize(struct stor_state *st, struct stor_pool *pool,
             struct stor_vol *vol, unsigned long long capacity,
             bool is_shrink, struct vireo_error *err)
{
    char *size;
    int rc;

    if (asprintf(&size, "%llu", capacity) < 0)
        return error_no_memory(err);
    {
        const char *argv[] = { "qemu-img", "resize",
                               is_shrink ? "--shrink" : vol->def->target.path,
                               is_shrink ? vol->def->target.path : size,
                               is_shrink ? size : NULL, NULL };

        rc = run_on(st, pool, vol, argv, false, err);
    }
    free(size);
    return rc;
}

/* The volume a changing call names, idle, its numbers fresh. */
static struct stor_vol *
find_idle(struct vireo_storage_vol *handle, struct stor_pool **pool,
          struct vireo_error *err)
{
    struct stor_vol *vol = stor_vol_of(handle, pool, err);

    if (vol == NULL || stor_vol_check_idle(vol, err) < 0)
        return NULL;
    if (stor_dir_vol_stat(vol->def, err) < 0 ||
        stor_dir_fs_numbers((*pool)->def, err) < 0)
        return NULL;
    return vol;
}

int
stordrv_storage_vol_resize(struct vireo_storage_vol *handle,
                           unsigned long long capacity, unsigned flags,
                           struct vireo_error *err)
{
    struct call *c = call_current();
    struct stor_pool *pool;
    struct stor_vol *vol;
    unsigned long long wanted;
    int rc;

    if (error_check_flags(err, VIR_FROM_STORAGE, flags,
                          STOR_VOL_RESIZE_ALLOCATE | STOR_VOL_RESIZE_DELTA |
                          STOR_VOL_RESIZE_SHRINK, "storageVolResize") < 0)
        return -1;
    if (c != NULL && call_replay(c, &rc, err, NULL)) {
        end_build(stor_state_of(handle->conn), handle->pool, handle->name, true);
        return rc;
    }
    if ((vol = stor_vol_of(handle, &pool, err)) == NULL)
        return -1;
    /* libvirt's logical backend has no resizeVol. */
    if (pool->def->type == STORAGE_POOL_LOGICAL)
        return error_set(err, VIR_ERR_NO_SUPPORT, VIR_FROM_STORAGE, "%s",
                         "storage pool does not support changing of volume "
                         "capacity");
    if ((vol = find_idle(handle, &pool, err)) == NULL ||
        (wanted = new_capacity(pool, vol->def, capacity, flags, err)) == 0)
        return -1;
    /* libvirt resizes only a raw file itself; anything else (qcow2, a
     * directory) is qemu-img's to resize or refuse, which cannot
     * preallocate. */
    if (vol->def->target.format != STORAGE_FILE_FORMAT_RAW &&
        (flags & STOR_VOL_RESIZE_ALLOCATE))
        return error_set(err, VIR_ERR_OPERATION_UNSUPPORTED, VIR_FROM_STORAGE,
                         "%s", "preallocate is only supported for raw type "
                         "volume");
    if (vol->def->target.format != STORAGE_FILE_FORMAT_RAW)
        return start_resize(stor_state_of(handle->conn), pool, vol, wanted,
                            wanted < vol->def->capacity, err);
    return stor_dir_resize_raw(vol->def->target.path, wanted,
                               (flags & STOR_VOL_RESIZE_ALLOCATE) != 0, err);
}

int
stordrv_storage_vol_wipe_pattern(struct vireo_storage_vol *handle,
                                 unsigned algorithm, unsigned flags,
                                 struct vireo_error *err)
{
    struct stor_pool *pool;
    struct stor_vol *vol;

    if (error_check_flags(err, VIR_FROM_STORAGE, flags, 0,
                          "storageVolWipePattern") < 0)
        return -1;
    if (algorithm >= WIPE_ALG_COUNT)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_STORAGE,
                         "wiping algorithm %d not supported", (int)algorithm);
    if ((vol = stor_vol_of(handle, &pool, err)) == NULL)
        return -1;
    if (pool->def->type == STORAGE_POOL_LOGICAL)
        return error_set(err, VIR_ERR_NO_SUPPORT, VIR_FROM_STORAGE, "%s",
                         "wiping logical volumes is not supported");
    if ((vol = find_idle(handle, &pool, err)) == NULL)
        return -1;
    if (algorithm != 0)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_STORAGE,
                         "%s", "Cannot find 'scrub' in path: "
                         "No such file or directory");
    if (stor_dir_wipe(vol->def->target.path, vol->def->allocation, err) < 0)
        return -1;
    return stor_dir_vol_stat(vol->def, err);
}
