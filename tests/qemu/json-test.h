/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * json-test.h: what the tests of QMP's parsers share, header-only: a
 * reply or event the test wrote itself, parsed.
 */
#ifndef VIREO_TESTS_QEMU_JSON_TEST_H
#define VIREO_TESTS_QEMU_JSON_TEST_H

#include <json-c/json.h>

#include "tests/tap.h"

/* text as a JSON object the caller puts. Text that does not parse is the
 * test's own mistake: every check fails then, rather than one. */
static inline json_object *
json_test_parse(const char *text)
{
    json_object *obj = json_tokener_parse(text);

    if (obj == NULL)
        tap_fail_all("the test's own JSON does not parse: %s", text);
    return obj;
}

#endif /* VIREO_TESTS_QEMU_JSON_TEST_H */
