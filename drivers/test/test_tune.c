/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_tune.c: the test driver's memory and vCPU sizes, lifecycle actions
 * and renaming, as libvirt's test driver does them: the same checks in the
 * same order, the same words. Each runs on the test driver's thread
 * (test_call.h).
 */
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_tune.h"

/* What libvirt's test hypervisor reports as its vCPU limit
 * (testConnectGetMaxVcpus). */
#define TEST_MAX_VCPUS 32u

/* Lifecycle event details of a rename (libvirt's
 * VIR_DOMAIN_EVENT_UNDEFINED_RENAMED and VIR_DOMAIN_EVENT_DEFINED_RENAMED). */
#define UNDEFINED_RENAMED 1
#define DEFINED_RENAMED   2

/* ---- Memory ----------------------------------------------------------- */

struct size_io {
    unsigned long long value;   /* KiB, or a number of vCPUs */
    unsigned           flags;
};

static int
set_max_memory(struct domain_def *def, bool is_live,
               unsigned long long kib, struct vireo_error *err)
{
    if (is_live)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                         "cannot resize the maximum memory on an active "
                         "domain");
    def->memory_kib = kib;
    if (def->current_memory_kib > kib)
        def->current_memory_kib = kib;
    return 0;
}

static int
op_set_memory(struct test_state *st, struct domain_obj *obj, void *io,
              struct vireo_error *err)
{
    struct size_io *s = io;
    bool is_live = false;
    struct domain_def *def = test_tune_one_def(obj, s->flags, &is_live, err);

    if (def == NULL)
        return -1;
    if ((s->flags & VIR_DOMAIN_MEM_MAXIMUM) != 0)
        return set_max_memory(def, is_live, s->value, err);
    if (s->value > def->memory_kib)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "cannot set memory higher than max memory");
    def->current_memory_kib = s->value;
    return 0;
}

int
testdrv_domain_set_memory_flags(struct vireo_domain *dom,
                                unsigned long long memory_kib,
                                unsigned flags, struct vireo_error *err)
{
    struct size_io s = { .value = memory_kib, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags,
                          VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                          VIR_DOMAIN_MEM_MAXIMUM,
                          "testDomainSetMemoryFlags") < 0)
        return -1;
    return test_call_dom(dom, op_set_memory, &s, err);
}

/* ---- vCPUs ------------------------------------------------------------ */

/* libvirt's virDomainDefSetVcpus: n of the maximum online. */
static void
set_online(struct domain_def *def, unsigned n)
{
    def->vcpus_current = n == def->vcpus ? 0 : n;
}

/* libvirt's virDomainDefSetVcpusMax: vCPUs added are offline, those
 * removed go, online or not. */
static void
set_maximum(struct domain_def *def, unsigned n)
{
    unsigned online = def->vcpus_current > 0 ? def->vcpus_current
                                             : def->vcpus;

    def->vcpus = n;
    set_online(def, online < n ? online : n);
}

static int
check_vcpus(const struct domain_def *def, unsigned n, struct vireo_error *err)
{
    if (def != NULL && def->vcpus < n)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "requested cpu amount exceeds maximum (%u > %u)",
                         n, def->vcpus);
    return 0;
}

static int
op_set_vcpus(struct test_state *st, struct domain_obj *obj, void *io,
             struct vireo_error *err)
{
    struct size_io *s = io;
    unsigned n = (unsigned)s->value;
    bool is_max = (s->flags & VIR_DOMAIN_VCPU_MAXIMUM) != 0;
    struct domain_def *live, *persistent;

    if (test_tune_defs(obj, s->flags, &live, &persistent, err) < 0 ||
        check_vcpus(live, n, err) < 0 ||
        (!is_max && check_vcpus(persistent, n, err) < 0))
        return -1;
    if (live != NULL)
        set_online(live, n);
    if (persistent != NULL && is_max)
        set_maximum(persistent, n);
    else if (persistent != NULL)
        set_online(persistent, n);
    return 0;
}

int
testdrv_domain_set_vcpus_flags(struct vireo_domain *dom, unsigned n_vcpus,
                               unsigned flags, struct vireo_error *err)
{
    struct size_io s = { .value = n_vcpus, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags,
                          VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                          VIR_DOMAIN_VCPU_MAXIMUM,
                          "testDomainSetVcpusFlags") < 0)
        return -1;
    if (n_vcpus > TEST_MAX_VCPUS)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "requested cpu amount exceeds maximum supported "
                         "amount (%u > %u)", n_vcpus, TEST_MAX_VCPUS);
    return test_call_dom(dom, op_set_vcpus, &s, err);
}

/* ---- Lifecycle actions ------------------------------------------------ */

struct lifecycle_io {
    unsigned type;      /* enum vireo_domain_lifecycle */
    unsigned action;    /* enum vireo_domain_lifecycle_action */
    unsigned flags;
};

static const char *const lifecycle_types[] = { "poweroff", "reboot",
                                               "crash" };
static const char *const lifecycle_actions[] = {
    "destroy", "restart", "rename-restart", "preserve", "coredump-destroy",
    "coredump-restart",
};

/* libvirt's virDomainDefLifecycleActionAllowed: a power-off or a reboot
 * cannot dump core. */
static int
check_action(unsigned type, unsigned action, struct vireo_error *err)
{
    if (type != VIR_DOMAIN_LIFECYCLE_CRASH &&
        action >= VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_DESTROY)
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "Lifecycle event '%s' doesn't support '%s' action",
                         lifecycle_types[type], lifecycle_actions[action]);
    return 0;
}

/* The definition's field for type. */
static void
set_action(struct domain_def *def, unsigned type, unsigned action)
{
    int value = domain_lifecycle_action_from_string(lifecycle_actions[action]);

    if (type == VIR_DOMAIN_LIFECYCLE_POWEROFF)
        def->on_poweroff = value;
    else if (type == VIR_DOMAIN_LIFECYCLE_REBOOT)
        def->on_reboot = value;
    else
        def->on_crash = value;
}

static int
op_set_lifecycle_action(struct test_state *st, struct domain_obj *obj,
                        void *io, struct vireo_error *err)
{
    struct lifecycle_io *l = io;
    struct domain_def *live, *persistent;

    if (test_tune_defs(obj, l->flags, &live, &persistent, err) < 0)
        return -1;
    if (live != NULL)
        set_action(live, l->type, l->action);
    if (persistent != NULL)
        set_action(persistent, l->type, l->action);
    return 0;
}

int
testdrv_domain_set_lifecycle_action(struct vireo_domain *dom, unsigned type,
                                    unsigned action, unsigned flags,
                                    struct vireo_error *err)
{
    struct lifecycle_io l = { .type = type, .action = action,
                              .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags,
                          VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG,
                          "testDomainSetLifecycleAction") < 0)
        return -1;
    if (type > VIR_DOMAIN_LIFECYCLE_CRASH)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                         "invalid lifecycle type '%u'", type);
    if (action > VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_RESTART)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                         "invalid lifecycle action '%u'", action);
    if (check_action(type, action, err) < 0)
        return -1;
    return test_call_dom(dom, op_set_lifecycle_action, &l, err);
}

/* ---- Renaming --------------------------------------------------------- */

struct rename_io {
    const char *new_name;
};

/* testDomainRename's refusals, in its order. */
static int
check_rename(struct test_state *st, const struct domain_obj *obj,
             const char *new_name, struct vireo_error *err)
{
    if (domain_obj_is_active(obj))
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                         "cannot rename active domain");
    if (!obj->is_persistent)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                         "cannot rename a transient domain");
    if (obj->state != VIR_DOMAIN_SHUTOFF)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                         "domain has to be shutoff before renaming");
    if (strcmp(obj->def->name, new_name) == 0)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                         "Can't rename domain to itself");
    if (domain_list_find_by_name(st->domains, new_name) != NULL)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                         "domain with name '%s' already exists", new_name);
    if (strchr(new_name, '/') != NULL)
        return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_TEST,
                         "name %s cannot contain '/'", new_name);
    return 0;
}

static int
op_rename(struct test_state *st, struct domain_obj *obj, void *io,
          struct vireo_error *err)
{
    struct rename_io *r = io;

    if (check_rename(st, obj, r->new_name, err) < 0)
        return -1;
    test_state_emit(st, obj, VIR_DOMAIN_EVENT_UNDEFINED, UNDEFINED_RENAMED);
    if (domain_list_rename(st->domains, obj, r->new_name) < 0)
        return error_no_memory(err);
    test_state_emit(st, obj, VIR_DOMAIN_EVENT_DEFINED, DEFINED_RENAMED);
    return 0;
}

int
testdrv_domain_rename(struct vireo_domain *dom, const char *new_name,
                      unsigned flags, struct vireo_error *err)
{
    struct rename_io r = { .new_name = new_name };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainRename") < 0)
        return -1;
    return test_call_dom(dom, op_rename, &r, err);
}
