/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-threads.c: eight threads share one connection, each driving its own
 * domain through its lifecycle while looking up, listing and querying the
 * shared test domain. Every call must succeed, and the sanitizers must
 * stay quiet.
 */
#include <pthread.h>
#include <stdlib.h>

#include "api-test.h"

#define N_THREADS 8
#define N_ROUNDS  200

struct worker {
    pthread_t          thread;
    struct vireo_conn *conn;
    int                index;
    int                n_failures;
    char               first_error[VIREO_ERROR_MESSAGE_MAX];
};

static void
fail(struct worker *w, const struct vireo_error *err)
{
    if (w->n_failures++ == 0)
        snprintf(w->first_error, sizeof(w->first_error), "%s",
                 err->message);
}

/* The shared domain: looked up three ways, listed and queried. */
static void
query_shared(struct worker *w)
{
    struct vireo_error err = { 0 };
    struct vireo_domain **doms = NULL;
    struct vireo_domain *dom = vireo_domain_lookup_by_name(w->conn, "test",
                                                           &err);
    struct vireo_domain *by_id = vireo_domain_lookup_by_id(w->conn, 1, &err);
    int state, n;

    if (dom == NULL || by_id == NULL ||
        vireo_domain_get_state(dom, &state, NULL, 0, &err) < 0)
        fail(w, &err);
    n = vireo_conn_list_all_domains(w->conn, &doms, 0, &err);
    if (n < 1)
        fail(w, &err);
    for (int i = 0; i < n; i++)
        vireo_domain_free(doms[i]);
    free(doms);
    vireo_domain_free(by_id);
    vireo_domain_free(dom);
}

static void
cycle_own(struct worker *w, struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };

    if (vireo_domain_create(dom, 0, &err) < 0 ||
        vireo_domain_suspend(dom, &err) < 0 ||
        vireo_domain_resume(dom, &err) < 0 ||
        vireo_domain_destroy(dom, 0, &err) < 0)
        fail(w, &err);
}

static void *
work(void *opaque)
{
    struct worker *w = opaque;
    struct vireo_error err = { 0 };
    char name[32], xml[512];
    struct vireo_domain *dom;

    snprintf(name, sizeof(name), "worker%d", w->index);
    dom = vireo_domain_define_xml(w->conn, domain_xml(xml, sizeof(xml), name),
                                  0, &err);
    if (dom == NULL) {
        fail(w, &err);
        return NULL;
    }
    for (int round = 0; round < N_ROUNDS; round++) {
        cycle_own(w, dom);
        query_shared(w);
    }
    if (vireo_domain_undefine(dom, 0, &err) < 0)
        fail(w, &err);
    vireo_domain_free(dom);
    return NULL;
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = vireo_conn_open("test:///default", 0, &err);
    struct worker workers[N_THREADS];
    struct vireo_domain **doms = NULL;
    int n;

    tap_plan(N_THREADS + 1);
    for (int i = 0; i < N_THREADS; i++) {
        workers[i] = (struct worker){ .conn = conn, .index = i };
        pthread_create(&workers[i].thread, NULL, work, &workers[i]);
    }
    for (int i = 0; i < N_THREADS; i++) {
        pthread_join(workers[i].thread, NULL);
        if (!tap_ok(workers[i].n_failures == 0,
                    "thread %d: %d lifecycles and queries all succeed", i,
                    N_ROUNDS))
            tap_diag("  %d failures, first: %s", workers[i].n_failures,
                     workers[i].first_error);
    }
    n = vireo_conn_list_all_domains(conn, &doms, 0, &err);
    tap_is_int(n, 1, "afterwards only the test domain is left");
    for (int i = 0; i < n; i++)
        vireo_domain_free(doms[i]);
    free(doms);
    vireo_conn_close(conn);
    return tap_done();
}
