/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_console.c: the ways into a running guest that bypass the
 * hypervisor's model of it: its console, and (libvirt-qemu's) its
 * monitor. Both are refused on a read-only connection, as libvirt
 * refuses them.
 */
#include <stddef.h>

#include "api/check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

int
vireo_domain_open_console(struct vireo_domain *dom, const char *dev_name,
                          unsigned flags, int *fd, struct vireo_error *err)
{
    const char *func = "virDomainOpenConsole";

    if (check_domain(dom, func, err) < 0 ||
        check_writable(dom->conn, func, err) < 0 ||
        check_non_null(fd, "fd", func, err) < 0)
        return -1;
    if (dom->conn->driver->domain_open_console == NULL)
        return error_unsupported(err, dom->conn->driver, func);
    return dom->conn->driver->domain_open_console(dom, dev_name, flags, fd,
                                                  err);
}

/* libvirt-qemu's entry points report from no particular error domain. */
int
vireo_domain_qemu_monitor_command(struct vireo_domain *dom, const char *cmd,
                                  char **result, unsigned flags,
                                  struct vireo_error *err)
{
    const char *func = "virDomainQemuMonitorCommand";

    if (check_domain(dom, func, err) < 0)
        return -1;
    if (dom->conn->is_read_only)
        return error_set(err, VIR_ERR_OPERATION_DENIED, VIR_FROM_NONE,
                         "read only access prevents %s", func);
    if (check_non_null(cmd, "cmd", func, err) < 0 ||
        check_non_null(result, "result", func, err) < 0)
        return -1;
    if (dom->conn->driver->domain_qemu_monitor_command == NULL)
        return error_unsupported(err, dom->conn->driver, func);
    return dom->conn->driver->domain_qemu_monitor_command(dom, cmd, result,
                                                          flags, err);
}
