/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_iothread.c: the test driver's I/O threads, as libvirt's test
 * driver keeps them: listed and pinned in the definition, with the
 * polling of those added by the API kept beside it (test_guest_state.h).
 * Each runs on the test driver's thread (test_call.h).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/cpuset.h"
#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_guest_state.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_tune.h"
#include "drivers/typed_params.h"

#define AFFECT_FLAGS (VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG)

/* A new thread polls for up to this long until told otherwise. */
#define DEFAULT_POLL_MAX_NS 32768ULL

struct iothread_io {
    unsigned                         id;
    const unsigned char             *cpumap;
    int                              maplen;
    unsigned                         flags;
    struct vireo_iothread_info     **info;
    const struct vireo_typed_params *in;
};

static int
check_id(unsigned id, struct vireo_error *err)
{
    if (id == 0)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "invalid value of 0 for iothread_id");
    return 0;
}

/* ---- Info ------------------------------------------------------------- */

/* One thread's affinity: its pinning, else the first n_vcpus CPUs (libvirt
 * sizes the default map by the vCPU count, virDomainDriverGetIOThreadsConfig
 * as the test driver calls it). */
static int
fill_info(struct vireo_iothread_info *out, const struct domain_iothread *t,
          unsigned n_vcpus)
{
    int last = t->cpuset != NULL ? cpuset_last(t->cpuset) : -1;
    unsigned bits = last >= 0 ? (unsigned)last + 1 : n_vcpus;

    out->iothread_id = t->id;
    out->cpumaplen = (int)((bits + 7) / 8);
    if (out->cpumaplen == 0)
        out->cpumaplen = 1;
    out->cpumap = calloc((size_t)out->cpumaplen, 1);
    if (out->cpumap == NULL)
        return -1;
    if (t->cpuset != NULL)
        cpuset_to_map(t->cpuset, out->cpumap, (size_t)out->cpumaplen);
    else
        for (unsigned c = 0; c < n_vcpus; c++)
            out->cpumap[c / 8] |= (unsigned char)(1u << (c % 8));
    return 0;
}

static int
op_get_info(struct test_state *st, struct domain_obj *obj, void *io,
            struct vireo_error *err)
{
    struct iothread_io *v = io;
    const struct domain_def *def = test_tune_read_def(obj, v->flags, err);
    struct vireo_iothread_info *info;
    unsigned n_vcpus;
    int n;

    if (def == NULL)
        return -1;
    if ((n = def->pin.n_iothreads) == 0)
        return 0;
    n_vcpus = def->vcpus_current != 0 ? def->vcpus_current : def->vcpus;
    if ((info = calloc((size_t)n, sizeof(*info))) == NULL)
        return error_no_memory(err);
    for (int i = 0; i < n; i++) {
        if (fill_info(&info[i], &def->pin.iothreads[i], n_vcpus) < 0) {
            vireo_iothread_info_list_free(info, i);
            return error_no_memory(err);
        }
    }
    *v->info = info;
    return n;
}

int
testdrv_domain_get_iothread_info(struct vireo_domain *dom,
                                 struct vireo_iothread_info **info,
                                 unsigned flags, struct vireo_error *err)
{
    struct iothread_io v = { .info = info, .flags = flags };

    *info = NULL;
    if (error_check_flags(err, VIR_FROM_TEST, flags, AFFECT_FLAGS,
                          "testDomainGetIOThreadInfo") < 0)
        return -1;
    return test_call_dom(dom, op_get_info, &v, err);
}

/* ---- Pin -------------------------------------------------------------- */

static int
op_pin(struct test_state *st, struct domain_obj *obj, void *io,
       struct vireo_error *err)
{
    struct iothread_io *v = io;
    struct domain_def *def = test_tune_one_def(obj, v->flags, NULL, err);
    struct domain_iothread *t;
    char *cpuset;

    if (def == NULL)
        return -1;
    if (cpuset_is_empty(v->cpumap, (size_t)v->maplen))
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "Empty iothread cpumap list for pinning");
    if ((t = domain_pin_find_iothread(&def->pin, v->id)) == NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "iothreadid %d not found", (int)v->id);
    if ((cpuset = cpuset_format(v->cpumap, (size_t)v->maplen)) == NULL)
        return error_no_memory(err);
    free(t->cpuset);
    t->cpuset = cpuset;
    t->is_autofill = false;
    return 0;
}

int
testdrv_domain_pin_iothread(struct vireo_domain *dom, unsigned iothread_id,
                            const unsigned char *cpumap, int maplen,
                            unsigned flags, struct vireo_error *err)
{
    struct iothread_io v = { .id = iothread_id, .cpumap = cpumap,
                             .maplen = maplen, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, AFFECT_FLAGS,
                          "testDomainPinIOThread") < 0)
        return -1;
    return test_call_dom(dom, op_pin, &v, err);
}

/* ---- Add and delete --------------------------------------------------- */

static int
add_poll(struct domain_obj *obj, unsigned id, struct vireo_error *err)
{
    struct test_guest_state *g = test_guest_state(obj, err);
    struct test_iothread_poll *grown;

    if (g == NULL)
        return -1;
    grown = realloc(g->iothread_polls,
                    (size_t)(g->n_iothread_polls + 1) * sizeof(*grown));
    if (grown == NULL)
        return error_no_memory(err);
    g->iothread_polls = grown;
    grown[g->n_iothread_polls++] = (struct test_iothread_poll){
        .iothread_id = id, .poll_max_ns = DEFAULT_POLL_MAX_NS,
    };
    return 0;
}

/* The polling record of thread id, or NULL when the API did not add it. */
static struct test_iothread_poll *
find_poll(struct domain_obj *obj, unsigned id)
{
    struct test_guest_state *g = obj->priv;

    for (int i = 0; g != NULL && i < g->n_iothread_polls; i++)
        if (g->iothread_polls[i].iothread_id == id)
            return &g->iothread_polls[i];
    return NULL;
}

static int
op_add(struct test_state *st, struct domain_obj *obj, void *io,
       struct vireo_error *err)
{
    struct iothread_io *v = io;
    struct domain_def *def = test_tune_one_def(obj, v->flags, NULL, err);

    if (def == NULL)
        return -1;
    if (domain_pin_find_iothread(&def->pin, v->id) != NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                         "an IOThread is already using iothread_id '%u'",
                         v->id);
    if (domain_pin_add_iothread(&def->pin, v->id) == NULL)
        return error_no_memory(err);
    return add_poll(obj, v->id, err);
}

int
testdrv_domain_add_iothread(struct vireo_domain *dom, unsigned iothread_id,
                            unsigned flags, struct vireo_error *err)
{
    struct iothread_io v = { .id = iothread_id, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, AFFECT_FLAGS,
                          "testDomainAddIOThread") < 0 ||
        check_id(iothread_id, err) < 0)
        return -1;
    return test_call_dom(dom, op_add, &v, err);
}

static int
op_del(struct test_state *st, struct domain_obj *obj, void *io,
       struct vireo_error *err)
{
    struct iothread_io *v = io;
    struct domain_def *def = test_tune_one_def(obj, v->flags, NULL, err);
    struct test_iothread_poll *poll;
    struct test_guest_state *g = obj->priv;

    if (def == NULL)
        return -1;
    if (domain_pin_find_iothread(&def->pin, v->id) == NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                         "cannot find IOThread '%u' in iothreadids list",
                         v->id);
    domain_pin_del_iothread(&def->pin, v->id);
    if ((poll = find_poll(obj, v->id)) != NULL)
        *poll = g->iothread_polls[--g->n_iothread_polls];
    return 0;
}

int
testdrv_domain_del_iothread(struct vireo_domain *dom, unsigned iothread_id,
                            unsigned flags, struct vireo_error *err)
{
    struct iothread_io v = { .id = iothread_id, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, AFFECT_FLAGS,
                          "testDomainDelIOThread") < 0 ||
        check_id(iothread_id, err) < 0)
        return -1;
    return test_call_dom(dom, op_del, &v, err);
}

/* ---- Polling ---------------------------------------------------------- */

static void
take_poll(const struct vireo_typed_params *in, struct test_iothread_poll *p)
{
    const struct vireo_typed_param *t;

    if ((t = vireo_typed_params_find(in, VIR_DOMAIN_IOTHREAD_POLL_MAX_NS)))
        p->poll_max_ns = t->value.ul;
    if ((t = vireo_typed_params_find(in, VIR_DOMAIN_IOTHREAD_POLL_GROW)))
        p->poll_grow = t->value.ui;
    if ((t = vireo_typed_params_find(in, VIR_DOMAIN_IOTHREAD_POLL_SHRINK)))
        p->poll_shrink = t->value.ui;
}

/* libvirt's test driver changes only the threads the API added; for one
 * from the definition it fails without saying why, and so does this. */
static int
op_set_params(struct test_state *st, struct domain_obj *obj, void *io,
              struct vireo_error *err)
{
    static const struct typed_param_spec spec[] = {
        { VIR_DOMAIN_IOTHREAD_POLL_MAX_NS, VIREO_TYPED_PARAM_ULLONG, false },
        { VIR_DOMAIN_IOTHREAD_POLL_GROW,   VIREO_TYPED_PARAM_UINT,   false },
        { VIR_DOMAIN_IOTHREAD_POLL_SHRINK, VIREO_TYPED_PARAM_UINT,   false },
        { NULL, 0, false },
    };
    struct iothread_io *v = io;
    struct domain_def *def = test_tune_one_def(obj, v->flags, NULL, err);
    struct test_iothread_poll *poll;

    if (def == NULL)
        return -1;
    if (domain_pin_find_iothread(&def->pin, v->id) == NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "cannot find IOThread '%u' in iothreadids", v->id);
    if ((poll = find_poll(obj, v->id)) == NULL)
        return -1;
    if (typed_params_validate(v->in, spec, err) < 0)
        return -1;
    take_poll(v->in, poll);
    return 0;
}

int
testdrv_domain_set_iothread_params(struct vireo_domain *dom,
                                   unsigned iothread_id,
                                   const struct vireo_typed_params *params,
                                   unsigned flags, struct vireo_error *err)
{
    struct iothread_io v = { .id = iothread_id, .in = params,
                             .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, VIR_DOMAIN_AFFECT_LIVE,
                          "testDomainSetIOThreadParams") < 0 ||
        check_id(iothread_id, err) < 0)
        return -1;
    return test_call_dom(dom, op_set_params, &v, err);
}
