/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * admin_params.h: building and reading the admin program's typed
 * parameters (admin_typed_param), the lists virt-admin prints as
 * "field : value" and sends to change settings. Any thread; the arrays
 * built are malloc'ed, for xdr_free to release with the rest of a reply.
 */
#ifndef VIREO_DAEMON_ADMIN_PARAMS_H
#define VIREO_DAEMON_ADMIN_PARAMS_H

#include <stdbool.h>
#include <stdint.h>

#include "api/vireo.h"
#include "wire/admin_protocol.h"

/* A list being built, at most `max` entries (the procedure's limit). */
struct admin_params {
    admin_typed_param *val;
    u_int              len;
    u_int              max;
};

/* Append one parameter. 0, or -1 with err set (no memory, or the list is
 * at its limit); the list keeps what it had. */
int admin_params_add_int(struct admin_params *p, const char *field,
                         int value, struct vireo_error *err);
int admin_params_add_uint(struct admin_params *p, const char *field,
                          unsigned int value, struct vireo_error *err);
int admin_params_add_ullong(struct admin_params *p, const char *field,
                            uint64_t value, struct vireo_error *err);
int admin_params_add_bool(struct admin_params *p, const char *field,
                          bool value, struct vireo_error *err);
int admin_params_add_string(struct admin_params *p, const char *field,
                            const char *value, struct vireo_error *err);

/* Free what was built (after a failure; a reply's list goes with the
 * reply). */
void admin_params_clear(struct admin_params *p);

/* The end of building a reply's list: with rc 0, hand it to *val and
 * *len (the reply's); with rc -1, free it. Returns rc. */
int admin_params_finish(struct admin_params *p, int rc,
                        admin_typed_param **val, u_int *len);

/* Check a received list against the fields a call takes, each an unsigned
 * int, as libvirt's validation does: an unknown field is
 * VIR_ERR_ARGUMENT_UNSUPPORTED "parameter '%s' not supported", a field of another
 * type "invalid type '%s' for parameter '%s', expected 'uint'". 0 or -1. */
int admin_params_check_uints(const admin_typed_param *val, u_int len,
                             const char *const *fields,
                             struct vireo_error *err);

/* The unsigned int named field in a checked list: true with *value set, or
 * false when absent. */
bool admin_params_get_uint(const admin_typed_param *val, u_int len,
                           const char *field, unsigned int *value);

#endif /* VIREO_DAEMON_ADMIN_PARAMS_H */
