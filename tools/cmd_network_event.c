/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_network_event.c: `net-event`, which prints network lifecycle events
 * as virsh's net-event does. Callbacks run on the main thread, inside the
 * default loop (cmd_event.c's waiting).
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd_opts.h"
#include "cmd_event.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_net_event_opts[] = {
    { "network", OPT_STRING, true, false,
      "filter by network name or uuid" },
    { "event", OPT_STRING, true, false, "which event type to wait for" },
    { "loop", OPT_BOOL, false, false,
      "loop until timeout or interrupt, rather than one-shot" },
    { "timeout", OPT_NUMBER, false, false,
      "timeout seconds" },
    { "list", OPT_BOOL, false, false, "list valid event types" },
    { "timestamp", OPT_BOOL, false, false,
      "show timestamp for each printed event" },
    END_OPTS,
};

static void
on_lifecycle(struct vireo_conn *conn, struct vireo_network *net, int event,
             int detail, void *opaque)
{
    (void)conn;
    (void)detail;
    cmd_event_print(opaque, "event 'lifecycle' for network %s: %s\n",
                    vireo_network_get_name(net),
                    vireo_network_event_type_string(event));
}

static int
check_options(const struct cmd *cmd)
{
    const char *only = cmd_string(cmd, "event");

    if (cmd_has(cmd, "list") && only != NULL) {
        cli_error("Options --list and --event are mutually exclusive");
        return -1;
    }
    if (cmd_has(cmd, "list"))
        return 0;
    if (only == NULL) {
        cli_error("either --list or --event <type> is required");
        return -1;
    }
    if (strcmp(only, "lifecycle") != 0) {
        cli_error("unknown event type %s", only);
        return -1;
    }
    return 0;
}

/* virsh looks the network up, says when it cannot, and still waits for
 * every network's events; the lookup's own error comes at the end. */
static int
watch(struct session *s, const struct cmd *cmd, struct vireo_network *net,
      long timeout_s)
{
    struct waiter w = {
        .is_loop = cmd_has(cmd, "loop"),
        .has_timestamp = cmd_has(cmd, "timestamp"),
    };
    struct event_watch ew = { &w, "lifecycle" };
    struct vireo_error err = { 0 };
    int id = vireo_conn_network_event_register_any(
        s->conn, net, VIR_NETWORK_EVENT_ID_LIFECYCLE,
        VIREO_NETWORK_EVENT_CALLBACK(on_lifecycle), &ew, NULL, &err);
    int rc;

    if (id < 0) {
        cli_report(&err);
        return -1;
    }
    rc = cmd_event_wait(&w, timeout_s);
    vireo_conn_network_event_deregister_any(s->conn, id, &err);
    return rc < 0 ? -1 : cmd_event_finish(&w);
}

int
cmd_net_event(struct session *s, const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "network");
    struct vireo_error lookup_err = { 0 };
    struct vireo_network *net = NULL;
    long timeout_s = 0;
    int rc;

    if (check_options(cmd) < 0)
        return -1;
    if (cmd_has(cmd, "list")) {
        printf("lifecycle\n");
        return 0;
    }
    if (cmd_number(cmd, "timeout", 1, INT_MAX / 1000, &timeout_s) < 0)
        return -1;
    if (name != NULL &&
        (net = vireo_network_lookup_by_name(s->conn, name,
                                            &lookup_err)) == NULL)
        cli_error("failed to get network '%s'", name);
    rc = watch(s, cmd, net, timeout_s);
    if (name != NULL && net == NULL) {
        cli_report(&lookup_err);
        rc = -1;
    }
    vireo_network_free(net);
    return rc;
}
