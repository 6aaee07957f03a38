/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * api-test.h: helpers shared by the client library's tests: checking an
 * error as a caller sees it, and small domain XML documents.
 */
#ifndef VIREO_TESTS_API_TEST_H
#define VIREO_TESTS_API_TEST_H

#include <stdio.h>
#include <string.h>

#include "tests/tap.h"
#include "vireo.h"

/* One check: the call failed with this code and exactly this message. */
static inline void
is_error(const struct vireo_error *err, int code, const char *message,
         const char *what)
{
    bool pass = err->code == code && strcmp(err->message, message) == 0;

    if (!tap_ok(pass, "%s", what))
        tap_diag("  got %d '%s', want %d '%s'", err->code, err->message,
                 code, message);
}

/* One check: the call failed with this code (message not checked). */
static inline void
is_error_code(const struct vireo_error *err, int code, const char *what)
{
    if (!tap_ok(err->code == code, "%s", what))
        tap_diag("  got %d '%s', want code %d", err->code, err->message,
                 code);
}

/* A minimal persistent or transient domain called name. */
static inline const char *
domain_xml(char *buf, size_t len, const char *name)
{
    snprintf(buf, len,
             "<domain type='test'>"
             "<name>%s</name>"
             "<memory unit='MiB'>128</memory>"
             "<vcpu>1</vcpu>"
             "<os><type arch='x86_64'>hvm</type></os>"
             "</domain>", name);
    return buf;
}

#endif /* VIREO_TESTS_API_TEST_H */
