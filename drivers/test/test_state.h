/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_state.h: one test hypervisor: its host, its domains and its event
 * registrations. test:///default names a single state shared by every
 * connection of the process; each test:///PATH.xml connection gets a
 * private one. A connection's priv is its state.
 */
#ifndef VIREO_DRIVERS_TEST_STATE_H
#define VIREO_DRIVERS_TEST_STATE_H

#include "api/vireo.h"
#include "drivers/domain_view.h"
#include "drivers/test/test_host.h"

struct conn_identity;
struct domain_def;
struct domain_list;
struct domain_obj;
struct test_hostobj;
struct test_storage;
struct object_event_state;

/* Owned by the test driver's thread: created, changed and freed there
 * only, with no lock; every slot reaches it through test_call.h. Shared by
 * the connections that opened it and freed when the last one closes. The
 * exception is host, immutable once the state exists: the host queries
 * read it on the caller's thread. */
struct test_state {
    int                        refs;      /* connections holding it */
    struct domain_list        *domains;
    int                        next_id;   /* ids are never reused */
    struct test_host           host;
    struct domain_event_state *events;
    struct test_hostobj       *hostobj;   /* node devices, interfaces */
    struct test_storage       *storage;   /* pools and volumes */
    struct test_networks      *networks;   /* test_network.h */
    /* Storage pool and node device event registrations
     * (test_object_event.c). */
    struct object_event_state *pool_events;
    struct object_event_state *nodedev_events;
    /* What vireod's loop may read of the domains without asking this
     * thread (test_view.h); connections to the state point at it. */
    struct domain_view_source  view;
};

/* Test thread: a reference on the process's default state, created (with
 * its running domain "test") if no connection holds it. NULL with err set
 * on failure. */
struct test_state *test_state_open_default(struct vireo_error *err);

/* Test thread: a fresh private state described by the node file at path,
 * read as the connection's owner may read it (test_nodefile.h). */
struct test_state *test_state_open_file(const char *path,
                                        const struct conn_identity *who,
                                        struct vireo_error *err);

/* Test thread: drop a reference; the last one frees the state. */
void test_state_release(struct test_state *st);

/* The object dom names (by uuid), or NULL with VIR_ERR_NO_DOMAIN set. */
struct domain_obj *test_state_find(struct test_state *st,
                                   const struct vireo_domain *dom,
                                   struct vireo_error *err);

/* A new handle on obj for conn, or NULL with err set. */
struct vireo_domain *test_state_handle(struct vireo_conn *conn,
                                       const struct domain_obj *obj,
                                       struct vireo_error *err);

/* Refuse a def that takes another domain's name or
 * uuid (VIR_ERR_OPERATION_FAILED, libvirt's wording). Returns 0 and sets
 * *same to the domain with exactly def's name and uuid, or NULL if none. */
int test_state_check_clash(struct test_state *st, const struct domain_def *def,
                           struct domain_obj **same, struct vireo_error *err);

/* The test hypervisor runs only <domain type='test'>: 0, or -1 with
 * VIR_ERR_CONFIG_UNSUPPORTED naming the type. */
int test_state_check_virt_type(const struct domain_def *def,
                               struct vireo_error *err);

/* What libvirt's parser settles in every definition the test driver
 * reads (a domain's, a saved image's): the first architecture of the
 * test host's capabilities (i686) when def names none, whatever the
 * domain type. 0, or -1 with err set (memory). */
int test_state_fill_arch(struct domain_def *def, struct vireo_error *err);

/* test_object_event.c: make (0, or -1 when memory is short), drop and
 * close a connection's registrations in st's storage pool and node
 * device event states. */
int test_object_events_new(struct test_state *st);
void test_object_events_free(struct test_state *st);
void test_object_events_close_conn(struct test_state *st,
                                   struct vireo_conn *conn);

/* Queue a lifecycle event about obj as it is now. */
void test_state_emit(struct test_state *st, const struct domain_obj *obj,
                     int event, int detail);

#endif /* VIREO_DRIVERS_TEST_STATE_H */
