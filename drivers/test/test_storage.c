/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_storage.c: the test driver's pool table: its lifetime, lookups,
 * the default pool, node-file pools, and the capacity accounting every
 * volume goes through. All of it on the test driver's thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/storage_xml.h"
#include "drivers/conf/uuid.h"
#include "drivers/error.h"
#include "drivers/test/test_storage.h"

/* libvirt's test pools all claim 100 GiB. */
#define TEST_POOL_CAPACITY (100ull * 1024 * 1024 * 1024)

static const char default_pool_xml[] =
    "<pool type='dir'>\n"
    "  <name>default-pool</name>\n"
    "  <uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>\n"
    "  <target>\n"
    "    <path>/default-pool</path>\n"
    "  </target>\n"
    "</pool>\n";

struct test_storage *
test_storage_new(void)
{
    return calloc(1, sizeof(struct test_storage));
}

static void
pool_free(struct test_pool *pool)
{
    if (pool == NULL)
        return;
    for (int i = 0; i < pool->n_vols; i++)
        storage_vol_def_free(pool->vols[i]);
    free(pool->vols);
    storage_pool_def_free(pool->def);
    free(pool);
}

void
test_storage_forget(struct test_storage *sto, struct test_pool *pool)
{
    for (int i = 0; i < sto->n_pools; i++) {
        if (sto->pools[i] != pool)
            continue;
        memmove(&sto->pools[i], &sto->pools[i + 1],
                (size_t)(sto->n_pools - i - 1) * sizeof(*sto->pools));
        sto->n_pools--;
        break;
    }
    pool_free(pool);
}

void
test_storage_free(struct test_storage *sto)
{
    if (sto == NULL)
        return;
    for (int i = 0; i < sto->n_pools; i++)
        pool_free(sto->pools[i]);
    free(sto->pools);
    free(sto);
}

void
test_storage_account(struct test_pool *pool)
{
    unsigned long long allocation = 0;

    for (int i = 0; i < pool->n_vols; i++)
        allocation += pool->vols[i]->allocation;
    pool->def->capacity = TEST_POOL_CAPACITY;
    pool->def->allocation = allocation;
    pool->def->available = allocation < TEST_POOL_CAPACITY
                           ? TEST_POOL_CAPACITY - allocation : 0;
}

struct test_pool *
test_storage_find_name(struct test_storage *sto, const char *name,
                       struct vireo_error *err)
{
    for (int i = 0; i < sto->n_pools; i++)
        if (strcmp(sto->pools[i]->def->name, name) == 0)
            return sto->pools[i];
    error_set(err, VIR_ERR_NO_STORAGE_POOL, VIR_FROM_TEST,
              "no storage pool with matching name '%s'", name);
    return NULL;
}

struct test_pool *
test_storage_find_active(struct test_storage *sto, const char *name,
                         struct vireo_error *err)
{
    struct test_pool *pool = test_storage_find_name(sto, name, err);

    if (pool != NULL && !pool->is_active) {
        error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                  "storage pool '%s' is not active", name);
        return NULL;
    }
    return pool;
}

/* PATH/NAME under the pool's target, keyed by that path; with
 * is_given_kept, a path and key the document gives stay. */
static int
vol_path(struct test_pool *pool, struct storage_vol_def *vol,
         bool is_given_kept, struct vireo_error *err)
{
    char *path;

    if (!is_given_kept || vol->target.path == NULL) {
        if (asprintf(&path, "%s/%s", pool->def->target_path, vol->name) < 0)
            return error_no_memory(err);
        free(vol->target.path);
        vol->target.path = path;
    }
    if (is_given_kept && vol->key != NULL)
        return 0;
    free(vol->key);
    vol->key = strdup(vol->target.path);
    return vol->key != NULL ? 0 : error_no_memory(err);
}

static int
add_vol(struct test_pool *pool, struct storage_vol_def *vol,
        bool is_given_kept, struct vireo_error *err)
{
    struct storage_vol_def **vols;

    for (int i = 0; i < pool->n_vols; i++)
        if (strcmp(pool->vols[i]->name, vol->name) == 0)
            return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_TEST,
                             "%s", "storage vol already exists");
    if (pool->def->allocation + vol->allocation > pool->def->capacity)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                         "Not enough free space in pool for volume '%s'",
                         vol->name);
    if (vol_path(pool, vol, is_given_kept, err) < 0)
        return -1;
    vols = realloc(pool->vols, (size_t)(pool->n_vols + 1) * sizeof(*vols));
    if (vols == NULL)
        return error_no_memory(err);
    pool->vols = vols;
    pool->vols[pool->n_vols++] = vol;
    test_storage_account(pool);
    return 0;
}

int
test_storage_add_vol(struct test_pool *pool, struct storage_vol_def *vol,
                     struct vireo_error *err)
{
    return add_vol(pool, vol, false, err);
}

/* Take def (even on failure) as a new running, persistent pool. */
static struct test_pool *
add_running(struct test_storage *sto, struct storage_pool_def *def,
            struct vireo_error *err)
{
    struct test_pool **pools = NULL;
    struct test_pool *pool = calloc(1, sizeof(*pool));

    if (pool != NULL)
        pools = realloc(sto->pools,
                        (size_t)(sto->n_pools + 1) * sizeof(*pools));
    if (pools == NULL) {
        free(pool);
        storage_pool_def_free(def);
        error_no_memory(err);
        return NULL;
    }
    sto->pools = pools;
    pool->def = def;
    pool->is_active = pool->is_persistent = true;
    test_storage_account(pool);
    sto->pools[sto->n_pools++] = pool;
    return pool;
}

int
test_storage_add_default(struct test_storage *sto, struct vireo_error *err)
{
    struct storage_pool_def *def = storage_pool_def_parse(default_pool_xml,
                                                          err);

    return def != NULL && add_running(sto, def, err) != NULL ? 0 : -1;
}

int
test_storage_add_node_pool(struct test_storage *sto,
                           struct storage_pool_def *def,
                           const char *const *vol_xmls,
                           struct vireo_error *err)
{
    struct test_pool *pool = add_running(sto, def, err);

    for (int i = 0; pool != NULL && vol_xmls[i] != NULL; i++) {
        struct storage_vol_def *vol =
            storage_vol_def_parse(vol_xmls[i], pool->def->type, err);

        if (vol == NULL || add_vol(pool, vol, true, err) < 0) {
            storage_vol_def_free(vol);
            return -1;
        }
    }
    return pool != NULL ? 0 : -1;
}
