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
