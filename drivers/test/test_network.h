/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_network.h: the networks of one test state, as libvirt's test
 * driver keeps them: a list of definitions, each active or not, persistent
 * or not, with the network lifecycle events of their changes. The slots
 * themselves are declared in test_slots.h.
 */
#ifndef VIREO_DRIVERS_TEST_TEST_NETWORK_H
#define VIREO_DRIVERS_TEST_TEST_NETWORK_H

#include "api/vireo.h"

struct test_networks;

/* Test thread, like everything here: an empty set; NULL when memory is
 * short. */
struct test_networks *test_networks_new(void);
void test_networks_free(struct test_networks *nets);

/* Add the network a state starts with, from its <network> document
 * (test:///default's `default`, or a node file's): persistent and
 * running. 0, or -1 with err set. */
int test_networks_add_initial(struct test_networks *nets, const char *xml,
                              struct vireo_error *err);

/* libvirt's `default` network of test:///default. */
extern const char test_networks_default_xml[];

/* conn is closing: drop its event registrations. */
void test_networks_close_conn(struct test_networks *nets,
                              struct vireo_conn *conn);

#endif /* VIREO_DRIVERS_TEST_TEST_NETWORK_H */
