/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * typed_param_wire.c: typed parameters to and from their XDR form. The
 * wire's union arms carry libvirt's type numbers, which are vireo's.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/typed_param_wire.h"

/* VIR_TYPED_PARAM_STRING_OKAY: the caller takes string parameters. */
#define STRING_OKAY (1u << 2)

static int
value_to_wire(const struct vireo_typed_param *in,
              remote_typed_param_value *out, struct vireo_error *err)
{
    out->type = in->type;
    switch (in->type) {
    case VIREO_TYPED_PARAM_INT:
        out->remote_typed_param_value_u.i = in->value.i;
        return 0;
    case VIREO_TYPED_PARAM_UINT:
        out->remote_typed_param_value_u.ui = in->value.ui;
        return 0;
    case VIREO_TYPED_PARAM_LLONG:
        out->remote_typed_param_value_u.l = in->value.l;
        return 0;
    case VIREO_TYPED_PARAM_ULLONG:
        out->remote_typed_param_value_u.ul = in->value.ul;
        return 0;
    case VIREO_TYPED_PARAM_DOUBLE:
        out->remote_typed_param_value_u.d = in->value.d;
        return 0;
    case VIREO_TYPED_PARAM_BOOLEAN:
        out->remote_typed_param_value_u.b = in->value.b;
        return 0;
    case VIREO_TYPED_PARAM_STRING:
        out->remote_typed_param_value_u.s = strdup(in->value.s);
        return out->remote_typed_param_value_u.s ? 0 : error_no_memory(err);
    }
    return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                     "unknown parameter type: %d", in->type);
}

int
typed_params_to_wire(const struct vireo_typed_params *p,
                     remote_typed_param **val, u_int *len,
                     struct vireo_error *err)
{
    remote_typed_param *arr = calloc((size_t)p->n + 1, sizeof(*arr));

    *val = arr;
    *len = 0;
    if (arr == NULL)
        return error_no_memory(err);
    for (int i = 0; i < p->n; i++) {
        arr[i].field = strdup(p->params[i].field);
        if (arr[i].field == NULL)
            return error_no_memory(err);
        *len = (u_int)i + 1;
        if (value_to_wire(&p->params[i], &arr[i].value, err) < 0) {
            arr[i].value.type = VIREO_TYPED_PARAM_INT; /* nothing to free */
            return -1;
        }
    }
    return 0;
}

int
typed_params_reply_to_wire(const struct vireo_typed_params *p, int wanted,
                           unsigned client_flags, remote_typed_param **val,
                           u_int *len, struct vireo_error *err)
{
    bool wants_strings = (client_flags & STRING_OKAY) != 0;
    int n = wanted < p->n ? (wanted < 0 ? 0 : wanted) : p->n;
    /* A view sharing p's values: freed, never cleared. */
    struct vireo_typed_params view = { calloc((size_t)n + 1,
                                              sizeof(*view.params)), 0, 0 };
    int rc;

    if (view.params == NULL) {
        *val = NULL;
        *len = 0;
        return error_no_memory(err);
    }
    for (int i = 0; i < n; i++)
        if (wants_strings || p->params[i].type != VIREO_TYPED_PARAM_STRING)
            view.params[view.n++] = p->params[i];
    rc = typed_params_to_wire(&view, val, len, err);
    free(view.params);
    return rc;
}

static int
add_from_wire(struct vireo_typed_params *p, const remote_typed_param *in,
              struct vireo_error *err)
{
    const remote_typed_param_value *v = &in->value;

    switch (v->type) {
    case VIREO_TYPED_PARAM_INT:
        return vireo_typed_params_add_int(p, in->field,
                                          v->remote_typed_param_value_u.i, err);
    case VIREO_TYPED_PARAM_UINT:
        return vireo_typed_params_add_uint(p, in->field,
                                           v->remote_typed_param_value_u.ui,
                                           err);
    case VIREO_TYPED_PARAM_LLONG:
        return vireo_typed_params_add_llong(p, in->field,
                                            v->remote_typed_param_value_u.l,
                                            err);
    case VIREO_TYPED_PARAM_ULLONG:
        return vireo_typed_params_add_ullong(p, in->field,
                                             v->remote_typed_param_value_u.ul,
                                             err);
    case VIREO_TYPED_PARAM_DOUBLE:
        return vireo_typed_params_add_double(p, in->field,
                                             v->remote_typed_param_value_u.d,
                                             err);
    case VIREO_TYPED_PARAM_BOOLEAN:
        return vireo_typed_params_add_boolean(p, in->field,
                                              v->remote_typed_param_value_u.b,
                                              err);
    case VIREO_TYPED_PARAM_STRING:
        return vireo_typed_params_add_string(p, in->field,
                                             v->remote_typed_param_value_u.s,
                                             err);
    }
    return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                     "unknown parameter type: %d", v->type);
}

int
typed_params_from_wire(const remote_typed_param *val, u_int len, int limit,
                       struct vireo_typed_params *p, struct vireo_error *err)
{
    if (len > (u_int)limit)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                         "too many parameters '%u' for limit '%d'", len,
                         limit);
    for (u_int i = 0; i < len; i++) {
        if (add_from_wire(p, &val[i], err) < 0) {
            vireo_typed_params_clear(p);
            return -1;
        }
    }
    return 0;
}
