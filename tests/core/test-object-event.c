/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-object-event.c: network, storage pool and node device events reach
 * the right callbacks, with the right arguments, in order, through the
 * event loop and never inside the producer's call; filters by uuid and by
 * name; callbacks can deregister (and drop the whole state) from inside a
 * delivery; free_cb runs exactly once.
 *
 * Two kinds made for the test stand for the real ones: "pool" names its
 * objects by uuid and has a second id that carries nothing (REFRESH),
 * "device" names them by name (node devices have no uuid).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/handle.h"
#include "drivers/object_event.h"
#include "loop/uv_impl.h"
#include "tests/core/event_wait.h"
#include "tests/tap.h"

#define N_THREADED_EVENTS 2000

static const unsigned char uuid_a[VIREO_UUID_BUFLEN] = { 0xaa, 1 };
static const unsigned char uuid_b[VIREO_UUID_BUFLEN] = { 0xbb, 2 };

/* The handle a callback receives: a name on a connection. */
struct obj {
    struct vireo_conn *conn;   /* referenced */
    char               name[64];
};

static int n_live_handles;

static void *
obj_new(struct vireo_conn *conn, const char *name, const unsigned char *uuid)
{
    struct obj *o = calloc(1, sizeof(*o));

    (void)uuid;
    if (o == NULL)
        return NULL;
    o->conn = handle_conn_ref(conn);
    snprintf(o->name, sizeof(o->name), "%s", name);
    __atomic_fetch_add(&n_live_handles, 1, __ATOMIC_SEQ_CST);
    return o;
}

static void
obj_unref_elsewhere(void *handle)
{
    struct obj *o = handle;

    handle_conn_unref_elsewhere(o->conn);
    __atomic_fetch_sub(&n_live_handles, 1, __ATOMIC_SEQ_CST);
    free(o);
}

static const struct object_event_kind pool_kind = {
    .what = "pool", .n_event_ids = 2, .has_uuid = true,
    .handle_new = obj_new, .handle_unref_elsewhere = obj_unref_elsewhere,
};

static const struct object_event_kind device_kind = {
    .what = "device", .n_event_ids = 2, .has_uuid = false,
    .handle_new = obj_new, .handle_unref_elsewhere = obj_unref_elsewhere,
};

struct recorder {
    int  n_calls;
    int  n_frees;
    int  last_event;
    int  last_detail;
    char names[256];
    bool is_in_order;        /* threaded test: details arrive 0, 1, 2, ... */
    int  deregister_after;   /* > 0: deregister self after that many calls */
    int  callback_id;
    struct object_event_state *st;
    bool frees_state;        /* drop the whole state from inside a call */
};

static bool in_producer_call;
static bool delivered_inside_producer;

static void
note(struct recorder *r, struct obj *o)
{
    size_t used = strlen(r->names);

    if (in_producer_call)
        delivered_inside_producer = true;
    r->n_calls++;
    if (used + strlen(o->name) + 2 <= sizeof(r->names))
        snprintf(r->names + used, sizeof(r->names) - used, "%s ", o->name);
}

static void
on_lifecycle(struct vireo_conn *conn, struct obj *o, int event, int detail,
             void *opaque)
{
    struct recorder *r = opaque;

    if (detail != r->n_calls && r->is_in_order)
        r->is_in_order = false;
    note(r, o);
    r->last_event = event;
    r->last_detail = detail;
    if (r->deregister_after > 0 && r->n_calls == r->deregister_after)
        object_event_deregister(r->st, conn, r->callback_id, NULL);
    if (r->frees_state) {
        object_event_state_free(r->st);
        r->frees_state = false;
    }
}

/* The same under another function: one function may be registered only
 * once per id and filter on one connection. */
static void
on_lifecycle_too(struct vireo_conn *conn, struct obj *o, int event,
                 int detail, void *opaque)
{
    on_lifecycle(conn, o, event, detail, opaque);
}

static void
on_plain(struct vireo_conn *conn, struct obj *o, void *opaque)
{
    (void)conn;
    note(opaque, o);
}

static void
count_free(void *opaque)
{
    ((struct recorder *)opaque)->n_frees++;
}

static int
reg_full(struct object_event_state *st, struct vireo_conn *conn,
         const char *name, const unsigned char *uuid, int event_id,
         object_event_cb cb, struct recorder *r, struct vireo_error *err)
{
    r->st = st;
    r->callback_id = object_event_register(st, conn, name, uuid, event_id,
                                           cb, r, count_free, err);
    return r->callback_id;
}

static int
reg(struct object_event_state *st, struct vireo_conn *conn,
    const unsigned char *uuid, struct recorder *r)
{
    return reg_full(st, conn, NULL, uuid, 0, OBJECT_EVENT_CB(on_lifecycle),
                    r, NULL);
}

static void
check_registration_needs_a_loop(struct vireo_conn *conn)
{
    struct object_event_state *st = object_event_state_new(&pool_kind);
    struct recorder r = { 0 };
    struct vireo_error err = { 0 };

    tap_is_int(reg_full(st, conn, NULL, NULL, 0, OBJECT_EVENT_CB(on_lifecycle),
                        &r, &err), -1,
               "registering without an event loop fails");
    tap_is_int(err.code, VIR_ERR_OPERATION_INVALID,
               "with libvirt's 'operation invalid'");
    tap_is_int(r.n_frees, 0, "and the caller keeps its opaque");
    object_event_state_free(st);
}

static void
check_bad_registrations(struct vireo_conn *conn)
{
    struct object_event_state *st = object_event_state_new(&pool_kind);
    struct recorder r = { 0 }, again = { 0 };
    struct vireo_error err = { 0 };

    tap_is_int(reg_full(st, conn, NULL, NULL, 2, OBJECT_EVENT_CB(on_plain), &r,
                        &err), -1, "an id past the kind's last is refused");
    tap_is_int(err.code, VIR_ERR_INVALID_ARG, "as an invalid argument");
    reg(st, conn, NULL, &r);
    tap_ok(reg_full(st, conn, NULL, NULL, 0, OBJECT_EVENT_CB(on_lifecycle),
                    &again, &err) < 0 &&
           strcmp(err.message,
                  "invalid argument: event callback already tracked") == 0,
           "the same function, id and filter twice: refused as libvirt "
           "does (%s)", err.message);
    tap_is_int(again.n_frees, 0, "a refused registration keeps its opaque");
    tap_ok(reg(st, conn, uuid_a, &again) >= 0,
           "the same function with a filter is another registration");
    object_event_state_free(st);
    event_wait_settle();
    tap_is_int(r.n_frees + again.n_frees, 2,
               "dropping the state frees each registered opaque once");
}

static void
check_delivery_order_and_arguments(struct vireo_conn *conn)
{
    struct object_event_state *st = object_event_state_new(&pool_kind);
    struct recorder r = { 0 };

    tap_ok(reg(st, conn, NULL, &r) >= 0, "a lifecycle callback registers");
    in_producer_call = true;
    object_event_queue_lifecycle(st, "a", uuid_a, 2, 0);
    object_event_queue_lifecycle(st, "b", uuid_b, 0, 0);
    object_event_queue_lifecycle(st, "a", uuid_a, 3, 1);
    in_producer_call = false;
    tap_is_int(r.n_calls, 0, "nothing is delivered inside the producer's call");
    event_wait_until(&r.n_calls, 3);
    tap_ok(!delivered_inside_producer,
           "no delivery ran on the producer's stack");
    tap_is_str(r.names, "a b a ", "events arrive in the order queued");
    tap_is_int(r.last_event, 3, "with their event");
    tap_is_int(r.last_detail, 1, "and their detail");
    object_event_state_free(st);
    event_wait_settle();
    tap_is_int(r.n_frees, 1, "dropping the state frees the opaque once");
    tap_is_int(n_live_handles, 0, "and every delivery's handle is dropped");
}

static void
check_filters_and_ids(struct vireo_conn *conn)
{
    struct object_event_state *pools = object_event_state_new(&pool_kind);
    struct object_event_state *devs = object_event_state_new(&device_kind);
    struct recorder all = { 0 }, only_b = { 0 }, refresh = { 0 };
    struct recorder dev_c = { 0 };

    reg(pools, conn, NULL, &all);
    reg(pools, conn, uuid_b, &only_b);
    reg_full(pools, conn, NULL, NULL, 1, OBJECT_EVENT_CB(on_plain), &refresh,
             NULL);
    reg_full(devs, conn, "c", NULL, 0, OBJECT_EVENT_CB(on_lifecycle), &dev_c,
             NULL);
    object_event_queue_lifecycle(pools, "a", uuid_a, 2, 0);
    object_event_queue_lifecycle(pools, "b", uuid_b, 3, 0);
    object_event_queue_plain(pools, 1, "a", uuid_a);
    object_event_queue_lifecycle(devs, "d", NULL, 0, 0);
    object_event_queue_lifecycle(devs, "c", NULL, 1, 0);
    event_wait_until(&all.n_calls, 2);
    event_wait_until(&dev_c.n_calls, 1);
    tap_is_int(all.n_calls, 2, "a callback for every object sees both");
    tap_is_str(only_b.names, "b ", "a uuid filter passes only its object");
    tap_is_str(refresh.names, "a ",
               "an id without payload reaches its own callbacks only");
    tap_is_str(dev_c.names, "c ", "a name filter passes only its object");
    object_event_state_free(pools);
    object_event_state_free(devs);
    event_wait_settle();
}

static void
check_deregistration_inside_delivery(struct vireo_conn *conn)
{
    struct object_event_state *st = object_event_state_new(&pool_kind);
    struct recorder self = { .deregister_after = 1 }, other = { 0 };
    struct vireo_error err = { 0 };

    reg(st, conn, NULL, &self);
    reg_full(st, conn, NULL, NULL, 0, OBJECT_EVENT_CB(on_lifecycle_too),
             &other, NULL);
    for (int i = 0; i < 3; i++)
        object_event_queue_lifecycle(st, "a", uuid_a, 2, i);
    event_wait_until(&other.n_calls, 3);
    tap_is_int(self.n_calls, 1,
               "a callback that deregisters itself gets no further events");
    tap_is_int(self.n_frees, 1, "and its opaque is freed once");
    tap_is_int(other.n_calls, 3, "the other callbacks keep receiving");
    tap_is_int(object_event_deregister(st, conn, self.callback_id, &err), -1,
               "deregistering the same id twice fails");
    tap_is_str(err.message, "invalid argument: could not find event "
               "callback 0 for deletion", "with libvirt's words");
    object_event_deregister_conn(st, conn);
    tap_is_int(other.n_frees, 1, "closing a connection drops its callbacks");
    object_event_queue_lifecycle(st, "a", uuid_a, 2, 0);
    event_wait_settle();
    tap_is_int(other.n_calls, 3, "and nothing reaches them afterwards");
    object_event_state_free(st);
    event_wait_settle();
}

static void
check_state_freed_inside_delivery(struct vireo_conn *conn)
{
    struct object_event_state *st = object_event_state_new(&pool_kind);
    struct recorder r = { .frees_state = true };

    reg(st, conn, NULL, &r);
    object_event_queue_lifecycle(st, "a", uuid_a, 2, 0);
    object_event_queue_lifecycle(st, "a", uuid_a, 3, 0);
    event_wait_until(&r.n_calls, 1);
    event_wait_settle();
    tap_is_int(r.n_calls, 1,
               "a callback may drop the whole state; the rest is discarded");
    tap_is_int(r.n_frees, 1, "and its opaque is still freed exactly once");
}

static void *
produce(void *opaque)
{
    struct object_event_state *st = opaque;

    for (int i = 0; i < N_THREADED_EVENTS; i++)
        object_event_queue_lifecycle(st, "t", uuid_a, 2, i);
    return NULL;
}

static void
check_events_from_another_thread(struct vireo_conn *conn)
{
    struct object_event_state *st = object_event_state_new(&pool_kind);
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
    object_event_state_free(st);
    event_wait_settle();
}

int
main(void)
{
    struct vireo_conn *conn = handle_conn_new("test:///default", false);

    tap_plan(33);
    check_registration_needs_a_loop(conn);
    if (!tap_ok(uv_impl_register() == 0, "the libuv loop registers")) {
        handle_conn_unref(conn);
        return tap_done();
    }
    check_bad_registrations(conn);
    check_delivery_order_and_arguments(conn);
    check_filters_and_ids(conn);
    check_deregistration_inside_delivery(conn);
    check_state_freed_inside_delivery(conn);
    check_events_from_another_thread(conn);
    handle_conn_unref(conn);
    return tap_done();
}
