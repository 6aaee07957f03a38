/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * iothread_info.c: freeing the I/O thread lists that
 * vireo_domain_get_iothread_info() returns and the drivers and the
 * daemon pass around (vireo.h). Any thread; the list is the caller's.
 */
#include <stdlib.h>

#include "api/vireo.h"

void
vireo_iothread_info_list_free(struct vireo_iothread_info *info, int n)
{
    for (int i = 0; info != NULL && i < n; i++)
        free(info[i].cpumap);
    free(info);
}
