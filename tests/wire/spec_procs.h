/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * spec_procs.h: the remote procedures of the protocol notes' §5 tables,
 * the ones whose traits and payload bytes the wire tests pin down one by
 * one. Procedures added since (tunables, statistics, snapshots, devices,
 * host calls, events) are checked against libvirt's own encoder instead:
 * virsh and python3-libvirt call them in the integration tests.
 */
#ifndef VIREO_TESTS_WIRE_SPEC_PROCS_H
#define VIREO_TESTS_WIRE_SPEC_PROCS_H

#include <stdbool.h>
#include <stddef.h>

static const int spec_procs[] = {
    1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 17, 19, 21, 22, 23, 24,
    25, 27, 28, 29, 33, 34, 35, 37, 51, 59, 60, 66, 105, 106, 107, 110, 121,
    122, 149, 150, 151, 157, 167, 168, 169, 183, 187, 196, 200, 201, 202,
    203, 212, 229, 231, 234, 245, 258, 273, 316, 317, 318, 319, 344, 350,
    360, 361, 362, 426,
};

static inline bool
is_spec_proc(int number)
{
    for (size_t i = 0; i < sizeof(spec_procs) / sizeof(spec_procs[0]); i++)
        if (spec_procs[i] == number)
            return true;
    return false;
}

#endif /* VIREO_TESTS_WIRE_SPEC_PROCS_H */
