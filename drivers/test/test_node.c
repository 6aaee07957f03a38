/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_node.c: the host figures of libvirt's test hypervisor: its vCPU
 * limit, SMBIOS, CPU statistics, free memory per cell, free pages, CPU
 * map and CPU models. libvirt's test driver answers most of them with
 * fixed figures, which these give as they are. The host is immutable
 * once its state exists (test_state.h), so these read it on the caller's
 * thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/cpu_map.h"
#include "drivers/cpu_x86.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/test/test_host.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"

#define TEST_MAX_VCPUS 32

/* The fixed CPU times libvirt's test host reports, in ns, whatever CPU
 * is asked about. */
static const struct vireo_node_stat cpu_stats[] = {
    { "user",   9797400000ull },
    { "kernel", 34678723400000ull },
    { "idle",   87264900000ull },
    { "iowait", 763600000ull },
};
#define N_CPU_STATS ((int)(sizeof(cpu_stats) / sizeof(*cpu_stats)))

/* The test host's CPU map: 8 CPUs, of which 0, 2 and 4 are online. */
#define TEST_MAP_CPUS   8
#define TEST_MAP_ONLINE 3
#define TEST_MAP_BITS   0x15

static const char sysinfo_xml[] =
    "<sysinfo type='smbios'>\n"
    "  <bios>\n"
    "    <entry name='vendor'>LENOVO</entry>\n"
    "    <entry name='version'>G4ETA1WW (2.61 )</entry>\n"
    "    <entry name='date'>05/07/2014</entry>\n"
    "    <entry name='release'>2.61</entry>\n"
    "  </bios>\n"
    "</sysinfo>\n";

static const struct test_host *
host_of(struct vireo_conn *conn)
{
    const struct test_state *st = conn->priv;

    return &st->host;
}

int
testdrv_conn_get_max_vcpus(struct vireo_conn *conn, const char *type,
                           struct vireo_error *err)
{
    return TEST_MAX_VCPUS;
}

char *
testdrv_conn_get_sysinfo(struct vireo_conn *conn, unsigned flags,
                         struct vireo_error *err)
{
    char *text;

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testConnectGetSysinfo") < 0)
        return NULL;
    text = strdup(sysinfo_xml);
    if (text == NULL)
        error_no_memory(err);
    return text;
}

int
testdrv_node_get_cpu_stats(struct vireo_conn *conn, int cpu_num,
                           struct vireo_node_stat *params, int *n_params,
                           unsigned flags, struct vireo_error *err)
{
    int i;

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testNodeGetCPUStats") < 0)
        return -1;
    if (params == NULL) {
        *n_params = N_CPU_STATS;
        return 0;
    }
    for (i = 0; i < *n_params && i < N_CPU_STATS; i++)
        params[i] = cpu_stats[i];
    *n_params = i;
    return 0;
}

/* libvirt's test driver answers each cell's total memory, not its free
 * memory, and in bytes the figure of KiB: kept as it is. */
int
testdrv_node_get_cells_free_memory(struct vireo_conn *conn,
                                   unsigned long long *free_bytes,
                                   int start_cell, int max_cells,
                                   struct vireo_error *err)
{
    const struct test_host *host = host_of(conn);
    int n = 0;

    if (start_cell < 0 || (unsigned)start_cell >= host->n_cells)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "Range exceeds available cells");
    for (unsigned c = start_cell; c < host->n_cells && n < max_cells; c++)
        free_bytes[n++] = test_host_cell_memory_kib(c);
    return n;
}

int
testdrv_node_get_free_memory(struct vireo_conn *conn,
                             unsigned long long *free_bytes,
                             struct vireo_error *err)
{
    const struct test_host *host = host_of(conn);

    *free_bytes = 0;
    for (unsigned c = 0; c < host->n_cells; c++)
        *free_bytes += test_host_cell_free_bytes(c);
    return 0;
}

/* libvirt's test driver makes figures up (6, then twice the last plus 7)
 * and returns 0, which libvirtd takes for a failure: kept as it is. */
int
testdrv_node_get_free_pages(struct vireo_conn *conn, unsigned n_pages,
                            const unsigned *pages_kib, int start_cell,
                            unsigned cell_count, unsigned long long *counts,
                            unsigned flags, struct vireo_error *err)
{
    unsigned long long x = 6;

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testNodeGetFreePages") < 0)
        return -1;
    for (unsigned i = 0; i < cell_count * n_pages; i++) {
        x = x * 2 + 7;
        counts[i] = x;
    }
    return 0;
}

int
testdrv_node_get_cpu_map(struct vireo_conn *conn, unsigned char **cpumap,
                         unsigned *online, unsigned flags,
                         struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testNodeGetCPUMap") < 0)
        return -1;
    if (cpumap != NULL) {
        *cpumap = calloc(1, 1);
        if (*cpumap == NULL)
            return error_no_memory(err);
        (*cpumap)[0] = TEST_MAP_BITS;
    }
    if (online != NULL)
        *online = TEST_MAP_ONLINE;
    return TEST_MAP_CPUS;
}

int
testdrv_conn_get_cpu_model_names(struct vireo_conn *conn, const char *arch,
                                 char ***models, unsigned flags,
                                 struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testConnectGetCPUModelNames") < 0)
        return -1;
    return cpu_map_model_names(CPU_MAP_DIR, arch, models, VIR_FROM_TEST,
                               err);
}

char *
testdrv_conn_baseline_cpu(struct vireo_conn *conn,
                          const char *const *xml_cpus, unsigned n_cpus,
                          unsigned flags, struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags,
                          CPU_BASELINE_EXPAND_FEATURES,
                          "testConnectBaselineCPU") < 0)
        return NULL;
    return cpu_x86_baseline(CPU_MAP_DIR, xml_cpus, n_cpus, flags, err);
}
