/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_admin.c: the admin program's procedure -> handler table, the
 * session calls (open, close, the daemon's version), and answering on
 * the loop thread.
 */
#include <stdlib.h>

#include "daemon/client.h"
#include "daemon/dispatch_admin.h"
#include "daemon/dispatch_reply.h"
#include "daemon/metrics_calls.h"
#include "drivers/error.h"
#include "wire/admin_procs.h"
#include "wire/error.h"
#include "wire/procs.h"

/* Only the client itself is involved: nothing to set up or to release. */
static int
connect_open(struct client *c, const void *args, void *ret,
             struct vireo_error *err)
{
    return 0;
}

static int
connect_close(struct client *c, const void *args, void *ret,
              struct vireo_error *err)
{
    return 0;
}

/* The libvirt release whose protocols vireod speaks, as the main
 * program's CONNECT_GET_LIB_VERSION answers: virt-admin's "Running
 * against daemon" is the same number virsh's `version --daemon` shows. */
static int
connect_get_lib_version(struct client *c, const void *args, void *ret,
                        struct vireo_error *err)
{
    admin_connect_get_lib_version_ret *r = ret;

    r->libVer = WIRE_LIBVIRT_VERSION;
    return 0;
}

#define SLOT(NAME, fn) [ADMIN_PROC_##NAME] = fn

static const admin_handler_fn handlers[WIRE_ADMIN_PROC_MAX + 1] = {
    SLOT(CONNECT_OPEN, connect_open),
    SLOT(CONNECT_CLOSE, connect_close),
    SLOT(CONNECT_GET_LIB_VERSION, connect_get_lib_version),
    SLOT(CONNECT_LIST_SERVERS, admin_connect_list_servers),
    SLOT(CONNECT_LOOKUP_SERVER, admin_connect_lookup_server),
    SLOT(SERVER_GET_THREADPOOL_PARAMETERS,
         admin_server_get_threadpool_parameters),
    SLOT(SERVER_SET_THREADPOOL_PARAMETERS,
         admin_server_set_threadpool_parameters),
    SLOT(SERVER_LIST_CLIENTS, admin_server_list_clients),
    SLOT(SERVER_LOOKUP_CLIENT, admin_server_lookup_client),
    SLOT(CLIENT_GET_INFO, admin_client_get_info),
    SLOT(CLIENT_CLOSE, admin_client_close),
    SLOT(SERVER_GET_CLIENT_LIMITS, admin_server_get_client_limits),
    SLOT(SERVER_SET_CLIENT_LIMITS, admin_server_set_client_limits),
    SLOT(CONNECT_GET_LOGGING_OUTPUTS, admin_connect_get_logging_outputs),
    SLOT(CONNECT_GET_LOGGING_FILTERS, admin_connect_get_logging_filters),
    SLOT(CONNECT_SET_LOGGING_OUTPUTS, admin_connect_set_logging_outputs),
    SLOT(CONNECT_SET_LOGGING_FILTERS, admin_connect_set_logging_filters),
    SLOT(SERVER_UPDATE_TLS_FILES, admin_server_update_tls_files),
    SLOT(CONNECT_SET_DAEMON_TIMEOUT, admin_connect_set_daemon_timeout),
};

bool
dispatch_admin_takes(const struct client *c, const struct wire_message *msg)
{
    return client_is_admin(c) || msg->header.prog == WIRE_ADMIN_PROGRAM;
}

static void
send_reply(struct client *c, const remote_message_header *call,
           const struct wire_proc *proc, int rc, const void *ret,
           struct vireo_error *err)
{
    struct wire_buffer out = { 0 };

    if (dispatch_reply_encode(&out, call, proc, rc, ret, err) == 0) {
        /* Admin calls are answered here, on the loop, and counted with
         * their program as every other call is. */
        metrics_call_replied(&out, metrics_call_arrival_ns());
        client_send(c, &out);
    } else
        wire_buffer_release(&out);
}

/* The admin socket serves the admin program only, and the others never
 * serve it: libvirtd's servers each know their own programs. */
static bool
is_wrong_socket(const struct client *c, const remote_message_header *hdr)
{
    return client_is_admin(c) != (hdr->prog == WIRE_ADMIN_PROGRAM);
}

void
dispatch_admin_message(struct client *c, struct wire_message *msg)
{
    struct vireo_error err = { 0 };
    const struct wire_proc *proc = msg->proc;
    void *ret = NULL;
    int rc;

    if (is_wrong_socket(c, &msg->header)) {
        wire_error_for_result(&err, WIRE_ERR_PROGRAM, &msg->header);
        send_reply(c, &msg->header, proc, -1, NULL, &err);
        return;
    }
    if (proc->ret.size > 0 && (ret = calloc(1, proc->ret.size)) == NULL)
        rc = error_no_memory(&err);
    else
        rc = handlers[proc->number](c, msg->body, ret, &err);
    send_reply(c, &msg->header, proc, rc, ret, &err);
    if (ret != NULL && rc == 0)
        xdr_free(proc->ret.proc, ret);
    free(ret);
}
