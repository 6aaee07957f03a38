/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_domain.h: what test_domain.c shares with the other files of the
 * test driver: running a new definition, as create-xml does and as
 * restoring a saved domain does too.
 */
#ifndef VIREO_DRIVERS_TEST_DOMAIN_H
#define VIREO_DRIVERS_TEST_DOMAIN_H

#include <stdbool.h>

#include "api/vireo.h"

struct domain_def;
struct domain_obj;
struct test_state;

/* How a definition starts: paused or not, the running reason it gets and
 * the detail of its STARTED event. */
struct test_run_how {
    bool is_paused;
    int  running_reason;    /* enum vireo_domain_running_reason */
    int  started_detail;    /* VIR_DOMAIN_EVENT_STARTED_* */
};

/* Test thread: run def (taken over, even on failure) as a live domain: a
 * new transient one, or an inactive one with the same name and uuid,
 * which keeps its config for the next start. The STARTED event (and
 * SUSPENDED when paused) is queued. NULL with err set when another
 * domain holds the name or uuid, or the domain is already active. */
struct domain_obj *test_domain_run(struct test_state *st,
                                   struct domain_def *def,
                                   const struct test_run_how *how,
                                   struct vireo_error *err);

#endif /* VIREO_DRIVERS_TEST_DOMAIN_H */
