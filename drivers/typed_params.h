/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * typed_params.h: what drivers need beyond the public list of typed
 * parameters (vireo.h): the check of a caller's parameters against the
 * fields a call accepts. Any thread.
 */
#ifndef VIREO_DRIVERS_TYPED_PARAMS_H
#define VIREO_DRIVERS_TYPED_PARAMS_H

#include <stdbool.h>

#include "api/vireo.h"

/* One accepted field; an array of them ends with a NULL field. */
struct typed_param_spec {
    const char *field;
    int         type;         /* enum vireo_typed_param_type */
    bool        is_multiple;  /* may be given more than once */
};

/* libvirt's virTypedParamsValidate: every parameter is a field of spec, of
 * its type, given once unless is_multiple. 0, or -1 with err set in
 * libvirt's words (VIR_ERR_ARGUMENT_UNSUPPORTED for an unknown field,
 * VIR_ERR_INVALID_ARG for a wrong type or a repeat). */
int typed_params_validate(const struct vireo_typed_params *p,
                          const struct typed_param_spec *spec,
                          struct vireo_error *err);

/* libvirt's name of a type: "int", "uint", ..., "string"; "unknown". */
const char *typed_param_type_name(int type);

#endif /* VIREO_DRIVERS_TYPED_PARAMS_H */
