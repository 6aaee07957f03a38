/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_console.c: a running guest's console, opened as the pty QEMU gave
 * it (found in the live definition, which query-chardev filled at start),
 * and the monitor passthrough behind qemu-monitor-command, with libvirt's
 * QEMU driver's choices and errors. Runs on the driver's thread.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "drivers/call.h"
#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/qemu/monitor.h"
#include "drivers/qemu/qemu_guest.h"
#include "drivers/qemu/qemu_slots.h"
#include "drivers/qemu/qemu_state.h"

#define CONSOLE_FLAGS  3u    /* VIR_DOMAIN_CONSOLE_FORCE | _SAFE */
#define MONITOR_HMP    1u    /* VIR_DOMAIN_QEMU_MONITOR_COMMAND_HMP */

/* ---- the console ------------------------------------------------------- */

static bool
is_kind(const struct domain_chardev *chr, int kind)
{
    return chr->kind == kind;
}

/* As libvirt picks it: the device whose alias is dev_name (a console, a
 * serial port or a channel), or without a name the first console, else
 * the first serial port, if it is a pty. */
static const struct domain_chardev *
find_chardev(const struct domain_def *def, const char *dev_name)
{
    static const int kinds[] = { DOMAIN_CHARDEV_CONSOLE,
                                 DOMAIN_CHARDEV_SERIAL };

    for (int k = 0; k < 2; k++)
        for (int i = 0; i < def->n_chardevs; i++) {
            const struct domain_chardev *chr = &def->chardevs[i];

            if (dev_name == NULL && is_kind(chr, kinds[k]))
                return chr;
            if (dev_name != NULL && chr->info.alias != NULL &&
                strcmp(chr->info.alias, dev_name) == 0)
                return chr;
        }
    return NULL;
}

static bool
is_pty(const struct domain_chardev *chr)
{
    return chr->type == NULL || strcmp(chr->type, "pty") == 0;
}

/* The pty, raw, as libvirt's console streams open it: what the guest
 * writes arrives unchanged, and so does what is sent to it. */
static int
open_pty(const char *path, int *fd, struct vireo_error *err)
{
    struct termios attr;
    int pty = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);

    if (pty < 0)
        return qemu_error_system(err, errno, "Unable to open '%s'", path);
    if (tcgetattr(pty, &attr) == 0) {
        cfmakeraw(&attr);
        tcsetattr(pty, TCSANOW, &attr);
    }
    *fd = pty;
    return 0;
}

int
qemudrv_domain_open_console(struct vireo_domain *dom, const char *dev_name,
                            unsigned flags, int *fd, struct vireo_error *err)
{
    struct domain_obj *obj;
    const struct domain_chardev *chr;

    if (error_check_flags(err, VIR_FROM_QEMU, flags, CONSOLE_FLAGS,
                          "qemuDomainOpenConsole") < 0 ||
        (obj = qemu_state_find(dom->conn->priv, dom, err)) == NULL)
        return -1;
    if (!domain_obj_is_active(obj))
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_QEMU,
                         "%s", "domain is not running");
    chr = find_chardev(obj->def, dev_name);
    if (chr == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                         "cannot find character device %s",
                         dev_name != NULL ? dev_name : "<null>");
    if (!is_pty(chr) || chr->source_path == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                         "character device %s is not using a PTY",
                         dev_name != NULL ? dev_name
                         : chr->info.alias != NULL ? chr->info.alias
                         : "<null>");
    return open_pty(chr->source_path, fd, err);
}

/* ---- the monitor passthrough ------------------------------------------- */

/* QEMU's reply, answer or error alike, goes back as JSON text, as
 * libvirt hands it back; only a reply that never came is an error. */
static int
as_text(struct qemu_guest *g, json_object *reply,
        const struct vireo_error *qerr, void **data, struct vireo_error *err)
{
    if (reply == NULL)
        return error_set_raw(err, qerr->code, VIR_FROM_QEMU, qerr->message);
    *data = monitor_reply_text(reply);
    return *data != NULL ? 0 : error_no_memory(err);
}

/* An HMP command's output is the string human-monitor-command returns. */
static int
as_hmp_output(struct qemu_guest *g, json_object *reply,
              const struct vireo_error *qerr, void **data,
              struct vireo_error *err)
{
    json_object *ret;

    if (qerr != NULL)
        return error_set_raw(err, qerr->code, VIR_FROM_QEMU, qerr->message);
    if (!json_object_object_get_ex(reply, "return", &ret) ||
        !json_object_is_type(ret, json_type_string))
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU, "%s",
                         "human monitor command was missing return data");
    *data = strdup(json_object_get_string(ret));
    return *data != NULL ? 0 : error_no_memory(err);
}

/* {"execute": "human-monitor-command", "arguments": {"command-line": cmd}} */
static char *
hmp_wrapper(const char *cmd)
{
    json_object *obj = json_object_new_object();
    json_object *args = json_object_new_object();
    char *text = NULL;

    if (obj != NULL && args != NULL) {
        json_object_object_add(args, "command-line",
                               json_object_new_string(cmd));
        json_object_object_add(obj, "execute",
                               json_object_new_string("human-monitor-command"));
        json_object_object_add(obj, "arguments", args);
        args = NULL;
        text = strdup(json_object_to_json_string_ext(obj,
                                                     JSON_C_TO_STRING_PLAIN));
    }
    json_object_put(args);
    json_object_put(obj);
    return text;
}

static int
send_command(struct qemu_guest *g, const char *cmd, unsigned flags,
             struct vireo_error *err)
{
    char *hmp;
    int rc;

    if (!(flags & MONITOR_HMP))
        return qemu_guest_command_text(g, cmd, as_text, err);
    hmp = hmp_wrapper(cmd);
    if (hmp == NULL)
        return error_no_memory(err);
    rc = qemu_guest_command_text(g, hmp, as_hmp_output, err);
    free(hmp);
    return rc;
}

int
qemudrv_domain_qemu_monitor_command(struct vireo_domain *dom,
                                    const char *cmd, char **result,
                                    unsigned flags, struct vireo_error *err)
{
    struct call *c = call_current();
    struct domain_obj *obj;
    void *text = NULL;
    int rc;

    if (error_check_flags(err, VIR_FROM_QEMU, flags, MONITOR_HMP,
                          "qemuDomainQemuMonitorCommand") < 0)
        return -1;
    if (c == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU, "%s",
                         "the QEMU driver answers only calls vireod makes");
    if (call_replay(c, &rc, err, &text)) {
        if (rc < 0)
            return -1;
        *result = strdup(text);
        return *result != NULL ? 0 : error_no_memory(err);
    }
    obj = qemu_state_find(dom->conn->priv, dom, err);
    if (obj == NULL)
        return -1;
    if (!domain_obj_is_active(obj))
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_QEMU,
                         "%s", "domain is not running");
    return send_command(obj->priv, cmd, flags, err);
}
