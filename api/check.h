/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * check.h: the argument checks every public entry point starts with.
 *
 * Each check fills err with libvirt's code and wording, naming the public
 * function the way libvirt does ("invalid connection pointer in
 * virConnectGetType"), and returns -1; it returns 0 when the argument is
 * fine. Any thread.
 */
#ifndef VIREO_API_CHECK_H
#define VIREO_API_CHECK_H

#include <stdbool.h>

#include "api/vireo.h"

/* conn is an open connection (it has a driver). */
int check_conn(const struct vireo_conn *conn, const char *func,
               struct vireo_error *err);

/* dom is a domain handle on an open connection. */
int check_domain(const struct vireo_domain *dom, const char *func,
                 struct vireo_error *err);

/* conn may change things: VIR_ERR_OPERATION_DENIED on a read-only one. */
int check_writable(const struct vireo_conn *conn, const char *func,
                   struct vireo_error *err);

/* dom is a domain handle on an open connection that may change things. */
int check_domain_change(const struct vireo_domain *dom, const char *func,
                        struct vireo_error *err);

/* VIR_ERR_INVALID_ARG with the formatted message as libvirt words a bad
 * argument (no "invalid argument: " prefix). Returns -1. */
int check_invalid_arg(struct vireo_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A pointer argument the caller must give: "<arg> in <func> must not be
 * NULL". */
int check_non_null(const void *value, const char *arg, const char *func,
                   struct vireo_error *err);

/* An int argument that must be >= 0. */
int check_non_negative(int value, const char *arg, const char *func,
                       struct vireo_error *err);

/* The driver behind conn fills the slot func needs (has_slot), else
 * VIR_ERR_NO_SUPPORT naming func. */
int check_slot(const struct vireo_conn *conn, bool has_slot,
               const char *func, struct vireo_error *err);

#endif /* VIREO_API_CHECK_H */
