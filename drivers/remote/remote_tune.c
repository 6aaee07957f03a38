/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_tune.c: the tuning slots over the wire, each the flags form of
 * its libvirt call (the slot's contract already says which flags the
 * forms without stand for).
 */
#include <rpc/xdr.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"
#include "drivers/typed_param_wire.h"

int
remotedrv_domain_set_memory_flags(struct vireo_domain *dom,
                                  unsigned long long memory_kib,
                                  unsigned flags, struct vireo_error *err)
{
    remote_domain_set_memory_flags_args args = { .memory = memory_kib,
                                                 .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_SET_MEMORY_FLAGS, &args,
                       NULL, err);
}

int
remotedrv_domain_set_vcpus_flags(struct vireo_domain *dom, unsigned n_vcpus,
                                 unsigned flags, struct vireo_error *err)
{
    remote_domain_set_vcpus_flags_args args = { .nvcpus = n_vcpus,
                                                .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_SET_VCPUS_FLAGS, &args,
                       NULL, err);
}

char *
remotedrv_domain_get_scheduler_type(struct vireo_domain *dom, int *n_params,
                                    struct vireo_error *err)
{
    remote_domain_get_scheduler_type_args args;
    remote_domain_get_scheduler_type_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_SCHEDULER_TYPE, &args,
                    &ret, err) < 0)
        return NULL;
    if (n_params != NULL)
        *n_params = ret.nparams;
    return ret.type;
}

/* Without flags, the call without them: libvirt's form with flags adds
 * VIR_TYPED_PARAM_STRING_OKAY, which its test driver refuses there. */
static int
get_sched_plain(struct vireo_domain *dom, remote_typed_param **val,
                u_int *len, struct vireo_error *err)
{
    remote_domain_get_scheduler_parameters_args args = {
        .nparams = REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX };
    remote_domain_get_scheduler_parameters_ret ret;

    memset(&ret, 0, sizeof(ret));
    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_SCHEDULER_PARAMETERS,
                    &args, &ret, err) < 0)
        return -1;
    *val = ret.params.params_val;
    *len = ret.params.params_len;
    return 0;
}

static int
get_sched_flags(struct vireo_domain *dom, unsigned flags,
                remote_typed_param **val, u_int *len,
                struct vireo_error *err)
{
    remote_domain_get_scheduler_parameters_flags_args args = {
        .nparams = REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX, .flags = flags };
    remote_domain_get_scheduler_parameters_flags_ret ret;

    memset(&ret, 0, sizeof(ret));
    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn,
                    REMOTE_PROC_DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS, &args,
                    &ret, err) < 0)
        return -1;
    *val = ret.params.params_val;
    *len = ret.params.params_len;
    return 0;
}

int
remotedrv_domain_get_scheduler_params(struct vireo_domain *dom,
                                      struct vireo_typed_params *params,
                                      unsigned flags, struct vireo_error *err)
{
    remote_domain_get_scheduler_parameters_ret ret;
    int rc;

    memset(&ret, 0, sizeof(ret));
    if ((flags == 0 ? get_sched_plain(dom, &ret.params.params_val,
                                      &ret.params.params_len, err)
                    : get_sched_flags(dom, flags, &ret.params.params_val,
                                      &ret.params.params_len, err)) < 0)
        return -1;
    rc = typed_params_from_wire(ret.params.params_val, ret.params.params_len,
                                REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX,
                                params, err);
    xdr_free((xdrproc_t)xdr_remote_domain_get_scheduler_parameters_ret, &ret);
    return rc;
}

int
remotedrv_domain_set_scheduler_params(struct vireo_domain *dom,
                                      const struct vireo_typed_params *params,
                                      unsigned flags, struct vireo_error *err)
{
    remote_domain_set_scheduler_parameters_flags_args args = {
        .flags = flags };
    int rc;

    remote_domain_to_wire(dom, &args.dom);
    if (typed_params_to_wire(params, &args.params.params_val,
                             &args.params.params_len, err) < 0)
        return -1;
    rc = remote_call(dom->conn,
                     REMOTE_PROC_DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS, &args,
                     NULL, err);
    args.dom = (remote_nonnull_domain){ 0 };
    xdr_free((xdrproc_t)xdr_remote_domain_set_scheduler_parameters_flags_args,
             &args);
    return rc;
}

/* libvirt's two-step getter: how many, then that many. */
int
remotedrv_domain_get_memory_params(struct vireo_domain *dom,
                                   struct vireo_typed_params *params,
                                   unsigned flags, struct vireo_error *err)
{
    remote_domain_get_memory_parameters_args args = {
        .nparams = REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX, .flags = flags };
    remote_domain_get_memory_parameters_ret ret;
    int rc;

    memset(&ret, 0, sizeof(ret));
    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_MEMORY_PARAMETERS,
                    &args, &ret, err) < 0)
        return -1;
    rc = typed_params_from_wire(ret.params.params_val, ret.params.params_len,
                                REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX, params,
                                err);
    xdr_free((xdrproc_t)xdr_remote_domain_get_memory_parameters_ret, &ret);
    return rc;
}

int
remotedrv_domain_set_memory_params(struct vireo_domain *dom,
                                   const struct vireo_typed_params *params,
                                   unsigned flags, struct vireo_error *err)
{
    remote_domain_set_memory_parameters_args args = { .flags = flags };
    int rc;

    remote_domain_to_wire(dom, &args.dom);
    if (typed_params_to_wire(params, &args.params.params_val,
                             &args.params.params_len, err) < 0)
        return -1;
    rc = remote_call(dom->conn, REMOTE_PROC_DOMAIN_SET_MEMORY_PARAMETERS,
                     &args, NULL, err);
    args.dom = (remote_nonnull_domain){ 0 };
    xdr_free((xdrproc_t)xdr_remote_domain_set_memory_parameters_args, &args);
    return rc;
}

char *
remotedrv_domain_get_metadata(struct vireo_domain *dom, int type,
                              const char *uri, unsigned flags,
                              struct vireo_error *err)
{
    char *u = (char *)uri;
    remote_domain_get_metadata_args args = {
        .type = type, .uri = uri != NULL ? &u : NULL, .flags = flags };
    remote_domain_get_metadata_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_METADATA, &args, &ret,
                    err) < 0)
        return NULL;
    return ret.metadata;
}

int
remotedrv_domain_set_metadata(struct vireo_domain *dom, int type,
                              const char *metadata, const char *key,
                              const char *uri, unsigned flags,
                              struct vireo_error *err)
{
    char *m = (char *)metadata, *k = (char *)key, *u = (char *)uri;
    remote_domain_set_metadata_args args = {
        .type = type, .metadata = metadata != NULL ? &m : NULL,
        .key = key != NULL ? &k : NULL, .uri = uri != NULL ? &u : NULL,
        .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_SET_METADATA, &args,
                       NULL, err);
}

int
remotedrv_domain_rename(struct vireo_domain *dom, const char *new_name,
                        unsigned flags, struct vireo_error *err)
{
    char *n = (char *)new_name;
    remote_domain_rename_args args = { .new_name = &n, .flags = flags };
    remote_domain_rename_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_RENAME, &args, &ret,
                       err);
}

int
remotedrv_domain_set_lifecycle_action(struct vireo_domain *dom,
                                      unsigned type, unsigned action,
                                      unsigned flags, struct vireo_error *err)
{
    remote_domain_set_lifecycle_action_args args = {
        .type = type, .action = action, .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_SET_LIFECYCLE_ACTION,
                       &args, NULL, err);
}
