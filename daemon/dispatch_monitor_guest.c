/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_monitor_guest.c: handlers of GET_CPU_STATS and
 * INTERFACE_ADDRESSES, whose replies nest lists. Driver threads.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"
#include "drivers/typed_param_wire.h"

/* ---- CPU statistics --------------------------------------------------- */

/* The CPUs' lists one after the other into the reply: 0, or -1. */
static int
put_cpu_stats(remote_domain_get_cpu_stats_ret *r,
              const struct vireo_typed_params *lists, unsigned int n_lists,
              struct vireo_error *err)
{
    size_t total = 0;

    for (unsigned int i = 0; i < n_lists; i++)
        total += (size_t)lists[i].n;
    if (total > REMOTE_DOMAIN_GET_CPU_STATS_MAX)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                         "too many parameters '%zu' for limit '%d'", total,
                         REMOTE_DOMAIN_GET_CPU_STATS_MAX);
    r->params.params_val = calloc(total + 1, sizeof(remote_typed_param));
    if (r->params.params_val == NULL)
        return error_no_memory(err);
    for (unsigned int i = 0; i < n_lists; i++) {
        remote_typed_param *val = NULL;
        u_int len = 0;

        if (typed_params_to_wire(&lists[i], &val, &len, err) < 0)
            return -1;
        /* Moved, not copied: the reply now owns the fields and strings. */
        if (len > 0)
            memcpy(&r->params.params_val[r->params.params_len], val,
                   len * sizeof(*val));
        r->params.params_len += len;
        free(val);
    }
    return 0;
}

static int
get_cpu_stats(struct vireo_conn *conn,
              const remote_domain_get_cpu_stats_args *a,
              struct vireo_typed_params *lists, struct vireo_error *err)
{
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      conn->driver->domain_get_cpu_stats(
                          dom, lists, a->nparams, a->start_cpu, a->ncpus,
                          a->flags, err));
}

int
dispatch_domain_get_cpu_stats(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    const remote_domain_get_cpu_stats_args *a = args;
    remote_domain_get_cpu_stats_ret *r = ret;
    unsigned int n_lists = a->ncpus > 0 ? a->ncpus : 1;
    struct vireo_typed_params *lists = NULL;
    int n, rc = 0;

    if (DISPATCH_NEED(conn, domain_get_cpu_stats, err) < 0)
        return -1;
    if (a->nparams > REMOTE_NODE_CPU_STATS_MAX)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC, "nparams too large");
    if (a->ncpus > REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC, "ncpus too large");
    if (a->nparams > 0) {
        lists = calloc(n_lists, sizeof(*lists));
        if (lists == NULL)
            return error_no_memory(err);
    }
    n = get_cpu_stats(conn, a, lists, err);
    if (n >= 0 && lists != NULL)
        rc = put_cpu_stats(r, lists, n_lists, err);
    for (unsigned int i = 0; lists != NULL && i < n_lists; i++)
        vireo_typed_params_clear(&lists[i]);
    free(lists);
    if (n < 0 || rc < 0)
        return -1;
    r->nparams = n;
    return 0;
}

/* ---- Interface addresses ---------------------------------------------- */

static int
put_interface(remote_domain_interface *out,
              const struct vireo_domain_interface *in,
              struct vireo_error *err)
{
    if (in->n_addrs > REMOTE_DOMAIN_IP_ADDR_MAX)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                         "Number of interfaces, %d exceeds the max limit: %d",
                         in->n_addrs, REMOTE_DOMAIN_IP_ADDR_MAX);
    out->name = strdup(in->name);
    if (out->name == NULL)
        return error_no_memory(err);
    if (in->hwaddr != NULL) {
        out->hwaddr = malloc(sizeof(*out->hwaddr));
        if (out->hwaddr == NULL || (*out->hwaddr = strdup(in->hwaddr)) == NULL)
            return error_no_memory(err);
    }
    out->addrs.addrs_val = calloc((size_t)in->n_addrs + 1,
                                  sizeof(remote_domain_ip_addr));
    if (out->addrs.addrs_val == NULL)
        return error_no_memory(err);
    for (int j = 0; j < in->n_addrs; j++) {
        remote_domain_ip_addr *a = &out->addrs.addrs_val[j];

        a->type = in->addrs[j].type;
        a->prefix = in->addrs[j].prefix;
        a->addr = strdup(in->addrs[j].addr);
        out->addrs.addrs_len = (u_int)j + 1;
        if (a->addr == NULL)
            return error_no_memory(err);
    }
    return 0;
}

static int
interface_addresses(struct vireo_conn *conn,
                    const remote_domain_interface_addresses_args *a,
                    struct vireo_domain_interface **ifaces,
                    struct vireo_error *err)
{
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      conn->driver->domain_interface_addresses(
                          dom, ifaces, a->source, a->flags, err));
}

int
dispatch_domain_interface_addresses(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_domain_interface_addresses_args *a = args;
    remote_domain_interface_addresses_ret *r = ret;
    struct vireo_domain_interface *ifaces = NULL;
    int n, rc = 0;

    if (DISPATCH_NEED(conn, domain_interface_addresses, err) < 0)
        return -1;
    n = interface_addresses(conn, a, &ifaces, err);
    if (n < 0)
        return -1;
    if (n > REMOTE_DOMAIN_INTERFACE_MAX)
        rc = error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                       "Number of interfaces, %d exceeds the max limit: %d",
                       n, REMOTE_DOMAIN_INTERFACE_MAX);
    if (rc == 0) {
        r->ifaces.ifaces_val = calloc((size_t)n + 1,
                                      sizeof(remote_domain_interface));
        if (r->ifaces.ifaces_val == NULL)
            rc = error_no_memory(err);
    }
    for (int i = 0; rc == 0 && i < n; i++) {
        r->ifaces.ifaces_len = (u_int)i + 1;
        rc = put_interface(&r->ifaces.ifaces_val[i], &ifaces[i], err);
    }
    vireo_domain_interfaces_free(ifaces, n);
    return rc;
}
