/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_state.h: one test hypervisor: its host, its domains and its event
 * registrations. test:///default names a single state shared by every
 * connection of the process; each test:///PATH.xml connection gets a
 * private one. A connection's priv is its state.
 */
#ifndef VIREO_DRIVERS_TEST_STATE_H
#define VIREO_DRIVERS_TEST_STATE_H

#include <pthread.h>

#include "api/vireo.h"
#include "drivers/test/test_host.h"

struct domain_def;
struct domain_list;
struct domain_obj;

/* Shared by the connections that opened it and freed by the last to
 * close. refs is guarded by test_state.c's registry lock. `lock` guards
 * domains and next_id, and is held only for short sections that do no I/O
 * and call no user code; lock order: lock, then the event machinery's own
 * locks (events are queued, never delivered, under it). host is immutable
 * after creation. */
struct test_state {
    int                        refs;
    pthread_mutex_t            lock;
    struct domain_list        *domains;
    int                        next_id;   /* ids are never reused */
    struct test_host           host;
    struct domain_event_state *events;    /* locks itself */
};

/* A reference on the process's default state, created (with its running
 * domain "test") if no connection holds it. NULL with err set on failure. */
struct test_state *test_state_open_default(struct vireo_error *err);

/* A fresh private state described by the node file at path. */
struct test_state *test_state_open_file(const char *path,
                                        struct vireo_error *err);

/* Drop a reference; the last one frees the state. */
void test_state_release(struct test_state *st);

/* With st->lock held: the object dom names (by uuid), or NULL with
 * VIR_ERR_NO_DOMAIN set. */
struct domain_obj *test_state_find(struct test_state *st,
                                   const struct vireo_domain *dom,
                                   struct vireo_error *err);

/* With st->lock held: a new handle on obj for conn, or NULL with err set. */
struct vireo_domain *test_state_handle(struct vireo_conn *conn,
                                       const struct domain_obj *obj,
                                       struct vireo_error *err);

/* With st->lock held: refuse a def that takes another domain's name or
 * uuid (VIR_ERR_OPERATION_FAILED, libvirt's wording). Returns 0 and sets
 * *same to the domain with exactly def's name and uuid, or NULL if none. */
int test_state_check_clash(struct test_state *st, const struct domain_def *def,
                           struct domain_obj **same, struct vireo_error *err);

/* The test hypervisor runs only <domain type='test'>: 0, or -1 with
 * VIR_ERR_CONFIG_UNSUPPORTED naming the type. */
int test_state_check_virt_type(const struct domain_def *def,
                               struct vireo_error *err);

/* With st->lock held: queue a lifecycle event about obj as it is now. */
void test_state_emit(struct test_state *st, const struct domain_obj *obj,
                     int event, int detail);

#endif /* VIREO_DRIVERS_TEST_STATE_H */
