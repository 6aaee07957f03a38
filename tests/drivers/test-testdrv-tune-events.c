/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-tune-events.c: the events of the tuning slots, as libvirtd's
 * test driver sends them (checked with python3-libvirt against libvirtd
 * 9.0): a new title or description is a METADATA_CHANGE of its type with
 * no namespace, and a rename is UNDEFINED/RENAMED under the old name then
 * DEFINED/RENAMED under the new one.
 */
#include "loop/event.h"
#include "loop/uv_impl.h"
#include "tests/drivers/testdrv-helpers.h"

#define MAX_SEEN 8
#define MAX_ITERATIONS 300   /* x 10 ms watchdog: 3 s at worst */

/* Each event as "kind name a b", in arrival order. */
struct seen {
    int  n;
    char what[MAX_SEEN][64];
};

static void
note(struct seen *s, const char *kind, const char *name, int a, int b)
{
    if (s->n < MAX_SEEN)
        snprintf(s->what[s->n++], sizeof(s->what[0]), "%s %s %d %d", kind,
                 name, a, b);
}

static void
on_metadata(struct vireo_conn *conn, struct vireo_domain *dom, int type,
            const char *nsuri, void *opaque)
{
    note(opaque, nsuri == NULL ? "metadata" : "metadata+uri", dom->name,
         type, 0);
}

static void
on_lifecycle(struct vireo_conn *conn, struct vireo_domain *dom, int event,
             int detail, void *opaque)
{
    note(opaque, "lifecycle", dom->name, event, detail);
}

static void
on_watchdog(int timer, void *opaque)
{
}

static void
pump_until(const struct seen *s, int n)
{
    for (int i = 0; i < MAX_ITERATIONS && s->n < n; i++)
        uv_impl_run_once();
}

int
main(void)
{
    static const char *const want[] = {
        "metadata test 0 0",        /* description */
        "metadata test 1 0",        /* title */
        "lifecycle test 5 1",       /* destroyed */
        "lifecycle test 1 1",       /* undefined, renamed */
        "lifecycle renamed 0 2",    /* defined, renamed */
    };
    const int n_want = (int)(sizeof(want) / sizeof(want[0]));
    struct vireo_error err = { 0 };
    struct seen s = { 0 };
    struct vireo_conn *conn;
    struct vireo_domain *dom;
    int watchdog;

    if (!tap_ok(uv_impl_register() == 0, "the libuv loop registers"))
        return tdrv_done();
    watchdog = event_add_timeout(10, on_watchdog, NULL, NULL);
    conn = tdrv_open("test:///default", &err);
    if (!tap_ok(conn != NULL, "open test:///default"))
        return tdrv_done();
    tap_ok(testdrv.domain_event_register_any(conn, NULL,
               VIR_DOMAIN_EVENT_ID_METADATA_CHANGE,
               VIREO_DOMAIN_EVENT_CALLBACK(on_metadata), &s, NULL,
               &err) >= 0 &&
           testdrv.domain_event_register_any(conn, NULL,
               VIR_DOMAIN_EVENT_ID_LIFECYCLE,
               VIREO_DOMAIN_EVENT_CALLBACK(on_lifecycle), &s, NULL,
               &err) >= 0, "callbacks registered");
    dom = testdrv.domain_lookup_by_name(conn, "test", &err);
    testdrv.domain_set_metadata(dom, VIR_DOMAIN_METADATA_DESCRIPTION, "d",
                                NULL, NULL, 0, &err);
    testdrv.domain_set_metadata(dom, VIR_DOMAIN_METADATA_TITLE, "t", NULL,
                                NULL, VIR_DOMAIN_AFFECT_CONFIG, &err);
    testdrv.domain_destroy(dom, 0, &err);
    testdrv.domain_rename(dom, "renamed", 0, &err);
    tap_is_int(err.code, 0, "every call succeeded");
    pump_until(&s, n_want);
    tap_is_int(s.n, n_want, "%d events", n_want);
    for (int i = 0; i < n_want && i < s.n; i++)
        if (!tap_ok(strcmp(s.what[i], want[i]) == 0, "event %d: %s", i,
                    want[i]))
            tap_diag("  got '%s'", s.what[i]);
    handle_domain_unref(dom);
    handle_conn_unref(conn);
    event_remove_timeout(watchdog);
    return tdrv_done();
}
