/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-strings.c: states, reasons, events and details read as virsh 9.0
 * prints them, every table entry and the values outside the tables.
 */
#include "api-test.h"

static void
check_all(const char *what, const char *const *want, int n,
          const char *(*get)(int, int), int first)
{
    bool pass = true;

    for (int i = 0; i < n; i++) {
        const char *got = get(first, i);
        if (strcmp(got, want[i]) != 0) {
            tap_diag("  %s %d: got '%s', want '%s'", what, i, got, want[i]);
            pass = false;
        }
    }
    tap_ok(pass, "%s read as virsh prints them", what);
}

static const char *
state_of(int unused, int state)
{
    return vireo_domain_state_string(state);
}

static const char *
event_of(int unused, int event)
{
    return vireo_domain_event_type_string(event);
}

static void
test_states(void)
{
    static const char *const states[] = {
        "no state", "running", "idle", "paused", "in shutdown", "shut off",
        "crashed", "pmsuspended",
    };
    static const char *const running[] = {
        "unknown", "booted", "migrated", "restored", "from snapshot",
        "unpaused", "migration canceled", "save canceled", "event wakeup",
        "crashed", "post-copy", "post-copy failed",
    };
    static const char *const paused[] = {
        "unknown", "user", "migrating", "saving", "dumping", "I/O error",
        "watchdog", "from snapshot", "shutting down", "creating snapshot",
        "crashed", "starting up", "post-copy", "post-copy failed",
    };
    static const char *const shutdown[] = { "unknown", "user" };
    static const char *const shutoff[] = {
        "unknown", "shutdown", "destroyed", "crashed", "migrated", "saved",
        "failed", "from snapshot", "daemon",
    };
    static const char *const crashed[] = { "unknown", "panicked" };

    check_all("states", states, 8, state_of, 0);
    check_all("running reasons", running, 12,
              vireo_domain_state_reason_string, VIR_DOMAIN_RUNNING);
    check_all("paused reasons", paused, 14,
              vireo_domain_state_reason_string, VIR_DOMAIN_PAUSED);
    check_all("shutdown reasons", shutdown, 2,
              vireo_domain_state_reason_string, VIR_DOMAIN_SHUTDOWN);
    check_all("shut-off reasons", shutoff, 9,
              vireo_domain_state_reason_string, VIR_DOMAIN_SHUTOFF);
    check_all("crashed reasons", crashed, 2,
              vireo_domain_state_reason_string, VIR_DOMAIN_CRASHED);
    tap_is_str(vireo_domain_state_reason_string(VIR_DOMAIN_PMSUSPENDED, 0),
               "unknown", "pmsuspended has only 'unknown'");
}

static void
test_events(void)
{
    static const char *const types[] = {
        "Defined", "Undefined", "Started", "Suspended", "Resumed", "Stopped",
        "Shutdown", "PMSuspended", "Crashed",
    };
    static const char *const defined[] = {
        "Added", "Updated", "Renamed", "Snapshot",
    };
    static const char *const undefined[] = { "Removed", "Renamed" };
    static const char *const started[] = {
        "Booted", "Migrated", "Restored", "Snapshot", "Event wakeup",
    };
    static const char *const suspended[] = {
        "Paused", "Migrated", "I/O Error", "Watchdog", "Restored",
        "Snapshot", "API error", "Post-copy", "Post-copy Error",
    };
    static const char *const resumed[] = {
        "Unpaused", "Migrated", "Snapshot", "Post-copy", "Post-copy Error",
    };
    static const char *const stopped[] = {
        "Shutdown", "Destroyed", "Crashed", "Migrated", "Saved", "Failed",
        "Snapshot",
    };
    static const char *const shutdown[] = {
        "Finished", "Finished after guest request",
        "Finished after host request",
    };
    static const char *const pmsuspended[] = { "Memory", "Disk" };
    static const char *const crashed[] = { "Panicked", "Crashloaded" };

    check_all("event types", types, 9, event_of, 0);
    check_all("defined details", defined, 4,
              vireo_domain_event_detail_string, VIR_DOMAIN_EVENT_DEFINED);
    check_all("undefined details", undefined, 2,
              vireo_domain_event_detail_string, VIR_DOMAIN_EVENT_UNDEFINED);
    check_all("started details", started, 5,
              vireo_domain_event_detail_string, VIR_DOMAIN_EVENT_STARTED);
    check_all("suspended details", suspended, 9,
              vireo_domain_event_detail_string, VIR_DOMAIN_EVENT_SUSPENDED);
    check_all("resumed details", resumed, 5,
              vireo_domain_event_detail_string, VIR_DOMAIN_EVENT_RESUMED);
    check_all("stopped details", stopped, 7,
              vireo_domain_event_detail_string, VIR_DOMAIN_EVENT_STOPPED);
    check_all("shutdown details", shutdown, 3,
              vireo_domain_event_detail_string, VIR_DOMAIN_EVENT_SHUTDOWN);
    check_all("pmsuspended details", pmsuspended, 2,
              vireo_domain_event_detail_string,
              VIR_DOMAIN_EVENT_PMSUSPENDED);
    check_all("crashed details", crashed, 2,
              vireo_domain_event_detail_string, VIR_DOMAIN_EVENT_CRASHED);
}

static void
test_out_of_range(void)
{
    tap_ok(strcmp(vireo_domain_state_string(-1), "no state") == 0 &&
           strcmp(vireo_domain_state_string(8), "no state") == 0,
           "a state outside 0..7 reads 'no state', as in virsh");
    tap_ok(strcmp(vireo_domain_state_reason_string(1, 12), "unknown") == 0 &&
           strcmp(vireo_domain_state_reason_string(9, 0), "unknown") == 0 &&
           strcmp(vireo_domain_state_reason_string(1, -1), "unknown") == 0,
           "an unknown reason reads 'unknown'");
    tap_ok(strcmp(vireo_domain_event_type_string(9), "unknown") == 0 &&
           strcmp(vireo_domain_event_detail_string(2, 5), "unknown") == 0 &&
           strcmp(vireo_domain_event_detail_string(-1, 0), "unknown") == 0,
           "an unknown event or detail reads 'unknown'");
}

int
main(void)
{
    tap_plan(20);
    test_states();
    test_events();
    test_out_of_range();
    return tap_done();
}
