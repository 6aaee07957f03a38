/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * error.h: filling a struct vireo_error where a failure happens.
 *
 * Messages follow libvirt's wording: the code's standard prefix ("Requested
 * operation is not valid: ", "XML error: ", ...) and then the detail, so a
 * real libvirt client prints the same text for the same failure.
 */
#ifndef VIREO_DRIVERS_ERROR_H
#define VIREO_DRIVERS_ERROR_H

#include "api/vireo.h"

struct driver;

/* Fill err (which may be NULL) with code, domain and the prefixed, formatted
 * message. Returns -1 so that it can end a function. Any thread. */
int error_set(struct vireo_error *err, int code, int domain,
              const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Fill err with a message used verbatim (no prefix): for errors that arrive
 * already worded, such as those read off the wire. Returns -1. */
int error_set_raw(struct vireo_error *err, int code, int domain,
                  const char *message);

/* VIR_ERR_NO_SUPPORT for a driver slot that is NULL. Returns -1. */
int error_unsupported(struct vireo_error *err, const struct driver *drv,
                      const char *what);

/* VIR_ERR_NO_MEMORY. Returns -1. */
int error_no_memory(struct vireo_error *err);

/* Refuse flags outside `supported` as libvirt does (VIR_ERR_INVALID_ARG,
 * "unsupported flags (0x..) in function <func>", with no prefix). Returns
 * 0 or -1. */
int error_check_flags(struct vireo_error *err, int domain, unsigned flags,
                      unsigned supported, const char *func);

/* Reset err to VIR_ERR_OK with an empty message. */
void error_clear(struct vireo_error *err);

/* libvirt's prefix for a code ("internal error", ...), or NULL for codes
 * whose message is the detail alone. */
const char *error_prefix(int code);

#endif /* VIREO_DRIVERS_ERROR_H */
