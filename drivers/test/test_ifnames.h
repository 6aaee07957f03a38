/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_ifnames.h: the host-side names libvirt's test driver gives a
 * definition's interfaces ("testnet0", "testnet1" ...), as its define,
 * create and restore do, so that virsh finds them by name (domif-getlink,
 * domifstat) as it does against libvirtd. Any thread: a definition on its
 * way in belongs to its caller.
 */
#ifndef VIREO_DRIVERS_TEST_IFNAMES_H
#define VIREO_DRIVERS_TEST_IFNAMES_H

#include "api/vireo.h"

struct domain_def;

/* Name every interface of def that has no <target dev=...> after the
 * first "testnetN" no interface holds. 0, or -1 with err set (out of
 * names or memory). */
int test_ifnames_generate(struct domain_def *def, struct vireo_error *err);

#endif /* VIREO_DRIVERS_TEST_IFNAMES_H */
