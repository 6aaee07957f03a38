/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-monitor.c: the parsers of drivers/qemu/monitor.h on replies and
 * events as QEMU 7.2 writes them (captured from qemu-system-x86_64 7.2),
 * and on malformed ones; QEMU's run states mapped to libvirt's paused
 * reasons, and a held state brought in line with query-status, by the
 * rules of libvirt's qemu driver (qemuMonitorVMStatusToPausedReason,
 * qemuProcessUpdateState).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/qemu/monitor.h"
#include "tests/qemu/json-test.h"
#include "tests/tap.h"

/* ---- query-status ------------------------------------------------------ */

static void
check_status(const char *text, bool is_running, const char *status)
{
    json_object *reply = json_test_parse(text);
    struct monitor_status st = { 0 };
    struct vireo_error err = { 0 };

    tap_ok(monitor_parse_status(reply, &st, &err) == 0 &&
           st.is_running == is_running && strcmp(st.status, status) == 0,
           "query-status: %s, %s", is_running ? "running" : "not running",
           status);
    json_object_put(reply);
}

static void
check_bad(int (*parse_fn)(json_object *, struct vireo_error *),
          const char *text, const char *want, const char *what)
{
    json_object *reply = text != NULL ? json_test_parse(text) : NULL;
    struct vireo_error err = { 0 };
    int rc = parse_fn(reply, &err);

    tap_ok(rc == -1 && err.code == VIR_ERR_INTERNAL_ERROR &&
           strstr(err.message, want) != NULL, "%s is refused: %s", what,
           err.message);
    json_object_put(reply);
}

static int
status_of(json_object *reply, struct vireo_error *err)
{
    struct monitor_status st;

    return monitor_parse_status(reply, &st, err);
}

static void
test_status(void)
{
    check_status("{\"return\": {\"status\": \"prelaunch\", \"singlestep\": "
                 "false, \"running\": false}, \"id\": 2}", false,
                 "prelaunch");
    check_status("{\"return\": {\"status\": \"running\", \"singlestep\": "
                 "false, \"running\": true}, \"id\": 3}", true, "running");
    check_bad(status_of, "{\"return\": {\"status\": \"paused\"}, \"id\": 4}",
              "lacks \"running\"", "a status without \"running\"");
    check_bad(status_of, "{\"return\": {\"running\": true}, \"id\": 4}",
              "lacks \"status\"", "a status without \"status\"");
    check_bad(status_of, "{\"id\": 5, \"error\": {\"class\": "
              "\"GenericError\", \"desc\": \"x\"}}", "no object \"return\"",
              "an error reply");
    check_bad(status_of, NULL, "query-status", "no reply at all");
}

/* QEMU 7.2's RunState values. */
static void
test_paused_reasons(void)
{
    static const struct { const char *status; int reason; } cases[] = {
        { "debug",          VIR_DOMAIN_PAUSED_UNKNOWN },
        { "inmigrate",      VIR_DOMAIN_PAUSED_MIGRATION },
        { "internal-error", VIR_DOMAIN_PAUSED_UNKNOWN },
        { "io-error",       VIR_DOMAIN_PAUSED_IOERROR },
        { "paused",         VIR_DOMAIN_PAUSED_USER },
        { "postmigrate",    VIR_DOMAIN_PAUSED_MIGRATION },
        { "prelaunch",      VIR_DOMAIN_PAUSED_USER },
        { "finish-migrate", VIR_DOMAIN_PAUSED_MIGRATION },
        { "restore-vm",     VIR_DOMAIN_PAUSED_UNKNOWN },
        { "running",        VIR_DOMAIN_PAUSED_UNKNOWN },
        { "save-vm",        VIR_DOMAIN_PAUSED_SAVE },
        { "shutdown",       VIR_DOMAIN_PAUSED_SHUTTING_DOWN },
        { "suspended",      VIR_DOMAIN_PAUSED_UNKNOWN },
        { "watchdog",       VIR_DOMAIN_PAUSED_WATCHDOG },
        { "guest-panicked", VIR_DOMAIN_PAUSED_CRASHED },
        { "colo",           VIR_DOMAIN_PAUSED_UNKNOWN },
        { "something-new",  VIR_DOMAIN_PAUSED_UNKNOWN },
    };
    int n_right = 0;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int got = monitor_paused_reason(cases[i].status);

        if (got == cases[i].reason)
            n_right++;
        else
            tap_diag("%s: got %d, want %d", cases[i].status, got,
                     cases[i].reason);
    }
    tap_is_int(n_right, (int)(sizeof(cases) / sizeof(cases[0])),
               "every run state gives libvirt's paused reason");
    tap_is_int(monitor_paused_reason(NULL), VIR_DOMAIN_PAUSED_UNKNOWN,
               "no status is an unknown reason");
}

/* What query-status says of a guest held in a state, and where libvirt's
 * rules put it. */
struct update_case {
    int         state, reason;
    bool        is_running;
    const char *status;
    int         want_state, want_reason;
    const char *what;
};

static const struct update_case update_cases[] = {
    { VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_STARTING_UP, true, "running",
      VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED,
      "starting up, found running: booted" },
    { VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_UNKNOWN, true, "running",
      VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED,
      "held shut off, found running: booted" },
    { VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER, true, "running",
      VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED,
      "paused, found running: unpaused" },
    { VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED, false, "paused",
      VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER,
      "running, found paused: paused by the user" },
    { VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED, false, "io-error",
      VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_IOERROR,
      "running, found stopped on an I/O error" },
    { VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED, false, "shutdown",
      VIR_DOMAIN_SHUTDOWN, VIR_DOMAIN_SHUTDOWN_UNKNOWN,
      "running, found shut down (-no-shutdown): shutdown" },
    { VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED, false, "guest-panicked",
      VIR_DOMAIN_CRASHED, VIR_DOMAIN_CRASHED_PANICKED,
      "running, found panicked: crashed" },
    { VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER, false, "paused",
      VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER,
      "paused, found paused: unchanged" },
    { VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED, true, "running",
      VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED,
      "running, found running: unchanged" },
};

#define N_UPDATE_CASES ((int)(sizeof(update_cases) / sizeof(update_cases[0])))

static void
test_update_state(void)
{
    for (int i = 0; i < N_UPDATE_CASES; i++) {
        const struct update_case *k = &update_cases[i];
        struct monitor_status st = { .is_running = k->is_running };
        int state = k->state, reason = k->reason;
        bool want_change = state != k->want_state ||
                           reason != k->want_reason;
        bool changed;

        snprintf(st.status, sizeof(st.status), "%s", k->status);
        changed = monitor_status_update_state(&st, &state, &reason);
        tap_ok(state == k->want_state && reason == k->want_reason &&
               changed == want_change, "%s: state %d reason %d, %s",
               k->what, state, reason, changed ? "changed" : "unchanged");
    }
}

/* ---- query-chardev ----------------------------------------------------- */

static int
chardevs_of(json_object *reply, struct vireo_error *err)
{
    struct monitor_chardevs list;
    int rc = monitor_parse_chardevs(reply, &list, err);

    monitor_chardevs_clear(&list);
    return rc;
}

static void
test_chardevs(void)
{
    json_object *reply = json_test_parse(
        "{\"return\": [{\"frontend-open\": true, "
        "\"filename\": \"pty:/dev/pts/1\", \"label\": \"charserial0\"}, "
        "{\"frontend-open\": true, \"filename\": "
        "\"unix:/tmp/qq.sock,server=on\", \"label\": \"mon\"}], \"id\": 3}");
    struct monitor_chardevs list;
    struct vireo_error err = { 0 };

    tap_ok(monitor_parse_chardevs(reply, &list, &err) == 0 &&
           list.n_items == 2, "query-chardev: two chardevs");
    tap_is_str(monitor_chardev_pty(&list, "serial0"), "/dev/pts/1",
               "the pty of the device aliased serial0 is its chardev "
               "charserial0's");
    tap_ok(monitor_chardev_pty(&list, "mon") == NULL &&
           monitor_chardev_pty(&list, "serial1") == NULL,
           "a chardev that is no pty, or no such alias, gives NULL");
    monitor_chardevs_clear(&list);
    tap_ok(list.items == NULL && list.n_items == 0, "clearing empties the "
           "list");
    json_object_put(reply);
    check_bad(chardevs_of, "{\"return\": [{\"filename\": \"pty:/dev/pts/1\"}"
              "], \"id\": 3}", "lacks \"label\"", "a chardev without label");
    check_bad(chardevs_of, "{\"return\": [3], \"id\": 3}", "an element of type int",
              "a list of numbers");
    check_bad(chardevs_of, "{\"return\": {}, \"id\": 3}", "no array",
              "an object for a list");
}

/* ---- query-vnc, query-name --------------------------------------------- */

static int
vnc_of(json_object *reply, struct vireo_error *err)
{
    int port;

    return monitor_parse_vnc_port(reply, &port, err);
}

static void
test_vnc_and_name(void)
{
    json_object *on = json_test_parse(
        "{\"return\": {\"enabled\": true, \"auth\": "
        "\"none\", \"family\": \"ipv4\", \"clients\": [], \"service\": "
        "\"5900\", \"host\": \"127.0.0.1\"}, \"id\": 4}");
    json_object *off = json_test_parse(
        "{\"return\": {\"enabled\": false}, \"id\": 4}");
    json_object *name = json_test_parse(
        "{\"return\": {\"name\": \"vm1\"}, \"id\": 6}");
    json_object *no_name = json_test_parse("{\"return\": {}, \"id\": 6}");
    struct vireo_error err = { 0 };
    int port = 0, port_off = 0;
    char buf[32] = "x", none[32] = "x";
    int rc = monitor_parse_vnc_port(on, &port, &err);

    tap_ok(rc == 0 && port == 5900, "query-vnc: VNC listens on port %d",
           port);
    tap_ok(monitor_parse_vnc_port(off, &port_off, &err) == 0 &&
           port_off == -1, "VNC off is port -1");
    check_bad(vnc_of, "{\"return\": {\"enabled\": true, \"service\": "
              "\"vnc\"}, \"id\": 4}", "not a port", "a service by name");
    check_bad(vnc_of, "{\"return\": {\"enabled\": true}, \"id\": 4}",
              "lacks \"service\"", "VNC on without a port");
    tap_ok(monitor_parse_name(name, buf, sizeof(buf), &err) == 0 &&
           strcmp(buf, "vm1") == 0 &&
           monitor_parse_name(no_name, none, sizeof(none), &err) == 0 &&
           none[0] == '\0', "query-name: the guest's name, or none");
    json_object_put(on);
    json_object_put(off);
    json_object_put(name);
    json_object_put(no_name);
}

/* ---- events and text --------------------------------------------------- */

static void
test_event_origin(void)
{
    json_object *quit = json_test_parse("{\"guest\": false, \"reason\": "
                              "\"host-qmp-quit\"}");
    json_object *guest = json_test_parse("{\"guest\": true, \"reason\": "
                               "\"guest-shutdown\"}");
    char reason[32] = "x", r2[32] = "x", r3[32] = "x";

    tap_ok(monitor_parse_event_origin(quit, reason, sizeof(reason)) ==
           MONITOR_ORIGIN_HOST && strcmp(reason, "host-qmp-quit") == 0,
           "SHUTDOWN after quit: from the host, host-qmp-quit");
    tap_ok(monitor_parse_event_origin(guest, r2, sizeof(r2)) ==
           MONITOR_ORIGIN_GUEST && strcmp(r2, "guest-shutdown") == 0,
           "SHUTDOWN from the guest: guest-shutdown");
    tap_ok(monitor_parse_event_origin(NULL, r3, sizeof(r3)) ==
           MONITOR_ORIGIN_UNKNOWN && r3[0] == '\0', "no data: unknown");
    json_object_put(quit);
    json_object_put(guest);
}

static void
test_reply_text(void)
{
    json_object *reply = json_test_parse(
        "{\"return\": [{\"frontend-open\": true, "
        "\"filename\": \"pty:/dev/pts/1\", \"label\": \"charserial0\"}], "
        "\"id\": 3}");
    char *text = monitor_reply_text(reply);

    tap_is_str(text, "{\"return\":[{\"frontend-open\":true,\"filename\":"
               "\"pty:/dev/pts/1\",\"label\":\"charserial0\"}],\"id\":3}",
               "a reply as text is compact JSON with paths as written");
    free(text);
    json_object_put(reply);
}

int
main(void)
{
    tap_plan(6 + 2 + N_UPDATE_CASES + 7 + 5 + 3 + 1);
    test_status();
    test_paused_reasons();
    test_update_state();
    test_chardevs();
    test_vnc_and_name();
    test_event_origin();
    test_reply_text();
    return tap_done();
}
