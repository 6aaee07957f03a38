/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_check.h: the argument checks of the storage entry points
 * (storage_pool.c, storage_vol.c), in check.h's manner. Any thread.
 */
#ifndef VIREO_API_STORAGE_CHECK_H
#define VIREO_API_STORAGE_CHECK_H

#include <stdbool.h>

#include "api/vireo.h"

struct driver;

/* pool (vol) is a handle on an open connection:
 * VIR_ERR_INVALID_STORAGE_POOL (_VOL) naming func otherwise. */
int check_pool(const struct vireo_storage_pool *pool, const char *func,
               struct vireo_error *err);
int check_vol(const struct vireo_storage_vol *vol, const char *func,
              struct vireo_error *err);

#endif /* VIREO_API_STORAGE_CHECK_H */
