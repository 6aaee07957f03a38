/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_pin.c: the placement slots over the wire: pinning vCPUs,
 * emulator and I/O threads, the NUMA memory policy and the I/O threads.
 * A pin with flags 0 goes as libvirt's virDomainPinVcpu, as libvirt's
 * own client sends it.
 */
#include <rpc/xdr.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"
#include "drivers/typed_param_wire.h"

static int
bad_reply(struct vireo_error *err, const char *what)
{
    return error_set(err, VIR_ERR_RPC, VIR_FROM_REMOTE, "%s", what);
}

int
remotedrv_domain_pin_vcpu(struct vireo_domain *dom, unsigned vcpu,
                          const unsigned char *cpumap, int maplen,
                          unsigned flags, struct vireo_error *err)
{
    remote_domain_pin_vcpu_flags_args args = {
        .vcpu = vcpu, .flags = flags,
        .cpumap = { (u_int)maplen, (char *)cpumap } };
    remote_domain_pin_vcpu_args plain = {
        .vcpu = vcpu, .cpumap = { (u_int)maplen, (char *)cpumap } };

    remote_domain_to_wire(dom, &args.dom);
    plain.dom = args.dom;
    if (flags == 0)
        return remote_call(dom->conn, REMOTE_PROC_DOMAIN_PIN_VCPU, &plain,
                           NULL, err);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_PIN_VCPU_FLAGS, &args,
                       NULL, err);
}

int
remotedrv_domain_pin_emulator(struct vireo_domain *dom,
                              const unsigned char *cpumap, int maplen,
                              unsigned flags, struct vireo_error *err)
{
    remote_domain_pin_emulator_args args = {
        .flags = flags, .cpumap = { (u_int)maplen, (char *)cpumap } };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_PIN_EMULATOR, &args,
                       NULL, err);
}

int
remotedrv_domain_get_emulator_pin_info(struct vireo_domain *dom,
                                       unsigned char *cpumap, int maplen,
                                       unsigned flags,
                                       struct vireo_error *err)
{
    remote_domain_get_emulator_pin_info_args args = { .maplen = maplen,
                                                      .flags = flags };
    remote_domain_get_emulator_pin_info_ret ret = { 0 };
    int rc = -1;

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_EMULATOR_PIN_INFO,
                    &args, &ret, err) < 0)
        return -1;
    if (ret.cpumaps.cpumaps_len > (u_int)maplen) {
        bad_reply(err, "host reply too large: emulator pin info");
    } else {
        memset(cpumap, 0, (size_t)maplen);
        memcpy(cpumap, ret.cpumaps.cpumaps_val, ret.cpumaps.cpumaps_len);
        rc = ret.ret;
    }
    xdr_free((xdrproc_t)xdr_remote_domain_get_emulator_pin_info_ret,
             (char *)&ret);
    return rc;
}

int
remotedrv_domain_get_numa_params(struct vireo_domain *dom,
                                 struct vireo_typed_params *params,
                                 unsigned flags, struct vireo_error *err)
{
    remote_domain_get_numa_parameters_args args = {
        .nparams = params != NULL ? REMOTE_DOMAIN_NUMA_PARAMETERS_MAX : 0,
        .flags = flags };
    remote_domain_get_numa_parameters_ret ret;
    int rc;

    memset(&ret, 0, sizeof(ret));
    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_NUMA_PARAMETERS,
                    &args, &ret, err) < 0)
        return -1;
    rc = params == NULL ? ret.nparams
                        : typed_params_from_wire(ret.params.params_val,
                                                 ret.params.params_len,
                                                 REMOTE_DOMAIN_NUMA_PARAMETERS_MAX,
                                                 params, err);
    xdr_free((xdrproc_t)xdr_remote_domain_get_numa_parameters_ret,
             (char *)&ret);
    return rc;
}

int
remotedrv_domain_set_numa_params(struct vireo_domain *dom,
                                 const struct vireo_typed_params *params,
                                 unsigned flags, struct vireo_error *err)
{
    remote_domain_set_numa_parameters_args args = { .flags = flags };
    int rc;

    remote_domain_to_wire(dom, &args.dom);
    if (typed_params_to_wire(params, &args.params.params_val,
                             &args.params.params_len, err) < 0)
        return -1;
    rc = remote_call(dom->conn, REMOTE_PROC_DOMAIN_SET_NUMA_PARAMETERS,
                     &args, NULL, err);
    args.dom = (remote_nonnull_domain){ 0 };
    xdr_free((xdrproc_t)xdr_remote_domain_set_numa_parameters_args,
             (char *)&args);
    return rc;
}

/* The reply's threads as the slot returns them: a malloc'ed array. */
static int
iothreads_from_wire(const remote_domain_get_iothread_info_ret *ret,
                    struct vireo_iothread_info **info,
                    struct vireo_error *err)
{
    int n = (int)ret->info.info_len;
    struct vireo_iothread_info *out;

    if (ret->info.info_len > REMOTE_IOTHREAD_INFO_MAX)
        return bad_reply(err, "host reply too large: iothread info");
    if (n == 0)
        return 0;
    if ((out = calloc((size_t)n, sizeof(*out))) == NULL)
        return error_no_memory(err);
    for (int i = 0; i < n; i++) {
        const remote_domain_iothread_info *w = &ret->info.info_val[i];

        out[i].iothread_id = w->iothread_id;
        out[i].cpumaplen = (int)w->cpumap.cpumap_len;
        out[i].cpumap = malloc(w->cpumap.cpumap_len + 1);
        if (out[i].cpumap == NULL) {
            vireo_iothread_info_list_free(out, i);
            return error_no_memory(err);
        }
        memcpy(out[i].cpumap, w->cpumap.cpumap_val, w->cpumap.cpumap_len);
    }
    *info = out;
    return n;
}

int
remotedrv_domain_get_iothread_info(struct vireo_domain *dom,
                                   struct vireo_iothread_info **info,
                                   unsigned flags, struct vireo_error *err)
{
    remote_domain_get_iothread_info_args args = { .flags = flags };
    remote_domain_get_iothread_info_ret ret;
    int n;

    memset(&ret, 0, sizeof(ret));
    *info = NULL;
    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_IOTHREAD_INFO, &args,
                    &ret, err) < 0)
        return -1;
    n = iothreads_from_wire(&ret, info, err);
    xdr_free((xdrproc_t)xdr_remote_domain_get_iothread_info_ret,
             (char *)&ret);
    return n;
}

int
remotedrv_domain_pin_iothread(struct vireo_domain *dom, unsigned iothread_id,
                              const unsigned char *cpumap, int maplen,
                              unsigned flags, struct vireo_error *err)
{
    remote_domain_pin_iothread_args args = {
        .iothreads_id = iothread_id, .flags = flags,
        .cpumap = { (u_int)maplen, (char *)cpumap } };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_PIN_IOTHREAD, &args,
                       NULL, err);
}

int
remotedrv_domain_add_iothread(struct vireo_domain *dom, unsigned iothread_id,
                              unsigned flags, struct vireo_error *err)
{
    remote_domain_add_iothread_args args = { .iothread_id = iothread_id,
                                             .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_ADD_IOTHREAD, &args,
                       NULL, err);
}

int
remotedrv_domain_del_iothread(struct vireo_domain *dom, unsigned iothread_id,
                              unsigned flags, struct vireo_error *err)
{
    remote_domain_del_iothread_args args = { .iothread_id = iothread_id,
                                             .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_DEL_IOTHREAD, &args,
                       NULL, err);
}

int
remotedrv_domain_set_iothread_params(struct vireo_domain *dom,
                                     unsigned iothread_id,
                                     const struct vireo_typed_params *params,
                                     unsigned flags, struct vireo_error *err)
{
    remote_domain_set_iothread_params_args args = {
        .iothread_id = iothread_id, .flags = flags };
    int rc;

    remote_domain_to_wire(dom, &args.dom);
    if (typed_params_to_wire(params, &args.params.params_val,
                             &args.params.params_len, err) < 0)
        return -1;
    rc = remote_call(dom->conn, REMOTE_PROC_DOMAIN_SET_IOTHREAD_PARAMS,
                     &args, NULL, err);
    args.dom = (remote_nonnull_domain){ 0 };
    xdr_free((xdrproc_t)xdr_remote_domain_set_iothread_params_args,
             (char *)&args);
    return rc;
}
