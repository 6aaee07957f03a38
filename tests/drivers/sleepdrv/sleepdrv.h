/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * sleepdrv.h: the sleep driver's table (sleep_priv.h says what it is).
 */
#ifndef VIREO_TESTS_SLEEPDRV_H
#define VIREO_TESTS_SLEEPDRV_H

#include "drivers/driver.h"

extern const struct driver sleepdrv;

#endif /* VIREO_TESTS_SLEEPDRV_H */
