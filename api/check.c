/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * check.c: argument checks shared by the public entry points, worded as
 * libvirt's virCheck*() macros word them so that messages match virsh's.
 */
#include <stdarg.h>
#include <stdio.h>

#include "api/check.h"
#include "drivers/error.h"
#include "drivers/handle.h"

int
check_conn(const struct vireo_conn *conn, const char *func,
           struct vireo_error *err)
{
    /* A connection without a driver was never opened (or failed to open). */
    if (conn == NULL || conn->driver == NULL)
        return error_set(err, VIR_ERR_INVALID_CONN, VIR_FROM_NONE, "%s", func);
    return 0;
}

int
check_domain(const struct vireo_domain *dom, const char *func,
             struct vireo_error *err)
{
    if (dom == NULL || dom->conn == NULL || dom->conn->driver == NULL)
        return error_set(err, VIR_ERR_INVALID_DOMAIN, VIR_FROM_DOM, "%s",
                         func);
    return 0;
}

int
check_writable(const struct vireo_conn *conn, const char *func,
               struct vireo_error *err)
{
    if (conn->is_read_only)
        return error_set(err, VIR_ERR_OPERATION_DENIED, VIR_FROM_DOMAIN,
                         "read only access prevents %s", func);
    return 0;
}

/* libvirt raises a bad argument (virReportInvalidArg() and the
 * virCheck*Arg() macros) with its message alone: no "invalid argument: "
 * prefix, which error_set() would add. */
int
check_invalid_arg(struct vireo_error *err, const char *fmt, ...)
{
    char message[sizeof(err->message)];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(message, sizeof(message), fmt, ap);
    va_end(ap);
    return error_set_raw(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN, message);
}

int
check_non_null(const void *value, const char *arg, const char *func,
               struct vireo_error *err)
{
    if (value == NULL)
        return check_invalid_arg(err, "%s in %s must not be NULL", arg,
                                 func);
    return 0;
}

int
check_non_negative(int value, const char *arg, const char *func,
                   struct vireo_error *err)
{
    if (value < 0)
        return check_invalid_arg(err, "%s in %s must be zero or greater",
                                 arg, func);
    return 0;
}

int
check_domain_change(const struct vireo_domain *dom, const char *func,
                    struct vireo_error *err)
{
    if (check_domain(dom, func, err) < 0)
        return -1;
    return check_writable(dom->conn, func, err);
}

int
check_slot(const struct vireo_conn *conn, bool has_slot, const char *func,
           struct vireo_error *err)
{
    return has_slot ? 0 : error_unsupported(err, conn->driver, func);
}
