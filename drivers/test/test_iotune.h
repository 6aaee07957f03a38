/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_iotune.h: what the test driver's I/O tunables (test_iotune.c for
 * block I/O, test_iotune_net.c for interfaces and perf events) share.
 * Test driver's thread.
 */
#ifndef VIREO_DRIVERS_TEST_IOTUNE_H
#define VIREO_DRIVERS_TEST_IOTUNE_H

#include "api/vireo.h"

/* The flags these calls take: VIR_DOMAIN_AFFECT_LIVE and _CONFIG, and
 * for the getters VIR_TYPED_PARAM_STRING_OKAY. */
#define TEST_IOTUNE_AFFECT (VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG)
#define TEST_IOTUNE_STRING_OKAY (1u << 2)

/* One call, from the caller's thread to the driver's and back. */
struct test_iotune_io {
    struct vireo_typed_params       *out;    /* a getter's answer */
    const struct vireo_typed_params *in;     /* a setter's parameters */
    const char                      *device; /* the disk or interface */
    unsigned                         flags;
};

#endif /* VIREO_DRIVERS_TEST_IOTUNE_H */
