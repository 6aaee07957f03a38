/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-events.c: domain event registration through the public library:
 * refused without a loop, delivered through the default loop, filtered by
 * domain, checked the way libvirt checks it, and a connection whose last
 * reference an event delivery holds closed on its driver's thread.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "api-test.h"

/* Filled on the loop thread, which is this test's main thread. */
struct seen {
    int  n;
    int  events[8];
    int  details[8];
    char names[8][32];
    bool is_timed_out;
    int  n_freed;
};

static void
on_lifecycle(struct vireo_conn *conn, struct vireo_domain *dom, int event,
             int detail, void *opaque)
{
    struct seen *s = opaque;

    if (s->n < 8) {
        s->events[s->n] = event;
        s->details[s->n] = detail;
        snprintf(s->names[s->n], sizeof(s->names[0]), "%s",
                 vireo_domain_get_name(dom));
    }
    s->n++;
}

static void
on_timeout(int timer, void *opaque)
{
    ((struct seen *)opaque)->is_timed_out = true;
}

static void
count_free(void *opaque)
{
    ((struct seen *)opaque)->n_freed++;
}

/* Run the default loop until s has n events, or 5 s have gone by. */
static void
wait_for(struct seen *s, int n)
{
    struct vireo_error err = { 0 };
    int timer = vireo_event_add_timeout(5000, on_timeout, s, NULL);

    s->is_timed_out = false;
    while (s->n < n && !s->is_timed_out)
        if (vireo_event_run_default_impl(&err) < 0)
            break;
    vireo_event_remove_timeout(timer);
}

static void
test_without_loop(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct seen s = { 0 };

    tap_ok(vireo_conn_domain_event_register_any(
               conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
               VIREO_DOMAIN_EVENT_CALLBACK(on_lifecycle), &s, NULL, &err) < 0,
           "registering without an event loop fails");
    is_error(&err, VIR_ERR_OPERATION_INVALID,
             "Requested operation is not valid: an event loop must be "
             "registered before registering for events",
             "and says a loop must be registered first");
    tap_is_int(vireo_event_add_timeout(0, on_timeout, &s, NULL), -1,
               "adding a timeout without a loop fails");
    tap_ok(vireo_event_run_default_impl(&err) < 0,
           "running the default loop before registering it fails");
}

static void
test_bad_registrations(struct vireo_conn *conn, struct vireo_conn *other)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *foreign = vireo_domain_lookup_by_name(other, "test",
                                                               &err);
    vireo_domain_event_generic_cb cb =
        VIREO_DOMAIN_EVENT_CALLBACK(on_lifecycle);

    vireo_conn_domain_event_register_any(conn, NULL, VIR_DOMAIN_EVENT_ID_LAST,
                                         cb, NULL, NULL, &err);
    is_error(&err, VIR_ERR_INVALID_ARG,
             "eventID in virConnectDomainEventRegisterAny must be less "
             "than 27", "an event id past the last is refused");
    vireo_conn_domain_event_register_any(conn, NULL, 0, NULL, NULL, NULL,
                                         &err);
    is_error_code(&err, VIR_ERR_INVALID_ARG, "a NULL callback is refused");
    vireo_conn_domain_event_register_any(conn, foreign, 0, cb, NULL, NULL,
                                         &err);
    is_error(&err, VIR_ERR_INVALID_ARG,
             "domain 'test' in virConnectDomainEventRegisterAny must "
             "match connection",
             "a domain of another connection is refused");
    vireo_conn_domain_event_register_any(NULL, NULL, 0, cb, NULL, NULL, &err);
    is_error_code(&err, VIR_ERR_INVALID_CONN, "a NULL conn is refused");
    vireo_conn_domain_event_deregister_any(conn, -1, &err);
    is_error_code(&err, VIR_ERR_INVALID_ARG, "a negative callback id is "
                  "refused");
    vireo_domain_free(foreign);
}

static void
test_delivery(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct seen s = { 0 };
    char xml[512];
    int id = vireo_conn_domain_event_register_any(
        conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        VIREO_DOMAIN_EVENT_CALLBACK(on_lifecycle), &s, count_free, &err);
    struct vireo_domain *dom;

    tap_ok(id >= 0, "with the default loop, registration succeeds");
    dom = vireo_domain_define_xml(conn, domain_xml(xml, sizeof(xml), "ev1"),
                                  0, &err);
    vireo_domain_create(dom, 0, &err);
    tap_is_int(s.n, 0, "nothing is delivered inside the causing call");
    wait_for(&s, 2);
    tap_ok(s.n == 2 && s.events[0] == VIR_DOMAIN_EVENT_DEFINED &&
           s.details[0] == VIR_DOMAIN_EVENT_DEFINED_ADDED &&
           s.events[1] == VIR_DOMAIN_EVENT_STARTED &&
           s.details[1] == VIR_DOMAIN_EVENT_STARTED_BOOTED,
           "define then start arrive as Defined Added, Started Booted");
    tap_is_str(s.names[1], "ev1", "the callback's handle names the domain");
    tap_is_int(vireo_conn_domain_event_deregister_any(conn, id, &err), 0,
               "the callback deregisters");
    tap_is_int(s.n_freed, 1, "and its free_cb has run once");
    vireo_domain_destroy(dom, 0, &err);
    vireo_domain_undefine(dom, 0, &err);
    vireo_domain_free(dom);
    tap_ok(vireo_conn_domain_event_deregister_any(conn, id, &err) < 0,
           "deregistering twice fails");
}

static void
test_filter(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *test = vireo_domain_lookup_by_name(conn, "test",
                                                            &err);
    struct seen s = { 0 };
    char xml[512];
    int id = vireo_conn_domain_event_register_any(
        conn, test, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        VIREO_DOMAIN_EVENT_CALLBACK(on_lifecycle), &s, NULL, &err);
    struct vireo_domain *dom =
        vireo_domain_define_xml(conn, domain_xml(xml, sizeof(xml), "ev2"), 0,
                                &err);

    vireo_domain_suspend(test, &err);
    wait_for(&s, 1);
    tap_ok(s.n == 1 && strcmp(s.names[0], "test") == 0 &&
           s.events[0] == VIR_DOMAIN_EVENT_SUSPENDED,
           "a filtered callback sees its domain's event, not the others'");
    vireo_domain_resume(test, &err);
    vireo_conn_domain_event_deregister_any(conn, id, &err);
    vireo_domain_undefine(dom, 0, &err);
    vireo_domain_free(dom);
    vireo_domain_free(test);
}

/* Where a registration's free_cb ran: the thread that closed its
 * connection. */
struct closed_on {
    struct seen          seen;
    atomic_bool          is_freed;
    pthread_t            thread;
};

static void
record_free_thread(void *opaque)
{
    struct closed_on *c = opaque;

    c->thread = pthread_self();
    atomic_store(&c->is_freed, true);
}

/* The connection goes while an event about it is on its way to the loop:
 * the delivery then holds its last reference, and dropping that must run
 * the driver's close on the driver's thread, never on the loop's. */
static void
test_last_reference(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *late = vireo_conn_open("test:///default", 0, &err);
    struct vireo_domain *test = vireo_domain_lookup_by_name(late, "test",
                                                            &err);
    struct closed_on c = { .seen = { 0 } };

    vireo_conn_domain_event_register_any(
        late, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        VIREO_DOMAIN_EVENT_CALLBACK(on_lifecycle), &c.seen,
        record_free_thread, &err);
    vireo_domain_suspend(test, &err);
    vireo_domain_resume(test, &err);
    vireo_domain_free(test);
    vireo_conn_close(late);
    tap_ok(!atomic_load(&c.is_freed),
           "a connection closed with events on their way stays open");
    wait_for(&c.seen, 2);
    tap_is_int(c.seen.n, 2, "... and its callback still gets them");
    for (int i = 0; i < 500 && !atomic_load(&c.is_freed); i++)
        usleep(10 * 1000);
    if (!tap_ok(atomic_load(&c.is_freed) &&
                !pthread_equal(c.thread, pthread_self()),
                "the last delivery's release closes it on the driver's "
                "thread, not the loop's"))
        tap_diag("  %s", atomic_load(&c.is_freed) ? "closed on the loop"
                                                  : "never closed");
}

static void *
interrupt_soon(void *unused)
{
    usleep(100 * 1000);
    vireo_event_interrupt_default_impl();
    return NULL;
}

static void
test_interrupt(void)
{
    struct vireo_error err = { 0 };
    pthread_t t;

    pthread_create(&t, NULL, interrupt_soon, NULL);
    tap_is_int(vireo_event_run_default_impl(&err), 0,
               "another thread's interrupt wakes the loop");
    pthread_join(t, NULL);
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = vireo_conn_open("test:///default", 0, &err);
    struct vireo_conn *other = vireo_conn_open("test:///default", 0, &err);

    tap_plan(22);
    test_without_loop(conn);
    tap_is_int(vireo_event_register_default_impl(&err), 0,
               "the default loop registers");
    test_bad_registrations(conn, other);
    test_delivery(conn);
    test_filter(conn);
    test_last_reference();
    test_interrupt();
    vireo_conn_close(other);
    vireo_conn_close(conn);
    return tap_done();
}
