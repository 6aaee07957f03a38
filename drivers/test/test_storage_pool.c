/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_storage_pool.c: the storage pool slots of the test driver, as
 * libvirt's test driver answers them (testStoragePool* in its
 * test_driver.c): pools change state and nothing else happens, since
 * there is no storage behind them. Every operation runs on the test
 * driver's thread (test_call.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/storage_xml.h"
#include "drivers/conf/uuid.h"
#include "drivers/error.h"
#include "drivers/storage_handle.h"
#include "drivers/storage_pool_event.h"
#include "drivers/storage_pool_rules.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_hostobj.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_storage.h"

/* One call's arguments and results, whichever the call. */
struct pool_io {
    struct vireo_conn             *conn;
    const char                    *name;   /* the pool a handle names */
    const unsigned char           *uuid;
    const char                    *xml;
    unsigned                       flags;
    int                            value;  /* autostart, in or out */
    struct vireo_storage_pool_info *info;
    struct vireo_storage_pool     *pool;   /* a handle returned */
    struct vireo_storage_pool    **pools;  /* a list returned */
    char                          *text;   /* a document returned */
};

static int
run(struct vireo_conn *conn, test_op op, struct pool_io *p,
    struct vireo_error *err)
{
    p->conn = conn;
    return test_call(conn, op, p, err);
}

static int
run_pool(struct vireo_storage_pool *pool, test_op op, struct pool_io *p,
         struct vireo_error *err)
{
    p->name = pool->name;
    p->uuid = pool->uuid;
    return run(pool->conn, op, p, err);
}

static int
give(struct pool_io *p, const struct test_pool *pool,
     struct vireo_error *err)
{
    p->pool = handle_pool_new(p->conn, pool->def->name, pool->def->uuid, err);
    return p->pool != NULL ? 0 : -1;
}

static struct test_pool *
find_uuid(struct test_storage *sto, const unsigned char *uuid)
{
    for (int i = 0; i < sto->n_pools; i++)
        if (memcmp(sto->pools[i]->def->uuid, uuid, VIREO_UUID_BUFLEN) == 0)
            return sto->pools[i];
    return NULL;
}

static struct test_pool *
find_uuid_or_fail(struct test_storage *sto, const unsigned char *uuid,
                  struct vireo_error *err)
{
    struct test_pool *pool = find_uuid(sto, uuid);
    char text[VIREO_UUID_STRING_BUFLEN];

    if (pool != NULL)
        return pool;
    uuid_format(uuid, text);
    error_set(err, VIR_ERR_NO_STORAGE_POOL, VIR_FROM_TEST,
              "no storage pool with matching uuid '%s'", text);
    return NULL;
}

/* The rules' view of a test pool. */
static struct storage_pool_view
view_of(const struct test_pool *pool)
{
    return (struct storage_pool_view){ pool->def, pool->is_active,
                                       pool->is_persistent,
                                       pool->is_autostart };
}

static bool
matches(const struct test_pool *pool, unsigned flags)
{
    struct storage_pool_view v = view_of(pool);

    return storage_pool_matches(&v, flags);
}

/* ---- Listing and lookups ---------------------------------------------- */

static int
op_list(struct test_state *st, void *io, struct vireo_error *err)
{
    struct pool_io *p = io;
    struct test_storage *sto = st->storage;
    int n = 0;

    p->pools = calloc((size_t)sto->n_pools + 1, sizeof(*p->pools));
    if (p->pools == NULL)
        return error_no_memory(err);
    for (int i = 0; i < sto->n_pools; i++) {
        struct test_pool *pool = sto->pools[i];

        if (!matches(pool, p->flags))
            continue;
        p->pools[n] = handle_pool_new(p->conn, pool->def->name,
                                      pool->def->uuid, err);
        if (p->pools[n] == NULL) {
            handle_pool_array_free(p->pools, n);
            p->pools = NULL;
            return -1;
        }
        n++;
    }
    return n;
}

int
testdrv_conn_list_all_storage_pools(struct vireo_conn *conn,
                                    struct vireo_storage_pool ***pools,
                                    unsigned flags, struct vireo_error *err)
{
    struct pool_io p = { .flags = flags };
    int n;

    if (error_check_flags(err, VIR_FROM_TEST, flags, STORAGE_POOL_LIST_FLAGS,
                          "testConnectListAllStoragePools") < 0)
        return -1;
    n = run(conn, op_list, &p, err);
    if (n >= 0 && pools != NULL)
        *pools = p.pools;
    else if (n >= 0)
        handle_pool_array_free(p.pools, n);
    return n;
}

static int
op_lookup_name(struct test_state *st, void *io, struct vireo_error *err)
{
    struct pool_io *p = io;
    struct test_pool *pool = test_storage_find_name(st->storage, p->name,
                                                    err);

    return pool != NULL ? give(p, pool, err) : -1;
}

struct vireo_storage_pool *
testdrv_storage_pool_lookup_by_name(struct vireo_conn *conn, const char *name,
                                    struct vireo_error *err)
{
    struct pool_io p = { .name = name };

    return run(conn, op_lookup_name, &p, err) < 0 ? NULL : p.pool;
}

static int
op_lookup_uuid(struct test_state *st, void *io, struct vireo_error *err)
{
    struct pool_io *p = io;
    struct test_pool *pool = find_uuid_or_fail(st->storage, p->uuid, err);

    return pool != NULL ? give(p, pool, err) : -1;
}

struct vireo_storage_pool *
testdrv_storage_pool_lookup_by_uuid(struct vireo_conn *conn,
                                    const unsigned char *uuid,
                                    struct vireo_error *err)
{
    struct pool_io p = { .uuid = uuid };

    return run(conn, op_lookup_uuid, &p, err) < 0 ? NULL : p.pool;
}

struct vireo_storage_pool *
testdrv_storage_pool_lookup_by_volume(struct vireo_storage_vol *vol,
                                      struct vireo_error *err)
{
    return testdrv_storage_pool_lookup_by_name(vol->conn, vol->pool, err);
}

/* ---- Defining --------------------------------------------------------- */

/* libvirt's duplicate and source checks (storage_pool_rules.h), which
 * report from its storage objects (VIR_FROM_STORAGE) where the driver's
 * own refusals come from the test driver. *same is the pool with def's
 * uuid and name, if any. */
static int
check_duplicate(struct test_storage *sto, const struct storage_pool_def *def,
                bool is_start, struct test_pool **same,
                struct vireo_error *err)
{
    struct storage_pool_view *views = calloc((size_t)sto->n_pools + 1,
                                             sizeof(*views));
    int i = -1, rc;

    if (views == NULL)
        return error_no_memory(err);
    for (int k = 0; k < sto->n_pools; k++)
        views[k] = view_of(sto->pools[k]);
    rc = storage_pool_check_duplicate(views, sto->n_pools, def, is_start, &i,
                                      err);
    free(views);
    *same = i >= 0 ? sto->pools[i] : NULL;
    return rc;
}

/* def (taken over) as a new pool of sto, or as the new definition of
 * same. NULL with err set. */
static struct test_pool *
install(struct test_storage *sto, struct storage_pool_def *def,
        struct test_pool *same, struct vireo_error *err)
{
    struct test_pool **pools;
    struct test_pool *pool = same;

    if (pool == NULL) {
        pools = realloc(sto->pools,
                        (size_t)(sto->n_pools + 1) * sizeof(*pools));
        pool = pools != NULL ? calloc(1, sizeof(*pool)) : NULL;
        if (pools != NULL)
            sto->pools = pools;
        if (pool == NULL) {
            storage_pool_def_free(def);
            error_no_memory(err);
            return NULL;
        }
        sto->pools[sto->n_pools++] = pool;
    }
    storage_pool_def_free(pool->def);
    pool->def = def;
    test_storage_account(pool);
    return pool;
}

/* Does pool sit on a Fibre Channel vHBA? libvirt's test driver then
 * mocks the vHBA when the pool is created, and removes it when the pool
 * is destroyed. */
static bool
is_on_vhba(const struct test_pool *pool)
{
    const char *type = pool->def->source.adapter.type;

    return type != NULL && strcmp(type, "fc_host") == 0;
}

/* Queue a lifecycle event (VIR_STORAGE_POOL_EVENT_*) about pool. */
static void
emit(struct test_state *st, const struct test_pool *pool, int event)
{
    storage_pool_event_emit_lifecycle(st->pool_events, pool->def->name,
                                      pool->def->uuid, event, 0);
}

static int
op_define(struct test_state *st, void *io, struct vireo_error *err)
{
    struct pool_io *p = io;
    struct storage_pool_def *def = storage_pool_def_parse(p->xml, err);
    struct test_pool *same, *pool;

    if (def == NULL)
        return -1;
    if (check_duplicate(st->storage, def, false, &same, err) < 0) {
        storage_pool_def_free(def);
        return -1;
    }
    pool = install(st->storage, def, same, err);
    if (pool == NULL)
        return -1;
    pool->is_persistent = true;
    emit(st, pool, VIR_STORAGE_POOL_EVENT_DEFINED);
    return give(p, pool, err);
}

struct vireo_storage_pool *
testdrv_storage_pool_define_xml(struct vireo_conn *conn, const char *xml,
                                unsigned flags, struct vireo_error *err)
{
    struct pool_io p = { .xml = xml };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testStoragePoolDefineXML") < 0)
        return NULL;
    return run(conn, op_define, &p, err) < 0 ? NULL : p.pool;
}

static int
op_create_xml(struct test_state *st, void *io, struct vireo_error *err)
{
    struct pool_io *p = io;
    struct storage_pool_def *def = storage_pool_def_parse(p->xml, err);
    struct test_pool *same, *pool;

    if (def == NULL)
        return -1;
    if (check_duplicate(st->storage, def, true, &same, err) < 0) {
        storage_pool_def_free(def);
        return -1;
    }
    pool = install(st->storage, def, same, err);
    if (pool == NULL)
        return -1;
    if (is_on_vhba(pool) &&
        test_nodedev_create_vport(st, pool->def->source.adapter.wwnn,
                                  pool->def->source.adapter.wwpn, err) < 0) {
        test_storage_forget(st->storage, pool);
        return -1;
    }
    pool->is_active = true;
    emit(st, pool, VIR_STORAGE_POOL_EVENT_STARTED);
    return give(p, pool, err);
}

struct vireo_storage_pool *
testdrv_storage_pool_create_xml(struct vireo_conn *conn, const char *xml,
                                unsigned flags, struct vireo_error *err)
{
    struct pool_io p = { .xml = xml };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testStoragePoolCreateXML") < 0)
        return NULL;
    return run(conn, op_create_xml, &p, err) < 0 ? NULL : p.pool;
}

/* ---- Lifecycle -------------------------------------------------------- */

/* The pool p names, which must be inactive (is_active false) or active. */
static struct test_pool *
find_in_state(struct test_state *st, struct pool_io *p, bool is_active,
              struct vireo_error *err)
{
    struct test_pool *pool = test_storage_find_name(st->storage, p->name,
                                                    err);

    if (pool == NULL || pool->is_active == is_active)
        return pool;
    error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
              is_active ? "storage pool '%s' is not active"
                        : "storage pool '%s' is active", p->name);
    return NULL;
}

static int
op_start(struct test_state *st, void *io, struct vireo_error *err)
{
    struct test_pool *pool = find_in_state(st, io, false, err);

    if (pool == NULL)
        return -1;
    pool->is_active = true;
    emit(st, pool, VIR_STORAGE_POOL_EVENT_STARTED);
    return 0;
}

/* Build and delete act on the storage behind an inactive pool, of which
 * the test driver has none: they only say they did, as libvirt's do. */
static int
said_of_inactive(struct test_state *st, void *io, int event,
                 struct vireo_error *err)
{
    struct test_pool *pool = find_in_state(st, io, false, err);

    if (pool == NULL)
        return -1;
    emit(st, pool, event);
    return 0;
}

static int
op_build(struct test_state *st, void *io, struct vireo_error *err)
{
    return said_of_inactive(st, io, VIR_STORAGE_POOL_EVENT_CREATED, err);
}

static int
op_delete(struct test_state *st, void *io, struct vireo_error *err)
{
    return said_of_inactive(st, io, VIR_STORAGE_POOL_EVENT_DELETED, err);
}

static int
op_refresh(struct test_state *st, void *io, struct vireo_error *err)
{
    struct test_pool *pool = find_in_state(st, io, true, err);

    if (pool == NULL)
        return -1;
    storage_pool_event_emit_refresh(st->pool_events, pool->def->name,
                                    pool->def->uuid);
    return 0;
}

static int
op_destroy(struct test_state *st, void *io, struct vireo_error *err)
{
    struct test_pool *pool = find_in_state(st, io, true, err);

    if (pool == NULL)
        return -1;
    /* libvirt's pool is stopped even when its vHBA is found missing. */
    pool->is_active = false;
    if (is_on_vhba(pool) && test_nodedev_destroy_vport(st, err) < 0)
        return -1;
    emit(st, pool, VIR_STORAGE_POOL_EVENT_STOPPED);
    if (!pool->is_persistent)
        test_storage_forget(st->storage, pool);
    return 0;
}

static int
op_undefine(struct test_state *st, void *io, struct vireo_error *err)
{
    struct test_pool *pool = find_in_state(st, io, false, err);

    if (pool == NULL)
        return -1;
    emit(st, pool, VIR_STORAGE_POOL_EVENT_UNDEFINED);
    test_storage_forget(st->storage, pool);
    return 0;
}

/* A lifecycle slot: flags checked under libvirt's function name. */
static int
lifecycle(struct vireo_storage_pool *pool, test_op op, unsigned flags,
          const char *func, struct vireo_error *err)
{
    struct pool_io p = { .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0, func) < 0)
        return -1;
    return run_pool(pool, op, &p, err);
}

int
testdrv_storage_pool_create(struct vireo_storage_pool *pool, unsigned flags,
                            struct vireo_error *err)
{
    return lifecycle(pool, op_start, flags, "testStoragePoolCreate", err);
}

int
testdrv_storage_pool_build(struct vireo_storage_pool *pool, unsigned flags,
                           struct vireo_error *err)
{
    return lifecycle(pool, op_build, flags, "testStoragePoolBuild", err);
}

int
testdrv_storage_pool_destroy(struct vireo_storage_pool *pool,
                             struct vireo_error *err)
{
    return lifecycle(pool, op_destroy, 0, "testStoragePoolDestroy", err);
}

int
testdrv_storage_pool_delete(struct vireo_storage_pool *pool, unsigned flags,
                            struct vireo_error *err)
{
    return lifecycle(pool, op_delete, flags, "testStoragePoolDelete", err);
}

int
testdrv_storage_pool_undefine(struct vireo_storage_pool *pool,
                              struct vireo_error *err)
{
    return lifecycle(pool, op_undefine, 0, "testStoragePoolUndefine", err);
}

int
testdrv_storage_pool_refresh(struct vireo_storage_pool *pool, unsigned flags,
                             struct vireo_error *err)
{
    return lifecycle(pool, op_refresh, flags, "testStoragePoolRefresh", err);
}

/* ---- Queries ---------------------------------------------------------- */

static int
op_xml(struct test_state *st, void *io, struct vireo_error *err)
{
    struct pool_io *p = io;
    struct test_pool *pool = test_storage_find_name(st->storage, p->name,
                                                    err);

    if (pool == NULL)
        return -1;
    p->text = storage_pool_def_format(pool->def);
    return p->text != NULL ? 0 : error_no_memory(err);
}

char *
testdrv_storage_pool_get_xml_desc(struct vireo_storage_pool *pool,
                                  unsigned flags, struct vireo_error *err)
{
    struct pool_io p = { .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testStoragePoolGetXMLDesc") < 0 ||
        run_pool(pool, op_xml, &p, err) < 0)
        return NULL;
    return p.text;
}

static int
op_info(struct test_state *st, void *io, struct vireo_error *err)
{
    struct pool_io *p = io;
    struct test_pool *pool = test_storage_find_name(st->storage, p->name,
                                                    err);

    if (pool == NULL)
        return -1;
    p->info->state = pool->is_active ? VIR_STORAGE_POOL_RUNNING
                                     : VIR_STORAGE_POOL_INACTIVE;
    p->info->capacity = pool->def->capacity;
    p->info->allocation = pool->def->allocation;
    p->info->available = pool->def->available;
    return 0;
}

int
testdrv_storage_pool_get_info(struct vireo_storage_pool *pool,
                              struct vireo_storage_pool_info *info,
                              struct vireo_error *err)
{
    struct pool_io p = { .info = info };

    return run_pool(pool, op_info, &p, err);
}

/* Only a persistent pool has a configuration to mark. */
static int
op_get_autostart(struct test_state *st, void *io, struct vireo_error *err)
{
    struct pool_io *p = io;
    struct test_pool *pool = test_storage_find_name(st->storage, p->name,
                                                    err);

    if (pool == NULL)
        return -1;
    p->value = pool->is_persistent && pool->is_autostart;
    return 0;
}

int
testdrv_storage_pool_get_autostart(struct vireo_storage_pool *pool,
                                   int *autostart, struct vireo_error *err)
{
    struct pool_io p = { 0 };

    if (run_pool(pool, op_get_autostart, &p, err) < 0)
        return -1;
    *autostart = p.value;
    return 0;
}

static int
op_set_autostart(struct test_state *st, void *io, struct vireo_error *err)
{
    struct pool_io *p = io;
    struct test_pool *pool = test_storage_find_name(st->storage, p->name,
                                                    err);

    if (pool == NULL)
        return -1;
    if (!pool->is_persistent)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST, "%s",
                         "pool has no config file");
    pool->is_autostart = p->value != 0;
    return 0;
}

int
testdrv_storage_pool_set_autostart(struct vireo_storage_pool *pool,
                                   int autostart, struct vireo_error *err)
{
    struct pool_io p = { .value = autostart };

    return run_pool(pool, op_set_autostart, &p, err);
}

static int
op_is_active(struct test_state *st, void *io, struct vireo_error *err)
{
    struct pool_io *p = io;
    struct test_pool *pool = find_uuid_or_fail(st->storage, p->uuid, err);

    return pool != NULL ? pool->is_active : -1;
}

int
testdrv_storage_pool_is_active(struct vireo_storage_pool *pool,
                               struct vireo_error *err)
{
    struct pool_io p = { 0 };

    return run_pool(pool, op_is_active, &p, err);
}

static int
op_is_persistent(struct test_state *st, void *io, struct vireo_error *err)
{
    struct pool_io *p = io;
    struct test_pool *pool = find_uuid_or_fail(st->storage, p->uuid, err);

    return pool != NULL ? pool->is_persistent : -1;
}

int
testdrv_storage_pool_is_persistent(struct vireo_storage_pool *pool,
                                   struct vireo_error *err)
{
    struct pool_io p = { 0 };

    return run_pool(pool, op_is_persistent, &p, err);
}
