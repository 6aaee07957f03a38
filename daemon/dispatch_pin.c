/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_pin.c: handlers of the placement procedures: pinning vCPUs,
 * emulator and I/O threads, the NUMA memory policy, and adding, removing
 * and tuning I/O threads. Driver threads.
 *
 * virDomainPinVcpu and virDomainPinVcpuFlags reach the same slot, the
 * first with flags 0, as libvirt's own function without flags stands for.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"
#include "drivers/typed_param_wire.h"

/* VIR_TYPED_PARAM_STRING_OKAY, which libvirt's getters add for a driver
 * that takes string parameters (libvirt's test driver does). */
#define STRING_OKAY (1u << 2)

/* ---- vCPUs and emulator ----------------------------------------------- */

static int
pin_vcpu(struct vireo_conn *conn, const remote_nonnull_domain *wire,
         unsigned vcpu, const char *map, u_int maplen, unsigned flags,
         const char *api, struct vireo_error *err)
{
    if (DISPATCH_NEED_AS(conn, domain_pin_vcpu, api, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, wire, err, dom,
             conn->driver->domain_pin_vcpu(dom, vcpu,
                                           (const unsigned char *)map,
                                           (int)maplen, flags, err));
}

int
dispatch_domain_pin_vcpu(struct vireo_conn *conn, const void *args,
                         void *ret, struct vireo_error *err)
{
    const remote_domain_pin_vcpu_args *a = args;

    return pin_vcpu(conn, &a->dom, a->vcpu, a->cpumap.cpumap_val,
                    a->cpumap.cpumap_len, 0, "virDomainPinVcpu", err);
}

int
dispatch_domain_pin_vcpu_flags(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_domain_pin_vcpu_flags_args *a = args;

    return pin_vcpu(conn, &a->dom, a->vcpu, a->cpumap.cpumap_val,
                    a->cpumap.cpumap_len, a->flags, "virDomainPinVcpuFlags",
                    err);
}

int
dispatch_domain_pin_emulator(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_domain_pin_emulator_args *a = args;

    if (DISPATCH_NEED_AS(conn, domain_pin_emulator, "virDomainPinEmulator",
                         err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_pin_emulator(
                 dom, (const unsigned char *)a->cpumap.cpumap_val,
                 (int)a->cpumap.cpumap_len, a->flags, err));
}

static int
get_emulator_pin_info(struct vireo_conn *conn,
                      const remote_domain_get_emulator_pin_info_args *a,
                      unsigned char *map, struct vireo_error *err)
{
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_get_emulator_pin_info(dom, map, a->maplen,
                                                        a->flags, err));
}

int
dispatch_domain_get_emulator_pin_info(struct vireo_conn *conn,
                                      const void *args, void *ret,
                                      struct vireo_error *err)
{
    const remote_domain_get_emulator_pin_info_args *a = args;
    remote_domain_get_emulator_pin_info_ret *r = ret;
    int rc;

    if (DISPATCH_NEED_AS(conn, domain_get_emulator_pin_info,
                         "virDomainGetEmulatorPinInfo", err) < 0)
        return -1;
    if (a->maplen <= 0 || a->maplen > REMOTE_CPUMAPS_MAX)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_REMOTE,
                         "maplen > REMOTE_CPUMAPS_MAX");
    r->cpumaps.cpumaps_val = calloc((size_t)a->maplen, 1);
    if (r->cpumaps.cpumaps_val == NULL)
        return error_no_memory(err);
    rc = get_emulator_pin_info(conn, a,
                               (unsigned char *)r->cpumaps.cpumaps_val, err);
    if (rc < 0)
        return -1;
    r->cpumaps.cpumaps_len = (u_int)a->maplen;
    r->ret = rc;
    return 0;
}

/* ---- NUMA ------------------------------------------------------------- */

int
dispatch_domain_set_numa_parameters(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_domain_set_numa_parameters_args *a = args;
    struct vireo_typed_params p = { 0 };
    struct vireo_domain *dom;
    int rc;

    if (DISPATCH_NEED_AS(conn, domain_set_numa_params,
                         "virDomainSetNumaParameters", err) < 0 ||
        typed_params_from_wire(a->params.params_val, a->params.params_len,
                               REMOTE_DOMAIN_NUMA_PARAMETERS_MAX, &p,
                               err) < 0)
        return -1;
    dom = dispatch_dom_get(conn, &a->dom, err);
    rc = dom != NULL ? conn->driver->domain_set_numa_params(dom, &p, a->flags,
                                                            err)
                     : -1;
    handle_domain_unref(dom);
    vireo_typed_params_clear(&p);
    return rc;
}

/* nparams 0 asks only how many parameters there are. */
int
dispatch_domain_get_numa_parameters(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_domain_get_numa_parameters_args *a = args;
    remote_domain_get_numa_parameters_ret *r = ret;
    struct vireo_typed_params p = { 0 };
    struct vireo_domain *dom;
    int rc;

    if (DISPATCH_NEED_AS(conn, domain_get_numa_params,
                         "virDomainGetNumaParameters", err) < 0)
        return -1;
    if (a->nparams > REMOTE_DOMAIN_NUMA_PARAMETERS_MAX)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_REMOTE,
                         "nparams too large");
    if ((dom = dispatch_dom_get(conn, &a->dom, err)) == NULL)
        return -1;
    rc = conn->driver->domain_get_numa_params(dom, a->nparams == 0 ? NULL
                                                                   : &p,
                                              a->flags | STRING_OKAY, err);
    handle_domain_unref(dom);
    if (rc >= 0 && a->nparams == 0) {
        r->nparams = rc;
        return 0;
    }
    /* As libvirtd: the list, and nparams left 0. */
    if (rc == 0)
        rc = typed_params_reply_to_wire(&p, a->nparams, a->flags,
                                        &r->params.params_val,
                                        &r->params.params_len, err);
    vireo_typed_params_clear(&p);
    return rc < 0 ? -1 : 0;
}

/* ---- I/O threads ------------------------------------------------------ */

static int
iothreads_to_wire(const struct vireo_iothread_info *info, int n,
                  remote_domain_get_iothread_info_ret *r,
                  struct vireo_error *err)
{
    if (n > REMOTE_IOTHREAD_INFO_MAX)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_REMOTE,
                         "Too many IOThreads in info: %d for limit %d", n,
                         REMOTE_IOTHREAD_INFO_MAX);
    r->info.info_val = calloc((size_t)n + 1, sizeof(*r->info.info_val));
    if (r->info.info_val == NULL)
        return error_no_memory(err);
    for (int i = 0; i < n; i++) {
        remote_domain_iothread_info *w = &r->info.info_val[i];

        w->iothread_id = info[i].iothread_id;
        w->cpumap.cpumap_val = malloc((size_t)info[i].cpumaplen);
        if (w->cpumap.cpumap_val == NULL)
            return error_no_memory(err);
        memcpy(w->cpumap.cpumap_val, info[i].cpumap,
               (size_t)info[i].cpumaplen);
        w->cpumap.cpumap_len = (u_int)info[i].cpumaplen;
        r->info.info_len = (u_int)i + 1;
    }
    r->ret = (unsigned)n;
    return 0;
}

int
dispatch_domain_get_iothread_info(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const remote_domain_get_iothread_info_args *a = args;
    struct vireo_iothread_info *info = NULL;
    struct vireo_domain *dom;
    int n, rc;

    if (DISPATCH_NEED_AS(conn, domain_get_iothread_info,
                         "virDomainGetIOThreadInfo", err) < 0 ||
        (dom = dispatch_dom_get(conn, &a->dom, err)) == NULL)
        return -1;
    n = conn->driver->domain_get_iothread_info(dom, &info, a->flags, err);
    handle_domain_unref(dom);
    rc = n < 0 ? -1 : iothreads_to_wire(info, n, ret, err);
    vireo_iothread_info_list_free(info, n);
    return rc;
}

int
dispatch_domain_pin_iothread(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_domain_pin_iothread_args *a = args;

    if (DISPATCH_NEED_AS(conn, domain_pin_iothread, "virDomainPinIOThread",
                         err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_pin_iothread(
                 dom, a->iothreads_id,
                 (const unsigned char *)a->cpumap.cpumap_val,
                 (int)a->cpumap.cpumap_len, a->flags, err));
}

int
dispatch_domain_add_iothread(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_domain_add_iothread_args *a = args;

    if (DISPATCH_NEED_AS(conn, domain_add_iothread, "virDomainAddIOThread",
                         err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_add_iothread(dom, a->iothread_id,
                                               a->flags, err));
}

int
dispatch_domain_del_iothread(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_domain_del_iothread_args *a = args;

    if (DISPATCH_NEED_AS(conn, domain_del_iothread, "virDomainDelIOThread",
                         err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_del_iothread(dom, a->iothread_id,
                                               a->flags, err));
}

int
dispatch_domain_set_iothread_params(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_domain_set_iothread_params_args *a = args;
    struct vireo_typed_params p = { 0 };
    struct vireo_domain *dom;
    int rc;

    if (DISPATCH_NEED_AS(conn, domain_set_iothread_params,
                         "virDomainSetIOThreadParams", err) < 0 ||
        typed_params_from_wire(a->params.params_val, a->params.params_len,
                               REMOTE_DOMAIN_IOTHREAD_PARAMS_MAX, &p,
                               err) < 0)
        return -1;
    dom = dispatch_dom_get(conn, &a->dom, err);
    rc = dom != NULL ? conn->driver->domain_set_iothread_params(
                           dom, a->iothread_id, &p, a->flags, err)
                     : -1;
    handle_domain_unref(dom);
    vireo_typed_params_clear(&p);
    return rc;
}
