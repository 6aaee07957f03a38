/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-event-impl.c: an application's own event loop, registered through
 * vireo_event_register_impl(), receives every call unchanged; and once it
 * is registered, event registration is accepted.
 *
 * The "loop" here only records what it is asked; nothing is dispatched.
 */
#include "api-test.h"

/* What the recording loop was last asked. */
static struct {
    int                    fd, events, watch, timeout_ms, timer;
    vireo_event_handle_cb  handle_cb;
    vireo_event_timeout_cb timeout_cb;
    void                  *opaque;
    int                    n_calls;
} last;

static int
rec_add_handle(int fd, int events, vireo_event_handle_cb cb, void *opaque,
               vireo_free_cb free_cb)
{
    last.fd = fd;
    last.events = events;
    last.handle_cb = cb;
    last.opaque = opaque;
    last.n_calls++;
    return 41;
}

static void
rec_update_handle(int watch, int events)
{
    last.watch = watch;
    last.events = events;
    last.n_calls++;
}

static int
rec_remove_handle(int watch)
{
    last.watch = -watch;
    last.n_calls++;
    return 0;
}

static int
rec_add_timeout(int timeout_ms, vireo_event_timeout_cb cb, void *opaque,
                vireo_free_cb free_cb)
{
    last.timeout_ms = timeout_ms;
    last.timeout_cb = cb;
    last.opaque = opaque;
    last.n_calls++;
    return 42;
}

static void
rec_update_timeout(int timer, int timeout_ms)
{
    last.timer = timer;
    last.timeout_ms = timeout_ms;
    last.n_calls++;
}

static int
rec_remove_timeout(int timer)
{
    last.timer = -timer;
    last.n_calls++;
    return 0;
}

static void
handle_cb(int watch, int fd, int events, void *opaque)
{
}

static void
timeout_cb(int timer, void *opaque)
{
}

static void
lifecycle_cb(struct vireo_conn *conn, struct vireo_domain *dom, int event,
             int detail, void *opaque)
{
}

static const struct vireo_event_impl recorder = {
    rec_add_handle, rec_update_handle, rec_remove_handle,
    rec_add_timeout, rec_update_timeout, rec_remove_timeout,
};

static void
test_forwarding(void)
{
    int token;

    tap_is_int(vireo_event_add_handle(7, VIREO_EVENT_HANDLE_READABLE,
                                      handle_cb, &token, NULL), 41,
               "add_handle returns the application's watch id");
    tap_ok(last.fd == 7 && last.events == VIREO_EVENT_HANDLE_READABLE &&
           last.handle_cb == handle_cb && last.opaque == &token,
           "and passes fd, events, callback and opaque unchanged");
    vireo_event_update_handle(41, VIREO_EVENT_HANDLE_WRITABLE);
    tap_ok(last.watch == 41 && last.events == VIREO_EVENT_HANDLE_WRITABLE,
           "update_handle is forwarded");
    vireo_event_remove_handle(41);
    tap_is_int(last.watch, -41, "remove_handle is forwarded");
    tap_is_int(vireo_event_add_timeout(250, timeout_cb, &token, NULL), 42,
               "add_timeout returns the application's timer id");
    tap_ok(last.timeout_ms == 250 && last.timeout_cb == timeout_cb,
           "and passes the period and callback unchanged");
    vireo_event_update_timeout(42, -1);
    tap_ok(last.timer == 42 && last.timeout_ms == -1,
           "update_timeout is forwarded");
    vireo_event_remove_timeout(42);
    tap_is_int(last.timer, -42, "remove_timeout is forwarded");
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn;
    int id;

    tap_plan(11);
    tap_is_int(vireo_event_add_handle(0, 1, handle_cb, NULL, NULL), -1,
               "without a loop, add_handle fails");
    vireo_event_register_impl(&recorder);
    test_forwarding();
    conn = vireo_conn_open("test:///default", 0, &err);
    id = vireo_conn_domain_event_register_any(
        conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        VIREO_DOMAIN_EVENT_CALLBACK(lifecycle_cb), NULL, NULL, &err);
    tap_ok(id >= 0, "with the application's loop, registration succeeds");
    tap_is_int(vireo_conn_domain_event_deregister_any(conn, id, &err), 0,
               "and the callback deregisters");
    vireo_conn_close(conn);
    return tap_done();
}
