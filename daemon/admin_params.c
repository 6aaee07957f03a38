/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * admin_params.c: typed parameter lists of the admin program.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/admin_params.h"
#include "drivers/error.h"

/* libvirt's type numbers, as they travel. */
enum {
    PARAM_INT = 1, PARAM_UINT = 2, PARAM_LLONG = 3, PARAM_ULLONG = 4,
    PARAM_DOUBLE = 5, PARAM_BOOLEAN = 6, PARAM_STRING = 7,
};

/* Room for one more, named field; NULL with err set. */
static admin_typed_param *
append(struct admin_params *p, const char *field, int type,
       struct vireo_error *err)
{
    admin_typed_param *grown, *param;

    if (p->len >= p->max) {
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC,
                  "more than %u parameters", p->max);
        return NULL;
    }
    grown = realloc(p->val, (p->len + 1) * sizeof(*grown));
    if (grown == NULL) {
        error_no_memory(err);
        return NULL;
    }
    p->val = grown;
    param = &p->val[p->len];
    memset(param, 0, sizeof(*param));
    param->field = strdup(field);
    if (param->field == NULL) {
        error_no_memory(err);
        return NULL;
    }
    param->value.type = type;
    p->len++;
    return param;
}

int
admin_params_add_int(struct admin_params *p, const char *field, int value,
                     struct vireo_error *err)
{
    admin_typed_param *param = append(p, field, PARAM_INT, err);

    if (param == NULL)
        return -1;
    param->value.admin_typed_param_value_u.i = value;
    return 0;
}

int
admin_params_add_uint(struct admin_params *p, const char *field,
                      unsigned int value, struct vireo_error *err)
{
    admin_typed_param *param = append(p, field, PARAM_UINT, err);

    if (param == NULL)
        return -1;
    param->value.admin_typed_param_value_u.ui = value;
    return 0;
}

int
admin_params_add_ullong(struct admin_params *p, const char *field,
                        uint64_t value, struct vireo_error *err)
{
    admin_typed_param *param = append(p, field, PARAM_ULLONG, err);

    if (param == NULL)
        return -1;
    param->value.admin_typed_param_value_u.ul = value;
    return 0;
}

int
admin_params_add_bool(struct admin_params *p, const char *field, bool value,
                      struct vireo_error *err)
{
    admin_typed_param *param = append(p, field, PARAM_BOOLEAN, err);

    if (param == NULL)
        return -1;
    param->value.admin_typed_param_value_u.b = value ? 1 : 0;
    return 0;
}

int
admin_params_add_string(struct admin_params *p, const char *field,
                        const char *value, struct vireo_error *err)
{
    char *copy = strdup(value);
    admin_typed_param *param;

    if (copy == NULL)
        return error_no_memory(err);
    param = append(p, field, PARAM_STRING, err);
    if (param == NULL) {
        free(copy);
        return -1;
    }
    param->value.admin_typed_param_value_u.s = copy;
    return 0;
}

void
admin_params_clear(struct admin_params *p)
{
    for (u_int i = 0; i < p->len; i++) {
        free(p->val[i].field);
        if (p->val[i].value.type == PARAM_STRING)
            free(p->val[i].value.admin_typed_param_value_u.s);
    }
    free(p->val);
    p->val = NULL;
    p->len = 0;
}

int
admin_params_finish(struct admin_params *p, int rc, admin_typed_param **val,
                    u_int *len)
{
    if (rc < 0) {
        admin_params_clear(p);
        return -1;
    }
    *val = p->val;
    *len = p->len;
    return 0;
}

static bool
is_known(const char *field, const char *const *fields)
{
    for (size_t i = 0; fields[i] != NULL; i++)
        if (strcmp(fields[i], field) == 0)
            return true;
    return false;
}

int
admin_params_check_uints(const admin_typed_param *val, u_int len,
                         const char *const *fields, struct vireo_error *err)
{
    for (u_int i = 0; i < len; i++) {
        if (!is_known(val[i].field, fields))
            return error_set(err, VIR_ERR_ARGUMENT_UNSUPPORTED,
                             VIR_FROM_NONE, "parameter '%s' not supported",
                             val[i].field);
        if (val[i].value.type != PARAM_UINT)
            return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_NONE,
                             "invalid type '%d' for parameter '%s', "
                             "expected 'uint'", val[i].value.type,
                             val[i].field);
    }
    return 0;
}

bool
admin_params_get_uint(const admin_typed_param *val, u_int len,
                      const char *field, unsigned int *value)
{
    for (u_int i = 0; i < len; i++) {
        if (strcmp(val[i].field, field) == 0) {
            *value = val[i].value.admin_typed_param_value_u.ui;
            return true;
        }
    }
    return false;
}
