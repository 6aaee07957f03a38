/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote-client.c: vireo's client library against a daemon over the wire
 * (vireod or a real libvirtd: the URI in argv[1] says which), as an
 * application with its own poll(2) event loop uses it:
 *
 *   - with no loop registered, synchronous calls work and registering for
 *     events fails with a clear error;
 *   - many threads calling at once on one connection all get their own
 *     answers (calls pipelined by serial);
 *   - once the application's loop is registered, lifecycle events caused
 *     by another connection arrive in order, filtered by domain, and stop
 *     after deregistration, while other threads register and deregister
 *     on the same connection;
 *   - is_secure and is_encrypted weigh the transport (a UNIX socket or
 *     TCP: the URI says) in with the daemon's answer, and managed save,
 *     snapshots and messages are asked of the daemon, errors included.
 *
 * The events and answers this test expects are the ones libvirtd 9.0 and
 * its test driver give, so the same program passes against both daemons.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "api/vireo.h"
#include "tests/integration/loop_wait.h"
#include "tests/tap.h"

#define DOMAIN_NAME "remote-ev"
#define N_THREADS   8
#define N_CALLS     200
#define WAIT_MS     10000

static const char *uri;

static const char domain_xml[] =
    "<domain type='test'>"
    "<name>" DOMAIN_NAME "</name>"
    "<memory>8192</memory>"
    "<os><type>hvm</type></os>"
    "</domain>";

/* ---- What the daemon and the transport say ----------------------------- */

/* libvirtd 9.0 through libvirt's own client: secure over a UNIX socket,
 * not over plain TCP; never encrypted. */
static void
test_security(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    bool is_tcp = strstr(uri, "+tcp://") != NULL;

    tap_is_int(vireo_conn_is_secure(conn, &err), is_tcp ? 0 : 1,
               "is_secure says %s over %s", is_tcp ? "no" : "yes",
               is_tcp ? "plain TCP" : "a UNIX socket");
    tap_is_int(vireo_conn_is_encrypted(conn, &err), 0,
               "is_encrypted says no");
}

/* libvirt's test driver has no managed save, snapshot or message for any
 * domain, and refuses unknown flags and undefined domains in these words. */
static void
test_records(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom = vireo_domain_lookup_by_name(conn, "test", &err);
    struct vireo_domain *gone = vireo_domain_define_xml(conn, domain_xml, 0,
                                                        &err);
    char uuid[VIREO_UUID_STRING_BUFLEN], want[160];
    char **msgs = NULL;

    tap_ok(vireo_domain_has_managed_save_image(dom, 0, &err) == 0 &&
           vireo_domain_snapshot_num(dom, 0, &err) == 0 &&
           vireo_domain_get_messages(dom, &msgs, 0, &err) == 0 &&
           msgs == NULL,
           "'test' has no managed save image, snapshot or message");
    tap_ok(vireo_domain_has_managed_save_image(gone, 0, &err) == 0 &&
           vireo_domain_snapshot_num(gone, 0, &err) == 0,
           "nor has a defined domain that is shut off");
    vireo_domain_has_managed_save_image(dom, 1, &err);
    tap_ok(err.code == VIR_ERR_INVALID_ARG && err.domain == VIR_FROM_TEST &&
           strcmp(err.message, "unsupported flags (0x1) in function "
                  "testDomainHasManagedSaveImage") == 0,
           "unknown flags are refused by the daemon's driver: %s",
           err.message);
    vireo_domain_get_messages(dom, &msgs, 4, &err);
    tap_is_str(err.message, "unsupported flags (0x4) in function "
               "testDomainGetMessages", "for messages too");
    vireo_domain_get_uuid_string(gone, uuid);
    snprintf(want, sizeof(want), "Domain not found: no domain with matching "
             "uuid '%s' (" DOMAIN_NAME ")", uuid);
    vireo_domain_undefine(gone, 0, &err);
    tap_ok(vireo_domain_snapshot_num(gone, 0, &err) < 0 &&
           err.code == VIR_ERR_NO_DOMAIN && strcmp(err.message, want) == 0,
           "an undefined domain is not found: %s", err.message);
    vireo_domain_free(gone);
    vireo_domain_free(dom);
}

/* ---- Without a loop ---------------------------------------------------- */

static void
on_nothing(struct vireo_conn *conn, struct vireo_domain *dom, int event,
           int detail, void *opaque)
{
}

static void
test_without_loop(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = vireo_conn_open(uri, 0, &err);
    struct vireo_domain *dom;
    int state = -1, reason;

    tap_ok(conn != NULL, "open %s with no event loop", uri);
    if (conn == NULL) {
        tap_diag("%s", err.message);
        exit(tap_done());
    }
    dom = vireo_domain_lookup_by_name(conn, "test", &err);
    tap_ok(dom != NULL && vireo_domain_get_state(dom, &state, &reason, 0,
                                                 &err) == 0 &&
           state == VIR_DOMAIN_RUNNING,
           "synchronous calls work: 'test' is running");
    tap_ok(vireo_conn_domain_event_register_any(
               conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
               VIREO_DOMAIN_EVENT_CALLBACK(on_nothing), NULL, NULL,
               &err) < 0 && err.code == VIR_ERR_OPERATION_INVALID,
           "registering for events with no loop fails: %s", err.message);
    vireo_domain_lookup_by_name(conn, "nosuch", &err);
    tap_is_int(err.code, VIR_ERR_NO_DOMAIN,
               "the daemon's errors arrive with their code: %s",
               err.message);
    test_security(conn);
    test_records(conn);
    vireo_domain_free(dom);
    vireo_conn_close(conn);
}

/* ---- Many threads, one connection -------------------------------------- */

struct caller {
    pthread_t          thread;
    struct vireo_conn *conn;
    int                n_right;
};

/* Alternate calls whose answers differ, so a reply given to the wrong
 * caller would be noticed. */
static void *
call_many(void *arg)
{
    struct caller *c = arg;

    for (int i = 0; i < N_CALLS; i++) {
        struct vireo_error err = { 0 };
        struct vireo_domain *dom = i % 2
            ? vireo_domain_lookup_by_name(c->conn, "test", &err)
            : vireo_domain_lookup_by_name(c->conn, "nosuch", &err);

        if (i % 2 ? dom != NULL && strcmp(vireo_domain_get_name(dom),
                                          "test") == 0
                  : dom == NULL && err.code == VIR_ERR_NO_DOMAIN)
            c->n_right++;
        vireo_domain_free(dom);
    }
    return NULL;
}

static void
test_threads(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = vireo_conn_open(uri, 0, &err);
    struct caller callers[N_THREADS];
    int n_right = 0;

    for (int i = 0; i < N_THREADS; i++) {
        callers[i] = (struct caller){ .conn = conn };
        pthread_create(&callers[i].thread, NULL, call_many, &callers[i]);
    }
    for (int i = 0; i < N_THREADS; i++) {
        pthread_join(callers[i].thread, NULL);
        n_right += callers[i].n_right;
    }
    tap_is_int(n_right, N_THREADS * N_CALLS,
               "%d threads x %d calls on one connection: every answer is "
               "the caller's own", N_THREADS, N_CALLS);
    vireo_conn_close(conn);
}

/* ---- Events through the application's own loop ------------------------- */

/* Filled on the loop thread (this test's main thread). */
struct seen {
    int  n;
    int  events[16];
    int  details[16];
    char names[16][32];
};

static void
on_lifecycle(struct vireo_conn *conn, struct vireo_domain *dom, int event,
             int detail, void *opaque)
{
    struct seen *s = opaque;

    if (s->n < 16) {
        s->events[s->n] = event;
        s->details[s->n] = detail;
        snprintf(s->names[s->n], sizeof(s->names[0]), "%s",
                 vireo_domain_get_name(dom));
    }
    s->n++;
}

/* Run the loop until s has n events or WAIT_MS have passed. */
static void
wait_for(const struct seen *s, int n)
{
    long long deadline = now_ms() + WAIT_MS;
    int timer = vireo_event_add_timeout(100, loop_wait_tick, NULL, NULL);

    while (s->n < n && now_ms() < deadline)
        poll_impl_run_once();
    vireo_event_remove_timeout(timer);
}

/* The actions, on another connection and thread, as another client of
 * the daemon would make them. */
static void *
change_states(void *arg)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = vireo_conn_open(uri, 0, &err);
    struct vireo_domain *dom = vireo_domain_define_xml(conn, domain_xml, 0,
                                                       &err);
    int rc = dom != NULL ? 0 : -1;

    rc |= vireo_domain_create(dom, 0, &err);
    rc |= vireo_domain_suspend(dom, &err);
    rc |= vireo_domain_resume(dom, &err);
    rc |= vireo_domain_destroy(dom, 0, &err);
    rc |= vireo_domain_undefine(dom, 0, &err);
    if (rc != 0)
        tap_diag("changing states failed: %s", err.message);
    vireo_domain_free(dom);
    vireo_conn_close(conn);
    return NULL;
}

static const int want_events[][2] = {
    { VIR_DOMAIN_EVENT_DEFINED,   VIR_DOMAIN_EVENT_DEFINED_ADDED },
    { VIR_DOMAIN_EVENT_STARTED,   VIR_DOMAIN_EVENT_STARTED_BOOTED },
    { VIR_DOMAIN_EVENT_SUSPENDED, VIR_DOMAIN_EVENT_SUSPENDED_PAUSED },
    { VIR_DOMAIN_EVENT_RESUMED,   VIR_DOMAIN_EVENT_RESUMED_UNPAUSED },
    { VIR_DOMAIN_EVENT_STOPPED,   VIR_DOMAIN_EVENT_STOPPED_DESTROYED },
    { VIR_DOMAIN_EVENT_UNDEFINED, VIR_DOMAIN_EVENT_UNDEFINED_REMOVED },
};
#define N_WANT ((int)(sizeof(want_events) / sizeof(want_events[0])))

static void
check_sequence(const struct seen *s, const char *who)
{
    bool in_order = s->n == N_WANT;

    for (int i = 0; in_order && i < N_WANT; i++)
        in_order = s->events[i] == want_events[i][0] &&
                   s->details[i] == want_events[i][1] &&
                   strcmp(s->names[i], DOMAIN_NAME) == 0;
    tap_ok(in_order, "%s: defined, started, suspended, resumed, stopped, "
           "undefined, in order (%d events)", who, s->n);
    for (int i = 0; !in_order && i < s->n && i < 16; i++)
        tap_diag("  event %d: %s %d/%d", i, s->names[i], s->events[i],
                 s->details[i]);
}

/* Threads that register and deregister on the same connection, over and
 * over, while its events arrive: the local registrations are shared by
 * them and by whichever thread reads the socket. */
#define N_CHURNERS      2
#define N_CHURN_ROUNDS  300

struct churn {
    struct vireo_conn              *conn;
    vireo_domain_event_lifecycle_cb fn;   /* one per thread: never tracked
                                             twice */
    int                             n_failed;
};

static void
on_churn_a(struct vireo_conn *conn, struct vireo_domain *dom, int event,
           int detail, void *opaque)
{
}

static void
on_churn_b(struct vireo_conn *conn, struct vireo_domain *dom, int event,
           int detail, void *opaque)
{
}

static void *
churn(void *arg)
{
    struct churn *c = arg;
    struct vireo_error err = { 0 };

    for (int i = 0; i < N_CHURN_ROUNDS; i++) {
        int id = vireo_conn_domain_event_register_any(
            c->conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
            VIREO_DOMAIN_EVENT_CALLBACK(c->fn), NULL, NULL, &err);

        if (id < 0 ||
            vireo_conn_domain_event_deregister_any(c->conn, id, &err) < 0)
            c->n_failed++;
    }
    return NULL;
}

static int
register_lifecycle(struct vireo_conn *conn, struct vireo_domain *filter,
                   struct seen *s)
{
    struct vireo_error err = { 0 };
    int id = vireo_conn_domain_event_register_any(
        conn, filter, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        VIREO_DOMAIN_EVENT_CALLBACK(on_lifecycle), s, NULL, &err);

    if (id < 0)
        tap_diag("registration failed: %s", err.message);
    return id;
}

static void
test_events(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn;
    struct vireo_domain *test_dom;
    struct seen all = { 0 }, only_test = { 0 };
    pthread_t changer;
    int id_all, id_test;

    tap_is_int(poll_impl_register(), 0, "the application registers its "
               "own poll(2) loop");
    conn = vireo_conn_open(uri, 0, &err);
    test_dom = vireo_domain_lookup_by_name(conn, "test", &err);
    id_all = register_lifecycle(conn, NULL, &all);
    id_test = register_lifecycle(conn, test_dom, &only_test);
    tap_ok(id_all >= 0 && id_test >= 0 && id_all != id_test,
           "two lifecycle registrations, distinct ids");

    struct churn churners[N_CHURNERS] = {
        { .conn = conn, .fn = on_churn_a }, { .conn = conn, .fn = on_churn_b },
    };
    pthread_t churn_threads[N_CHURNERS];

    for (int i = 0; i < N_CHURNERS; i++)
        pthread_create(&churn_threads[i], NULL, churn, &churners[i]);
    pthread_create(&changer, NULL, change_states, NULL);
    wait_for(&all, N_WANT);
    pthread_join(changer, NULL);
    for (int i = 0; i < N_CHURNERS; i++)
        pthread_join(churn_threads[i], NULL);
    check_sequence(&all, "every-domain callback");
    tap_is_int(churners[0].n_failed + churners[1].n_failed, 0,
               "%d threads registering and deregistering meanwhile on the "
               "same connection all succeed", N_CHURNERS);
    tap_is_int(only_test.n, 0, "the callback filtered on 'test' saw none "
               "of them");

    tap_is_int(vireo_conn_domain_event_deregister_any(conn, id_all, &err), 0,
               "the every-domain callback deregisters");
    vireo_domain_suspend(test_dom, &err);
    vireo_domain_resume(test_dom, &err);
    wait_for(&only_test, 2);
    tap_ok(only_test.n == 2 &&
           only_test.events[0] == VIR_DOMAIN_EVENT_SUSPENDED &&
           only_test.events[1] == VIR_DOMAIN_EVENT_RESUMED,
           "the 'test' callback sees its domain suspended and resumed");
    tap_is_int(all.n, N_WANT, "the deregistered callback saw nothing more");
    tap_is_int(vireo_conn_domain_event_deregister_any(conn, id_all, &err),
               -1, "deregistering the same id again fails");
    vireo_conn_domain_event_deregister_any(conn, id_test, &err);
    vireo_domain_free(test_dom);
    tap_is_int(vireo_conn_close(conn), 0, "the connection closes");
    loop_wait_settle();
}

int
main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s URI\n", argv[0]);
        return 2;
    }
    uri = argv[1];
    tap_plan(22);
    test_without_loop();
    test_threads();
    test_events();
    return tap_done();
}
