/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * driver_warn.c: formatting a driver's warning line.
 */
#include <stdio.h>

#include "drivers/driver_warn.h"

#define WARN_LINE_MAX 1024

void
driver_vwarn(void (*log_warning)(const char *message), const char *fmt,
             va_list ap)
{
    char line[WARN_LINE_MAX];

    vsnprintf(line, sizeof(line), fmt, ap);
    log_warning(line);
}
