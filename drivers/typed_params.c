/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * typed_params.c: the public list of typed parameters (vireo.h), and the
 * check drivers make of what a caller sends, worded as libvirt's
 * virTypedParamsValidate. Pure functions of their arguments: any thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/typed_params.h"

/* A zeroed slot at the end of p, named field, or NULL with err set. */
static struct vireo_typed_param *
append(struct vireo_typed_params *p, const char *field, int type,
       struct vireo_error *err)
{
    struct vireo_typed_param *slot;

    if (strlen(field) >= VIREO_TYPED_PARAM_FIELD_LENGTH) {
        error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                  "Field name '%s' too long", field);
        return NULL;
    }
    if (p->n == p->cap) {
        int cap = p->cap ? p->cap * 2 : 8;
        void *grown = realloc(p->params, (size_t)cap * sizeof(*p->params));

        if (grown == NULL) {
            error_no_memory(err);
            return NULL;
        }
        p->params = grown;
        p->cap = cap;
    }
    slot = &p->params[p->n++];
    memset(slot, 0, sizeof(*slot));
    strcpy(slot->field, field);
    slot->type = type;
    return slot;
}

#define DEFINE_ADD(suffix, ctype, TYPE, member)                              \
    int vireo_typed_params_add_##suffix(struct vireo_typed_params *p,        \
                                        const char *field, ctype value,      \
                                        struct vireo_error *err)             \
    {                                                                        \
        struct vireo_typed_param *slot =                                     \
            append(p, field, VIREO_TYPED_PARAM_##TYPE, err);                 \
                                                                             \
        if (slot == NULL)                                                    \
            return -1;                                                       \
        slot->value.member = value;                                          \
        return 0;                                                            \
    }

DEFINE_ADD(int, int, INT, i)
DEFINE_ADD(uint, unsigned int, UINT, ui)
DEFINE_ADD(llong, long long, LLONG, l)
DEFINE_ADD(ullong, unsigned long long, ULLONG, ul)
DEFINE_ADD(double, double, DOUBLE, d)

int
vireo_typed_params_add_boolean(struct vireo_typed_params *p,
                               const char *field, int value,
                               struct vireo_error *err)
{
    struct vireo_typed_param *slot =
        append(p, field, VIREO_TYPED_PARAM_BOOLEAN, err);

    if (slot == NULL)
        return -1;
    slot->value.b = value != 0;
    return 0;
}

int
vireo_typed_params_add_string(struct vireo_typed_params *p,
                              const char *field, const char *value,
                              struct vireo_error *err)
{
    char *copy = strdup(value ? value : "");
    struct vireo_typed_param *slot;

    if (copy == NULL)
        return error_no_memory(err);
    slot = append(p, field, VIREO_TYPED_PARAM_STRING, err);
    if (slot == NULL) {
        free(copy);
        return -1;
    }
    slot->value.s = copy;
    return 0;
}

const struct vireo_typed_param *
vireo_typed_params_find(const struct vireo_typed_params *p, const char *field)
{
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->params[i].field, field) == 0)
            return &p->params[i];
    return NULL;
}

void
vireo_typed_params_clear(struct vireo_typed_params *p)
{
    for (int i = 0; i < p->n; i++)
        if (p->params[i].type == VIREO_TYPED_PARAM_STRING)
            free(p->params[i].value.s);
    free(p->params);
    memset(p, 0, sizeof(*p));
}

const char *
typed_param_type_name(int type)
{
    static const char *const names[] = {
        [VIREO_TYPED_PARAM_INT] = "int",
        [VIREO_TYPED_PARAM_UINT] = "uint",
        [VIREO_TYPED_PARAM_LLONG] = "llong",
        [VIREO_TYPED_PARAM_ULLONG] = "ullong",
        [VIREO_TYPED_PARAM_DOUBLE] = "double",
        [VIREO_TYPED_PARAM_BOOLEAN] = "boolean",
        [VIREO_TYPED_PARAM_STRING] = "string",
    };

    if (type < VIREO_TYPED_PARAM_INT || type > VIREO_TYPED_PARAM_STRING)
        return "unknown";
    return names[type];
}

static const struct typed_param_spec *
spec_find(const struct typed_param_spec *spec, const char *field)
{
    for (; spec->field != NULL; spec++)
        if (strcmp(spec->field, field) == 0)
            return spec;
    return NULL;
}

/* Whether field appears in p before index i. */
static bool
is_repeated(const struct vireo_typed_params *p, int i)
{
    for (int j = 0; j < i; j++)
        if (strcmp(p->params[j].field, p->params[i].field) == 0)
            return true;
    return false;
}

int
typed_params_validate(const struct vireo_typed_params *p,
                      const struct typed_param_spec *spec,
                      struct vireo_error *err)
{
    for (int i = 0; i < p->n; i++) {
        const struct vireo_typed_param *param = &p->params[i];
        const struct typed_param_spec *want = spec_find(spec, param->field);

        if (want == NULL)
            return error_set(err, VIR_ERR_ARGUMENT_UNSUPPORTED, VIR_FROM_NONE,
                             "parameter '%s' not supported", param->field);
        if (!want->is_multiple && is_repeated(p, i))
            return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                             "parameter '%s' occurs multiple times",
                             param->field);
        if (param->type != want->type)
            return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                             "invalid type '%s' for parameter '%s', "
                             "expected '%s'",
                             typed_param_type_name(param->type), param->field,
                             typed_param_type_name(want->type));
    }
    return 0;
}
