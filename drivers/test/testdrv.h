/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * testdrv.h: the in-memory "test" hypervisor, libvirt's test driver:
 * test:///default (one process-wide state holding the running domain
 * "test") and test:///ABS/PATH.xml (a private state from a node file).
 */
#ifndef VIREO_DRIVERS_TEST_TESTDRV_H
#define VIREO_DRIVERS_TEST_TESTDRV_H

#include "drivers/driver.h"

extern const struct driver testdrv;

#endif /* VIREO_DRIVERS_TEST_TESTDRV_H */
