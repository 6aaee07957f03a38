/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-events.c: the test driver's lifecycle events, registered
 * through its slot, arrive through the libuv loop with libvirt's (event,
 * detail) pairs, in the order the operations ran, and never from inside
 * the driver call that caused them. Reboot brings a REBOOT event and no
 * lifecycle event.
 */
#include "loop/event.h"
#include "loop/uv_impl.h"
#include "tests/drivers/testdrv-helpers.h"

#define MAX_SEEN 32
#define EV2_UUID "e2e2e2e2-0000-4000-8000-000000000002"
#define MAX_ITERATIONS 300   /* x 10 ms watchdog: 3 s at worst */

struct seen {
    int  n;
    int  event[MAX_SEEN];
    int  detail[MAX_SEEN];
    int  id[MAX_SEEN];
    char name[MAX_SEEN][16];
    int  n_reboots;
    int  reboot_id;
    int  n_reentry_failures;
};

static bool in_driver_call;
static bool delivered_inside_call;

static void
on_lifecycle(struct vireo_conn *conn, struct vireo_domain *dom, int event,
             int detail, void *opaque)
{
    struct seen *s = opaque;
    struct vireo_error err = { 0 };

    if (in_driver_call)
        delivered_inside_call = true;
    /* Callbacks run with no driver lock held: calling back cannot hang. */
    if (testdrv.conn_list_all_domains(conn, NULL, 0, &err) < 1)
        s->n_reentry_failures++;
    if (s->n >= MAX_SEEN)
        return;
    s->event[s->n] = event;
    s->detail[s->n] = detail;
    s->id[s->n] = dom->id;
    snprintf(s->name[s->n], sizeof(s->name[0]), "%s", dom->name);
    s->n++;
}

static void
on_reboot(struct vireo_conn *conn, struct vireo_domain *dom, void *opaque)
{
    struct seen *s = opaque;

    if (in_driver_call)
        delivered_inside_call = true;
    s->n_reboots++;
    s->reboot_id = dom->id;
}

/* Keeps uv_impl_run_once() from blocking for ever if an event is lost. */
static void
on_watchdog(int timer, void *opaque)
{
}

static void
pump_until(const struct seen *s, int n_lifecycle, int n_reboots)
{
    for (int i = 0; i < MAX_ITERATIONS; i++) {
        if (s->n >= n_lifecycle && s->n_reboots >= n_reboots)
            return;
        uv_impl_run_once();
    }
}

/* Run one driver slot with the "inside a call" flag raised. */
#define CALL(expr)                  \
    do {                            \
        in_driver_call = true;      \
        (void)(expr);               \
        in_driver_call = false;     \
    } while (0)

static void
run_operations(struct vireo_conn *conn, struct vireo_domain **dom)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *test = NULL, *tr = NULL;
    char *xml = tdrv_xml("tr", NULL, "test", 1024, NULL);

    CALL(*dom = tdrv_define(conn, "ev", NULL, &err));
    CALL(testdrv.domain_create(*dom, 0, &err));
    CALL(testdrv.domain_suspend(*dom, &err));
    CALL(testdrv.domain_resume(*dom, &err));
    CALL(testdrv.domain_destroy(*dom, 0, &err));
    CALL(testdrv.domain_undefine(*dom, 0, &err));
    handle_domain_unref(*dom);
    CALL(handle_domain_unref(tdrv_define(conn, "ev2", EV2_UUID, &err)));
    CALL(*dom = tdrv_define(conn, "ev2", EV2_UUID, &err));
    CALL(testdrv.domain_create(*dom, 0, &err));
    CALL(testdrv.domain_undefine(*dom, 0, &err));
    CALL(testdrv.domain_destroy(*dom, 0, &err));
    CALL(tr = testdrv.domain_create_xml(conn, xml, VIR_DOMAIN_START_PAUSED,
                                        &err));
    CALL(testdrv.domain_shutdown(tr, 0, &err));
    CALL(test = testdrv.domain_lookup_by_name(conn, "test", &err));
    CALL(testdrv.domain_reboot(test, 0, &err));
    tap_is_int(err.code, 0, "every operation succeeded");
    free(xml);
    handle_domain_unref(tr);
    handle_domain_unref(test);
}

/* One expected lifecycle event: EV("dom", STOPPED, DESTROYED, false). */
#define EV(name, type, detail, is_running)                                  \
    { name, VIR_DOMAIN_EVENT_##type, VIR_DOMAIN_EVENT_##type##_##detail,    \
      is_running }

int
main(void)
{
    static const struct {
        const char *name;
        int         event, detail;
        bool        is_running;
    } want[] = {
        EV("ev", DEFINED, ADDED, false),
        EV("ev", STARTED, BOOTED, true),
        EV("ev", SUSPENDED, PAUSED, true),
        EV("ev", RESUMED, UNPAUSED, true),
        EV("ev", STOPPED, DESTROYED, false),
        EV("ev", UNDEFINED, REMOVED, false),
        EV("ev2", DEFINED, ADDED, false),
        EV("ev2", DEFINED, UPDATED, false),
        EV("ev2", STARTED, BOOTED, true),
        EV("ev2", UNDEFINED, REMOVED, true),
        EV("ev2", STOPPED, DESTROYED, false),
        EV("tr", STARTED, BOOTED, true),
        EV("tr", SUSPENDED, PAUSED, true),
        EV("tr", STOPPED, SHUTDOWN, false),
    };
    const int n_want = (int)(sizeof(want) / sizeof(want[0]));
    struct vireo_error err = { 0 };
    struct seen s = { 0 };
    struct vireo_conn *conn;
    struct vireo_domain *dom = NULL;
    int lifecycle_id, reboot_id, watchdog;

    if (!tap_ok(uv_impl_register() == 0, "the libuv loop registers"))
        return tdrv_done();
    watchdog = event_add_timeout(10, on_watchdog, NULL, NULL);
    conn = tdrv_open("test:///default", &err);
    if (!tap_ok(conn != NULL, "open test:///default")) {
        tap_diag("  %s", err.message);
        return tdrv_done();
    }
    lifecycle_id = testdrv.domain_event_register_any(
        conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        VIREO_DOMAIN_EVENT_CALLBACK(on_lifecycle), &s, NULL, &err);
    reboot_id = testdrv.domain_event_register_any(
        conn, NULL, VIR_DOMAIN_EVENT_ID_REBOOT,
        VIREO_DOMAIN_EVENT_CALLBACK(on_reboot), &s, NULL, &err);
    tap_ok(lifecycle_id >= 0 && reboot_id >= 0, "callbacks registered");

    run_operations(conn, &dom);
    tap_is_int(s.n + s.n_reboots, 0, "nothing delivered before the loop runs");
    pump_until(&s, n_want, 1);
    tap_ok(!delivered_inside_call, "no callback ran inside a driver call");
    tap_is_int(s.n, n_want, "%d lifecycle events", n_want);
    for (int i = 0; i < n_want && i < s.n; i++)
        tap_ok(strcmp(s.name[i], want[i].name) == 0 &&
               s.event[i] == want[i].event && s.detail[i] == want[i].detail &&
               (s.id[i] > 0) == want[i].is_running,
               "event %d: %s (%d, %d)%s", i, want[i].name, want[i].event,
               want[i].detail, want[i].is_running ? " with an id" : "");
    tap_is_int(s.n_reentry_failures, 0,
               "a callback can call back into the driver");
    tap_is_int(s.n_reboots, 1, "reboot: one REBOOT event");
    tap_ok(s.reboot_id > 0, "about the running domain");

    tap_is_int(testdrv.domain_event_deregister_any(conn, lifecycle_id, &err),
               0, "deregister");
    tdrv_fails(testdrv.domain_event_deregister_any(conn, lifecycle_id, &err),
               err, VIR_ERR_INVALID_ARG, "", "deregister twice");
    handle_domain_unref(dom);
    handle_conn_unref(conn);   /* close drops the reboot registration */
    event_remove_timeout(watchdog);
    return tdrv_done();
}
