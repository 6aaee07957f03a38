/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireod_sleep.c: vireod with the sleep driver beside the test driver,
 * for the tests that drive real clients against a driver that waits on
 * processes, pipes and timers.
 */
#include "daemon/vireod.h"
#include "drivers/test/testdrv.h"
#include "tests/drivers/sleepdrv/sleepdrv.h"

static const struct driver *const drivers[] = { &testdrv, &sleepdrv, NULL };

int
main(int argc, char **argv)
{
    return vireod_main(argc, argv, drivers);
}
