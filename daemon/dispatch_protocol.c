/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_protocol.c: the calls the loop answers itself, because they are
 * about the session rather than any driver (spec §4): the authentication
 * list, feature queries, close callbacks and closing.
 */
#include <stdlib.h>

#include "daemon/client.h"
#include "daemon/dispatch_table.h"
#include "drivers/error.h"
#include "wire/procs.h"

/* VIR_DRV_FEATURE_* values the daemon itself answers (spec §4.3), as
 * libvirt 9.0 numbers them (src/libvirt_internal.h). */
enum {
    FEATURE_FD_PASSING                       = 8,
    FEATURE_TYPED_PARAM_STRING               = 9,
    FEATURE_PROGRAM_KEEPALIVE                = 10,
    FEATURE_REMOTE_EVENT_CALLBACK            = 14,
    FEATURE_REMOTE_CLOSE_CALLBACK            = 15,
    FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER = 16,
};

/* UNIX sockets need no authentication: the only type offered is none. */
static int
auth_list(struct client *c, const void *args, void *ret,
          struct vireo_error *err)
{
    remote_auth_list_ret *r = ret;

    r->types.types_val = malloc(sizeof(*r->types.types_val));
    if (r->types.types_val == NULL)
        return error_no_memory(err);
    r->types.types_val[0] = REMOTE_AUTH_NONE;
    r->types.types_len = 1;
    return 0;
}

/* Keepalive: PINGs are answered (dispatch.c). Event callbacks: 316/317
 * and the 318/319 messages (dispatch_event.c). Close callbacks: 360/361
 * succeed. FD passing: CALL_WITH_FDS messages are read whole, and the
 * descriptors they pass are closed, since no served call takes any
 * (client.c). Every other feature (migration, ...) is not implemented,
 * and libvirt's test driver answers no to them too. */
static int
supports_feature(struct client *c, const void *args, void *ret,
                 struct vireo_error *err)
{
    const remote_connect_supports_feature_args *a = args;
    remote_connect_supports_feature_ret *r = ret;

    switch (a->feature) {
    case FEATURE_PROGRAM_KEEPALIVE:
        /* libvirtd arms its pings the moment it says yes (spec §2.9). */
        if (c != NULL)
            client_enable_keepalive(c);
        r->supported = 1;
        break;
    case FEATURE_REMOTE_EVENT_CALLBACK:
    case FEATURE_REMOTE_CLOSE_CALLBACK:
    case FEATURE_FD_PASSING:
    /* Every driver's typed parameters may hold strings, and the wire
     * carries them: clients then ask with VIR_TYPED_PARAM_STRING_OKAY, as
     * they ask libvirtd. */
    case FEATURE_TYPED_PARAM_STRING:
    /* NETWORK_UPDATE carries its command and section in the order its
     * args struct declares, as libvirtd reads them. */
    case FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER:
        r->supported = 1;
        break;
    default:
        r->supported = 0;
        break;
    }
    return 0;
}

/* vireod closes a client only at shutdown or on a protocol error, and then
 * the socket closing is the signal: a registration needs no state. */
static int
close_callback(struct client *c, const void *args, void *ret,
               struct vireo_error *err)
{
    return 0;
}

static int
connect_close(struct client *c, const void *args, void *ret,
              struct vireo_error *err)
{
    client_release_conn(c);
    return 0;
}

dispatch_local_fn
dispatch_local_handler(int proc)
{
    switch (proc) {
    case REMOTE_PROC_AUTH_LIST:
        return auth_list;
    case REMOTE_PROC_CONNECT_SUPPORTS_FEATURE:
        return supports_feature;
    case REMOTE_PROC_CONNECT_REGISTER_CLOSE_CALLBACK:
    case REMOTE_PROC_CONNECT_UNREGISTER_CLOSE_CALLBACK:
        return close_callback;
    case REMOTE_PROC_CONNECT_CLOSE:
        return connect_close;
    default:
        return NULL;
    }
}
