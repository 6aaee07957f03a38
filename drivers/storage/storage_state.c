/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_state.c: the storage driver's pool table, its lookups, and the
 * pools' life on disk: definitions and autostart links kept, running
 * pools remembered across a daemon restart.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drivers/conf/storage_xml.h"
#include "drivers/conf/uuid.h"
#include "drivers/driver_warn.h"
#include "drivers/error.h"
#include "drivers/storage/storage_dir.h"
#include "drivers/storage/storage_files.h"
#include "drivers/storage/storage_lvm.h"
#include "drivers/storage/storage_state.h"
#include "drivers/storage_pool_event.h"

void
stor_warn(struct stor_state *st, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    driver_vwarn(st->log_warning, fmt, ap);
    va_end(ap);
}

/* ---- Volumes ---------------------------------------------------------- */

void
stor_vol_free(struct stor_vol *vol)
{
    if (vol == NULL)
        return;
    storage_vol_def_free(vol->def);
    free(vol);
}

int
stor_vol_check_idle(const struct stor_vol *vol, struct vireo_error *err)
{
    if (!vol->is_building)
        return 0;
    return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_STORAGE,
                     "volume '%s' is still being allocated.", vol->def->name);
}

struct stor_vol *
stor_vol_find(struct stor_pool *pool, const char *name,
              struct vireo_error *err)
{
    for (int i = 0; i < pool->n_vols; i++)
        if (strcmp(pool->vols[i]->def->name, name) == 0)
            return pool->vols[i];
    if (err != NULL)
        error_set(err, VIR_ERR_NO_STORAGE_VOL, VIR_FROM_STORAGE,
                  "no storage vol with matching name '%s'", name);
    return NULL;
}

int
stor_vol_insert(struct stor_pool *pool, struct stor_vol *vol,
                struct vireo_error *err)
{
    struct stor_vol **vols = realloc(pool->vols, (size_t)(pool->n_vols + 1) *
                                                 sizeof(*vols));
    int at = 0;

    if (vols == NULL)
        return error_no_memory(err);
    pool->vols = vols;
    while (at < pool->n_vols &&
           strcmp(vols[at]->def->name, vol->def->name) < 0)
        at++;
    memmove(&vols[at + 1], &vols[at],
            (size_t)(pool->n_vols - at) * sizeof(*vols));
    vols[at] = vol;
    pool->n_vols++;
    return 0;
}

void
stor_vol_remove(struct stor_pool *pool, struct stor_vol *vol)
{
    for (int i = 0; i < pool->n_vols; i++) {
        if (pool->vols[i] != vol)
            continue;
        memmove(&pool->vols[i], &pool->vols[i + 1],
                (size_t)(pool->n_vols - i - 1) * sizeof(*pool->vols));
        pool->n_vols--;
        break;
    }
    stor_vol_free(vol);
}

void
stor_pool_clear_vols(struct stor_pool *pool)
{
    for (int i = 0; i < pool->n_vols; i++)
        stor_vol_free(pool->vols[i]);
    free(pool->vols);
    pool->vols = NULL;
    pool->n_vols = 0;
}

/* ---- The pool table --------------------------------------------------- */

static void
pool_free(struct stor_pool *pool)
{
    if (pool == NULL)
        return;
    stor_pool_clear_vols(pool);
    storage_pool_def_free(pool->def);
    free(pool);
}

void
stor_forget(struct stor_state *st, struct stor_pool *pool)
{
    for (int i = 0; i < st->n_pools; i++) {
        if (st->pools[i] != pool)
            continue;
        memmove(&st->pools[i], &st->pools[i + 1],
                (size_t)(st->n_pools - i - 1) * sizeof(*st->pools));
        st->n_pools--;
        break;
    }
    pool_free(pool);
}

struct stor_pool *
stor_add_pool(struct stor_state *st, struct storage_pool_def *def,
              struct vireo_error *err)
{
    struct stor_pool **pools = NULL;
    struct stor_pool *pool = calloc(1, sizeof(*pool));

    if (pool != NULL)
        pools = realloc(st->pools, (size_t)(st->n_pools + 1) * sizeof(*pools));
    if (pools == NULL) {
        free(pool);
        storage_pool_def_free(def);
        error_no_memory(err);
        return NULL;
    }
    st->pools = pools;
    pool->def = def;
    st->pools[st->n_pools++] = pool;
    return pool;
}

struct stor_pool *
stor_find_name(struct stor_state *st, const char *name,
               struct vireo_error *err)
{
    for (int i = 0; i < st->n_pools; i++)
        if (strcmp(st->pools[i]->def->name, name) == 0)
            return st->pools[i];
    error_set(err, VIR_ERR_NO_STORAGE_POOL, VIR_FROM_STORAGE,
              "no storage pool with matching name '%s'", name);
    return NULL;
}

struct stor_pool *
stor_find_uuid(struct stor_state *st, const unsigned char *uuid,
               struct vireo_error *err)
{
    char text[VIREO_UUID_STRING_BUFLEN];

    for (int i = 0; i < st->n_pools; i++)
        if (memcmp(st->pools[i]->def->uuid, uuid, VIREO_UUID_BUFLEN) == 0)
            return st->pools[i];
    uuid_format(uuid, text);
    error_set(err, VIR_ERR_NO_STORAGE_POOL, VIR_FROM_STORAGE,
              "no storage pool with matching uuid '%s'", text);
    return NULL;
}

struct stor_pool *
stor_find_active(struct stor_state *st, const char *name,
                 struct vireo_error *err)
{
    struct stor_pool *pool = stor_find_name(st, name, err);

    if (pool != NULL && !pool->is_active) {
        error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_STORAGE,
                  "storage pool '%s' is not active", name);
        return NULL;
    }
    return pool;
}

/* ---- On disk ---------------------------------------------------------- */

static int
save_def(const char *dir, const struct stor_pool *pool,
         struct vireo_error *err)
{
    char *xml = storage_pool_def_format(pool->def);
    int rc;

    if (xml == NULL)
        return error_no_memory(err);
    rc = stor_file_write(dir, pool->def->name, xml, err);
    free(xml);
    return rc;
}

int
stor_save_config(struct stor_state *st, const struct stor_pool *pool,
                 struct vireo_error *err)
{
    return save_def(st->config_dir, pool, err);
}

int
stor_remove_config(struct stor_state *st, const struct stor_pool *pool,
                   struct vireo_error *err)
{
    if (stor_file_remove(st->autostart_dir, pool->def->name, err) < 0)
        return -1;
    return stor_file_remove(st->config_dir, pool->def->name, err);
}

int
stor_set_autostart(struct stor_state *st, struct stor_pool *pool,
                   bool is_autostart, struct vireo_error *err)
{
    int rc = is_autostart
             ? stor_file_link(st->autostart_dir, st->config_dir,
                              pool->def->name, err)
             : stor_file_remove(st->autostart_dir, pool->def->name, err);

    if (rc == 0)
        pool->is_autostart = is_autostart;
    return rc;
}

int
stor_save_run(struct stor_state *st, const struct stor_pool *pool,
              struct vireo_error *err)
{
    return save_def(st->run_dir, pool, err);
}

void
stor_remove_run(struct stor_state *st, const struct stor_pool *pool)
{
    struct vireo_error err = { 0 };

    if (stor_file_remove(st->run_dir, pool->def->name, &err) < 0)
        stor_warn(st, "%s", err.message);
}

/* ---- Starting and stopping -------------------------------------------- */

int
stor_pool_start(struct stor_state *st, struct stor_pool *pool,
                struct vireo_error *err)
{
    if (stor_dir_refresh(pool, err) < 0) {
        stor_pool_clear_vols(pool);
        return -1;
    }
    pool->is_active = true;
    if (stor_save_run(st, pool, err) < 0) {
        pool->is_active = false;
        stor_pool_clear_vols(pool);
        return -1;
    }
    return 0;
}

void
stor_pool_stop(struct stor_state *st, struct stor_pool *pool)
{
    stor_pool_clear_vols(pool);
    pool->is_active = false;
    stor_remove_run(st, pool);
    stor_emit(st, pool, VIR_STORAGE_POOL_EVENT_STOPPED);
    if (!pool->is_persistent)
        stor_forget(st, pool);
}

/* libvirt stops a pool whose refresh fails: its storage is gone. */
int
stor_pool_refresh(struct stor_state *st, struct stor_pool *pool,
                  struct vireo_error *err)
{
    if (stor_dir_refresh(pool, err) == 0) {
        stor_emit_refresh(st, pool);
        return 0;
    }
    stor_pool_stop(st, pool);
    return -1;
}

/* ---- Loading ---------------------------------------------------------- */

static struct storage_pool_def *
read_def(struct stor_state *st, const char *dir, const char *name)
{
    struct vireo_error err = { 0 };
    char *xml = stor_file_read(dir, name, &err);
    struct storage_pool_def *def = xml != NULL
                                   ? storage_pool_def_parse(xml, &err) : NULL;

    free(xml);
    if (def == NULL)
        stor_warn(st, "storage pool %s/%s.xml is not loaded: %s", dir, name,
                  err.message);
    return def;
}

static void
load_config(struct stor_state *st, const char *name)
{
    struct storage_pool_def *def = read_def(st, st->config_dir, name);
    struct stor_pool *pool;
    struct vireo_error err = { 0 };

    if (def == NULL)
        return;
    pool = stor_add_pool(st, def, &err);
    if (pool == NULL)
        return;
    pool->is_persistent = true;
    pool->is_autostart = stor_file_exists(st->autostart_dir, name);
}

/* A pool that ran before the daemon stopped runs on if its directory is
 * still there; a transient one comes back from its run state alone. */
static void
load_running(struct stor_state *st, const char *name)
{
    struct vireo_error err = { 0 };
    struct stor_pool *pool = NULL;

    for (int i = 0; i < st->n_pools; i++)
        if (strcmp(st->pools[i]->def->name, name) == 0)
            pool = st->pools[i];
    if (pool == NULL) {
        struct storage_pool_def *def = read_def(st, st->run_dir, name);

        if (def == NULL || (pool = stor_add_pool(st, def, &err)) == NULL)
            return;
    }
    if (pool->def->type == STORAGE_POOL_LOGICAL) {
        stor_lvm_start_later(st, pool, true);
        return;
    }
    if (stor_pool_start(st, pool, &err) < 0) {
        stor_warn(st, "storage pool '%s' is not running any more: %s", name,
                  err.message);
        stor_pool_stop(st, pool);
    }
}

static int
make_dirs(struct stor_state *st, struct vireo_error *err)
{
    const char *dirs[] = { st->config_dir, st->autostart_dir, st->run_dir };

    for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
        if (mkdir(dirs[i], 0700) < 0 && errno != EEXIST)
            return stor_system_error(err, errno, "cannot create directory",
                                     dirs[i]);
    return 0;
}

static void
load_each(struct stor_state *st, const char *dir,
          void (*load)(struct stor_state *, const char *))
{
    struct vireo_error err = { 0 };
    int n = 0;
    char **names = stor_file_list(dir, &n, &err);

    if (names == NULL) {
        stor_warn(st, "%s", err.message);
        return;
    }
    for (int i = 0; i < n; i++)
        load(st, names[i]);
    stor_file_list_free(names, n);
}

struct stor_state *
stor_state_new(const char *state_dir, const char *run_dir,
               void (*log_warning)(const char *), struct vireo_error *err)
{
    struct stor_state *st = calloc(1, sizeof(*st));

    if (st == NULL) {
        error_no_memory(err);
        return NULL;
    }
    st->log_warning = log_warning;
    st->events = object_event_state_new(&storage_pool_event_kind);
    if (st->events == NULL) {
        error_no_memory(err);
    } else if ((st->config_dir = strdup(state_dir)) == NULL ||
        (st->run_dir = strdup(run_dir)) == NULL ||
        asprintf(&st->autostart_dir, "%s/autostart", state_dir) < 0) {
        st->autostart_dir = NULL;
        error_no_memory(err);
    } else if (make_dirs(st, err) == 0) {
        load_each(st, st->config_dir, load_config);
        load_each(st, st->run_dir, load_running);
        return st;
    }
    stor_state_free(st);
    return NULL;
}

void
stor_state_free(struct stor_state *st)
{
    if (st == NULL)
        return;
    for (int i = 0; i < st->n_pools; i++)
        pool_free(st->pools[i]);
    free(st->pools);
    stor_hold_clear(st);
    object_event_state_free(st->events);
    free(st->config_dir);
    free(st->autostart_dir);
    free(st->run_dir);
    free(st);
}

void
stor_state_autostart(struct stor_state *st)
{
    for (int i = 0; i < st->n_pools; i++) {
        struct stor_pool *pool = st->pools[i];
        struct vireo_error err = { 0 };

        if (!pool->is_autostart || pool->is_active)
            continue;
        if (pool->def->type == STORAGE_POOL_LOGICAL)
            stor_lvm_start_later(st, pool, false);
        else if (stor_pool_start(st, pool, &err) < 0)
            stor_warn(st, "cannot autostart storage pool '%s': %s",
                      pool->def->name, err.message);
    }
}
