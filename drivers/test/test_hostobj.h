/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_hostobj.h: the node devices and host interfaces of one test
 * hypervisor state, as libvirt's test driver keeps them: lists in memory,
 * and for interfaces the copy an open change transaction (iface-begin)
 * will restore on rollback.
 */
#ifndef VIREO_DRIVERS_TEST_HOSTOBJ_H
#define VIREO_DRIVERS_TEST_HOSTOBJ_H

#include <stdbool.h>

#include "api/vireo.h"

struct iface_def;
struct nodedev_def;

/* One host interface and whether it is up. */
struct test_iface {
    struct iface_def *def;
    bool              is_active;
};

/* Owned by the test driver's thread, like the state that points to it
 * (test_state.h). Lists keep the order the objects were added in. */
struct test_hostobj {
    struct nodedev_def **devs;
    int                  n_devs;
    struct test_iface   *ifaces;
    int                  n_ifaces;
    bool                 is_transaction_running;
    struct test_iface   *backup;      /* what rollback restores */
    int                  n_backup;
};

/* An empty set (a node file's state: it names no devices or interfaces);
 * NULL with err set when memory is short. */
struct test_hostobj *test_hostobj_new(struct vireo_error *err);

/* Fill an empty set with test:///default's: the devices "computer",
 * "scsi_host1", "scsi_host2" and "scsi_host11", and the interface "eth1",
 * up. 0, or -1 with err set. */
int test_hostobj_fill_default(struct test_hostobj *ho,
                              struct vireo_error *err);

void test_hostobj_free(struct test_hostobj *ho);

/* Copies of the first (up to) maxnames of the n names src holds, into
 * the caller's array names: how many, or -1 with err set (none kept). */
int test_hostobj_copy_names(char **names, int maxnames,
                            const char *const *src, int n,
                            struct vireo_error *err);

/* Free n interfaces' definitions and the array. */
void test_hostobj_ifaces_free(struct test_iface *ifaces, int n);

/* test_nodedev.c: the vHBA libvirt's test driver mocks (scsi_host12, a
 * copy of scsi_host11 with the WWNs given), made for nodedev-create and
 * for a pool on a fc_host adapter, and removed; each queues its node
 * device event. 0, or -1 with err set (VIR_ERR_NO_NODE_DEVICE when there
 * is no vHBA to remove). */
struct test_state;
int test_nodedev_create_vport(struct test_state *st, const char *wwnn,
                              const char *wwpn, struct vireo_error *err);
int test_nodedev_destroy_vport(struct test_state *st,
                               struct vireo_error *err);

#endif /* VIREO_DRIVERS_TEST_HOSTOBJ_H */
