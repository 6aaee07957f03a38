/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_tune_params.c: the test driver's tunables carried as typed
 * parameters (the scheduler's, <memtune>'s) and its title and
 * description, as libvirt's test driver keeps them (a change of title or
 * description is a METADATA_CHANGE event, as there). Each runs on the
 * test driver's thread (test_call.h).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_event.h"
#include "drivers/error.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_tune.h"
#include "drivers/typed_params.h"

/* VIR_TYPED_PARAM_STRING_OKAY: the caller takes string parameters. */
#define STRING_OKAY (1u << 2)

#define AFFECT_FLAGS (VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG)

/* ---- The scheduler ---------------------------------------------------- */

/* libvirt's test hypervisor has one fixed "fair" scheduler with a weight
 * of 50; setting a weight is checked and then ignored, as there. */
#define SCHED_NAME   "fair"
#define SCHED_WEIGHT 50u

static int
op_find(struct test_state *st, struct domain_obj *obj, void *io,
        struct vireo_error *err)
{
    return 0;
}

char *
testdrv_domain_get_scheduler_type(struct vireo_domain *dom, int *n_params,
                                  struct vireo_error *err)
{
    char *name;

    if (test_call_dom(dom, op_find, NULL, err) < 0)
        return NULL;
    if ((name = strdup(SCHED_NAME)) == NULL) {
        error_no_memory(err);
        return NULL;
    }
    if (n_params != NULL)
        *n_params = 1;
    return name;
}

int
testdrv_domain_get_scheduler_params(struct vireo_domain *dom,
                                    struct vireo_typed_params *params,
                                    unsigned flags, struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainGetSchedulerParametersFlags") < 0 ||
        test_call_dom(dom, op_find, NULL, err) < 0)
        return -1;
    return vireo_typed_params_add_uint(params, VIR_DOMAIN_SCHEDULER_WEIGHT,
                                       SCHED_WEIGHT, err);
}

int
testdrv_domain_set_scheduler_params(struct vireo_domain *dom,
                                    const struct vireo_typed_params *params,
                                    unsigned flags, struct vireo_error *err)
{
    static const struct typed_param_spec spec[] = {
        { VIR_DOMAIN_SCHEDULER_WEIGHT, VIREO_TYPED_PARAM_UINT, false },
        { NULL, 0, false },
    };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainSetSchedulerParametersFlags") < 0 ||
        typed_params_validate(params, spec, err) < 0)
        return -1;
    return test_call_dom(dom, op_find, NULL, err);
}

/* ---- <memtune> -------------------------------------------------------- */

struct params_io {
    struct vireo_typed_params       *out;
    const struct vireo_typed_params *in;
    unsigned                         flags;
};

static int
op_get_memory_params(struct test_state *st, struct domain_obj *obj, void *io,
                     struct vireo_error *err)
{
    struct params_io *p = io;
    const struct domain_def *def = test_tune_read_def(obj, p->flags, err);

    if (def == NULL)
        return -1;
    if (vireo_typed_params_add_ullong(p->out, VIR_DOMAIN_MEMORY_HARD_LIMIT,
            domain_mem_limit_get(&def->memtune.hard_limit), err) < 0 ||
        vireo_typed_params_add_ullong(p->out, VIR_DOMAIN_MEMORY_SOFT_LIMIT,
            domain_mem_limit_get(&def->memtune.soft_limit), err) < 0 ||
        vireo_typed_params_add_ullong(p->out,
            VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT,
            domain_mem_limit_get(&def->memtune.swap_hard_limit), err) < 0)
        return -1;
    return 0;
}

int
testdrv_domain_get_memory_params(struct vireo_domain *dom,
                                 struct vireo_typed_params *params,
                                 unsigned flags, struct vireo_error *err)
{
    struct params_io p = { .out = params, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags,
                          AFFECT_FLAGS | STRING_OKAY,
                          "testDomainGetMemoryParameters") < 0)
        return -1;
    return test_call_dom(dom, op_get_memory_params, &p, err);
}

/* A limit the parameters give, or *limit unchanged. */
static void
take_limit(const struct vireo_typed_params *in, const char *field,
           struct domain_mem_limit *limit)
{
    const struct vireo_typed_param *t = vireo_typed_params_find(in, field);

    if (t != NULL)
        domain_mem_limit_set(limit, t->value.ul);
}

/* libvirt compares the new limits with the live definition's, whichever
 * definition is changed. */
static int
check_limits(const struct domain_obj *obj,
             const struct vireo_typed_params *in, struct vireo_error *err)
{
    struct domain_memtune m = obj->def->memtune;

    if (vireo_typed_params_find(in, VIR_DOMAIN_MEMORY_HARD_LIMIT) == NULL &&
        vireo_typed_params_find(in, VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT) ==
        NULL)
        return 0;
    take_limit(in, VIR_DOMAIN_MEMORY_HARD_LIMIT, &m.hard_limit);
    take_limit(in, VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT, &m.swap_hard_limit);
    if (domain_mem_limit_get(&m.hard_limit) >
        domain_mem_limit_get(&m.swap_hard_limit))
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "memory hard_limit tunable value must be lower "
                         "than or equal to swap_hard_limit");
    return 0;
}

static int
op_set_memory_params(struct test_state *st, struct domain_obj *obj, void *io,
                     struct vireo_error *err)
{
    struct params_io *p = io;
    struct domain_def *def = test_tune_one_def(obj, p->flags, NULL, err);

    if (def == NULL || check_limits(obj, p->in, err) < 0)
        return -1;
    take_limit(p->in, VIR_DOMAIN_MEMORY_SOFT_LIMIT, &def->memtune.soft_limit);
    take_limit(p->in, VIR_DOMAIN_MEMORY_HARD_LIMIT, &def->memtune.hard_limit);
    take_limit(p->in, VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT,
               &def->memtune.swap_hard_limit);
    return 0;
}

int
testdrv_domain_set_memory_params(struct vireo_domain *dom,
                                 const struct vireo_typed_params *params,
                                 unsigned flags, struct vireo_error *err)
{
    static const struct typed_param_spec spec[] = {
        { VIR_DOMAIN_MEMORY_HARD_LIMIT, VIREO_TYPED_PARAM_ULLONG, false },
        { VIR_DOMAIN_MEMORY_SOFT_LIMIT, VIREO_TYPED_PARAM_ULLONG, false },
        { VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT, VIREO_TYPED_PARAM_ULLONG,
          false },
        { NULL, 0, false },
    };
    struct params_io p = { .in = params, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, AFFECT_FLAGS,
                          "testDomainSetMemoryParameters") < 0 ||
        typed_params_validate(params, spec, err) < 0)
        return -1;
    return test_call_dom(dom, op_set_memory_params, &p, err);
}

/* ---- Title, description and metadata elements ------------------------ */

struct metadata_io {
    int         type;      /* enum vireo_domain_metadata_type */
    const char *text;      /* set: NULL or "" removes */
    const char *key;       /* set, for an element: its prefix */
    const char *uri;       /* for an element: its namespace */
    unsigned    flags;
    char       *found;     /* get: a copy */
};

static char **
field_of(struct domain_def *def, int type)
{
    return type == VIR_DOMAIN_METADATA_TITLE ? &def->title
                                             : &def->description;
}

static int
op_get_metadata(struct test_state *st, struct domain_obj *obj, void *io,
                struct vireo_error *err)
{
    struct metadata_io *m = io;
    const struct domain_def *def = test_tune_read_def(obj, m->flags, err);
    const char *text;

    if (def == NULL)
        return -1;
    if (m->type == VIR_DOMAIN_METADATA_ELEMENT) {
        m->found = domain_metadata_get(def, m->uri, err);
        return m->found != NULL ? 0 : -1;
    }
    text = *field_of((struct domain_def *)def, m->type);
    if (text == NULL)
        return error_set(err, VIR_ERR_NO_DOMAIN_METADATA, VIR_FROM_DOMAIN,
                         "Requested metadata element is not present");
    if ((m->found = strdup(text)) == NULL)
        return error_no_memory(err);
    return 0;
}

/* Set a copy of text, or clear the field for NULL or "". */
static int
set_text(struct domain_def *def, int type, const char *text,
         struct vireo_error *err)
{
    char *copy = NULL;
    char **field;

    if (text != NULL && text[0] != '\0' && (copy = strdup(text)) == NULL)
        return error_no_memory(err);
    field = field_of(def, type);
    free(*field);
    *field = copy;
    return 0;
}

static int
set_one(struct domain_def *def, const struct metadata_io *m,
        struct vireo_error *err)
{
    if (def == NULL)
        return 0;
    if (m->type == VIR_DOMAIN_METADATA_ELEMENT)
        return domain_metadata_set(def, m->text, m->key, m->uri, err);
    return set_text(def, m->type, m->text, err);
}

static int
op_set_metadata(struct test_state *st, struct domain_obj *obj, void *io,
                struct vireo_error *err)
{
    struct metadata_io *m = io;
    struct domain_def *live, *persistent;

    if (test_tune_defs(obj, m->flags, &live, &persistent, err) < 0 ||
        set_one(live, m, err) < 0 || set_one(persistent, m, err) < 0)
        return -1;
    domain_event_queue_metadata_change(st->events, obj->def->name,
                                       obj->def->uuid, obj->id, m->type,
                                       m->type == VIR_DOMAIN_METADATA_ELEMENT
                                       ? m->uri : NULL);
    return 0;
}

static int
check_type(int type, struct vireo_error *err)
{
    if (type == VIR_DOMAIN_METADATA_TITLE ||
        type == VIR_DOMAIN_METADATA_DESCRIPTION ||
        type == VIR_DOMAIN_METADATA_ELEMENT)
        return 0;
    return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                     "unknown metadata type '%d'", type);
}

char *
testdrv_domain_get_metadata(struct vireo_domain *dom, int type,
                            const char *uri, unsigned flags,
                            struct vireo_error *err)
{
    struct metadata_io m = { .type = type, .uri = uri, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, AFFECT_FLAGS,
                          "testDomainGetMetadata") < 0 ||
        check_type(type, err) < 0 ||
        test_call_dom(dom, op_get_metadata, &m, err) < 0)
        return NULL;
    return m.found;
}

int
testdrv_domain_set_metadata(struct vireo_domain *dom, int type,
                            const char *metadata, const char *key,
                            const char *uri, unsigned flags,
                            struct vireo_error *err)
{
    struct metadata_io m = { .type = type, .text = metadata, .key = key,
                             .uri = uri, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, AFFECT_FLAGS,
                          "testDomainSetMetadata") < 0 ||
        check_type(type, err) < 0)
        return -1;
    if (type == VIR_DOMAIN_METADATA_TITLE && metadata != NULL &&
        strchr(metadata, '\n') != NULL)
        return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "Domain title can't contain newlines");
    if (type == VIR_DOMAIN_METADATA_ELEMENT && uri == NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                         "uri in virDomainSetMetadata must not be NULL");
    return test_call_dom(dom, op_set_metadata, &m, err);
}
