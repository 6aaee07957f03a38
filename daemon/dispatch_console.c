/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_console.c: DOMAIN_OPEN_CONSOLE. The driver's thread asks the
 * driver for the console's fd; the loop then pumps it as the client's
 * stream (dispatch_job.c, stream.c). Driver threads.
 */
#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"

int
dispatch_domain_open_console(struct vireo_conn *conn, const void *args,
                             void *ret, int *fd, struct vireo_error *err)
{
    const remote_domain_open_console_args *a = args;
    const char *dev_name = a->dev_name != NULL ? *a->dev_name : NULL;

    if (DISPATCH_NEED(conn, domain_open_console, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      conn->driver->domain_open_console(dom, dev_name,
                                                        a->flags, fd, err));
}
