/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * admin_procs.c: the admin program's procedure table, indexed by number,
 * one line per procedure in libvirt's order. Every admin call changes
 * nothing a read-only socket could reach (the admin socket is root's
 * only), so no trait is needed beyond the payloads; CONNECT_OPEN and
 * CONNECT_CLOSE come before (or end) the session.
 */
#include "wire/admin_procs.h"

#define NONE      { WIRE_XDR_VOID, 0 }
#define ARGS(t)   { (xdrproc_t)xdr_admin_##t##_args, sizeof(admin_##t##_args) }
#define RET(t)    { (xdrproc_t)xdr_admin_##t##_ret, sizeof(admin_##t##_ret) }

#define CALL(nm, a, r, pre_open)                                 \
    [ADMIN_PROC_##nm] = {                                        \
        .prog = WIRE_ADMIN_PROGRAM,                              \
        .number = ADMIN_PROC_##nm,                               \
        .name = #nm,                                             \
        .kind = WIRE_PROC_CALL,                                  \
        .args = a,                                               \
        .ret = r,                                                \
        .msg = NONE,                                             \
        .is_allowed_before_open = pre_open,                      \
    }

static const struct wire_proc admin_procs[WIRE_ADMIN_PROC_MAX + 1] = {
    CALL(CONNECT_OPEN, ARGS(connect_open), NONE, true),
    CALL(CONNECT_CLOSE, NONE, NONE, true),
    CALL(CONNECT_GET_LIB_VERSION, NONE, RET(connect_get_lib_version), false),
    CALL(CONNECT_LIST_SERVERS, ARGS(connect_list_servers),
         RET(connect_list_servers), false),
    CALL(CONNECT_LOOKUP_SERVER, ARGS(connect_lookup_server),
         RET(connect_lookup_server), false),
    CALL(SERVER_GET_THREADPOOL_PARAMETERS,
         ARGS(server_get_threadpool_parameters),
         RET(server_get_threadpool_parameters), false),
    CALL(SERVER_SET_THREADPOOL_PARAMETERS,
         ARGS(server_set_threadpool_parameters), NONE, false),
    CALL(SERVER_LIST_CLIENTS, ARGS(server_list_clients),
         RET(server_list_clients), false),
    CALL(SERVER_LOOKUP_CLIENT, ARGS(server_lookup_client),
         RET(server_lookup_client), false),
    CALL(CLIENT_GET_INFO, ARGS(client_get_info), RET(client_get_info), false),
    CALL(CLIENT_CLOSE, ARGS(client_close), NONE, false),
    CALL(SERVER_GET_CLIENT_LIMITS, ARGS(server_get_client_limits),
         RET(server_get_client_limits), false),
    CALL(SERVER_SET_CLIENT_LIMITS, ARGS(server_set_client_limits), NONE,
         false),
    CALL(CONNECT_GET_LOGGING_OUTPUTS, ARGS(connect_get_logging_outputs),
         RET(connect_get_logging_outputs), false),
    CALL(CONNECT_GET_LOGGING_FILTERS, ARGS(connect_get_logging_filters),
         RET(connect_get_logging_filters), false),
    CALL(CONNECT_SET_LOGGING_OUTPUTS, ARGS(connect_set_logging_outputs), NONE,
         false),
    CALL(CONNECT_SET_LOGGING_FILTERS, ARGS(connect_set_logging_filters), NONE,
         false),
    CALL(SERVER_UPDATE_TLS_FILES, ARGS(server_update_tls_files), NONE, false),
    CALL(CONNECT_SET_DAEMON_TIMEOUT, ARGS(connect_set_daemon_timeout), NONE,
         false),
};

const struct wire_proc *
wire_admin_proc_find(int number)
{
    if (number < 1 || number > WIRE_ADMIN_PROC_MAX)
        return NULL;
    return &admin_procs[number];
}
