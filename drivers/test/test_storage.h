/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_storage.h: the storage pools and volumes of one test state, kept
 * in memory as libvirt's test driver keeps them: test:///default starts
 * with the running dir pool "default-pool", a node file with its <pool>
 * elements and their <volume>s. Every pool has libvirt's test capacity
 * (100 GiB); volumes take their allocation from it.
 */
#ifndef VIREO_DRIVERS_TEST_STORAGE_H
#define VIREO_DRIVERS_TEST_STORAGE_H

#include <stdbool.h>

#include "api/vireo.h"

struct storage_pool_def;
struct storage_vol_def;

/* Owned by the test driver's thread, like the test state holding it. */
struct test_pool {
    struct storage_pool_def *def;
    bool                     is_active;
    bool                     is_persistent;
    bool                     is_autostart;
    struct storage_vol_def **vols;     /* in creation order */
    int                      n_vols;
};

/* Owned by the test driver's thread. */
struct test_storage {
    struct test_pool **pools;          /* in definition order */
    int                n_pools;
};

/* Test thread: an empty storage state, or NULL when memory is short. */
struct test_storage *test_storage_new(void);
void test_storage_free(struct test_storage *sto);
/* Add libvirt's default pool, running. 0 or -1 with err set. */
int test_storage_add_default(struct test_storage *sto,
                             struct vireo_error *err);
/* Add a node file's pool (taken over, even on failure), running, and its
 * volume documents (NULL-ended). 0 or -1 with err set. */
int test_storage_add_node_pool(struct test_storage *sto,
                               struct storage_pool_def *def,
                               const char *const *vol_xmls,
                               struct vireo_error *err);

/* Shared by the pool and volume operations (test_storage*.c). */
/* Drop pool (and its volumes) from sto and free it. */
void test_storage_forget(struct test_storage *sto, struct test_pool *pool);
struct test_pool *test_storage_find_name(struct test_storage *sto,
                                         const char *name,
                                         struct vireo_error *err);
/* The same, the pool also active ("storage pool 'NAME' is not active"). */
struct test_pool *test_storage_find_active(struct test_storage *sto,
                                           const char *name,
                                           struct vireo_error *err);
/* Give vol its path and key under the pool's target and take it into
 * the pool's volumes and allocation; refused (vol not taken) when the
 * name is taken or it does not fit. */
int test_storage_add_vol(struct test_pool *pool, struct storage_vol_def *vol,
                         struct vireo_error *err);
/* The pool's capacity numbers as they are now. */
void test_storage_account(struct test_pool *pool);

#endif /* VIREO_DRIVERS_TEST_STORAGE_H */
