/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_pin.c: the test driver's pinning of vCPUs and emulator threads and
 * its NUMA memory policy, as libvirt's test driver does them: the same
 * checks in the same order, the same words. It emits no event for them,
 * as libvirt's test driver emits none. Each runs on the test driver's
 * thread (test_call.h).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/cpuset.h"
#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_pin.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_tune.h"
#include "drivers/typed_params.h"

#define AFFECT_FLAGS (VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG)
/* VIR_TYPED_PARAM_STRING_OKAY, which libvirt's getters add. */
#define STRING_OKAY (1u << 2)

/* VIR_DOMAIN_NUMA_MODE and VIR_DOMAIN_NUMA_NODESET. */
#define N_NUMA_PARAMS 2

/* What the slots hand to their operations. */
struct pin_io {
    unsigned                         vcpu;
    const unsigned char             *cpumap;
    unsigned char                   *out_map;
    int                              maplen;
    unsigned                         flags;
    struct vireo_typed_params       *out;
    const struct vireo_typed_params *in;
};

/* The CPUs of the test host (libvirt's VIR_NODEINFO_MAXCPUS). */
static unsigned
host_cpus(const struct test_state *st)
{
    const struct test_host *h = &st->host;

    return h->nodes * h->sockets * h->cores * h->threads;
}

static void
all_cpus(unsigned char *map, int maplen, unsigned n_cpus)
{
    memset(map, 0, (size_t)maplen);
    for (unsigned c = 0; c < n_cpus && c / 8 < (unsigned)maplen; c++)
        map[c / 8] |= (unsigned char)(1u << (c % 8));
}

void
test_pin_vcpu_map(const struct domain_def *def, unsigned vcpu,
                  unsigned char *map, int maplen, unsigned n_cpus)
{
    const char *pinned = domain_pin_vcpu(&def->pin, vcpu);

    if (pinned != NULL)
        cpuset_to_map(pinned, map, (size_t)maplen);
    else
        all_cpus(map, maplen, n_cpus);
}

int
test_pin_vcpu_cpu(const struct domain_def *def, unsigned vcpu,
                  unsigned n_cpus)
{
    const char *pinned = domain_pin_vcpu(&def->pin, vcpu);

    return pinned != NULL ? cpuset_last(pinned) : (int)n_cpus - 1;
}

/* ---- vCPUs ------------------------------------------------------------ */

static int
op_pin_vcpu(struct test_state *st, struct domain_obj *obj, void *io,
            struct vireo_error *err)
{
    struct pin_io *v = io;
    struct domain_def *def;
    char *cpuset;
    unsigned online = obj->def->vcpus_current != 0 ? obj->def->vcpus_current
                                                   : obj->def->vcpus;

    if (!domain_obj_is_active(obj))
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                         "cannot pin vcpus on an inactive domain");
    if (v->vcpu >= online)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "requested vcpu '%d' is not present in the domain",
                         (int)v->vcpu);
    def = test_tune_one_def(obj, VIR_DOMAIN_AFFECT_LIVE, NULL, err);
    if (def == NULL)
        return -1;
    if ((cpuset = cpuset_format(v->cpumap, (size_t)v->maplen)) == NULL ||
        domain_pin_set_vcpu(&def->pin, v->vcpu, cpuset) < 0)
        return error_no_memory(err);
    return 0;
}

int
testdrv_domain_pin_vcpu(struct vireo_domain *dom, unsigned vcpu,
                        const unsigned char *cpumap, int maplen,
                        unsigned flags, struct vireo_error *err)
{
    struct pin_io v = { .vcpu = vcpu, .cpumap = cpumap, .maplen = maplen };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainPinVcpuFlags") < 0)
        return -1;
    return test_call_dom(dom, op_pin_vcpu, &v, err);
}

/* ---- Emulator threads ------------------------------------------------- */

static int
op_pin_emulator(struct test_state *st, struct domain_obj *obj, void *io,
                struct vireo_error *err)
{
    struct pin_io *v = io;
    struct domain_def *def = test_tune_one_def(obj, v->flags, NULL, err);
    char *cpuset;

    if (def == NULL)
        return -1;
    if (cpuset_is_empty(v->cpumap, (size_t)v->maplen))
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "Empty cpu list for pinning");
    if ((cpuset = cpuset_format(v->cpumap, (size_t)v->maplen)) == NULL)
        return error_no_memory(err);
    free(def->pin.emulator_cpuset);
    def->pin.emulator_cpuset = cpuset;
    return 0;
}

int
testdrv_domain_pin_emulator(struct vireo_domain *dom,
                            const unsigned char *cpumap, int maplen,
                            unsigned flags, struct vireo_error *err)
{
    struct pin_io v = { .cpumap = cpumap, .maplen = maplen, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, AFFECT_FLAGS,
                          "testDomainPinEmulator") < 0)
        return -1;
    return test_call_dom(dom, op_pin_emulator, &v, err);
}

static int
op_get_emulator_pin_info(struct test_state *st, struct domain_obj *obj,
                         void *io, struct vireo_error *err)
{
    struct pin_io *v = io;
    const struct domain_def *def = test_tune_read_def(obj, v->flags, err);

    if (def == NULL)
        return -1;
    if (def->pin.emulator_cpuset != NULL)
        cpuset_to_map(def->pin.emulator_cpuset, v->out_map,
                      (size_t)v->maplen);
    else
        all_cpus(v->out_map, v->maplen, host_cpus(st));
    return 1;
}

int
testdrv_domain_get_emulator_pin_info(struct vireo_domain *dom,
                                     unsigned char *cpumap, int maplen,
                                     unsigned flags, struct vireo_error *err)
{
    struct pin_io v = { .out_map = cpumap, .maplen = maplen,
                        .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, AFFECT_FLAGS,
                          "testDomainGetEmulatorPinInfo") < 0)
        return -1;
    return test_call_dom(dom, op_get_emulator_pin_info, &v, err);
}

/* ---- NUMA memory policy ----------------------------------------------- */

static int
op_get_numa_params(struct test_state *st, struct domain_obj *obj, void *io,
                   struct vireo_error *err)
{
    struct pin_io *v = io;
    const struct domain_def *def = test_tune_read_def(obj, v->flags, err);
    const struct domain_pin *pin;
    bool is_static;

    if (def == NULL)
        return -1;
    pin = &def->pin;
    is_static = pin->is_numa_set &&
                pin->numa_placement == DOMAIN_NUMA_PLACEMENT_STATIC &&
                pin->numa_nodeset != NULL;
    if (vireo_typed_params_add_int(v->out, VIR_DOMAIN_NUMA_MODE,
                                   pin->is_numa_set ? pin->numa_mode
                                                    : DOMAIN_NUMA_MODE_STRICT,
                                   err) < 0 ||
        vireo_typed_params_add_string(v->out, VIR_DOMAIN_NUMA_NODESET,
                                      is_static ? pin->numa_nodeset : "",
                                      err) < 0)
        return -1;
    return 0;
}

int
testdrv_domain_get_numa_params(struct vireo_domain *dom,
                               struct vireo_typed_params *params,
                               unsigned flags, struct vireo_error *err)
{
    struct pin_io v = { .out = params, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags,
                          AFFECT_FLAGS | STRING_OKAY,
                          "testDomainGetNumaParameters") < 0)
        return -1;
    if (params == NULL)
        return N_NUMA_PARAMS;
    return test_call_dom(dom, op_get_numa_params, &v, err);
}

/* The mode and nodeset the parameters give (-1 and NULL when they do
 * not), checked as libvirt checks them. *nodeset is malloc'ed. */
static int
read_numa_params(const struct vireo_typed_params *in, int *mode,
                 char **nodeset, struct vireo_error *err)
{
    *mode = -1;
    *nodeset = NULL;
    for (int i = 0; i < in->n; i++) {
        const struct vireo_typed_param *t = &in->params[i];
        bool is_empty = false;

        if (strcmp(t->field, VIR_DOMAIN_NUMA_MODE) == 0) {
            *mode = t->value.i;
            if (*mode < 0 || *mode >= DOMAIN_NUMA_MODE_LAST)
                return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                                 "unsupported numatune mode: '%d'", *mode);
            continue;
        }
        free(*nodeset);
        *nodeset = cpuset_canonical(t->value.s, VIR_FROM_NONE, &is_empty,
                                    err);
        if (*nodeset == NULL)
            return -1;
        if (is_empty)
            return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                             "Invalid nodeset of 'numatune': %s",
                             t->value.s);
    }
    return 0;
}

static int
op_set_numa_params(struct test_state *st, struct domain_obj *obj, void *io,
                   struct vireo_error *err)
{
    struct pin_io *v = io;
    bool is_live = false;
    struct domain_def *def = test_tune_one_def(obj, v->flags, &is_live, err);
    const struct domain_pin *pin;
    char *nodeset = NULL;
    int mode, rc = -1;

    if (def == NULL || read_numa_params(v->in, &mode, &nodeset, err) < 0)
        goto out;
    pin = &def->pin;
    if (is_live && mode != -1 && pin->is_numa_set && pin->numa_mode != mode) {
        error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                  "can't change numatune mode for running domain");
        goto out;
    }
    rc = domain_pin_set_numa(&def->pin, mode, -1, nodeset, err);
out:
    free(nodeset);
    return rc;
}

int
testdrv_domain_set_numa_params(struct vireo_domain *dom,
                               const struct vireo_typed_params *params,
                               unsigned flags, struct vireo_error *err)
{
    static const struct typed_param_spec spec[] = {
        { VIR_DOMAIN_NUMA_MODE,    VIREO_TYPED_PARAM_INT,    false },
        { VIR_DOMAIN_NUMA_NODESET, VIREO_TYPED_PARAM_STRING, false },
        { NULL, 0, false },
    };
    struct pin_io v = { .in = params, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, AFFECT_FLAGS,
                          "testDomainSetNumaParameters") < 0 ||
        typed_params_validate(params, spec, err) < 0)
        return -1;
    return test_call_dom(dom, op_set_numa_params, &v, err);
}
