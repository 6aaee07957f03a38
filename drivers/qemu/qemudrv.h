/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemudrv.h: the QEMU driver's table, for vireod's list of drivers. The
 * driver runs real qemu-system-x86_64 guests inside the daemon only
 * (qemu:///system, qemu:///session), on a thread of its own.
 */
#ifndef VIREO_QEMU_QEMUDRV_H
#define VIREO_QEMU_QEMUDRV_H

#include "drivers/driver.h"

extern const struct driver qemudrv;

#endif /* VIREO_QEMU_QEMUDRV_H */
