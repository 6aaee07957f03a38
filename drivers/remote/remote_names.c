/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_names.c: names lists of the older list calls (remote_names.h).
 */
#include <stdlib.h>

#include "drivers/error.h"
#include "drivers/remote/remote_names.h"

int
remote_names_take(char **val, u_int n, char **names, int maxnames,
                  struct vireo_error *err)
{
    if ((int)n > maxnames || (n > 0 && names == NULL)) {
        for (u_int i = 0; i < n; i++)
            free(val[i]);
        free(val);
        return error_set(err, VIR_ERR_RPC, VIR_FROM_REMOTE,
                         "too many remote names: %u for a limit of %d", n,
                         maxnames);
    }
    for (u_int i = 0; i < n; i++)
        names[i] = val[i];
    free(val);
    return (int)n;
}
