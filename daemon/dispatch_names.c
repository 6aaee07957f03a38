/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_names.c: names lists of the older list procedures
 * (dispatch_names.h). Driver threads.
 */
#include <stdlib.h>

#include "daemon/dispatch_names.h"
#include "drivers/error.h"

int
dispatch_names_check(int maxnames, int limit, const char *limit_name,
                     struct vireo_error *err)
{
    if (maxnames > limit)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC, "maxnames > %s",
                         limit_name);
    if (maxnames < 0)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_RPC, "%s",
                         "maxnames must not be negative");
    return 0;
}

char **
dispatch_names_buffer(int maxnames, struct vireo_error *err)
{
    char **names = calloc((size_t)maxnames + 1, sizeof(*names));

    if (names == NULL)
        error_no_memory(err);
    return names;
}

int
dispatch_names_put(char **names, int n, remote_nonnull_string **val,
                   u_int *len)
{
    if (n < 0) {
        free(names);
        return -1;
    }
    *val = names;
    *len = (u_int)n;
    return 0;
}

void *
dispatch_list_fill(int n, int limit, const char *what, size_t elem_size,
                   dispatch_list_put_fn put, void *handles, u_int *len,
                   int *rc, struct vireo_error *err)
{
    char *val;

    *rc = 0;
    if (n > limit) {
        *rc = error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                        "too many %s '%d' for limit '%d'", what, n, limit);
        return NULL;
    }
    if (handles == NULL)
        return NULL;
    val = calloc((size_t)n + 1, elem_size);
    if (val == NULL) {
        *rc = error_no_memory(err);
        return NULL;
    }
    for (int i = 0; i < n && *rc == 0; i++) {
        *rc = put(val + (size_t)i * elem_size, i, handles, err);
        *len = (u_int)i + 1;
    }
    return val;
}
