/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * admin_log.c: the admin calls about the daemon as a whole: its log
 * outputs and filters (virt-admin daemon-log-outputs, daemon-log-filters)
 * and its idle timeout (daemon-timeout), all changed live. Loop thread.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_admin.h"
#include "daemon/idle_exit.h"
#include "daemon/log.h"
#include "drivers/error.h"
#include "wire/admin_protocol.h"

/* Room for what log.c keeps of either list. */
#define LOG_SPEC_MAX 8192

int
admin_connect_get_logging_outputs(struct client *c, const void *args,
                                  void *ret, struct vireo_error *err)
{
    admin_connect_get_logging_outputs_ret *r = ret;
    char buf[LOG_SPEC_MAX];

    log_get_outputs(buf, sizeof(buf), &r->noutputs);
    r->outputs = strdup(buf);
    return r->outputs != NULL ? 0 : error_no_memory(err);
}

int
admin_connect_get_logging_filters(struct client *c, const void *args,
                                  void *ret, struct vireo_error *err)
{
    admin_connect_get_logging_filters_ret *r = ret;
    char buf[LOG_SPEC_MAX];

    log_get_filters(buf, sizeof(buf), &r->nfilters);
    if (r->nfilters == 0)
        return 0;   /* as libvirtd: no string at all */
    r->filters = malloc(sizeof(*r->filters));
    if (r->filters == NULL || (*r->filters = strdup(buf)) == NULL)
        return error_no_memory(err);
    return 0;
}

int
admin_connect_set_logging_outputs(struct client *c, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const admin_connect_set_logging_outputs_args *a = args;

    return log_set_outputs(a->outputs != NULL ? *a->outputs : NULL, err);
}

int
admin_connect_set_logging_filters(struct client *c, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const admin_connect_set_logging_filters_args *a = args;

    return log_set_filters(a->filters != NULL ? *a->filters : NULL, err);
}

/* The TLS listener's credentials are read once, at start. */
int
admin_server_update_tls_files(struct client *c, const void *args, void *ret,
                              struct vireo_error *err)
{
    return error_set(err, VIR_ERR_OPERATION_UNSUPPORTED, VIR_FROM_RPC,
                     "vireod reads its TLS files at start only");
}

/* As libvirtd's --timeout, from now on; 0 turns it off. */
int
admin_connect_set_daemon_timeout(struct client *c, const void *args,
                                 void *ret, struct vireo_error *err)
{
    const admin_connect_set_daemon_timeout_args *a = args;

    if (a->timeout > 86400u * 365)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_RPC,
                         "timeout %u is too large", a->timeout);
    idle_exit_set_timeout((int)a->timeout);
    log_info("idle timeout set to %u s%s", a->timeout,
             a->timeout == 0 ? " (never)" : "");
    return 0;
}
