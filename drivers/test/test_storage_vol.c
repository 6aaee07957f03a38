/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_storage_vol.c: the storage volume slots of the test driver, as
 * libvirt's test driver answers them (testStorageVol*): a volume is its
 * definition in an active pool, at PATH/NAME under the pool's target,
 * keyed by that path, and its allocation counts against the pool's.
 * Every operation runs on the test driver's thread (test_call.h).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/storage_xml.h"
#include "drivers/error.h"
#include "drivers/storage_handle.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_storage.h"

/* One call's arguments and results, whichever the call. */
struct vol_io {
    struct vireo_conn              *conn;
    const char                     *pool;    /* the pool's name */
    const char                     *name;    /* a volume's name, key or path */
    const char                     *clone;   /* create_xml_from only */
    const char                     *xml;
    bool                            is_legacy;
    struct vireo_storage_vol_info  *info;
    struct vireo_storage_vol       *vol;     /* a handle returned */
    struct vireo_storage_vol      **vols;    /* a list returned */
    char                           *text;    /* a document or path */
};

static int
run_pool(struct vireo_storage_pool *pool, test_op op, struct vol_io *v,
         struct vireo_error *err)
{
    v->conn = pool->conn;
    v->pool = pool->name;
    return test_call(pool->conn, op, v, err);
}

static int
run_vol(struct vireo_storage_vol *vol, test_op op, struct vol_io *v,
        struct vireo_error *err)
{
    v->conn = vol->conn;
    v->pool = vol->pool;
    v->name = vol->name;
    return test_call(vol->conn, op, v, err);
}

static int
find_index(const struct test_pool *pool, const char *name)
{
    for (int i = 0; i < pool->n_vols; i++)
        if (strcmp(pool->vols[i]->name, name) == 0)
            return i;
    return -1;
}

static struct storage_vol_def *
find_vol(struct test_pool *pool, const char *name, struct vireo_error *err)
{
    int i = find_index(pool, name);

    if (i >= 0)
        return pool->vols[i];
    error_set(err, VIR_ERR_NO_STORAGE_VOL, VIR_FROM_TEST,
              "no storage vol with matching name '%s'", name);
    return NULL;
}

/* The volume v names, in its active pool; *pool_out gets the pool. */
static struct storage_vol_def *
find(struct test_state *st, struct vol_io *v, struct test_pool **pool_out,
     struct vireo_error *err)
{
    struct test_pool *pool = test_storage_find_active(st->storage, v->pool,
                                                      err);

    if (pool_out != NULL)
        *pool_out = pool;
    return pool != NULL ? find_vol(pool, v->name, err) : NULL;
}

static int
give(struct vol_io *v, const struct test_pool *pool,
     const struct storage_vol_def *def, struct vireo_error *err)
{
    v->vol = handle_vol_new(v->conn, pool->def->name, def->name, def->key,
                            err);
    return v->vol != NULL ? 0 : -1;
}

/* ---- Listing and lookups ---------------------------------------------- */

static int
op_list(struct test_state *st, void *io, struct vireo_error *err)
{
    struct vol_io *v = io;
    struct test_pool *pool = test_storage_find_name(st->storage, v->pool,
                                                    err);
    int n;

    if (pool == NULL)
        return -1;
    if (!pool->is_active && !v->is_legacy)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                         "%s", "storage pool is not active");
    if (!pool->is_active)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                         "storage pool '%s' is not active", v->pool);
    v->vols = calloc((size_t)pool->n_vols + 1, sizeof(*v->vols));
    if (v->vols == NULL)
        return error_no_memory(err);
    for (n = 0; n < pool->n_vols; n++) {
        const struct storage_vol_def *def = pool->vols[n];

        v->vols[n] = handle_vol_new(v->conn, pool->def->name, def->name,
                                    def->key, err);
        if (v->vols[n] == NULL) {
            handle_vol_array_free(v->vols, n);
            v->vols = NULL;
            return -1;
        }
    }
    return n;
}

int
testdrv_storage_pool_list_all_volumes(struct vireo_storage_pool *pool,
                                      struct vireo_storage_vol ***vols,
                                      unsigned flags, bool is_legacy,
                                      struct vireo_error *err)
{
    struct vol_io v = { .is_legacy = is_legacy };
    int n;

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testStoragePoolListAllVolumes") < 0)
        return -1;
    n = run_pool(pool, op_list, &v, err);
    if (n >= 0 && vols != NULL)
        *vols = v.vols;
    else if (n >= 0)
        handle_vol_array_free(v.vols, n);
    return n;
}

static int
op_lookup_name(struct test_state *st, void *io, struct vireo_error *err)
{
    struct vol_io *v = io;
    struct test_pool *pool;
    struct storage_vol_def *def = find(st, v, &pool, err);

    return def != NULL ? give(v, pool, def, err) : -1;
}

struct vireo_storage_vol *
testdrv_storage_vol_lookup_by_name(struct vireo_storage_pool *pool,
                                   const char *name, struct vireo_error *err)
{
    struct vol_io v = { .name = name };

    return run_pool(pool, op_lookup_name, &v, err) < 0 ? NULL : v.vol;
}

/* Among the active pools, the volume whose key (or path) is v->name. */
static int
lookup_among_active(struct test_state *st, struct vol_io *v, bool is_key,
                    struct vireo_error *err)
{
    struct test_storage *sto = st->storage;

    for (int i = 0; i < sto->n_pools; i++) {
        struct test_pool *pool = sto->pools[i];

        for (int j = 0; pool->is_active && j < pool->n_vols; j++) {
            const struct storage_vol_def *def = pool->vols[j];
            const char *id = is_key ? def->key : def->target.path;

            if (strcmp(id, v->name) == 0)
                return give(v, pool, def, err);
        }
    }
    return error_set(err, VIR_ERR_NO_STORAGE_VOL, VIR_FROM_TEST,
                     "no storage vol with matching %s '%s'",
                     is_key ? "key" : "path", v->name);
}

static int
op_lookup_key(struct test_state *st, void *io, struct vireo_error *err)
{
    return lookup_among_active(st, io, true, err);
}

static int
op_lookup_path(struct test_state *st, void *io, struct vireo_error *err)
{
    return lookup_among_active(st, io, false, err);
}

struct vireo_storage_vol *
testdrv_storage_vol_lookup_by_key(struct vireo_conn *conn, const char *key,
                                  struct vireo_error *err)
{
    struct vol_io v = { .conn = conn, .name = key };

    return test_call(conn, op_lookup_key, &v, err) < 0 ? NULL : v.vol;
}

struct vireo_storage_vol *
testdrv_storage_vol_lookup_by_path(struct vireo_conn *conn, const char *path,
                                   struct vireo_error *err)
{
    struct vol_io v = { .conn = conn, .name = path };

    return test_call(conn, op_lookup_path, &v, err) < 0 ? NULL : v.vol;
}

/* ---- Creating and deleting -------------------------------------------- */

static int
op_create(struct test_state *st, void *io, struct vireo_error *err)
{
    struct vol_io *v = io;
    struct test_pool *pool = test_storage_find_active(st->storage, v->pool,
                                                      err);
    struct storage_vol_def *def;

    if (pool == NULL)
        return -1;
    def = storage_vol_def_parse(v->xml, pool->def->type, err);
    if (def == NULL)
        return -1;
    /* The clone's contents would be copied: it must be there first. */
    if (v->clone != NULL && find_index(pool, def->name) < 0 &&
        find_vol(pool, v->clone, err) == NULL) {
        storage_vol_def_free(def);
        return -1;
    }
    if (test_storage_add_vol(pool, def, err) < 0) {
        storage_vol_def_free(def);
        return -1;
    }
    return give(v, pool, def, err);
}

struct vireo_storage_vol *
testdrv_storage_vol_create_xml(struct vireo_storage_pool *pool,
                               const char *xml, unsigned flags,
                               struct vireo_error *err)
{
    struct vol_io v = { .xml = xml };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testStorageVolCreateXML") < 0)
        return NULL;
    return run_pool(pool, op_create, &v, err) < 0 ? NULL : v.vol;
}

struct vireo_storage_vol *
testdrv_storage_vol_create_xml_from(struct vireo_storage_pool *pool,
                                    const char *xml,
                                    struct vireo_storage_vol *clone,
                                    unsigned flags, struct vireo_error *err)
{
    struct vol_io v = { .xml = xml, .clone = clone->name };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testStorageVolCreateXMLFrom") < 0)
        return NULL;
    return run_pool(pool, op_create, &v, err) < 0 ? NULL : v.vol;
}

static int
op_delete(struct test_state *st, void *io, struct vireo_error *err)
{
    struct vol_io *v = io;
    struct test_pool *pool;
    struct storage_vol_def *def = find(st, v, &pool, err);
    int i;

    if (def == NULL)
        return -1;
    i = find_index(pool, def->name);
    memmove(&pool->vols[i], &pool->vols[i + 1],
            (size_t)(pool->n_vols - i - 1) * sizeof(*pool->vols));
    pool->n_vols--;
    storage_vol_def_free(def);
    test_storage_account(pool);
    return 0;
}

int
testdrv_storage_vol_delete(struct vireo_storage_vol *vol, unsigned flags,
                           struct vireo_error *err)
{
    struct vol_io v = { 0 };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testStorageVolDelete") < 0)
        return -1;
    return run_vol(vol, op_delete, &v, err);
}

/* ---- Queries ---------------------------------------------------------- */

static int
op_xml(struct test_state *st, void *io, struct vireo_error *err)
{
    struct vol_io *v = io;
    struct test_pool *pool;
    struct storage_vol_def *def = find(st, v, &pool, err);

    if (def == NULL)
        return -1;
    v->text = storage_vol_def_format(def, pool->def->type);
    return v->text != NULL ? 0 : error_no_memory(err);
}

char *
testdrv_storage_vol_get_xml_desc(struct vireo_storage_vol *vol,
                                 unsigned flags, struct vireo_error *err)
{
    struct vol_io v = { 0 };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testStorageVolGetXMLDesc") < 0 ||
        run_vol(vol, op_xml, &v, err) < 0)
        return NULL;
    return v.text;
}

/* libvirt's testStorageVolumeTypeForPool. */
static int
vol_type_for(int pool_type)
{
    switch (pool_type) {
    case STORAGE_POOL_DIR:
    case STORAGE_POOL_FS:
    case STORAGE_POOL_NETFS:
    case STORAGE_POOL_VSTORAGE:
        return VIR_STORAGE_VOL_FILE;
    case STORAGE_POOL_SHEEPDOG:
    case STORAGE_POOL_ISCSI_DIRECT:
    case STORAGE_POOL_GLUSTER:
    case STORAGE_POOL_RBD:
        return VIR_STORAGE_VOL_NETWORK;
    default:
        return VIR_STORAGE_VOL_BLOCK;
    }
}

static int
op_info(struct test_state *st, void *io, struct vireo_error *err)
{
    struct vol_io *v = io;
    struct test_pool *pool;
    struct storage_vol_def *def = find(st, v, &pool, err);

    if (def == NULL)
        return -1;
    v->info->type = vol_type_for(pool->def->type);
    v->info->capacity = def->capacity;
    v->info->allocation = def->allocation;
    return 0;
}

int
testdrv_storage_vol_get_info(struct vireo_storage_vol *vol,
                             struct vireo_storage_vol_info *info,
                             struct vireo_error *err)
{
    struct vol_io v = { .info = info };

    return run_vol(vol, op_info, &v, err);
}

static int
op_path(struct test_state *st, void *io, struct vireo_error *err)
{
    struct vol_io *v = io;
    struct storage_vol_def *def = find(st, v, NULL, err);

    if (def == NULL)
        return -1;
    v->text = strdup(def->target.path);
    return v->text != NULL ? 0 : error_no_memory(err);
}

char *
testdrv_storage_vol_get_path(struct vireo_storage_vol *vol,
                             struct vireo_error *err)
{
    struct vol_io v = { 0 };

    return run_vol(vol, op_path, &v, err) < 0 ? NULL : v.text;
}
