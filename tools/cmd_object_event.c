/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_object_event.c: `pool-event` and `nodedev-event`, which print
 * storage pool and node device events as virsh's commands of those names
 * do. Callbacks run on the main thread, inside the default loop
 * (cmd_event.c's waiting).
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd_opts.h"
#include "cmd_event.h"

/* The options of the commands here (commands.c's table points at them). */

/* Storage pool and node device events: net-event's options with virsh's
 * filter of each kind. */
#define OBJECT_EVENT_OPTS                                                    \
    { "event", OPT_STRING, true, false, "which event type to wait for" },   \
    { "loop", OPT_BOOL, false, false,                                        \
      "loop until timeout or interrupt, rather than one-shot" },             \
    { "timeout", OPT_NUMBER, false, false, "timeout seconds" },              \
    { "list", OPT_BOOL, false, false, "list valid event types" },            \
    { "timestamp", OPT_BOOL, false, false,                                   \
      "show timestamp for each printed event" },                             \
    END_OPTS

const struct opt_def cmd_pool_event_opts[] = {
    { "pool", OPT_STRING, true, false,
      "filter by storage pool name or uuid" },
    OBJECT_EVENT_OPTS,
};

const struct opt_def cmd_nodedev_event_opts[] = {
    { "device", OPT_STRING, true, false, "filter by node device name" },
    OBJECT_EVENT_OPTS,
};

/* virsh's event names of each kind, in event id order. */
static const char *const pool_events[] = { "lifecycle", "refresh", NULL };
static const char *const dev_events[] = { "lifecycle", "update", NULL };

static void
on_pool_lifecycle(struct vireo_conn *conn, struct vireo_storage_pool *pool,
                  int event, int detail, void *opaque)
{
    (void)conn;
    (void)detail;
    cmd_event_print(opaque, "event 'lifecycle' for storage pool %s: %s\n",
                    vireo_storage_pool_get_name(pool),
                    vireo_storage_pool_event_type_string(event));
}

static void
on_pool_refresh(struct vireo_conn *conn, struct vireo_storage_pool *pool,
                void *opaque)
{
    (void)conn;
    cmd_event_print(opaque, "event 'refresh' for storage pool %s\n",
                    vireo_storage_pool_get_name(pool));
}

static void
on_dev_lifecycle(struct vireo_conn *conn, struct vireo_node_device *dev,
                 int event, int detail, void *opaque)
{
    (void)conn;
    (void)detail;
    cmd_event_print(opaque, "event 'lifecycle' for node device %s: %s\n",
                    vireo_node_device_get_name(dev),
                    vireo_node_device_event_type_string(event));
}

static void
on_dev_update(struct vireo_conn *conn, struct vireo_node_device *dev,
              void *opaque)
{
    (void)conn;
    cmd_event_print(opaque, "event 'update' for node device %s\n",
                    vireo_node_device_get_name(dev));
}

/* The event id --event names among names, or -1 after virsh's error.
 * --list is handled before (virsh lets it win over --event). */
static int
event_id(const struct cmd *cmd, const char *const *names)
{
    const char *only = cmd_string(cmd, "event");

    if (only == NULL) {
        cli_error("either --list or --event <type> is required");
        return -1;
    }
    for (int i = 0; names[i] != NULL; i++)
        if (strcmp(only, names[i]) == 0)
            return i;
    cli_error("unknown event type %s", only);
    return -1;
}

/* What both commands do before registering: --list, the event id and
 * the timeout. 1 when the command is done (listed), 0 to go on, -1
 * after an error. */
static int
prepare(const struct cmd *cmd, const char *const *names, int *id,
        long *timeout_s)
{
    if (cmd_has(cmd, "list")) {
        for (int i = 0; names[i] != NULL; i++)
            printf("%s\n", names[i]);
        return 1;
    }
    *timeout_s = 0;
    if ((*id = event_id(cmd, names)) < 0 ||
        cmd_number(cmd, "timeout", 1, INT_MAX / 1000, timeout_s) < 0)
        return -1;
    return 0;
}

/* Wait for the events of the registration id (or report its failure),
 * then let it go with deregister. */
static int
wait_registered(struct session *s, struct waiter *w, int id,
                const struct vireo_error *reg_err, long timeout_s,
                int (*deregister)(struct vireo_conn *, int,
                                  struct vireo_error *))
{
    struct vireo_error err = { 0 };
    int rc;

    if (id < 0) {
        cli_report(reg_err);
        return -1;
    }
    rc = cmd_event_wait(w, timeout_s);
    deregister(s->conn, id, &err);
    return rc < 0 ? -1 : cmd_event_finish(w);
}

/* virsh looks the pool up, says when it cannot, and still waits for
 * every pool's events; the lookup's own error comes at the end, when the
 * command fails. */
static int
watch_pools(struct session *s, const struct cmd *cmd,
            struct vireo_storage_pool *pool, int id, long timeout_s)
{
    struct waiter w = {
        .is_loop = cmd_has(cmd, "loop"),
        .has_timestamp = cmd_has(cmd, "timestamp"),
    };
    struct event_watch ew = { &w, pool_events[id] };
    struct vireo_error err = { 0 };
    int cb_id = vireo_conn_storage_pool_event_register_any(
        s->conn, pool, id,
        id == VIR_STORAGE_POOL_EVENT_ID_REFRESH
            ? on_pool_refresh
            : VIREO_STORAGE_POOL_EVENT_CALLBACK(on_pool_lifecycle),
        &ew, NULL, &err);

    return wait_registered(s, &w, cb_id, &err, timeout_s,
                           vireo_conn_storage_pool_event_deregister_any);
}

int
cmd_pool_event(struct session *s, const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "pool");
    struct vireo_error lookup_err = { 0 };
    struct vireo_storage_pool *pool = NULL;
    long timeout_s;
    int id, rc = prepare(cmd, pool_events, &id, &timeout_s);

    if (rc != 0)
        return rc < 0 ? -1 : 0;
    if (name != NULL &&
        (pool = cli_find_pool(s, name, true, &lookup_err)) == NULL)
        cli_error("failed to get pool '%s'", name);
    rc = watch_pools(s, cmd, pool, id, timeout_s);
    if (rc < 0 && name != NULL && pool == NULL && lookup_err.code != 0)
        cli_report(&lookup_err);
    vireo_storage_pool_free(pool);
    return rc;
}

static int
watch_devices(struct session *s, const struct cmd *cmd,
              struct vireo_node_device *dev, int id, long timeout_s)
{
    struct waiter w = {
        .is_loop = cmd_has(cmd, "loop"),
        .has_timestamp = cmd_has(cmd, "timestamp"),
    };
    struct event_watch ew = { &w, dev_events[id] };
    struct vireo_error err = { 0 };
    int cb_id = vireo_conn_node_device_event_register_any(
        s->conn, dev, id,
        id == VIR_NODE_DEVICE_EVENT_ID_UPDATE
            ? on_dev_update
            : VIREO_NODE_DEVICE_EVENT_CALLBACK(on_dev_lifecycle),
        &ew, NULL, &err);

    return wait_registered(s, &w, cb_id, &err, timeout_s,
                           vireo_conn_node_device_event_deregister_any);
}

/* Unlike pool-event, virsh gives up when the device is not there. */
int
cmd_nodedev_event(struct session *s, const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "device");
    struct vireo_error err = { 0 };
    struct vireo_node_device *dev = NULL;
    long timeout_s;
    int id, rc = prepare(cmd, dev_events, &id, &timeout_s);

    if (rc != 0)
        return rc < 0 ? -1 : 0;
    if (name != NULL &&
        (dev = vireo_node_device_lookup_by_name(s->conn, name, &err)) ==
            NULL) {
        cli_error("Could not find matching device '%s'", name);
        cli_report(&err);
        return -1;
    }
    rc = watch_devices(s, cmd, dev, id, timeout_s);
    vireo_node_device_free(dev);
    return rc;
}
