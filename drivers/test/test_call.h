/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_call.h: how a slot of the test driver reaches the driver's thread.
 *
 * Every test state belongs to the test driver's thread (testdrv.c). A slot
 * packs its arguments, and test_call() runs the operation there: directly
 * when the caller already is that thread (vireod runs every call of its
 * clients there), else by handing it over and waiting (a client process
 * calling an in-process connection from its own threads).
 */
#ifndef VIREO_DRIVERS_TEST_CALL_H
#define VIREO_DRIVERS_TEST_CALL_H

#include "api/vireo.h"

struct domain_obj;
struct test_state;

/* On the test thread: the operation, with the state conn opened and the
 * slot's packed arguments and results (io). 0 or more, or -1 with err set. */
typedef int (*test_op)(struct test_state *st, void *io,
                       struct vireo_error *err);
/* The same on the domain a handle names (already found by uuid). */
typedef int (*test_dom_op)(struct test_state *st, struct domain_obj *obj,
                           void *io, struct vireo_error *err);

/* Run op on conn's state. Returns op's result. */
int test_call(struct vireo_conn *conn, test_op op, void *io,
              struct vireo_error *err);

/* Find dom's domain (VIR_ERR_NO_DOMAIN if it is gone), run op on it, and
 * refresh dom's id from what the domain is afterwards. */
int test_call_dom(struct vireo_domain *dom, test_dom_op op, void *io,
                  struct vireo_error *err);

#endif /* VIREO_DRIVERS_TEST_CALL_H */
