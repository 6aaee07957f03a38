/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_monitor.h: what the test driver's monitoring slots (test_monitor.c,
 * test_monitor_stats.c) share, and the host names the test hypervisor
 * gives its domains' interfaces. Test driver thread; plain functions of a
 * definition otherwise.
 */
#ifndef VIREO_DRIVERS_TEST_MONITOR_H
#define VIREO_DRIVERS_TEST_MONITOR_H

#include "api/vireo.h"

struct domain_def;
struct domain_interface;

/* The vCPUs online: <vcpu current=...>, else all of them. */
unsigned int test_monitor_vcpus_online(const struct domain_def *def);

/* libvirt's virDomainDiskIndexByName: a disk by target ("vda"), or by
 * source path when name starts with '/' (-1 if two disks share it); -1
 * when none. */
int test_monitor_disk_index(const struct domain_def *def, const char *name);

/* libvirt's virDomainNetFind: an interface by MAC address, or else by
 * host name; NULL with VIR_ERR_INVALID_ARG "'dev' is not a known
 * interface". */
const struct domain_interface *
test_monitor_find_interface(const struct domain_def *def, const char *device,
                            struct vireo_error *err);

#endif /* VIREO_DRIVERS_TEST_MONITOR_H */
