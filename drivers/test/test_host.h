/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_host.h: the imaginary host a test driver state runs on, and the
 * capabilities document derived from it.
 */
#ifndef VIREO_DRIVERS_TEST_HOST_H
#define VIREO_DRIVERS_TEST_HOST_H

/* Plain data, fixed once its state is created: read without a lock. */
struct test_host {
    char               arch[16];     /* CPU architecture, e.g. "i686" */
    char               model[32];    /* CPU model, e.g. "i686" */
    unsigned int       mhz;
    unsigned int       cpus;         /* active CPUs */
    unsigned int       nodes;        /* NUMA cells */
    unsigned int       sockets;      /* per cell */
    unsigned int       cores;        /* per socket */
    unsigned int       threads;      /* per core */
    unsigned long long memory_kib;
};

/* libvirt's test host: i686 (model "i686"), 16 CPUs at 1400 MHz in 2
 * cells of 2 sockets of 2 cores of 2 threads, 3 GiB. A node file may
 * change all but the architecture, as in libvirt. */
void test_host_init_default(struct test_host *host);

/* libvirt's test host pretends to have a security driver, and labels every
 * domain with it; clients (virsh dominfo) show both. */
#define TEST_HOST_SECURITY_MODEL "testSecurity"
#define TEST_HOST_SECURITY_DOI   ""
#define TEST_HOST_SECURITY_LABEL "libvirt-test"

/* The capabilities XML (host cpu, topology cells, hvm guests for i686 and
 * x86_64 with <domain type='test'/>); malloc'd, NULL on allocation
 * failure. */
char *test_host_capabilities(const struct test_host *host);

#endif /* VIREO_DRIVERS_TEST_HOST_H */
