/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * monitor.c: the QMP commands the qemu driver sends and the parsers of
 * their answers (the contract is in monitor.h). The mappings from QEMU's
 * words to libvirt's states follow what libvirt's qemu driver does, so
 * that a guest reads the same through vireod as through libvirtd.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/qemu/monitor.h"

/* ---- sending ----------------------------------------------------------- */

/* A command without arguments, sent with the connection's deadline: one
 * line each below. */
#define COMMAND_WITHOUT_ARGUMENTS(fn, command)                             \
    unsigned long long                                                     \
    fn(struct qmp *m, qmp_reply_cb cb, void *opaque,                       \
       struct vireo_error *err)                                            \
    {                                                                      \
        return qmp_send(m, command, NULL, cb, opaque, err);                \
    }

COMMAND_WITHOUT_ARGUMENTS(monitor_cont, "cont")
COMMAND_WITHOUT_ARGUMENTS(monitor_stop, "stop")
COMMAND_WITHOUT_ARGUMENTS(monitor_system_powerdown, "system_powerdown")
COMMAND_WITHOUT_ARGUMENTS(monitor_system_reset, "system_reset")
COMMAND_WITHOUT_ARGUMENTS(monitor_quit, "quit")
COMMAND_WITHOUT_ARGUMENTS(monitor_query_status, "query-status")
COMMAND_WITHOUT_ARGUMENTS(monitor_query_chardev, "query-chardev")
COMMAND_WITHOUT_ARGUMENTS(monitor_query_vnc, "query-vnc")
COMMAND_WITHOUT_ARGUMENTS(monitor_query_name, "query-name")

unsigned long long
monitor_command_text(struct qmp *m, const char *json_text, qmp_reply_cb cb,
                     void *opaque, struct vireo_error *err)
{
    return qmp_send_text(m, json_text, cb, opaque, err);
}

/* ---- reading replies --------------------------------------------------- */

/* The reply's "return", if it is of type; else NULL with err naming the
 * command. */
static json_object *
reply_return(json_object *reply, json_type type, const char *command,
             struct vireo_error *err)
{
    json_object *ret;

    if (reply == NULL || !json_object_object_get_ex(reply, "return", &ret) ||
        !json_object_is_type(ret, type)) {
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                  "QEMU's answer to '%s' has no %s \"return\"", command,
                  json_type_to_name(type));
        return NULL;
    }
    return ret;
}

/* obj's member key if it is of type, else NULL. */
static json_object *
member(json_object *obj, const char *key, json_type type)
{
    json_object *v;

    if (!json_object_object_get_ex(obj, key, &v) ||
        !json_object_is_type(v, type))
        return NULL;
    return v;
}

static int
missing(const char *command, const char *key, struct vireo_error *err)
{
    return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                     "QEMU's answer to '%s' lacks \"%s\"", command, key);
}

/* ---- query-status ------------------------------------------------------ */

int
monitor_parse_status(json_object *reply, struct monitor_status *st,
                     struct vireo_error *err)
{
    json_object *ret = reply_return(reply, json_type_object, "query-status",
                                    err);
    json_object *running, *status;

    if (ret == NULL)
        return -1;
    if ((running = member(ret, "running", json_type_boolean)) == NULL)
        return missing("query-status", "running", err);
    if ((status = member(ret, "status", json_type_string)) == NULL)
        return missing("query-status", "status", err);
    st->is_running = json_object_get_boolean(running);
    snprintf(st->status, sizeof(st->status), "%s",
             json_object_get_string(status));
    return 0;
}

struct paused_reason {
    const char *status;
    int         reason;
};

/* QEMU's RunState values and why a guest in each is paused. "running"
 * (reported with the CPUs stopped), "debug", "internal-error" and
 * "restore-vm" say nothing more than unknown. */
static const struct paused_reason paused_reasons[] = {
    { "inmigrate",      VIR_DOMAIN_PAUSED_MIGRATION },
    { "postmigrate",    VIR_DOMAIN_PAUSED_MIGRATION },
    { "finish-migrate", VIR_DOMAIN_PAUSED_MIGRATION },
    { "io-error",       VIR_DOMAIN_PAUSED_IOERROR },
    { "paused",         VIR_DOMAIN_PAUSED_USER },
    { "prelaunch",      VIR_DOMAIN_PAUSED_USER },
    { "save-vm",        VIR_DOMAIN_PAUSED_SAVE },
    { "shutdown",       VIR_DOMAIN_PAUSED_SHUTTING_DOWN },
    { "watchdog",       VIR_DOMAIN_PAUSED_WATCHDOG },
    { "guest-panicked", VIR_DOMAIN_PAUSED_CRASHED },
};

int
monitor_paused_reason(const char *status)
{
    for (size_t i = 0; status != NULL &&
                       i < sizeof(paused_reasons) / sizeof(paused_reasons[0]);
         i++)
        if (strcmp(paused_reasons[i].status, status) == 0)
            return paused_reasons[i].reason;
    return VIR_DOMAIN_PAUSED_UNKNOWN;
}

/* A guest held running whose CPUs QEMU reports stopped. */
static void
stopped_state(const struct monitor_status *st, int *state, int *reason)
{
    int paused = monitor_paused_reason(st->status);

    if (paused == VIR_DOMAIN_PAUSED_SHUTTING_DOWN) {
        *state = VIR_DOMAIN_SHUTDOWN;
        *reason = VIR_DOMAIN_SHUTDOWN_UNKNOWN;
    } else if (paused == VIR_DOMAIN_PAUSED_CRASHED) {
        *state = VIR_DOMAIN_CRASHED;
        *reason = VIR_DOMAIN_CRASHED_PANICKED;
    } else {
        *state = VIR_DOMAIN_PAUSED;
        *reason = paused;
    }
}

bool
monitor_status_update_state(const struct monitor_status *st, int *state,
                            int *reason)
{
    int old_state = *state, old_reason = *reason;

    if (st->is_running &&
        (*state == VIR_DOMAIN_SHUTOFF ||
         (*state == VIR_DOMAIN_PAUSED &&
          *reason == VIR_DOMAIN_PAUSED_STARTING_UP))) {
        *state = VIR_DOMAIN_RUNNING;
        *reason = VIR_DOMAIN_RUNNING_BOOTED;
    } else if (st->is_running && *state == VIR_DOMAIN_PAUSED) {
        *state = VIR_DOMAIN_RUNNING;
        *reason = VIR_DOMAIN_RUNNING_UNPAUSED;
    } else if (!st->is_running && *state == VIR_DOMAIN_RUNNING) {
        stopped_state(st, state, reason);
    }
    return *state != old_state || *reason != old_reason;
}

/* ---- query-chardev ----------------------------------------------------- */

void
monitor_chardevs_clear(struct monitor_chardevs *list)
{
    for (int i = 0; i < list->n_items; i++) {
        free(list->items[i].label);
        free(list->items[i].pty_path);
    }
    free(list->items);
    list->items = NULL;
    list->n_items = 0;
}

/* One entry of query-chardev: {"label": ..., "filename": "pty:/dev/pts/N"
 * ...}. Only a pty's filename is kept. */
static int
parse_chardev(json_object *entry, struct monitor_chardev *out,
              struct vireo_error *err)
{
    json_object *label = member(entry, "label", json_type_string);
    json_object *filename = member(entry, "filename", json_type_string);
    const char *file;

    if (label == NULL)
        return missing("query-chardev", "label", err);
    if (filename == NULL)
        return missing("query-chardev", "filename", err);
    file = json_object_get_string(filename);
    out->label = strdup(json_object_get_string(label));
    if (strncmp(file, "pty:", 4) == 0)
        out->pty_path = strdup(file + 4);
    if (out->label == NULL ||
        (strncmp(file, "pty:", 4) == 0 && out->pty_path == NULL))
        return error_no_memory(err);
    return 0;
}

int
monitor_parse_chardevs(json_object *reply, struct monitor_chardevs *out,
                       struct vireo_error *err)
{
    json_object *ret = reply_return(reply, json_type_array, "query-chardev",
                                    err);
    size_t n;

    out->items = NULL;
    out->n_items = 0;
    if (ret == NULL)
        return -1;
    n = json_object_array_length(ret);
    if (n == 0)
        return 0;
    out->items = calloc(n, sizeof(*out->items));
    if (out->items == NULL)
        return error_no_memory(err);
    for (size_t i = 0; i < n; i++) {
        json_object *entry = json_object_array_get_idx(ret, i);

        out->n_items++;
        if (!json_object_is_type(entry, json_type_object))
            return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                             "QEMU's answer to 'query-chardev' has an "
                             "element of type %s where a chardev belongs",
                             json_type_to_name(json_object_get_type(entry)));
        if (parse_chardev(entry, &out->items[i], err) < 0)
            return -1;
    }
    return 0;
}

const char *
monitor_chardev_pty(const struct monitor_chardevs *list, const char *alias)
{
    for (int i = 0; i < list->n_items; i++) {
        const char *label = list->items[i].label;

        if (strncmp(label, "char", 4) == 0 && strcmp(label + 4, alias) == 0)
            return list->items[i].pty_path;
    }
    return NULL;
}

/* ---- query-vnc, query-name --------------------------------------------- */

int
monitor_parse_vnc_port(json_object *reply, int *port, struct vireo_error *err)
{
    json_object *ret = reply_return(reply, json_type_object, "query-vnc",
                                    err);
    json_object *enabled, *service;
    char *end;
    long n;

    if (ret == NULL)
        return -1;
    if ((enabled = member(ret, "enabled", json_type_boolean)) == NULL)
        return missing("query-vnc", "enabled", err);
    if (!json_object_get_boolean(enabled)) {
        *port = -1;
        return 0;
    }
    if ((service = member(ret, "service", json_type_string)) == NULL)
        return missing("query-vnc", "service", err);
    n = strtol(json_object_get_string(service), &end, 10);
    if (*end != '\0' || end == json_object_get_string(service) || n < 0 ||
        n > 65535)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                         "QEMU's VNC server listens on '%s', not a port",
                         json_object_get_string(service));
    *port = (int)n;
    return 0;
}

int
monitor_parse_name(json_object *reply, char *buf, size_t size,
                   struct vireo_error *err)
{
    json_object *ret = reply_return(reply, json_type_object, "query-name",
                                    err);
    json_object *name;

    if (ret == NULL)
        return -1;
    name = member(ret, "name", json_type_string);
    snprintf(buf, size, "%s", name != NULL ? json_object_get_string(name)
                                           : "");
    return 0;
}

/* ---- events ------------------------------------------------------------ */

enum monitor_event_origin
monitor_parse_event_origin(json_object *data, char *reason, size_t size)
{
    json_object *guest = member(data, "guest", json_type_boolean);
    json_object *why = member(data, "reason", json_type_string);

    snprintf(reason, size, "%s", why != NULL ? json_object_get_string(why)
                                             : "");
    if (guest == NULL)
        return MONITOR_ORIGIN_UNKNOWN;
    return json_object_get_boolean(guest) ? MONITOR_ORIGIN_GUEST
                                          : MONITOR_ORIGIN_HOST;
}

/* ---- qemu-monitor-command ---------------------------------------------- */

char *
monitor_reply_text(json_object *reply)
{
    const char *text = json_object_to_json_string_ext(
        reply, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);

    return text != NULL ? strdup(text) : NULL;
}
