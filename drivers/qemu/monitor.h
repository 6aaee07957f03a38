/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * monitor.h: the QMP commands the qemu driver sends, one function each,
 * and the parsers that turn their answers (and the events it acts on)
 * into C.
 *
 * A sender queues its command on a connection (qmp.h) and returns what
 * qmp_send() returns: the command's id, for qmp_forget(), or 0 with err
 * set, and then cb is never called. The reply reaches cb; a command that
 * answers more than "done" has a parser, which cb calls on the reply it
 * was given. Senders run on the connection's worker thread; parsers are
 * pure functions of the JSON they are given (any thread, no I/O).
 */
#ifndef VIREO_QEMU_MONITOR_H
#define VIREO_QEMU_MONITOR_H

#include <json-c/json.h>
#include <stdbool.h>

#include "api/vireo.h"
#include "drivers/qemu/qmp.h"

/* ---- commands that answer "done" ---------------------------------------- */

/* Run the guest's CPUs (a guest started with -S begins this way). */
unsigned long long monitor_cont(struct qmp *m, qmp_reply_cb cb, void *opaque,
                                struct vireo_error *err);

/* Pause the guest's CPUs; QEMU sends the STOP event. */
unsigned long long monitor_stop(struct qmp *m, qmp_reply_cb cb, void *opaque,
                                struct vireo_error *err);

/* Press the ACPI power button: the guest decides what to do. */
unsigned long long monitor_system_powerdown(struct qmp *m, qmp_reply_cb cb,
                                            void *opaque,
                                            struct vireo_error *err);

/* Reset the machine at once, as the reset button would. */
unsigned long long monitor_system_reset(struct qmp *m, qmp_reply_cb cb,
                                        void *opaque,
                                        struct vireo_error *err);

/* Make QEMU exit. It may close the monitor before its answer is read:
 * cb then gets the connection's end (VIR_ERR_OPERATION_FAILED), which for
 * this command means success as much as the answer does. */
unsigned long long monitor_quit(struct qmp *m, qmp_reply_cb cb, void *opaque,
                                struct vireo_error *err);

/* ---- query-status ------------------------------------------------------ */

struct monitor_status {
    bool is_running;     /* the CPUs run */
    char status[32];     /* QEMU's RunState: "prelaunch", "running",
                          * "paused", "shutdown", "guest-panicked" ... */
};

unsigned long long monitor_query_status(struct qmp *m, qmp_reply_cb cb,
                                        void *opaque,
                                        struct vireo_error *err);

/* 0, or -1 with VIR_ERR_INTERNAL_ERROR when the reply lacks "running" or
 * "status". */
int monitor_parse_status(json_object *reply, struct monitor_status *st,
                         struct vireo_error *err);

/* Why a guest that QEMU reports in RunState status is paused, as libvirt
 * says it (enum vireo_domain_paused_reason); an unknown status (or NULL)
 * is VIR_DOMAIN_PAUSED_UNKNOWN. */
int monitor_paused_reason(const char *status);

/* Bring a state the driver held (*state, *reason: libvirt's enums) in
 * line with what query-status says, by libvirt's rules for a monitor
 * found again: a paused guest that runs is running (booted if it was
 * starting up); a running one that does not run is paused with the
 * status's reason, or shut down, or crashed (panicked). Returns whether
 * anything changed. */
bool monitor_status_update_state(const struct monitor_status *st, int *state,
                                 int *reason);

/* ---- query-chardev ----------------------------------------------------- */

struct monitor_chardev {
    char *label;         /* QEMU's chardev id: "char" + the device alias */
    char *pty_path;      /* "/dev/pts/N" for a pty, else NULL */
};

struct monitor_chardevs {
    struct monitor_chardev *items;
    int                     n_items;
};

unsigned long long monitor_query_chardev(struct qmp *m, qmp_reply_cb cb,
                                         void *opaque,
                                         struct vireo_error *err);

/* Fill *out (which the caller clears with monitor_chardevs_clear, also on
 * failure). 0, or -1 with VIR_ERR_INTERNAL_ERROR for a reply that is not
 * a list of chardevs, or VIR_ERR_NO_MEMORY. */
int monitor_parse_chardevs(json_object *reply, struct monitor_chardevs *out,
                           struct vireo_error *err);

/* The pty of the device with this alias ("serial0"), whose chardev the
 * command line names "char" + alias, as libvirt does; NULL if none. */
const char *monitor_chardev_pty(const struct monitor_chardevs *list,
                                const char *alias);

void monitor_chardevs_clear(struct monitor_chardevs *list);

/* ---- query-vnc --------------------------------------------------------- */

unsigned long long monitor_query_vnc(struct qmp *m, qmp_reply_cb cb,
                                     void *opaque, struct vireo_error *err);

/* The TCP port the VNC server listens on, or -1 when VNC is off. 0, or
 * -1 with VIR_ERR_INTERNAL_ERROR for a reply without a port. */
int monitor_parse_vnc_port(json_object *reply, int *port,
                           struct vireo_error *err);

/* ---- query-name -------------------------------------------------------- */

unsigned long long monitor_query_name(struct qmp *m, qmp_reply_cb cb,
                                      void *opaque, struct vireo_error *err);

/* The guest's -name into buf ("" when QEMU was given none). Returns 0, or
 * -1 with VIR_ERR_INTERNAL_ERROR for a malformed reply. */
int monitor_parse_name(json_object *reply, char *buf, size_t size,
                       struct vireo_error *err);

/* ---- events ------------------------------------------------------------ */

/* Who asked for a SHUTDOWN or a RESET: QEMU's "guest" field, when it
 * says. */
enum monitor_event_origin {
    MONITOR_ORIGIN_UNKNOWN = 0,
    MONITOR_ORIGIN_GUEST,
    MONITOR_ORIGIN_HOST,
};

/* The origin of a SHUTDOWN or RESET event from its data (may be NULL),
 * and its "reason" ("guest-shutdown", "host-qmp-quit", ...) into reason
 * ("" when absent). */
enum monitor_event_origin monitor_parse_event_origin(json_object *data,
                                                     char *reason,
                                                     size_t size);

/* ---- qemu-monitor-command ---------------------------------------------- */

/* Pass a command given as JSON text through (qmp_send_text). */
unsigned long long monitor_command_text(struct qmp *m, const char *json_text,
                                        qmp_reply_cb cb, void *opaque,
                                        struct vireo_error *err);

/* A reply (an answer or an error) as compact JSON text, as libvirt hands
 * it back for qemu-monitor-command. malloc'ed; NULL when memory is short. */
char *monitor_reply_text(json_object *reply);

#endif /* VIREO_QEMU_MONITOR_H */
