/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * main.c: vireod, with its drivers in startup order.
 */
#include "daemon/vireod.h"
#include "drivers/network/netdrv.h"
#include "drivers/qemu/qemudrv.h"
#include "drivers/storage/storagedrv.h"
#include "drivers/test/testdrv.h"

/* The qemu driver is daemon-only: clients reach it through vireod. The
 * network and storage drivers, its companions, come before it: up before
 * the guests' autostart, down after them. */
static const struct driver *const vireod_drivers[] = {
    &testdrv,
    &netdrv,
    &storagedrv,
    &qemudrv, NULL,
};

int
main(int argc, char **argv)
{
    return vireod_main(argc, argv, vireod_drivers);
}
