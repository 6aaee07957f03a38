/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storagedrv.h: the storage driver, libvirt's storage driver for
 * qemu:///system: daemon-only, a companion of the qemu driver serving
 * every storage pool and volume call of its connections.
 */
#ifndef VIREO_DRIVERS_STORAGEDRV_H
#define VIREO_DRIVERS_STORAGEDRV_H

#include "drivers/driver.h"

extern const struct driver storagedrv;

#endif /* VIREO_DRIVERS_STORAGEDRV_H */
