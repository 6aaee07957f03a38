/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-domain-event.c: lifecycle events reach the right callbacks, in order,
 * through the event loop and never inside the producer's call; callbacks can
 * deregister (and even drop the whole state) from inside a delivery.
 */
#include <pthread.h>

#include "drivers/domain_event.h"
#include "drivers/handle.h"
#include "loop/uv_impl.h"
#include "tests/core/event_wait.h"
#include "tests/tap.h"

#define N_THREADED_EVENTS 2000
/* Connections of the fan-out check, each with one registration. */
#define N_SUBSCRIBERS 300

static const unsigned char uuid_a[VIREO_UUID_BUFLEN] = { 0xaa, 1 };
static const unsigned char uuid_b[VIREO_UUID_BUFLEN] = { 0xbb, 2 };

struct recorder {
    int  n_calls;
    int  n_frees;
    int  last_event;
    int  last_detail;
    int  last_id;
    char names[256];
    bool is_in_order;        /* threaded test: details arrive 0, 1, 2, ... */
    int  deregister_after;   /* > 0: deregister self after that many calls */
    int  callback_id;
    struct domain_event_state *st;
    bool frees_state;        /* drop the whole state from inside a call */
};

static bool in_producer_call;
static bool delivered_inside_producer;

static void
on_lifecycle(struct vireo_conn *conn, struct vireo_domain *dom, int event,
             int detail, void *opaque)
{
    struct recorder *r = opaque;

    if (in_producer_call)
        delivered_inside_producer = true;
    if (detail != r->n_calls && r->is_in_order)
        r->is_in_order = false;
    r->n_calls++;
    r->last_event = event;
    r->last_detail = detail;
    r->last_id = dom->id;
    size_t used = strlen(r->names);
    if (used + strlen(dom->name) + 2 <= sizeof(r->names))   /* keep the first few */
        snprintf(r->names + used, sizeof(r->names) - used, "%s ", dom->name);
    if (r->deregister_after > 0 && r->n_calls == r->deregister_after)
        domain_event_deregister(r->st, conn, r->callback_id, NULL);
    if (r->frees_state) {
        domain_event_state_free(r->st);
        r->frees_state = false;
    }
}

static void
on_reboot(struct vireo_conn *conn, struct vireo_domain *dom, void *opaque)
{
    struct recorder *r = opaque;
    (void)conn;
    (void)dom;
    r->n_calls++;
}

static void
count_free(void *opaque)
{
    ((struct recorder *)opaque)->n_frees++;
}

/* The same recorder under another function: libvirt (and vireo) refuse
 * one function twice for the same id and filter on one connection. */
static void
on_lifecycle_too(struct vireo_conn *conn, struct vireo_domain *dom,
                 int event, int detail, void *opaque)
{
    on_lifecycle(conn, dom, event, detail, opaque);
}

static int
reg_with(struct domain_event_state *st, struct vireo_conn *conn,
         struct vireo_domain *dom, struct recorder *r,
         vireo_domain_event_generic_cb cb, struct vireo_error *err)
{
    r->st = st;
    r->callback_id = domain_event_register(
        st, conn, dom, VIR_DOMAIN_EVENT_ID_LIFECYCLE, cb, r, count_free, err);
    return r->callback_id;
}

static int
reg(struct domain_event_state *st, struct vireo_conn *conn,
    struct vireo_domain *dom, struct recorder *r)
{
    return reg_with(st, conn, dom, r,
                    VIREO_DOMAIN_EVENT_CALLBACK(on_lifecycle), NULL);
}

static void
check_duplicates(struct vireo_conn *conn, struct vireo_domain *dom)
{
    struct domain_event_state *st = domain_event_state_new();
    struct recorder first = { 0 }, again = { 0 }, filtered = { 0 };
    struct vireo_error err = { 0 };

    reg(st, conn, NULL, &first);
    tap_ok(reg_with(st, conn, NULL, &again,
                    VIREO_DOMAIN_EVENT_CALLBACK(on_lifecycle), &err) < 0 &&
           err.code == VIR_ERR_INVALID_ARG &&
           strcmp(err.message, "invalid argument: event callback already "
                  "tracked") == 0,
           "the same function, id and filter twice: refused as libvirt "
           "does (%s)", err.message);
    tap_ok(reg(st, conn, dom, &filtered) >= 0,
           "the same function with a domain filter is another registration");
    domain_event_deregister(st, conn, first.callback_id, NULL);
    tap_ok(reg(st, conn, NULL, &again) >= 0,
           "once deregistered, it may register again");
    domain_event_state_free(st);
    event_wait_settle();
}

static void
check_registration_needs_a_loop(struct vireo_conn *conn)
{
    struct domain_event_state *st = domain_event_state_new();
    struct recorder r = { 0 };
    struct vireo_error err = { 0 };

    int id = domain_event_register(st, conn, NULL, 0,
                                   VIREO_DOMAIN_EVENT_CALLBACK(on_lifecycle),
                                   &r, count_free, &err);
    tap_is_int(id, -1, "registering without an event loop fails");
    tap_is_int(err.code, VIR_ERR_OPERATION_INVALID,
               "with libvirt's 'operation invalid'");
    tap_is_int(r.n_frees, 0, "and the caller keeps its opaque");
    domain_event_state_free(st);
}

static void
check_delivery_order_and_timing(struct vireo_conn *conn)
{
    struct domain_event_state *st = domain_event_state_new();
    struct recorder r = { 0 };

    tap_ok(reg(st, conn, NULL, &r) >= 0, "a lifecycle callback registers");
    in_producer_call = true;
    domain_event_queue_lifecycle(st, "a", uuid_a, 1, VIR_DOMAIN_EVENT_STARTED, 0);
    domain_event_queue_lifecycle(st, "b", uuid_b, -1, VIR_DOMAIN_EVENT_DEFINED, 0);
    domain_event_queue_lifecycle(st, "a", uuid_a, -1, VIR_DOMAIN_EVENT_STOPPED, 1);
    in_producer_call = false;
    tap_is_int(r.n_calls, 0, "nothing is delivered inside the producer's call");
    event_wait_until(&r.n_calls, 3);
    tap_ok(!delivered_inside_producer, "no delivery ran on the producer's stack");
    tap_is_str(r.names, "a b a ", "events arrive in the order they were queued");
    tap_is_int(r.last_event, VIR_DOMAIN_EVENT_STOPPED, "with their event type");
    tap_is_int(r.last_detail, 1, "and their detail");
    tap_is_int(r.last_id, -1, "and the domain id at emission time");
    domain_event_state_free(st);
    event_wait_settle();
    tap_is_int(r.n_frees, 1, "dropping the state frees the opaque exactly once");
}

static void
check_filters(struct vireo_conn *conn)
{
    struct domain_event_state *st = domain_event_state_new();
    struct vireo_domain *dom_b = handle_domain_new(conn, "b", uuid_b, -1);
    struct recorder all = { 0 }, only_b = { 0 }, reboots = { 0 };

    reg(st, conn, NULL, &all);
    reg(st, conn, dom_b, &only_b);
    domain_event_register(st, conn, NULL, VIR_DOMAIN_EVENT_ID_REBOOT,
                          VIREO_DOMAIN_EVENT_CALLBACK(on_reboot), &reboots,
                          count_free, NULL);
    domain_event_queue_lifecycle(st, "a", uuid_a, 1, VIR_DOMAIN_EVENT_SUSPENDED, 0);
    domain_event_queue_lifecycle(st, "b", uuid_b, 2, VIR_DOMAIN_EVENT_RESUMED, 0);
    domain_event_queue_reboot(st, "a", uuid_a, 1);
    event_wait_until(&all.n_calls, 2);
    event_wait_until(&reboots.n_calls, 1);
    tap_is_int(all.n_calls, 2, "a callback for every domain sees both domains");
    tap_is_str(only_b.names, "b ", "a callback for one domain sees only it");
    tap_is_int(reboots.n_calls, 1, "reboot events go to reboot callbacks only");
    handle_domain_unref(dom_b);
    domain_event_state_free(st);
    event_wait_settle();
    tap_is_int(all.n_frees + only_b.n_frees + reboots.n_frees, 3,
               "every registration's opaque is freed with the state");
}

static void
check_deregistration_inside_delivery(struct vireo_conn *conn)
{
    struct domain_event_state *st = domain_event_state_new();
    struct recorder self = { .deregister_after = 1 }, other = { 0 };
    struct vireo_error err = { 0 };

    reg(st, conn, NULL, &self);
    reg_with(st, conn, NULL, &other,
             VIREO_DOMAIN_EVENT_CALLBACK(on_lifecycle_too), NULL);
    for (int i = 0; i < 3; i++)
        domain_event_queue_lifecycle(st, "a", uuid_a, 1, VIR_DOMAIN_EVENT_STARTED, i);
    event_wait_until(&other.n_calls, 3);
    tap_is_int(self.n_calls, 1,
               "a callback that deregisters itself gets no further events");
    tap_is_int(self.n_frees, 1, "and its opaque is freed once");
    tap_is_int(other.n_calls, 3, "the other callbacks keep receiving");
    tap_is_int(domain_event_deregister(st, conn, self.callback_id, &err), -1,
               "deregistering the same id twice fails");
    tap_is_int(err.code, VIR_ERR_INVALID_ARG, "with 'invalid argument'");
    domain_event_deregister_conn(st, conn);
    tap_is_int(other.n_frees, 1, "closing a connection drops its callbacks");
    domain_event_queue_lifecycle(st, "a", uuid_a, 1, VIR_DOMAIN_EVENT_STARTED, 0);
    event_wait_settle();
    tap_is_int(other.n_calls, 3, "and nothing reaches them afterwards");
    domain_event_state_free(st);
    event_wait_settle();
}

static void
check_state_freed_inside_delivery(struct vireo_conn *conn)
{
    struct domain_event_state *st = domain_event_state_new();
    struct recorder r = { .frees_state = true };

    reg(st, conn, NULL, &r);
    domain_event_queue_lifecycle(st, "a", uuid_a, 1, VIR_DOMAIN_EVENT_STARTED, 0);
    domain_event_queue_lifecycle(st, "a", uuid_a, 1, VIR_DOMAIN_EVENT_STOPPED, 0);
    event_wait_until(&r.n_calls, 1);
    event_wait_settle();
    tap_is_int(r.n_calls, 1,
               "a callback may drop the whole state; the rest is discarded");
    tap_is_int(r.n_frees, 1, "and its opaque is still freed exactly once");
}

static void *
produce(void *opaque)
{
    struct domain_event_state *st = opaque;

    for (int i = 0; i < N_THREADED_EVENTS; i++)
        domain_event_queue_lifecycle(st, "t", uuid_a, 7,
                                     VIR_DOMAIN_EVENT_RESUMED, i);
    return NULL;
}

static void
check_events_from_another_thread(struct vireo_conn *conn)
{
    struct domain_event_state *st = domain_event_state_new();
    struct recorder r = { .is_in_order = true };
    pthread_t producer;

    reg(st, conn, NULL, &r);
    pthread_create(&producer, NULL, produce, st);
    for (int i = 0; i < 100 && r.n_calls < N_THREADED_EVENTS; i++)
        event_wait_until(&r.n_calls, N_THREADED_EVENTS);
    pthread_join(producer, NULL);
    tap_is_int(r.n_calls, N_THREADED_EVENTS,
               "every event queued from another thread is delivered");
    tap_ok(r.is_in_order, "in the order that thread queued them");
    domain_event_state_free(st);
    event_wait_settle();
}

/* What domain_event_serial() said in each call, for two callbacks. */
struct serials {
    int           n_calls;
    unsigned long seen[4];
};

static void
note_serial(struct vireo_conn *conn, struct vireo_domain *dom, int event,
            int detail, void *opaque)
{
    struct serials *s = opaque;

    if (s->n_calls < 4)
        s->seen[s->n_calls] = domain_event_serial();
    s->n_calls++;
}

static void
note_serial_too(struct vireo_conn *conn, struct vireo_domain *dom,
                int event, int detail, void *opaque)
{
    note_serial(conn, dom, event, detail, opaque);
}

static void
check_event_serials(struct vireo_conn *conn)
{
    struct domain_event_state *st = domain_event_state_new();
    struct serials one = { 0 }, two = { 0 };

    domain_event_register(st, conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                          VIREO_DOMAIN_EVENT_CALLBACK(note_serial), &one,
                          NULL, NULL);
    domain_event_register(st, conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                          VIREO_DOMAIN_EVENT_CALLBACK(note_serial_too), &two,
                          NULL, NULL);
    domain_event_queue_lifecycle(st, "a", uuid_a, 1,
                                 VIR_DOMAIN_EVENT_SUSPENDED, 0);
    domain_event_queue_lifecycle(st, "a", uuid_a, 1,
                                 VIR_DOMAIN_EVENT_RESUMED, 0);
    event_wait_until(&two.n_calls, 2);
    tap_ok(one.seen[0] != 0 && one.seen[0] == two.seen[0] &&
           one.seen[1] == two.seen[1],
           "every callback an event reaches sees the same serial");
    tap_ok(one.seen[0] != one.seen[1] && one.seen[1] != 0,
           "two events have different serials");
    tap_is_int((int)domain_event_serial(), 0,
               "outside a delivery the serial is 0");
    domain_event_state_free(st);
    event_wait_settle();
}

/* ---- Fan-out to many connections, some gone ---------------------------- */

/* The order in which the fan-out's registrations were called. */
static int fan_calls[N_SUBSCRIBERS * 2];
static int n_fan_calls;

struct subscriber {
    int index;       /* registration order */
    int n_calls;
    int n_frees;
};

static void
on_fan_out(struct vireo_conn *conn, struct vireo_domain *dom, int event,
           int detail, void *opaque)
{
    struct subscriber *s = opaque;

    s->n_calls++;
    if (n_fan_calls < N_SUBSCRIBERS * 2)
        fan_calls[n_fan_calls++] = s->index;
}

static void
count_subscriber_free(void *opaque)
{
    ((struct subscriber *)opaque)->n_frees++;
}

static int
subscribe(struct domain_event_state *st, struct vireo_conn *conn,
          int event_id, struct subscriber *s)
{
    return domain_event_register(st, conn, NULL, event_id,
                                 VIREO_DOMAIN_EVENT_CALLBACK(on_fan_out), s,
                                 count_subscriber_free, NULL);
}

/* Which of the fan-out's subscribers leave before the event: every third
 * closes its connection, every fifth deregisters. */
static bool
leaves(int i)
{
    return i % 3 == 0 || i % 5 == 0;
}

/* One event to hundreds of connections, after some of them left and
 * others joined (and with registrations for another id in between): it
 * reaches every registration still there once, in registration order,
 * and none that left. */
static void
check_fan_out(void)
{
    struct domain_event_state *st = domain_event_state_new();
    static struct subscriber subs[N_SUBSCRIBERS + 1];
    struct vireo_conn *conns[N_SUBSCRIBERS + 1];
    struct subscriber reboot = { .index = -1 };
    int ids[N_SUBSCRIBERS], n_expected = 0, n_freed = 0, n_called = 0;
    bool is_in_order = true, is_exact = true;

    for (int i = 0; i < N_SUBSCRIBERS; i++) {
        conns[i] = handle_conn_new("test:///default", false);
        subs[i].index = i;
        ids[i] = subscribe(st, conns[i], VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                           &subs[i]);
        if (i == N_SUBSCRIBERS / 2)
            subscribe(st, conns[i], VIR_DOMAIN_EVENT_ID_REBOOT, &reboot);
    }
    for (int i = 0; i < N_SUBSCRIBERS; i++) {
        if (i % 3 == 0)
            domain_event_deregister_conn(st, conns[i]);
        else if (i % 5 == 0)
            domain_event_deregister(st, conns[i], ids[i], NULL);
    }
    /* One more connection joins, last in order. */
    conns[N_SUBSCRIBERS] = handle_conn_new("test:///default", false);
    subs[N_SUBSCRIBERS].index = N_SUBSCRIBERS;
    subscribe(st, conns[N_SUBSCRIBERS], VIR_DOMAIN_EVENT_ID_LIFECYCLE,
              &subs[N_SUBSCRIBERS]);
    domain_event_queue_lifecycle(st, "a", uuid_a, 1,
                                 VIR_DOMAIN_EVENT_SUSPENDED, 0);
    for (int i = 0; i <= N_SUBSCRIBERS; i++)
        n_expected += i == N_SUBSCRIBERS || !leaves(i);
    event_wait_until(&n_fan_calls, n_expected);
    event_wait_settle();
    for (int i = 0; i < n_fan_calls; i++)
        is_in_order = is_in_order && (i == 0 || fan_calls[i] > fan_calls[i - 1]);
    for (int i = 0; i <= N_SUBSCRIBERS; i++) {
        bool stays = i == N_SUBSCRIBERS || !leaves(i);
        is_exact = is_exact && subs[i].n_calls == (stays ? 1 : 0);
        n_called += subs[i].n_calls;
    }
    tap_is_int(n_called, n_expected,
               "an event reaches every registration still there, of hundreds");
    tap_ok(is_exact, "each exactly once, and none that left");
    tap_ok(is_in_order, "in the order they registered");
    tap_is_int(reboot.n_calls, 0, "a registration for another id gets none");
    domain_event_state_free(st);
    event_wait_settle();
    for (int i = 0; i <= N_SUBSCRIBERS; i++)
        n_freed += subs[i].n_frees;
    tap_is_int(n_freed, N_SUBSCRIBERS + 1,
               "every registration's opaque is freed once, after the delivery");
    for (int i = 0; i <= N_SUBSCRIBERS; i++)
        handle_conn_unref(conns[i]);
}

int
main(void)
{
    struct vireo_conn *conn = handle_conn_new("test:///default", false);
    struct vireo_domain *dom;

    tap_plan(38);
    check_registration_needs_a_loop(conn);
    if (!tap_ok(uv_impl_register() == 0, "the libuv loop registers")) {
        handle_conn_unref(conn);
        return tap_done();
    }
    check_delivery_order_and_timing(conn);
    check_filters(conn);
    check_deregistration_inside_delivery(conn);
    check_state_freed_inside_delivery(conn);
    check_events_from_another_thread(conn);
    check_event_serials(conn);
    check_fan_out();
    dom = handle_domain_new(conn, "b", uuid_b, -1);
    check_duplicates(conn, dom);
    handle_domain_unref(dom);
    handle_conn_unref(conn);
    return tap_done();
}
