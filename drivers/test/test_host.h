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
    /* NUMA cells of the capabilities and of the free-memory queries,
     * which libvirt keeps apart from the nodes above: 2 for the default
     * host, none for a node file's. */
    unsigned int       n_cells;
};

/* libvirt's test host: i686 (model "i686"), 16 CPUs at 1400 MHz in 2
 * nodes of 2 sockets of 2 cores of 2 threads, 3 GiB, and 2 NUMA cells of
 * 8 CPUs each. A node file may change all but the architecture and the
 * cells (it has none), as in libvirt. */
void test_host_init_default(struct test_host *host);

/* The fixed figures of libvirt's test cells: cell i (from 0) holds
 * (i + 1) * 2 GiB, of which (i + 1) GiB are free, and 8 CPUs. */
#define TEST_HOST_CELL_CPUS 8
unsigned long long test_host_cell_memory_kib(unsigned cell);
unsigned long long test_host_cell_free_bytes(unsigned cell);

/* libvirt's test host pretends to have a security driver, and labels every
 * domain with it; clients (virsh dominfo) show both. */
#define TEST_HOST_SECURITY_MODEL "testSecurity"
#define TEST_HOST_SECURITY_DOI   ""
#define TEST_HOST_SECURITY_LABEL "libvirt-test"

/* The capabilities XML as libvirt's test driver writes it (host CPU
 * features and page sizes, the NUMA cells, hvm and xen guests for i686
 * with <domain type='test'/>); malloc'd, NULL on allocation failure. */
char *test_host_capabilities(const struct test_host *host);

#endif /* VIREO_DRIVERS_TEST_HOST_H */
