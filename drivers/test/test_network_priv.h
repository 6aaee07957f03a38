/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_network_priv.h: what test_network.c and test_network_query.c
 * share: the network objects of a test state and finding them.
 */
#ifndef VIREO_DRIVERS_TEST_TEST_NETWORK_PRIV_H
#define VIREO_DRIVERS_TEST_TEST_NETWORK_PRIV_H

#include <stdbool.h>

#include "drivers/network_list.h"
#include "drivers/test/test_network.h"

struct object_event_state;
struct test_state;

/* Owned by the test thread. */
struct test_networks {
    struct network_obj        *list;     /* definition order */
    struct object_event_state *events;
};

struct test_networks *test_networks_of(struct test_state *st);

/* NULL when absent. */
struct network_obj *test_networks_find_name(struct test_networks *nets,
                                            const char *name);
struct network_obj *test_networks_find_uuid(struct test_networks *nets,
                                            const unsigned char *uuid);
/* The same, with libvirt's VIR_ERR_NO_NETWORK set when absent. */
struct network_obj *test_networks_by_name(struct test_networks *nets,
                                          const char *name,
                                          struct vireo_error *err);
struct network_obj *test_networks_by_uuid(struct test_networks *nets,
                                          const unsigned char *uuid,
                                          struct vireo_error *err);

/* Queue a lifecycle event (VIR_NETWORK_EVENT_*) about obj. */
void test_networks_emit(struct test_networks *nets,
                        const struct network_obj *obj, int event);

#endif /* VIREO_DRIVERS_TEST_TEST_NETWORK_PRIV_H */
