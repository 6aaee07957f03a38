/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_console.c: a guest's console and monitor over the wire. The
 * console is a stream: the caller gets one end of a socket pair, and the
 * connection pumps the other (rpc_stream.c). The monitor command is a
 * plain call of libvirt's QEMU program.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"
#include "drivers/remote/rpc_client.h"
#include "wire/procs.h"
#include "wire/qemu_protocol.h"

int
remotedrv_domain_open_console(struct vireo_domain *dom, const char *dev_name,
                              unsigned flags, int *fd,
                              struct vireo_error *err)
{
    struct remote_priv *priv = dom->conn->priv;
    char *wire_name = (char *)dev_name;
    remote_domain_open_console_args args = {
        .dev_name = dev_name != NULL ? &wire_name : NULL, .flags = flags,
    };
    int pair[2];

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0,
                   pair) < 0)
        return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS,
                         "cannot make a socket pair: %s", strerror(errno));
    remote_domain_to_wire(dom, &args.dom);
    if (rpc_client_open_stream(priv->rpc, REMOTE_PROC_DOMAIN_OPEN_CONSOLE,
                               &args, pair[1], err) < 0) {
        close(pair[0]);
        return -1;
    }
    *fd = pair[0];
    return 0;
}

int
remotedrv_domain_qemu_monitor_command(struct vireo_domain *dom,
                                      const char *cmd, char **result,
                                      unsigned flags, struct vireo_error *err)
{
    struct remote_priv *priv = dom->conn->priv;
    qemu_domain_monitor_command_args args = { .cmd = (char *)cmd,
                                              .flags = flags };
    qemu_domain_monitor_command_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (rpc_client_call_proc(priv->rpc,
                             wire_proc_find(WIRE_QEMU_PROGRAM,
                                            QEMU_PROC_DOMAIN_MONITOR_COMMAND),
                             &args, &ret, err) < 0)
        return -1;
    *result = ret.result;      /* malloc'ed by the decoder: the caller's */
    return 0;
}
