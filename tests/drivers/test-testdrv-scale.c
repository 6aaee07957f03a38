/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-scale.c: 10,000 domains defined, listed, looked up by name,
 * uuid and id, started and undefined through the test driver. Nothing is
 * timed: the run would simply take minutes if a step were quadratic.
 */
#include "tests/drivers/testdrv-helpers.h"

#define N_DOMAINS 10000

static struct vireo_conn *conn;

static void
define_all(void)
{
    struct vireo_error err = { 0 };
    int n_bad = 0;

    for (int i = 0; i < N_DOMAINS; i++) {
        char name[32];
        struct vireo_domain *dom;

        snprintf(name, sizeof(name), "scale%05d", i);
        dom = tdrv_define(conn, name, NULL, &err);
        n_bad += dom == NULL;
        if (dom != NULL && i % 2 == 0)
            n_bad += testdrv.domain_create(dom, 0, &err) < 0;
        handle_domain_unref(dom);
    }
    tap_is_int(n_bad, 0, "%d domains defined, half started", N_DOMAINS);
}

static void
list_and_look_up(void)
{
    struct vireo_error err = { 0 };
    struct vireo_domain **doms = NULL;
    int n = testdrv.conn_list_all_domains(conn, &doms, 0, &err);
    int n_bad = 0;

    tap_is_int(n, N_DOMAINS + 1, "all listed, with 'test'");
    for (int i = 0; i < n; i++) {
        struct vireo_domain *by_name, *by_uuid, *by_id = NULL;

        by_name = testdrv.domain_lookup_by_name(conn, doms[i]->name, &err);
        by_uuid = testdrv.domain_lookup_by_uuid(conn, doms[i]->uuid, &err);
        if (doms[i]->id >= 0)
            by_id = testdrv.domain_lookup_by_id(conn, doms[i]->id, &err);
        n_bad += by_name == NULL || by_uuid == NULL ||
                 strcmp(by_uuid->name, doms[i]->name) != 0 ||
                 (doms[i]->id >= 0 &&
                  (by_id == NULL || strcmp(by_id->name, doms[i]->name) != 0));
        handle_domain_unref(by_name);
        handle_domain_unref(by_uuid);
        handle_domain_unref(by_id);
    }
    tap_is_int(n_bad, 0, "each found by name, uuid and id");
    tap_is_int(testdrv.conn_list_all_domains(
                   conn, NULL, VIR_CONNECT_LIST_DOMAINS_ACTIVE, &err),
               N_DOMAINS / 2 + 1, "half of them active, with 'test'");
    for (int i = 0; i < n; i++)
        handle_domain_unref(doms[i]);
    free(doms);
}

static void
undefine_all(void)
{
    struct vireo_error err = { 0 };
    int n_bad = 0;

    for (int i = 0; i < N_DOMAINS; i++) {
        char name[32];
        struct vireo_domain *dom;

        snprintf(name, sizeof(name), "scale%05d", i);
        dom = testdrv.domain_lookup_by_name(conn, name, &err);
        if (dom != NULL && dom->id >= 0)
            testdrv.domain_destroy(dom, 0, &err);
        n_bad += dom == NULL || testdrv.domain_undefine(dom, 0, &err) < 0;
        handle_domain_unref(dom);
    }
    tap_is_int(n_bad, 0, "all undefined");
    tap_is_int(testdrv.conn_list_all_domains(conn, NULL, 0, &err), 1,
               "only 'test' is left");
}

int
main(void)
{
    struct vireo_error err = { 0 };

    conn = tdrv_open("test:///default", &err);
    if (!tap_ok(conn != NULL, "open test:///default")) {
        tap_diag("  %s", err.message);
        return tdrv_done();
    }
    define_all();
    list_and_look_up();
    undefine_all();
    handle_conn_unref(conn);
    return tdrv_done();
}
