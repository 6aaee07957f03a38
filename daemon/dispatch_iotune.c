/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_iotune.c: handlers of the I/O tuning procedures: blkio
 * parameters, a disk's block I/O tune, an interface's bandwidth and the
 * perf events. Driver threads.
 *
 * The getters but perf's answer libvirt's two-step question: a call with
 * nparams 0 asks only how many parameters there are, which the driver's
 * getter answers when given no list (drivers/driver.h); otherwise the
 * first nparams of the driver's parameters go back.
 */
#include "daemon/dispatch_counted.h"
#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"
#include "drivers/typed_param_wire.h"

int
counted_get(struct vireo_conn *conn, const struct counted_get *g,
            struct vireo_error *err)
{
    struct vireo_typed_params p = { 0 };
    struct vireo_domain *dom;
    int rc;

    if (g->nparams > g->limit)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_REMOTE,
                         "nparams too large");
    if ((dom = dispatch_dom_get(conn, g->dom, err)) == NULL)
        return -1;
    rc = g->fn(dom, g->device, g->nparams == 0 ? NULL : &p,
               g->flags | STRING_OKAY, err);
    handle_domain_unref(dom);
    /* As libvirtd, nparams is answered only to the question how many;
     * a reply with the list leaves it 0. */
    if (rc >= 0 && g->nparams == 0)
        *g->n_out = rc;
    else if (rc >= 0)
        rc = typed_params_reply_to_wire(&p, g->nparams, g->flags, g->val,
                                        g->len, err);
    vireo_typed_params_clear(&p);
    return rc < 0 ? -1 : 0;
}

/* A setter: decode the parameters and hand them to the slot. */
typedef int (*set_fn)(struct vireo_domain *dom, const char *device,
                      const struct vireo_typed_params *params,
                      unsigned flags, struct vireo_error *err);

struct setter {
    const remote_nonnull_domain *dom;
    const char                  *device;   /* NULL when the call has none */
    set_fn                       fn;
    const remote_typed_param    *val;
    u_int                        len;
    int                          limit;    /* the wire's maximum */
    unsigned                     flags;
};

static int
call_setter(struct vireo_conn *conn, const struct setter *c,
            const struct vireo_typed_params *p, struct vireo_error *err)
{
    DISPATCH_WITH_DOM(conn, c->dom, err, dom,
                      c->fn(dom, c->device, p, c->flags, err));
}

static int
set_params(struct vireo_conn *conn, const struct setter *c,
           struct vireo_error *err)
{
    struct vireo_typed_params p = { 0 };
    int rc = typed_params_from_wire(c->val, c->len, c->limit, &p, err);

    if (rc == 0)
        rc = call_setter(conn, c, &p, err);
    vireo_typed_params_clear(&p);
    return rc;
}

/* The slots without a device, seen through the shapes above. */
static int
get_blkio(struct vireo_domain *dom, const char *device,
          struct vireo_typed_params *params, unsigned flags,
          struct vireo_error *err)
{
    return dom->conn->driver->domain_get_blkio_params(dom, params, flags,
                                                      err);
}

static int
set_blkio(struct vireo_domain *dom, const char *device,
          const struct vireo_typed_params *params, unsigned flags,
          struct vireo_error *err)
{
    return dom->conn->driver->domain_set_blkio_params(dom, params, flags,
                                                      err);
}

static int
set_perf(struct vireo_domain *dom, const char *device,
         const struct vireo_typed_params *params, unsigned flags,
         struct vireo_error *err)
{
    return dom->conn->driver->domain_set_perf_events(dom, params, flags,
                                                     err);
}

/* ---- Blkio parameters ------------------------------------------------- */

int
dispatch_domain_get_blkio_parameters(struct vireo_conn *conn,
                                     const void *args, void *ret,
                                     struct vireo_error *err)
{
    const remote_domain_get_blkio_parameters_args *a = args;
    remote_domain_get_blkio_parameters_ret *r = ret;
    const struct counted_get g = {
        .dom = &a->dom, .nparams = a->nparams,
        .limit = REMOTE_DOMAIN_BLKIO_PARAMETERS_MAX, .flags = a->flags,
        .fn = get_blkio, .val = &r->params.params_val,
        .len = &r->params.params_len, .n_out = &r->nparams };

    if (DISPATCH_NEED_AS(conn, domain_get_blkio_params,
                         "virDomainGetBlkioParameters", err) < 0)
        return -1;
    return counted_get(conn, &g, err);
}

int
dispatch_domain_set_blkio_parameters(struct vireo_conn *conn,
                                     const void *args, void *ret,
                                     struct vireo_error *err)
{
    const remote_domain_set_blkio_parameters_args *a = args;

    if (DISPATCH_NEED_AS(conn, domain_set_blkio_params,
                         "virDomainSetBlkioParameters", err) < 0)
        return -1;
    return set_params(conn, &(struct setter){
        &a->dom, NULL, set_blkio, a->params.params_val, a->params.params_len,
        REMOTE_DOMAIN_BLKIO_PARAMETERS_MAX, a->flags }, err);
}

/* ---- Block I/O tune --------------------------------------------------- */

int
dispatch_domain_get_block_io_tune(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const remote_domain_get_block_io_tune_args *a = args;
    remote_domain_get_block_io_tune_ret *r = ret;
    const struct counted_get g = {
        .dom = &a->dom, .device = a->disk != NULL ? *a->disk : NULL,
        .nparams = a->nparams,
        .limit = REMOTE_DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX,
        .flags = a->flags, .fn = conn->driver->domain_get_block_io_tune,
        .val = &r->params.params_val, .len = &r->params.params_len,
        .n_out = &r->nparams };

    if (DISPATCH_NEED_AS(conn, domain_get_block_io_tune,
                         "virDomainGetBlockIoTune", err) < 0)
        return -1;
    return counted_get(conn, &g, err);
}

int
dispatch_domain_set_block_io_tune(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const remote_domain_set_block_io_tune_args *a = args;

    if (DISPATCH_NEED_AS(conn, domain_set_block_io_tune,
                         "virDomainSetBlockIoTune", err) < 0)
        return -1;
    return set_params(conn, &(struct setter){
        &a->dom, a->disk, conn->driver->domain_set_block_io_tune,
        a->params.params_val, a->params.params_len,
        REMOTE_DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX, a->flags }, err);
}

/* ---- Interface parameters --------------------------------------------- */

int
dispatch_domain_get_interface_parameters(struct vireo_conn *conn,
                                         const void *args, void *ret,
                                         struct vireo_error *err)
{
    const remote_domain_get_interface_parameters_args *a = args;
    remote_domain_get_interface_parameters_ret *r = ret;
    const struct counted_get g = {
        .dom = &a->dom, .device = a->device, .nparams = a->nparams,
        .limit = REMOTE_DOMAIN_INTERFACE_PARAMETERS_MAX, .flags = a->flags,
        .fn = conn->driver->domain_get_interface_params,
        .val = &r->params.params_val, .len = &r->params.params_len,
        .n_out = &r->nparams };

    if (DISPATCH_NEED_AS(conn, domain_get_interface_params,
                         "virDomainGetInterfaceParameters", err) < 0)
        return -1;
    return counted_get(conn, &g, err);
}

int
dispatch_domain_set_interface_parameters(struct vireo_conn *conn,
                                         const void *args, void *ret,
                                         struct vireo_error *err)
{
    const remote_domain_set_interface_parameters_args *a = args;

    if (DISPATCH_NEED_AS(conn, domain_set_interface_params,
                         "virDomainSetInterfaceParameters", err) < 0)
        return -1;
    return set_params(conn, &(struct setter){
        &a->dom, a->device, conn->driver->domain_set_interface_params,
        a->params.params_val, a->params.params_len,
        REMOTE_DOMAIN_INTERFACE_PARAMETERS_MAX, a->flags }, err);
}

/* ---- Perf events ------------------------------------------------------ */

int
dispatch_domain_get_perf_events(struct vireo_conn *conn, const void *args,
                                void *ret, struct vireo_error *err)
{
    const remote_domain_get_perf_events_args *a = args;
    remote_domain_get_perf_events_ret *r = ret;
    struct vireo_typed_params p = { 0 };
    struct vireo_domain *dom;
    int rc;

    if (DISPATCH_NEED_AS(conn, domain_get_perf_events,
                         "virDomainGetPerfEvents", err) < 0 ||
        (dom = dispatch_dom_get(conn, &a->dom, err)) == NULL)
        return -1;
    rc = conn->driver->domain_get_perf_events(dom, &p, a->flags | STRING_OKAY,
                                              err);
    handle_domain_unref(dom);
    if (rc == 0 && p.n > REMOTE_DOMAIN_PERF_EVENTS_MAX)
        rc = error_set(err, VIR_ERR_RPC, VIR_FROM_REMOTE,
                       "too many perf events: %d", p.n);
    if (rc == 0)
        rc = typed_params_to_wire(&p, &r->params.params_val,
                                  &r->params.params_len, err);
    vireo_typed_params_clear(&p);
    return rc;
}

int
dispatch_domain_set_perf_events(struct vireo_conn *conn, const void *args,
                                void *ret, struct vireo_error *err)
{
    const remote_domain_set_perf_events_args *a = args;

    if (DISPATCH_NEED_AS(conn, domain_set_perf_events,
                         "virDomainSetPerfEvents", err) < 0)
        return -1;
    return set_params(conn, &(struct setter){
        &a->dom, NULL, set_perf, a->params.params_val, a->params.params_len,
        REMOTE_DOMAIN_PERF_EVENTS_MAX, a->flags }, err);
}
