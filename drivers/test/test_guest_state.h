/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_guest_state.h: what libvirt's test driver keeps about a domain's
 * imaginary guest beyond its definition: the guest's clock and which of
 * its two file systems are frozen. It hangs on the domain object
 * (obj->priv) and lives as long as the object, whatever the domain's
 * state, as libvirt keeps it.
 */
#ifndef VIREO_DRIVERS_TEST_GUEST_STATE_H
#define VIREO_DRIVERS_TEST_GUEST_STATE_H

#include <stdbool.h>

#include "api/vireo.h"

struct domain_obj;

/* libvirt's test guest has two file systems, "/" and "/boot", both on its
 * first disk. */
enum {
    TEST_FS_ROOT = 0,
    TEST_FS_BOOT,
    TEST_N_FS
};

/* The polling of an I/O thread added by virDomainAddIOThread, which
 * libvirt's test driver keeps beside the definition and which only
 * virDomainSetIOThreadParams changes. */
struct test_iothread_poll {
    unsigned int       iothread_id;
    unsigned long long poll_max_ns;  /* 32768 until set */
    unsigned int       poll_grow;
    unsigned int       poll_shrink;
};

/* Owned by the test driver's thread, with the object it hangs on. */
struct test_guest_state {
    long long time_s;              /* the guest's clock: 627319920 (1989-11-17
                                    * 15:32:00 UTC) until set */
    unsigned  time_ns;
    bool      is_frozen[TEST_N_FS];
    struct test_iothread_poll *iothread_polls; /* one per I/O thread added
                                                * by the API, malloc'ed */
    int       n_iothread_polls;
};

/* Test thread: obj's guest state, made on first use. NULL with err set
 * when memory is short. */
struct test_guest_state *test_guest_state(struct domain_obj *obj,
                                          struct vireo_error *err);

#endif /* VIREO_DRIVERS_TEST_GUEST_STATE_H */
