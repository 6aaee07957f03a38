/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_iotune.c: the I/O tuning slots over the wire: blkio parameters,
 * a disk's block I/O tune, an interface's parameters and the perf events.
 * A getter given no list asks the daemon how many parameters there are
 * (nparams 0), as the slot's contract says; otherwise it asks for all
 * the wire can carry.
 */
#include <rpc/xdr.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"
#include "drivers/typed_param_wire.h"

/* The parts of a counted getter's reply: its list and its count. */
struct counted_reply {
    remote_typed_param *val;
    u_int               len;
    int                 nparams;
};

/* After a counted getter's call: the count, or the list into params.
 * Frees nothing: the caller frees the reply. */
static int
counted_result(const struct counted_reply *r, int limit,
               struct vireo_typed_params *params, struct vireo_error *err)
{
    if (params == NULL)
        return r->nparams;
    return typed_params_from_wire(r->val, r->len, limit, params, err);
}

int
remotedrv_domain_get_blkio_params(struct vireo_domain *dom,
                                  struct vireo_typed_params *params,
                                  unsigned flags, struct vireo_error *err)
{
    remote_domain_get_blkio_parameters_args args = {
        .nparams = params != NULL ? REMOTE_DOMAIN_BLKIO_PARAMETERS_MAX : 0,
        .flags = flags };
    remote_domain_get_blkio_parameters_ret ret;
    int rc;

    memset(&ret, 0, sizeof(ret));
    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_BLKIO_PARAMETERS,
                    &args, &ret, err) < 0)
        return -1;
    rc = counted_result(&(struct counted_reply){ ret.params.params_val,
                                                 ret.params.params_len,
                                                 ret.nparams },
                        REMOTE_DOMAIN_BLKIO_PARAMETERS_MAX, params, err);
    xdr_free((xdrproc_t)xdr_remote_domain_get_blkio_parameters_ret, &ret);
    return rc;
}

int
remotedrv_domain_get_block_io_tune(struct vireo_domain *dom,
                                   const char *disk,
                                   struct vireo_typed_params *params,
                                   unsigned flags, struct vireo_error *err)
{
    char *d = (char *)disk;
    remote_domain_get_block_io_tune_args args = {
        .disk = disk != NULL ? &d : NULL,
        .nparams = params != NULL
                   ? REMOTE_DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX : 0,
        .flags = flags };
    remote_domain_get_block_io_tune_ret ret;
    int rc;

    memset(&ret, 0, sizeof(ret));
    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_BLOCK_IO_TUNE, &args,
                    &ret, err) < 0)
        return -1;
    rc = counted_result(&(struct counted_reply){ ret.params.params_val,
                                                 ret.params.params_len,
                                                 ret.nparams },
                        REMOTE_DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX, params,
                        err);
    xdr_free((xdrproc_t)xdr_remote_domain_get_block_io_tune_ret, &ret);
    return rc;
}

int
remotedrv_domain_get_interface_params(struct vireo_domain *dom,
                                      const char *device,
                                      struct vireo_typed_params *params,
                                      unsigned flags, struct vireo_error *err)
{
    remote_domain_get_interface_parameters_args args = {
        .device = (char *)device,
        .nparams = params != NULL ? REMOTE_DOMAIN_INTERFACE_PARAMETERS_MAX
                                  : 0,
        .flags = flags };
    remote_domain_get_interface_parameters_ret ret;
    int rc;

    memset(&ret, 0, sizeof(ret));
    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_INTERFACE_PARAMETERS,
                    &args, &ret, err) < 0)
        return -1;
    rc = counted_result(&(struct counted_reply){ ret.params.params_val,
                                                 ret.params.params_len,
                                                 ret.nparams },
                        REMOTE_DOMAIN_INTERFACE_PARAMETERS_MAX, params, err);
    xdr_free((xdrproc_t)xdr_remote_domain_get_interface_parameters_ret,
             &ret);
    return rc;
}

int
remotedrv_domain_get_perf_events(struct vireo_domain *dom,
                                 struct vireo_typed_params *params,
                                 unsigned flags, struct vireo_error *err)
{
    remote_domain_get_perf_events_args args = { .flags = flags };
    remote_domain_get_perf_events_ret ret;
    int rc;

    memset(&ret, 0, sizeof(ret));
    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_PERF_EVENTS, &args,
                    &ret, err) < 0)
        return -1;
    rc = typed_params_from_wire(ret.params.params_val, ret.params.params_len,
                                REMOTE_DOMAIN_PERF_EVENTS_MAX, params, err);
    xdr_free((xdrproc_t)xdr_remote_domain_get_perf_events_ret, &ret);
    return rc;
}

/* ---- Setters ---------------------------------------------------------- */

/* One setter's call: its arguments, the parts of them send_params fills
 * and the XDR function that frees them. */
struct set_call {
    int                    proc;
    void                  *args;
    xdrproc_t              free_args;
    remote_nonnull_domain *dom;         /* in args: borrowed from the handle */
    char                 **device;      /* in args, or NULL: the caller's */
    remote_typed_param   **val;         /* in args: encoded here, freed */
    u_int                 *len;
};

static int
send_params(struct vireo_domain *dom, const struct set_call *c,
            const struct vireo_typed_params *params, struct vireo_error *err)
{
    int rc;

    remote_domain_to_wire(dom, c->dom);
    rc = typed_params_to_wire(params, c->val, c->len, err);
    if (rc == 0)
        rc = remote_call(dom->conn, c->proc, c->args, NULL, err);
    /* Only the encoded list is ours to free. */
    *c->dom = (remote_nonnull_domain){ 0 };
    if (c->device != NULL)
        *c->device = NULL;
    xdr_free(c->free_args, c->args);
    return rc;
}

int
remotedrv_domain_set_blkio_params(struct vireo_domain *dom,
                                  const struct vireo_typed_params *params,
                                  unsigned flags, struct vireo_error *err)
{
    remote_domain_set_blkio_parameters_args args = { .flags = flags };

    const struct set_call c = {
        REMOTE_PROC_DOMAIN_SET_BLKIO_PARAMETERS, &args,
        (xdrproc_t)xdr_remote_domain_set_blkio_parameters_args, &args.dom,
        NULL, &args.params.params_val, &args.params.params_len };

    return send_params(dom, &c, params, err);
}

int
remotedrv_domain_set_block_io_tune(struct vireo_domain *dom,
                                   const char *disk,
                                   const struct vireo_typed_params *params,
                                   unsigned flags, struct vireo_error *err)
{
    remote_domain_set_block_io_tune_args args = { .disk = (char *)disk,
                                                  .flags = flags };

    const struct set_call c = {
        REMOTE_PROC_DOMAIN_SET_BLOCK_IO_TUNE, &args,
        (xdrproc_t)xdr_remote_domain_set_block_io_tune_args, &args.dom,
        &args.disk, &args.params.params_val, &args.params.params_len };

    return send_params(dom, &c, params, err);
}

int
remotedrv_domain_set_interface_params(struct vireo_domain *dom,
                                      const char *device,
                                      const struct vireo_typed_params *params,
                                      unsigned flags,
                                      struct vireo_error *err)
{
    remote_domain_set_interface_parameters_args args = {
        .device = (char *)device, .flags = flags };

    const struct set_call c = {
        REMOTE_PROC_DOMAIN_SET_INTERFACE_PARAMETERS, &args,
        (xdrproc_t)xdr_remote_domain_set_interface_parameters_args,
        &args.dom, &args.device, &args.params.params_val,
        &args.params.params_len };

    return send_params(dom, &c, params, err);
}

int
remotedrv_domain_set_perf_events(struct vireo_domain *dom,
                                 const struct vireo_typed_params *params,
                                 unsigned flags, struct vireo_error *err)
{
    remote_domain_set_perf_events_args args = { .flags = flags };

    const struct set_call c = {
        REMOTE_PROC_DOMAIN_SET_PERF_EVENTS, &args,
        (xdrproc_t)xdr_remote_domain_set_perf_events_args, &args.dom, NULL,
        &args.params.params_val, &args.params.params_len };

    return send_params(dom, &c, params, err);
}
