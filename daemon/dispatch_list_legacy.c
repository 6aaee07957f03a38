/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_list_legacy.c: the list procedures older clients use instead of
 * CONNECT_LIST_ALL_DOMAINS: the number and ids of the running domains, the
 * number and names of the defined ones that do not run. Each is answered
 * from the driver's conn_list_all_domains, as libvirt's drivers answer
 * them from the one list they keep. Driver threads.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"

/* The spec's bound on returned lists (REMOTE_DOMAIN_LIST_MAX). */
#define LIST_MAX 16384

/* The driver's domains that match flags (VIR_CONNECT_LIST_DOMAINS_ACTIVE
 * or _INACTIVE): their number, with *doms (may be NULL: count only) the
 * handles for the caller to free with handle_domain_array_free. */
static int
list(struct vireo_conn *conn, unsigned flags, struct vireo_domain ***doms,
     struct vireo_error *err)
{
    if (DISPATCH_NEED(conn, conn_list_all_domains, err) < 0)
        return -1;
    return conn->driver->conn_list_all_domains(conn, doms, flags, err);
}

/* libvirtd's check of a client's bound on the answer. */
static int
check_max(int max, const char *what, struct vireo_error *err)
{
    if (max > LIST_MAX)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                         "%s > REMOTE_DOMAIN_LIST_MAX", what);
    if (max < 0)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_RPC,
                         "%s must not be negative", what);
    return 0;
}

int
dispatch_connect_num_of_domains(struct vireo_conn *conn, const void *args,
                                void *ret, struct vireo_error *err)
{
    remote_connect_num_of_domains_ret *r = ret;
    int n = list(conn, VIR_CONNECT_LIST_DOMAINS_ACTIVE, NULL, err);

    r->num = n;
    return n < 0 ? -1 : 0;
}

int
dispatch_connect_num_of_defined_domains(struct vireo_conn *conn,
                                        const void *args, void *ret,
                                        struct vireo_error *err)
{
    remote_connect_num_of_defined_domains_ret *r = ret;
    int n = list(conn, VIR_CONNECT_LIST_DOMAINS_INACTIVE, NULL, err);

    r->num = n;
    return n < 0 ? -1 : 0;
}

/* The first maxids running domains' ids, as virConnectListDomains gives
 * them. */
int
dispatch_connect_list_domains(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    const remote_connect_list_domains_args *a = args;
    remote_connect_list_domains_ret *r = ret;
    struct vireo_domain **doms = NULL;
    int n;

    if (check_max(a->maxids, "maxids", err) < 0)
        return -1;
    n = list(conn, VIR_CONNECT_LIST_DOMAINS_ACTIVE, &doms, err);
    if (n < 0)
        return -1;
    r->ids.ids_val = calloc((size_t)n + 1, sizeof(int));
    if (r->ids.ids_val == NULL) {
        handle_domain_array_free(doms, n);
        return error_no_memory(err);
    }
    for (int i = 0; i < n && i < a->maxids; i++)
        r->ids.ids_val[r->ids.ids_len++] = atomic_load(&doms[i]->id);
    handle_domain_array_free(doms, n);
    return 0;
}

/* The first maxnames defined domains' names that do not run, as
 * virConnectListDefinedDomains gives them. */
int
dispatch_connect_list_defined_domains(struct vireo_conn *conn,
                                      const void *args, void *ret,
                                      struct vireo_error *err)
{
    const remote_connect_list_defined_domains_args *a = args;
    remote_connect_list_defined_domains_ret *r = ret;
    struct vireo_domain **doms = NULL;
    int n, rc = 0;

    if (check_max(a->maxnames, "maxnames", err) < 0)
        return -1;
    n = list(conn, VIR_CONNECT_LIST_DOMAINS_INACTIVE, &doms, err);
    if (n < 0)
        return -1;
    r->names.names_val = calloc((size_t)n + 1, sizeof(char *));
    if (r->names.names_val == NULL)
        rc = error_no_memory(err);
    for (int i = 0; rc == 0 && i < n && i < a->maxnames; i++) {
        r->names.names_val[i] = strdup(doms[i]->name);
        if (r->names.names_val[i] == NULL)
            rc = error_no_memory(err);
        else
            r->names.names_len = (u_int)i + 1;
    }
    handle_domain_array_free(doms, n);
    return rc;
}
