/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo-typed-params.h: the part of the public header for typed parameters
 * (libvirt's virTypedParameter), as tunables, statistics and jobs carry
 * them.
 *
 * Clients include vireo.h, which includes this file after the parts it
 * builds on; it is not meant to be included on its own.
 */
#ifndef VIREO_TYPED_PARAMS_H
#define VIREO_TYPED_PARAMS_H

#ifndef VIREO_H_INCLUDES
#error "include vireo.h, not vireo-typed-params.h"
#endif

/* ---- Typed parameters (libvirt's virTypedParameter) ------------------- */

/* Named values of one of seven types, as the tunables, statistics and job
 * calls carry them. Field names are at most 79 bytes. */
#define VIREO_TYPED_PARAM_FIELD_LENGTH 80

enum vireo_typed_param_type {
    VIREO_TYPED_PARAM_INT     = 1,
    VIREO_TYPED_PARAM_UINT    = 2,
    VIREO_TYPED_PARAM_LLONG   = 3,
    VIREO_TYPED_PARAM_ULLONG  = 4,
    VIREO_TYPED_PARAM_DOUBLE  = 5,
    VIREO_TYPED_PARAM_BOOLEAN = 6,
    VIREO_TYPED_PARAM_STRING  = 7,
};

struct vireo_typed_param {
    char field[VIREO_TYPED_PARAM_FIELD_LENGTH];
    int  type;                       /* enum vireo_typed_param_type */
    union {
        int                i;
        unsigned int       ui;
        long long          l;
        unsigned long long ul;
        double             d;
        int                b;        /* 0 or 1 */
        char              *s;        /* owned by the list */
    } value;
};

/* A growable list, in insertion order. Start from all zeros; free what it
 * holds with vireo_typed_params_clear(). */
struct vireo_typed_params {
    struct vireo_typed_param *params;
    int                       n;
    int                       cap;
};

/* Append one parameter: 0, or -1 with err set (field too long, no memory).
 * add_string copies value. */
VIREO_API int vireo_typed_params_add_int(struct vireo_typed_params *p,
                                         const char *field, int value,
                                         struct vireo_error *err);
VIREO_API int vireo_typed_params_add_uint(struct vireo_typed_params *p,
                                          const char *field,
                                          unsigned int value,
                                          struct vireo_error *err);
VIREO_API int vireo_typed_params_add_llong(struct vireo_typed_params *p,
                                           const char *field,
                                           long long value,
                                           struct vireo_error *err);
VIREO_API int vireo_typed_params_add_ullong(struct vireo_typed_params *p,
                                            const char *field,
                                            unsigned long long value,
                                            struct vireo_error *err);
VIREO_API int vireo_typed_params_add_double(struct vireo_typed_params *p,
                                            const char *field, double value,
                                            struct vireo_error *err);
VIREO_API int vireo_typed_params_add_boolean(struct vireo_typed_params *p,
                                             const char *field, int value,
                                             struct vireo_error *err);
VIREO_API int vireo_typed_params_add_string(struct vireo_typed_params *p,
                                            const char *field,
                                            const char *value,
                                            struct vireo_error *err);
/* The first parameter named field, or NULL. */
VIREO_API const struct vireo_typed_param *vireo_typed_params_find(
    const struct vireo_typed_params *p, const char *field);
/* Free the strings and the array; p is all zeros again. */
VIREO_API void vireo_typed_params_clear(struct vireo_typed_params *p);

#endif /* VIREO_TYPED_PARAMS_H */
