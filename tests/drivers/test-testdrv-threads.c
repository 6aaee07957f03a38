/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-threads.c: several threads drive their own domains through
 * every transition on one shared default state while another lists and
 * looks up, and connections open and close around them. Meant for the
 * sanitizers: it checks only that every call gave the expected answer.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "tests/drivers/testdrv-helpers.h"

#define N_WORKERS 4
#define N_ROUNDS 200

static struct vireo_conn *conn;
static atomic_int n_failures;
static atomic_bool is_done;

static void
expect(bool ok)
{
    if (!ok)
        atomic_fetch_add(&n_failures, 1);
}

static void *
worker(void *arg)
{
    struct vireo_error err = { 0 };
    char name[32];

    for (int r = 0; r < N_ROUNDS; r++) {
        struct vireo_domain *dom;

        snprintf(name, sizeof(name), "w%d-%d", (int)(intptr_t)arg, r);
        dom = tdrv_define(conn, name, NULL, &err);
        expect(dom != NULL);
        if (dom == NULL)
            continue;
        expect(testdrv.domain_create(dom, 0, &err) == 0);
        expect(testdrv.domain_suspend(dom, &err) == 0);
        expect(testdrv.domain_resume(dom, &err) == 0);
        expect(testdrv.domain_reboot(dom, 0, &err) == 0);
        expect(testdrv.domain_destroy(dom, 0, &err) == 0);
        expect(testdrv.domain_undefine(dom, 0, &err) == 0);
        handle_domain_unref(dom);
    }
    return NULL;
}

static void *
reader(void *arg)
{
    struct vireo_error err = { 0 };

    while (!atomic_load(&is_done)) {
        struct vireo_domain **doms = NULL;
        struct vireo_conn *other = tdrv_open("test:///default", &err);
        int n = testdrv.conn_list_all_domains(conn, &doms, 0, &err);

        expect(n >= 1 && other != NULL);
        for (int i = 0; i < n; i++) {
            struct vireo_domain_info info;

            /* The domain may vanish between list and query. */
            if (testdrv.domain_get_info(doms[i], &info, &err) < 0)
                expect(err.code == VIR_ERR_NO_DOMAIN);
            memset(&err, 0, sizeof(err));
            handle_domain_unref(doms[i]);
        }
        free(doms);
        handle_conn_unref(other);
    }
    return NULL;
}

int
main(void)
{
    struct vireo_error err = { 0 };
    pthread_t workers[N_WORKERS], looker;

    conn = tdrv_open("test:///default", &err);
    if (!tap_ok(conn != NULL, "open test:///default")) {
        tap_diag("  %s", err.message);
        return tdrv_done();
    }
    pthread_create(&looker, NULL, reader, NULL);
    for (intptr_t i = 0; i < N_WORKERS; i++)
        pthread_create(&workers[i], NULL, worker, (void *)i);
    for (int i = 0; i < N_WORKERS; i++)
        pthread_join(workers[i], NULL);
    atomic_store(&is_done, true);
    pthread_join(looker, NULL);
    tap_is_int(atomic_load(&n_failures), 0, "every call answered as expected");
    tap_is_int(testdrv.conn_list_all_domains(conn, NULL, 0, &err), 1,
               "only 'test' is left");
    handle_conn_unref(conn);
    return tdrv_done();
}
