/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_iotune_net.c: the test driver's interface bandwidth
 * (virDomainGet/SetInterfaceParameters, an interface's <bandwidth>) and
 * perf events (virDomainGet/SetPerfEvents, <perf>), as libvirt's test
 * driver keeps them; neither emits an event there. Each runs on the test
 * driver's thread (test_call.h).
 */
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/error.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_iotune.h"
#include "drivers/test/test_monitor.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_tune.h"
#include "drivers/typed_params.h"

#define N_INTERFACE_PARAMS 7

/* ---- An interface's <bandwidth> --------------------------------------- */

/* The parameters in libvirt's order, and where each goes. */
enum rate_part { AVERAGE, PEAK, BURST, FLOOR };

static const struct {
    const char *field;
    bool        is_inbound;
    int         part;          /* enum rate_part */
} bandwidth_params[N_INTERFACE_PARAMS] = {
    { VIR_DOMAIN_BANDWIDTH_IN_AVERAGE,  true,  AVERAGE },
    { VIR_DOMAIN_BANDWIDTH_IN_PEAK,     true,  PEAK },
    { VIR_DOMAIN_BANDWIDTH_IN_BURST,    true,  BURST },
    { VIR_DOMAIN_BANDWIDTH_IN_FLOOR,    true,  FLOOR },
    { VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE, false, AVERAGE },
    { VIR_DOMAIN_BANDWIDTH_OUT_PEAK,    false, PEAK },
    { VIR_DOMAIN_BANDWIDTH_OUT_BURST,   false, BURST },
};

static unsigned long long *
rate_value(struct domain_bandwidth_rate *r, int part)
{
    switch (part) {
    case AVERAGE: return &r->average;
    case PEAK:    return &r->peak;
    case BURST:   return &r->burst;
    default:      return &r->floor;
    }
}

/* The interface to change or read, in a definition the driver owns. */
static struct domain_interface *
find_interface(struct domain_def *def, const char *device,
               struct vireo_error *err)
{
    return (struct domain_interface *)
        test_monitor_find_interface(def, device, err);
}

static int
op_get_interface(struct test_state *st, struct domain_obj *obj, void *io,
                 struct vireo_error *err)
{
    struct test_iotune_io *t = io;
    const struct domain_def *def = test_tune_read_def(obj, t->flags, err);
    struct domain_interface *net;

    if (def == NULL ||
        (net = find_interface((struct domain_def *)def, t->device,
                              err)) == NULL)
        return -1;
    for (int i = 0; i < N_INTERFACE_PARAMS; i++) {
        struct domain_bandwidth_rate *r = bandwidth_params[i].is_inbound
                                          ? &net->bandwidth.inbound
                                          : &net->bandwidth.outbound;
        unsigned long long v = r->is_set
                               ? *rate_value(r, bandwidth_params[i].part) : 0;

        if (vireo_typed_params_add_uint(t->out, bandwidth_params[i].field,
                                        (unsigned int)v, err) < 0)
            return -1;
    }
    return 0;
}

int
testdrv_domain_get_interface_params(struct vireo_domain *dom,
                                    const char *device,
                                    struct vireo_typed_params *params,
                                    unsigned flags, struct vireo_error *err)
{
    struct test_iotune_io t = { .out = params, .device = device,
                                .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags,
                          TEST_IOTUNE_AFFECT | TEST_IOTUNE_STRING_OKAY,
                          "testDomainGetInterfaceParameters") < 0)
        return -1;
    if (params == NULL)
        return N_INTERFACE_PARAMS;
    return test_call_dom(dom, op_get_interface, &t, err);
}

/* A direction the parameters give: its new rate, and whether the caller
 * named it (an average or floor of 0 then clears it). */
struct rate_change {
    struct domain_bandwidth_rate rate;
    bool                         is_named;
};

static void
take_rates(const struct vireo_typed_params *in, struct rate_change *inbound,
           struct rate_change *outbound)
{
    for (int i = 0; i < in->n; i++)
        for (int j = 0; j < N_INTERFACE_PARAMS; j++) {
            struct rate_change *c = bandwidth_params[j].is_inbound
                                    ? inbound : outbound;
            int part = bandwidth_params[j].part;

            if (strcmp(in->params[i].field, bandwidth_params[j].field) != 0)
                continue;
            *rate_value(&c->rate, part) = in->params[i].value.ui;
            if (part == AVERAGE || part == FLOOR)
                c->is_named = true;
        }
    /* An average or a floor makes a rate; peak and burst alone do not. */
    inbound->rate.is_set = inbound->rate.average != 0 ||
                           inbound->rate.floor != 0;
    outbound->rate.is_set = outbound->rate.average != 0;
}

/* libvirt's rule: a rate given replaces the old one; one named with a
 * zero average clears it; one not named stays. */
static void
apply_rate(struct domain_bandwidth_rate *r, const struct rate_change *c)
{
    if (c->rate.is_set || c->is_named)
        *r = c->rate;
}

static int
op_set_interface(struct test_state *st, struct domain_obj *obj, void *io,
                 struct vireo_error *err)
{
    struct test_iotune_io *t = io;
    struct domain_def *def = test_tune_one_def(obj, t->flags, NULL, err);
    struct rate_change inbound = { .is_named = false },
                       outbound = { .is_named = false };
    struct domain_interface *net;

    if (def == NULL || (net = find_interface(def, t->device, err)) == NULL)
        return -1;
    take_rates(t->in, &inbound, &outbound);
    apply_rate(&net->bandwidth.inbound, &inbound);
    apply_rate(&net->bandwidth.outbound, &outbound);
    return 0;
}

int
testdrv_domain_set_interface_params(struct vireo_domain *dom,
                                    const char *device,
                                    const struct vireo_typed_params *params,
                                    unsigned flags, struct vireo_error *err)
{
    struct typed_param_spec spec[N_INTERFACE_PARAMS + 1];
    struct test_iotune_io t = { .in = params, .device = device,
                                .flags = flags };

    for (int i = 0; i < N_INTERFACE_PARAMS; i++)
        spec[i] = (struct typed_param_spec){ bandwidth_params[i].field,
                                             VIREO_TYPED_PARAM_UINT, false };
    spec[N_INTERFACE_PARAMS] = (struct typed_param_spec){ .field = NULL };
    if (error_check_flags(err, VIR_FROM_TEST, flags, TEST_IOTUNE_AFFECT,
                          "testDomainSetInterfaceParameters") < 0 ||
        typed_params_validate(params, spec, err) < 0)
        return -1;
    return test_call_dom(dom, op_set_interface, &t, err);
}

/* ---- <perf> ----------------------------------------------------------- */

static int
op_get_perf(struct test_state *st, struct domain_obj *obj, void *io,
            struct vireo_error *err)
{
    struct test_iotune_io *t = io;
    const struct domain_def *def = test_tune_read_def(obj, t->flags, err);

    if (def == NULL)
        return -1;
    for (int i = 0; i < DOMAIN_PERF_N_EVENTS; i++)
        if (vireo_typed_params_add_boolean(t->out, domain_perf_event_name(i),
                def->perf.events[i] == DOMAIN_TRISTATE_YES, err) < 0)
            return -1;
    return 0;
}

int
testdrv_domain_get_perf_events(struct vireo_domain *dom,
                               struct vireo_typed_params *params,
                               unsigned flags, struct vireo_error *err)
{
    struct test_iotune_io t = { .out = params, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags,
                          TEST_IOTUNE_AFFECT | TEST_IOTUNE_STRING_OKAY,
                          "testDomainGetPerfEvents") < 0)
        return -1;
    return test_call_dom(dom, op_get_perf, &t, err);
}

static int
op_set_perf(struct test_state *st, struct domain_obj *obj, void *io,
            struct vireo_error *err)
{
    struct test_iotune_io *t = io;
    struct domain_def *def = test_tune_one_def(obj, t->flags, NULL, err);

    if (def == NULL)
        return -1;
    for (int i = 0; i < t->in->n; i++) {
        int e = domain_perf_event_index(t->in->params[i].field);

        def->perf.events[e] = t->in->params[i].value.b ? DOMAIN_TRISTATE_YES
                                                       : DOMAIN_TRISTATE_NO;
    }
    return 0;
}

int
testdrv_domain_set_perf_events(struct vireo_domain *dom,
                               const struct vireo_typed_params *params,
                               unsigned flags, struct vireo_error *err)
{
    struct typed_param_spec spec[DOMAIN_PERF_N_EVENTS + 1];
    struct test_iotune_io t = { .in = params, .flags = flags };

    for (int i = 0; i < DOMAIN_PERF_N_EVENTS; i++)
        spec[i] = (struct typed_param_spec){ domain_perf_event_name(i),
                                             VIREO_TYPED_PARAM_BOOLEAN,
                                             false };
    spec[DOMAIN_PERF_N_EVENTS] = (struct typed_param_spec){ .field = NULL };
    if (error_check_flags(err, VIR_FROM_TEST, flags, TEST_IOTUNE_AFFECT,
                          "testDomainSetPerfEvents") < 0 ||
        typed_params_validate(params, spec, err) < 0)
        return -1;
    return test_call_dom(dom, op_set_perf, &t, err);
}
