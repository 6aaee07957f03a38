/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-threads.c: several threads drive their own domains through
 * every transition on one shared default state while another lists and
 * looks up, and connections open and close around them; a libuv loop
 * thread delivers their events meanwhile. Meant for the sanitizers: it
 * checks that every call gave the expected answer and every event
 * arrived, and that the driver's own thread runs exactly while a
 * connection is open.
 */
#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "loop/uv_impl.h"
#include "tests/drivers/testdrv-helpers.h"

#define N_WORKERS 4
#define N_ROUNDS 200
/* define, start, suspend, resume, destroy, undefine; reboot has none. */
#define N_EVENTS_PER_ROUND 6
#define MAX_WAIT_MS 20000

static struct vireo_conn *conn;
static atomic_int n_failures;
static atomic_bool is_done;
static atomic_int n_events;
static atomic_int n_reboots;

static void
on_lifecycle(struct vireo_conn *c, struct vireo_domain *dom, int event,
             int detail, void *opaque)
{
    /* Only the workers' domains change, and they all start with 'w'. */
    if (dom->name[0] == 'w')
        atomic_fetch_add(&n_events, 1);
}

static void
on_reboot(struct vireo_conn *c, struct vireo_domain *dom, void *opaque)
{
    atomic_fetch_add(&n_reboots, 1);
}

static void *
loop_thread(void *arg)
{
    uv_impl_run();
    return NULL;
}

/* Wait, a bounded time, for every event the workers caused. */
static void
await_events(int n_want)
{
    struct timespec ts = { 0, 10 * 1000000L };

    for (int waited = 0; waited < MAX_WAIT_MS; waited += 10) {
        if (atomic_load(&n_events) >= n_want &&
            atomic_load(&n_reboots) >= N_WORKERS * N_ROUNDS)
            return;
        nanosleep(&ts, NULL);
    }
}

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

/* Register both callbacks on conn; the loop thread then delivers. */
static bool
start_listening(pthread_t *loop)
{
    struct vireo_error err = { 0 };
    int lifecycle_id, reboot_id;

    lifecycle_id = testdrv.domain_event_register_any(
        conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        VIREO_DOMAIN_EVENT_CALLBACK(on_lifecycle), NULL, NULL, &err);
    reboot_id = testdrv.domain_event_register_any(
        conn, NULL, VIR_DOMAIN_EVENT_ID_REBOOT,
        VIREO_DOMAIN_EVENT_CALLBACK(on_reboot), NULL, NULL, &err);
    if (!tap_ok(lifecycle_id >= 0 && reboot_id >= 0, "callbacks registered"))
        return false;
    pthread_create(loop, NULL, loop_thread, NULL);
    return true;
}

/* How many of this process's threads are named name. */
static int
count_threads(const char *name)
{
    DIR *tasks = opendir("/proc/self/task");
    struct dirent *e;
    int n = 0;

    while (tasks != NULL && (e = readdir(tasks)) != NULL) {
        char path[300], comm[32] = "";
        FILE *f;

        snprintf(path, sizeof(path), "/proc/self/task/%s/comm", e->d_name);
        if ((f = fopen(path, "r")) == NULL)
            continue;
        if (fgets(comm, sizeof(comm), f) != NULL)
            comm[strcspn(comm, "\n")] = '\0';
        fclose(f);
        n += strcmp(comm, name) == 0;
    }
    if (tasks != NULL)
        closedir(tasks);
    return n;
}

/* The last connection may be released by the loop a moment after we let
 * go of ours: give the thread up to 5 s to be gone. */
static int
count_threads_settled(const char *name)
{
    for (int i = 0; i < 500 && count_threads(name) > 0; i++)
        usleep(10 * 1000);
    return count_threads(name);
}

int
main(void)
{
    struct vireo_error err = { 0 };
    pthread_t workers[N_WORKERS], looker, loop;
    bool is_listening;

    if (!tap_ok(uv_impl_register() == 0, "the libuv loop registers"))
        return tdrv_done();
    tap_is_int(count_threads("vireo-test"), 0,
               "no test driver thread runs before a connection opens");
    conn = tdrv_open("test:///default", &err);
    if (!tap_ok(conn != NULL, "open test:///default")) {
        tap_diag("  %s", err.message);
        return tdrv_done();
    }
    tap_is_int(count_threads("vireo-test"), 1,
               "the first connection starts the driver's one thread");
    is_listening = start_listening(&loop);
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
    if (is_listening) {
        await_events(N_WORKERS * N_ROUNDS * N_EVENTS_PER_ROUND);
        tap_is_int(atomic_load(&n_events),
                   N_WORKERS * N_ROUNDS * N_EVENTS_PER_ROUND,
                   "every lifecycle event was delivered");
        tap_is_int(atomic_load(&n_reboots), N_WORKERS * N_ROUNDS,
                   "and every reboot event");
    }
    handle_conn_unref(conn);   /* close drops the registrations */
    tap_is_int(count_threads_settled("vireo-test"), 0,
               "the last connection's close stops the thread");
    if (is_listening) {
        uv_impl_stop();
        pthread_join(loop, NULL);
    }
    return tdrv_done();
}
