/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_tune.h: what the tuning slots of the test driver share (the slots
 * themselves are in test_slots.h): choosing the definitions a call is
 * about. Test driver's thread only; the definitions belong to obj.
 */
#ifndef VIREO_DRIVERS_TEST_TUNE_H
#define VIREO_DRIVERS_TEST_TUNE_H

#include <stdbool.h>

#include "api/vireo.h"
#include "drivers/domain_list.h"

/* The one definition flags name, to change (libvirt's
 * virDomainObjGetOneDefState): the live one, or the persistent one (made
 * for a running domain that has none yet). *is_live (may be NULL) tells
 * which. NULL with err set: LIVE and CONFIG together, LIVE on an inactive
 * domain, CONFIG on a transient one. */
struct domain_def *test_tune_one_def(struct domain_obj *obj, unsigned flags,
                                     bool *is_live, struct vireo_error *err);

/* The same, to read only: nothing is made. */
const struct domain_def *test_tune_read_def(struct domain_obj *obj,
                                            unsigned flags,
                                            struct vireo_error *err);

/* Both definitions flags name (virDomainObjGetDefs): *live and
 * *persistent, each NULL when not named. 0, or -1 with err set. */
int test_tune_defs(struct domain_obj *obj, unsigned flags,
                   struct domain_def **live, struct domain_def **persistent,
                   struct vireo_error *err);

#endif /* VIREO_DRIVERS_TEST_TUNE_H */
