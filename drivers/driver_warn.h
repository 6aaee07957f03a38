/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * driver_warn.h: a printf-style line for the log_warning hook the daemon
 * hands a driver (struct driver_context), shared by the drivers' own
 * warn functions.
 */
#ifndef VIREO_DRIVERS_DRIVER_WARN_H
#define VIREO_DRIVERS_DRIVER_WARN_H

#include <stdarg.h>

/* Format fmt with ap into one line (cut at 1 KiB) and hand it to
 * log_warning. Any thread log_warning may be called from. */
void driver_vwarn(void (*log_warning)(const char *message), const char *fmt,
                  va_list ap) __attribute__((format(printf, 2, 0)));

#endif /* VIREO_DRIVERS_DRIVER_WARN_H */
