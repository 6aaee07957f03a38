/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_qemu.c: the handlers of libvirt's QEMU program (0x20008087):
 * a monitor command passed through to the driver, for debugging. Driver
 * threads.
 */
#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"
#include "wire/qemu_protocol.h"

/* The driver's malloc'ed answer becomes the reply's string. */
static int
monitor_command(struct vireo_domain *dom, const char *cmd, unsigned flags,
                qemu_domain_monitor_command_ret *r, struct vireo_error *err)
{
    char *result = NULL;

    if (dom->conn->driver->domain_qemu_monitor_command(dom, cmd, &result,
                                                       flags, err) < 0)
        return -1;
    if (result == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU,
                         "the %s driver answered no result",
                         dom->conn->driver->name);
    r->result = result;
    return 0;
}

int
dispatch_qemu_domain_monitor_command(struct vireo_conn *conn,
                                     const void *args, void *ret,
                                     struct vireo_error *err)
{
    const qemu_domain_monitor_command_args *a = args;

    if (DISPATCH_NEED(conn, domain_qemu_monitor_command, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      monitor_command(dom, a->cmd, a->flags, ret, err));
}
