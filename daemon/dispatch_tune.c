/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_tune.c: handlers of the tuning procedures: memory and vCPU
 * sizes, the scheduler's and <memtune>'s parameters, title and
 * description, renaming and lifecycle actions. Driver threads.
 *
 * Where libvirt has a call with flags and one without, both reach the
 * same slot, with the flags libvirt's own function without them stands
 * for.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"
#include "drivers/typed_param_wire.h"

/* VIR_TYPED_PARAM_STRING_OKAY, which libvirt's getters add for a driver
 * that takes string parameters (libvirt's test driver does). */
#define STRING_OKAY (1u << 2)

/* ---- Memory and vCPUs ------------------------------------------------- */

static int
set_memory(struct vireo_conn *conn, const remote_nonnull_domain *wire,
           unsigned long long kib, unsigned flags, struct vireo_error *err)
{
    if (DISPATCH_NEED(conn, domain_set_memory_flags, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, wire, err, dom,
             conn->driver->domain_set_memory_flags(dom, kib, flags, err));
}

int
dispatch_domain_set_memory(struct vireo_conn *conn, const void *args,
                           void *ret, struct vireo_error *err)
{
    const remote_domain_set_memory_args *a = args;

    return set_memory(conn, &a->dom, a->memory, VIR_DOMAIN_AFFECT_LIVE, err);
}

int
dispatch_domain_set_max_memory(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_domain_set_max_memory_args *a = args;

    return set_memory(conn, &a->dom, a->memory, VIR_DOMAIN_MEM_MAXIMUM, err);
}

int
dispatch_domain_set_memory_flags(struct vireo_conn *conn, const void *args,
                                 void *ret, struct vireo_error *err)
{
    const remote_domain_set_memory_flags_args *a = args;

    return set_memory(conn, &a->dom, a->memory, a->flags, err);
}

static int
set_vcpus(struct vireo_conn *conn, const remote_nonnull_domain *wire,
          unsigned n, unsigned flags, struct vireo_error *err)
{
    if (DISPATCH_NEED(conn, domain_set_vcpus_flags, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, wire, err, dom,
             conn->driver->domain_set_vcpus_flags(dom, n, flags, err));
}

int
dispatch_domain_set_vcpus(struct vireo_conn *conn, const void *args,
                          void *ret, struct vireo_error *err)
{
    const remote_domain_set_vcpus_args *a = args;

    return set_vcpus(conn, &a->dom, a->nvcpus, VIR_DOMAIN_AFFECT_LIVE, err);
}

int
dispatch_domain_set_vcpus_flags(struct vireo_conn *conn, const void *args,
                                void *ret, struct vireo_error *err)
{
    const remote_domain_set_vcpus_flags_args *a = args;

    return set_vcpus(conn, &a->dom, a->nvcpus, a->flags, err);
}

/* ---- Typed parameters ------------------------------------------------- */

static int
check_nparams(int nparams, int limit, struct vireo_error *err)
{
    if (nparams > limit)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_REMOTE,
                         "nparams too large");
    return 0;
}

static int
get_sched(struct vireo_conn *conn, const remote_nonnull_domain *wire,
          struct vireo_typed_params *p, unsigned flags,
          struct vireo_error *err)
{
    if (DISPATCH_NEED(conn, domain_get_scheduler_params, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, wire, err, dom,
             conn->driver->domain_get_scheduler_params(dom, p, flags, err));
}

int
dispatch_domain_get_scheduler_type(struct vireo_conn *conn, const void *args,
                                   void *ret, struct vireo_error *err)
{
    const remote_domain_get_scheduler_type_args *a = args;
    remote_domain_get_scheduler_type_ret *r = ret;
    struct vireo_domain *dom;
    char *type;

    if (DISPATCH_NEED(conn, domain_get_scheduler_type, err) < 0 ||
        (dom = dispatch_dom_get(conn, &a->dom, err)) == NULL)
        return -1;
    type = conn->driver->domain_get_scheduler_type(dom, &r->nparams, err);
    handle_domain_unref(dom);
    return dispatch_take_string(&r->type, type);
}

int
dispatch_domain_get_scheduler_parameters(struct vireo_conn *conn,
                                         const void *args, void *ret,
                                         struct vireo_error *err)
{
    const remote_domain_get_scheduler_parameters_args *a = args;
    remote_domain_get_scheduler_parameters_ret *r = ret;
    struct vireo_typed_params p = { 0 };
    int rc;

    if (check_nparams(a->nparams, REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX,
                      err) < 0 ||
        get_sched(conn, &a->dom, &p, 0, err) < 0) {
        vireo_typed_params_clear(&p);
        return -1;
    }
    /* libvirtd serializes them as for a client without flags. */
    rc = typed_params_reply_to_wire(&p, a->nparams, 0, &r->params.params_val,
                                    &r->params.params_len, err);
    vireo_typed_params_clear(&p);
    return rc;
}

int
dispatch_domain_get_scheduler_parameters_flags(struct vireo_conn *conn,
                                               const void *args, void *ret,
                                               struct vireo_error *err)
{
    const remote_domain_get_scheduler_parameters_flags_args *a = args;
    remote_domain_get_scheduler_parameters_flags_ret *r = ret;
    struct vireo_typed_params p = { 0 };
    int rc;

    if (check_nparams(a->nparams, REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX,
                      err) < 0 ||
        get_sched(conn, &a->dom, &p, a->flags | STRING_OKAY, err) < 0) {
        vireo_typed_params_clear(&p);
        return -1;
    }
    rc = typed_params_reply_to_wire(&p, a->nparams, a->flags,
                                    &r->params.params_val,
                                    &r->params.params_len, err);
    vireo_typed_params_clear(&p);
    return rc;
}

/* Decode the parameters a setter carries and hand them to fn. */
typedef int (*set_params_fn)(struct vireo_domain *dom,
                             const struct vireo_typed_params *p,
                             unsigned flags, struct vireo_error *err);

static int
set_params(struct vireo_conn *conn, const remote_nonnull_domain *wire,
           set_params_fn fn, const remote_typed_param *val, u_int len,
           int limit, unsigned flags, struct vireo_error *err)
{
    struct vireo_typed_params p = { 0 };
    struct vireo_domain *dom;
    int rc;

    if (typed_params_from_wire(val, len, limit, &p, err) < 0)
        return -1;
    dom = dispatch_dom_get(conn, wire, err);
    rc = dom != NULL ? fn(dom, &p, flags, err) : -1;
    handle_domain_unref(dom);
    vireo_typed_params_clear(&p);
    return rc;
}

int
dispatch_domain_set_scheduler_parameters(struct vireo_conn *conn,
                                         const void *args, void *ret,
                                         struct vireo_error *err)
{
    const remote_domain_set_scheduler_parameters_args *a = args;

    if (DISPATCH_NEED(conn, domain_set_scheduler_params, err) < 0)
        return -1;
    return set_params(conn, &a->dom, conn->driver->domain_set_scheduler_params,
                      a->params.params_val, a->params.params_len,
                      REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX, 0, err);
}

int
dispatch_domain_set_scheduler_parameters_flags(struct vireo_conn *conn,
                                               const void *args, void *ret,
                                               struct vireo_error *err)
{
    const remote_domain_set_scheduler_parameters_flags_args *a = args;

    if (DISPATCH_NEED(conn, domain_set_scheduler_params, err) < 0)
        return -1;
    return set_params(conn, &a->dom, conn->driver->domain_set_scheduler_params,
                      a->params.params_val, a->params.params_len,
                      REMOTE_DOMAIN_SCHEDULER_PARAMETERS_MAX, a->flags, err);
}

int
dispatch_domain_set_memory_parameters(struct vireo_conn *conn,
                                      const void *args, void *ret,
                                      struct vireo_error *err)
{
    const remote_domain_set_memory_parameters_args *a = args;

    if (DISPATCH_NEED(conn, domain_set_memory_params, err) < 0)
        return -1;
    return set_params(conn, &a->dom, conn->driver->domain_set_memory_params,
                      a->params.params_val, a->params.params_len,
                      REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX, a->flags, err);
}

/* libvirt's getters of a counted list: nparams 0 asks only how many. */
int
dispatch_domain_get_memory_parameters(struct vireo_conn *conn,
                                      const void *args, void *ret,
                                      struct vireo_error *err)
{
    const remote_domain_get_memory_parameters_args *a = args;
    remote_domain_get_memory_parameters_ret *r = ret;
    struct vireo_typed_params p = { 0 };
    struct vireo_domain *dom;
    int rc;

    if (DISPATCH_NEED(conn, domain_get_memory_params, err) < 0 ||
        check_nparams(a->nparams, REMOTE_DOMAIN_MEMORY_PARAMETERS_MAX,
                      err) < 0 ||
        (dom = dispatch_dom_get(conn, &a->dom, err)) == NULL)
        return -1;
    rc = conn->driver->domain_get_memory_params(dom, &p,
                                                a->flags | STRING_OKAY, err);
    handle_domain_unref(dom);
    /* As libvirtd: the count, or the list with nparams left 0. */
    if (rc == 0 && a->nparams == 0)
        r->nparams = p.n;
    else if (rc == 0)
        rc = typed_params_reply_to_wire(&p, a->nparams, a->flags,
                                        &r->params.params_val,
                                        &r->params.params_len, err);
    vireo_typed_params_clear(&p);
    return rc;
}

/* ---- Metadata, renaming, lifecycle actions ---------------------------- */

static const char *
opt(const remote_string s)
{
    return s != NULL ? *s : NULL;
}

int
dispatch_domain_get_metadata(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_domain_get_metadata_args *a = args;
    remote_domain_get_metadata_ret *r = ret;
    struct vireo_domain *dom;
    char *text;

    if (DISPATCH_NEED(conn, domain_get_metadata, err) < 0 ||
        (dom = dispatch_dom_get(conn, &a->dom, err)) == NULL)
        return -1;
    text = conn->driver->domain_get_metadata(dom, a->type, opt(a->uri),
                                             a->flags, err);
    handle_domain_unref(dom);
    return dispatch_take_string(&r->metadata, text);
}

int
dispatch_domain_set_metadata(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_domain_set_metadata_args *a = args;

    if (DISPATCH_NEED(conn, domain_set_metadata, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_set_metadata(dom, a->type,
                                               opt(a->metadata), opt(a->key),
                                               opt(a->uri), a->flags, err));
}

int
dispatch_domain_rename(struct vireo_conn *conn, const void *args, void *ret,
                       struct vireo_error *err)
{
    const remote_domain_rename_args *a = args;
    remote_domain_rename_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_rename, err) < 0)
        return -1;
    if (a->new_name == NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                         "new_name in virDomainRename must not be NULL");
    r->retcode = 0;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_rename(dom, *a->new_name, a->flags, err));
}

int
dispatch_domain_set_lifecycle_action(struct vireo_conn *conn,
                                     const void *args, void *ret,
                                     struct vireo_error *err)
{
    const remote_domain_set_lifecycle_action_args *a = args;

    if (DISPATCH_NEED(conn, domain_set_lifecycle_action, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_set_lifecycle_action(dom, a->type,
                                                       a->action, a->flags,
                                                       err));
}
