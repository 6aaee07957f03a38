/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_keycodes.h: which keycodes each of libvirt's keycode sets holds
 * (test_keycodes.c, generated from libvirt's own tables), so that the test
 * driver refuses the codes libvirt's refuses. Immutable; any thread.
 */
#ifndef VIREO_DRIVERS_TEST_KEYCODES_H
#define VIREO_DRIVERS_TEST_KEYCODES_H

#include <stdbool.h>

#define TEST_KEYCODE_N_SETS 10     /* VIR_KEYCODE_SET_LAST */

struct keycode_range {
    unsigned lo, hi;               /* inclusive */
};

struct keycode_set {
    const char                 *name;    /* "linux", "os_x" ... */
    const struct keycode_range *ranges;  /* ascending */
    int                         n_ranges;
};

extern const struct keycode_set test_keycode_sets[TEST_KEYCODE_N_SETS];

/* Whether code is a key of codeset (which is < TEST_KEYCODE_N_SETS). */
bool test_keycode_is_known(unsigned codeset, unsigned code);

#endif /* VIREO_DRIVERS_TEST_KEYCODES_H */
