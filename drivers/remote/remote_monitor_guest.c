/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_monitor_guest.c: GET_CPU_STATS and INTERFACE_ADDRESSES over the
 * wire, whose replies nest lists; checked against what was asked before
 * they are copied out, as libvirt's remote driver does.
 */
#include <rpc/xdr.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"
#include "drivers/typed_param_wire.h"

/* ---- CPU statistics --------------------------------------------------- */

/* The daemon sends nparams statistics a CPU, one CPU after the other. */
static int
take_cpu_stats(const remote_domain_get_cpu_stats_ret *ret,
               struct vireo_typed_params *params, unsigned int nparams,
               unsigned int ncpus, struct vireo_error *err)
{
    u_int len = ret->params.params_len;
    u_int stride = (u_int)ret->nparams;

    if (len > nparams * ncpus ||
        (len > 0 && (ret->nparams <= 0 || len % stride != 0 ||
                     stride > nparams)))
        return error_set(err, VIR_ERR_RPC, VIR_FROM_REMOTE,
                         "remoteDomainGetCPUStats: returned number of "
                         "stats exceeds limit");
    for (u_int cpu = 0; len > 0 && cpu < len / stride; cpu++)
        if (typed_params_from_wire(&ret->params.params_val[cpu * stride],
                                   stride, REMOTE_NODE_CPU_STATS_MAX,
                                   &params[cpu], err) < 0)
            return -1;
    return ret->nparams;
}

int
remotedrv_domain_get_cpu_stats(struct vireo_domain *dom,
                               struct vireo_typed_params *params,
                               unsigned int nparams, int start_cpu,
                               unsigned int ncpus, unsigned flags,
                               struct vireo_error *err)
{
    remote_domain_get_cpu_stats_args args = {
        .nparams = nparams, .start_cpu = start_cpu, .ncpus = ncpus,
        .flags = flags };
    remote_domain_get_cpu_stats_ret ret = { 0 };
    int n;

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_CPU_STATS, &args, &ret,
                    err) < 0)
        return -1;
    n = nparams == 0 ? ret.nparams
                     : take_cpu_stats(&ret, params, nparams, ncpus, err);
    xdr_free((xdrproc_t)xdr_remote_domain_get_cpu_stats_ret, (char *)&ret);
    return n;
}

/* ---- Interface addresses ---------------------------------------------- */

static int
take_interface(struct vireo_domain_interface *out,
               const remote_domain_interface *in, struct vireo_error *err)
{
    out->name = strdup(in->name);
    out->hwaddr = in->hwaddr != NULL ? strdup(*in->hwaddr) : NULL;
    out->addrs = calloc((size_t)in->addrs.addrs_len + 1,
                        sizeof(*out->addrs));
    if (out->name == NULL || (in->hwaddr != NULL && out->hwaddr == NULL) ||
        out->addrs == NULL)
        return error_no_memory(err);
    for (u_int j = 0; j < in->addrs.addrs_len; j++) {
        struct vireo_domain_ip_addr *a = &out->addrs[j];

        a->type = in->addrs.addrs_val[j].type;
        a->prefix = in->addrs.addrs_val[j].prefix;
        a->addr = strdup(in->addrs.addrs_val[j].addr);
        out->n_addrs = (int)j + 1;
        if (a->addr == NULL)
            return error_no_memory(err);
    }
    return 0;
}

static int
take_interfaces(const remote_domain_interface_addresses_ret *ret,
                struct vireo_domain_interface **ifaces,
                struct vireo_error *err)
{
    u_int n = ret->ifaces.ifaces_len;
    struct vireo_domain_interface *out = calloc(n + 1, sizeof(*out));

    if (out == NULL)
        return error_no_memory(err);
    for (u_int i = 0; i < n; i++) {
        if (take_interface(&out[i], &ret->ifaces.ifaces_val[i], err) < 0) {
            vireo_domain_interfaces_free(out, (int)i + 1);
            return -1;
        }
    }
    *ifaces = out;
    return (int)n;
}

int
remotedrv_domain_interface_addresses(struct vireo_domain *dom,
                                     struct vireo_domain_interface **ifaces,
                                     unsigned int source, unsigned flags,
                                     struct vireo_error *err)
{
    remote_domain_interface_addresses_args args = { .source = source,
                                                    .flags = flags };
    remote_domain_interface_addresses_ret ret = { 0 };
    int n;

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_INTERFACE_ADDRESSES, &args,
                    &ret, err) < 0)
        return -1;
    n = take_interfaces(&ret, ifaces, err);
    xdr_free((xdrproc_t)xdr_remote_domain_interface_addresses_ret,
             (char *)&ret);
    return n;
}
